import { describe, expect, it } from "vitest";
import { ownerLine } from "./owner";

describe("ownerLine", () => {
  const account = { ownerAccountName: "Lee Participant", ownerAccountEmail: "lee@example.com" };
  const none = { ownerAccountName: null, ownerAccountEmail: null };

  it("says the account as the owner's way in when the typed name is someone else's", () => {
    expect(ownerLine({ ownerName: "Paula Owner", ...account })).toBe("Paula Owner (on Problem First: Lee Participant, lee@example.com)");
  });

  it("names the owner once when the name is the account's, or only one of them was given", () => {
    expect(ownerLine({ ownerName: "Lee Participant", ...account })).toBe("Lee Participant (lee@example.com)");
    expect(ownerLine({ ownerName: " ", ...account })).toBe("Lee Participant (lee@example.com)");
    expect(ownerLine({ ownerName: " Paula Owner ", ...none })).toBe("Paula Owner");
  });

  it("sends people to the organizers when nobody is named", () => {
    expect(ownerLine({ ownerName: "", ...none })).toBe("Ask the organizers");
    expect(ownerLine({ ownerName: "", ownerAccountName: "Lee", ownerAccountEmail: null })).toBe("Ask the organizers");
  });
});
