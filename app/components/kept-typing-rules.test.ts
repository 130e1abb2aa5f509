import { describe, expect, it } from "vitest";
import { broughtBackWords, formIdentity, isKeptKind, KEPT_FOR_MS, keptTypingFate } from "./kept-typing-rules";

describe("keptTypingFate", () => {
  const kept = { userId: "kim", path: "/account", at: 1_000_000 };

  it("waits while nobody is signed in: the sign-in page, on the way back", () => {
    expect(keptTypingFate(kept, null, "/login", kept.at + 60_000)).toBe("wait");
    expect(keptTypingFate(kept, null, "/account", kept.at)).toBe("wait");
  });

  it("puts the typing back on its own page, for the person who typed it, until KEPT_FOR_MS has passed", () => {
    expect(keptTypingFate(kept, "kim", "/account", kept.at + 60_000)).toBe("restore");
    expect(keptTypingFate(kept, "kim", "/account", kept.at + KEPT_FOR_MS)).toBe("restore");
    expect(keptTypingFate(kept, "kim", "/account", kept.at + KEPT_FOR_MS + 1)).toBe("drop");
    expect(keptTypingFate(kept, null, "/login", kept.at + KEPT_FOR_MS + 1)).toBe("drop");
  });

  it("never shows it to another account, and forgets it when the person lands elsewhere", () => {
    expect(keptTypingFate(kept, "lee", "/account", kept.at + 60_000)).toBe("drop");
    expect(keptTypingFate(kept, "kim", "/", kept.at + 60_000)).toBe("drop");
  });

  it("keeps typing for two hours", () => {
    expect(KEPT_FOR_MS).toBe(2 * 60 * 60 * 1000);
  });
});

describe("isKeptKind", () => {
  it("keeps what people type or pick", () => {
    for (const type of ["text", "textarea", "email", "url", "number", "datetime-local", "checkbox", "radio", "select-one", "search"])
      expect(isKeptKind(type)).toBe(true);
  });

  it("never keeps a password, a file, a hidden field or a button", () => {
    for (const type of ["password", "file", "hidden", "submit", "button", "reset", "image"]) expect(isKeptKind(type)).toBe(false);
  });
});

describe("formIdentity", () => {
  it("names a form by its action and the hidden fields that say what it does and to what", () => {
    expect(
      formIdentity("/events/x/manage", [
        ["intent", "add-judge"],
        ["version", "7"],
      ]),
    ).toBe("/events/x/manage&intent=add-judge");
    expect(
      formIdentity("/events/x/find-a-team", [
        ["teamId", "t2"],
        ["intent", "ask"],
      ]),
    ).toBe("/events/x/find-a-team&intent=ask&teamId=t2");
    expect(formIdentity("", [["id", "a1"]])).toBe("&id=a1");
  });

  it("tells apart two forms of one page that differ only in what they act on", () => {
    const ask = (teamId: string) =>
      formIdentity("/f", [
        ["intent", "ask"],
        ["teamId", teamId],
      ]);
    expect(ask("t1")).not.toBe(ask("t2"));
    expect(formIdentity("/m", [["intent", "add-judge"]])).not.toBe(formIdentity("/m", [["intent", "add-organizer"]]));
  });

  it("leaves out hidden fields that change with every save", () => {
    expect(
      formIdentity("/e", [
        ["version", "1"],
        ["redirectTo", "/x"],
        ["valid", "y"],
        ["teamIdea", "z"],
      ]),
    ).toBe("/e");
  });
});

describe("broughtBackWords", () => {
  it("says nothing when nothing was kept for the page", () => {
    expect(broughtBackWords(0, 0)).toBeNull();
  });

  it("says the typing is back, all of it or all but what was saved differently meanwhile, or that none of it could be", () => {
    expect(broughtBackWords(2, 0)).toBe(
      "Your session had ended, so your last change was not saved. What you typed is back in the form below: check it and save again.",
    );
    expect(broughtBackWords(1, 1)).toBe(
      "Your session had ended, so your last change was not saved. What you typed is back in the form below, except where the saved text changed meanwhile: check it and save again.",
    );
    expect(broughtBackWords(0, 3)).toBe(
      "Your session had ended, so your last change was not saved. The form's saved text changed meanwhile, so what you typed was not put back over it: check the form before typing again.",
    );
  });
});
