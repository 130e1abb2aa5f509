// The join request state machine (ADR 032): who may move a request where, and asking again only once.
import { describe, expect, it } from "vitest";
import { afterMove, canAsk, MAX_ASKS, moveRefusal, type JoinRequestState, shownOpenTeams } from "./join-requests";
import { askSchema, openingSchema, seekerPostSchema } from "./schemas";

const pending: JoinRequestState = { status: "pending", asks: 1 };
const declinedOnce: JoinRequestState = { status: "declined", asks: 1 };
const withdrawnOnce: JoinRequestState = { status: "withdrawn", asks: 1 };

describe("asking a team", () => {
  it("starts a pending request when there is none", () => {
    expect(moveRefusal(null, "ask", "asker")).toBeNull();
    expect(afterMove(null, "ask", "asker")).toEqual({ status: "pending", asks: 1 });
  });

  it("is made again once after a decline or a withdrawal, and never a third time", () => {
    expect(afterMove(declinedOnce, "ask", "asker")).toEqual({ status: "pending", asks: 2 });
    expect(afterMove(withdrawnOnce, "ask", "asker")).toEqual({ status: "pending", asks: 2 });
    const secondDecline = afterMove(afterMove(declinedOnce, "ask", "asker"), "decline", "lead");
    expect(secondDecline).toEqual({ status: "declined", asks: MAX_ASKS });
    expect(moveRefusal(secondDecline, "ask", "asker")).toBe("You asked this team twice already: a declined or withdrawn request can be made again only once.");
    expect(canAsk(secondDecline)).toBe(false);
    expect(canAsk({ status: "withdrawn", asks: 2 })).toBe(false);
  });

  it("is refused while a request waits, and once accepted", () => {
    expect(moveRefusal(pending, "ask", "asker")).toBe("You already asked this team. Wait for the lead's answer, or withdraw the request.");
    expect(moveRefusal({ status: "accepted", asks: 1 }, "ask", "asker")).toBe("The lead already accepted your request.");
  });

  it("is the asker's move, never the lead's", () => {
    expect(moveRefusal(null, "ask", "lead")).toBe("Only the person who asked can do that.");
  });
});

describe("answering and withdrawing", () => {
  it("lets the lead accept or decline a pending request, and nobody else", () => {
    expect(afterMove(pending, "accept", "lead")).toEqual({ status: "accepted", asks: 1 });
    expect(afterMove(pending, "decline", "lead")).toEqual({ status: "declined", asks: 1 });
    expect(moveRefusal(pending, "accept", "asker")).toBe("Only the team lead can answer a request to join.");
    expect(moveRefusal(pending, "decline", "asker")).toBe("Only the team lead can answer a request to join.");
  });

  it("lets the asker withdraw a pending request, not the lead", () => {
    expect(afterMove(pending, "withdraw", "asker")).toEqual({ status: "withdrawn", asks: 1 });
    expect(moveRefusal(pending, "withdraw", "lead")).toBe("Only the person who asked can do that.");
  });

  it("moves only pending requests: an answered or withdrawn one says what became of it", () => {
    for (const move of ["accept", "decline"] as const) {
      expect(moveRefusal(declinedOnce, move, "lead")).toBe("This request is no longer pending: it was declined.");
      expect(moveRefusal(withdrawnOnce, move, "lead")).toBe("This request is no longer pending: it was withdrawn.");
      expect(moveRefusal({ status: "accepted", asks: 1 }, move, "lead")).toBe("This request is no longer pending: it was accepted.");
    }
    expect(moveRefusal(declinedOnce, "withdraw", "asker")).toBe("This request is no longer pending: it was declined.");
    expect(moveRefusal(null, "accept", "lead")).toBe("There is no such request.");
    expect(afterMove(declinedOnce, "accept", "lead")).toBe(declinedOnce);
  });
});

describe("the page's forms", () => {
  it("need a few words about the person and the team, and keep them within 500 characters", () => {
    expect(seekerPostSchema.safeParse({ skills: "SQL" }).success).toBe(true);
    expect(seekerPostSchema.safeParse({ skills: " a " }).error?.issues[0].message).toBe("Say what you are good at or interested in (at least 3 characters)");
    expect(openingSchema.safeParse({ needs: "x".repeat(501) }).error?.issues[0].message).toBe("Use at most 500 characters");
    expect(askSchema.safeParse({}).error?.issues[0].message).toBe("Pick a team to ask");
  });
});

describe("shownOpenTeams", () => {
  const teams = [
    { id: "open", memberCount: 2 },
    { id: "full", memberCount: 3 },
    { id: "mine", memberCount: 3 },
    { id: "asked", memberCount: 4 },
  ];
  it("leaves out full teams, except one's own and those one asked to join", () => {
    expect(shownOpenTeams(teams, 3, "mine", ["asked"]).map((t) => t.id)).toEqual(["open", "mine", "asked"]);
    expect(shownOpenTeams(teams, 3, null, []).map((t) => t.id)).toEqual(["open"]);
    expect(shownOpenTeams(teams, 4, null, []).map((t) => t.id)).toEqual(["open", "full", "mine"]);
  });
});
