import { describe, expect, it } from "vitest";
import { endedInvitationWords, type InvitationFacts } from "./invitations";

const standing: InvitationFacts = {
  teamId: "t1",
  teamName: "Forecasters",
  stands: true,
  saidNoThanks: false,
  requestDeclined: false,
  inTeam: null,
  joiningRefused: null,
};

describe("endedInvitationWords: why an invitation a notice told of no longer stands", () => {
  it("says nothing while the invitation stands and can be answered", () => {
    expect(endedInvitationWords(standing)).toBeNull();
  });

  it("says why it ended: no thanks, a declined request, or for no reason known", () => {
    expect(endedInvitationWords({ ...standing, stands: false, saidNoThanks: true })).toBe(
      "You said no thanks to the invitation from Forecasters. You can still ask to join it if it is looking.",
    );
    expect(endedInvitationWords({ ...standing, stands: false, requestDeclined: true })).toBe(
      "The invitation from Forecasters is no longer open: its lead declined your request to join, which withdrew it.",
    );
    expect(endedInvitationWords({ ...standing, stands: false })).toBe("The invitation from Forecasters is no longer open.");
  });

  it("puts the team the person is in first, whatever became of the invitation", () => {
    expect(endedInvitationWords({ ...standing, inTeam: { id: "t1", name: "Forecasters" } })).toBe("You are in Forecasters now.");
    expect(endedInvitationWords({ ...standing, stands: false, saidNoThanks: true, inTeam: { id: "t2", name: "Routers" } })).toBe(
      "The invitation from Forecasters is no longer open: you are in Routers now.",
    );
  });

  it("says when a standing invitation can no longer be answered, with the reason joining is refused", () => {
    expect(endedInvitationWords({ ...standing, joiningRefused: "Submissions are closed." })).toBe(
      "The invitation from Forecasters can no longer be answered: Submissions are closed.",
    );
    // Said no thanks: that answer is what they need to read, not the event's state.
    expect(endedInvitationWords({ ...standing, stands: false, saidNoThanks: true, joiningRefused: "Submissions are closed." })).toMatch(/^You said no thanks/);
  });

  it("says when the team is gone", () => {
    expect(endedInvitationWords({ ...standing, teamName: null, stands: false })).toBe("The team that invited you is no longer in this event.");
  });
});
