import { describe, expect, it } from "vitest";
import { peoplesChoiceSettingsSchema, tallyVotes, voteBoxState, voteToast, voteWindow, windowSentence, withdrawToast, type VoteWindow } from "./rules";

const deadline = new Date("2026-12-02T12:00:00Z");
const closesAt = new Date("2026-12-03T12:00:00Z");
const on = { enabled: true, closesAt };
const at = (iso: string) => new Date(iso);

describe("voteWindow", () => {
  it("is off unless enabled with a closing time", () => {
    expect(voteWindow({ enabled: false, closesAt }, { phase: "open", submissionDeadline: deadline }, at("2026-12-02T13:00:00Z"))).toEqual({ state: "off" });
    expect(voteWindow({ enabled: true, closesAt: null }, { phase: "open", submissionDeadline: deadline }, at("2026-12-02T13:00:00Z"))).toEqual({
      state: "off",
    });
  });

  it("opens at the submission deadline and closes at the organizers' time: the deadline is in, the closing time is out", () => {
    const ev = { phase: "open" as const, submissionDeadline: deadline };
    expect(voteWindow(on, ev, at("2026-12-02T11:59:59Z")).state).toBe("not-yet");
    expect(voteWindow(on, ev, deadline).state).toBe("open");
    expect(voteWindow(on, ev, at("2026-12-03T11:59:59Z")).state).toBe("open");
    expect(voteWindow(on, ev, closesAt).state).toBe("closed");
    expect(voteWindow(on, ev, deadline)).toEqual({ state: "open", opensAt: deadline, closesAt });
  });

  it("stays open while judging, is not yet open in a draft, and is closed once results are published, whatever the time", () => {
    const now = at("2026-12-02T18:00:00Z");
    expect(voteWindow(on, { phase: "judging", submissionDeadline: deadline }, now).state).toBe("open");
    expect(voteWindow(on, { phase: "draft", submissionDeadline: deadline }, now).state).toBe("not-yet");
    expect(voteWindow(on, { phase: "closed", submissionDeadline: deadline }, now).state).toBe("closed");
  });
});

describe("peoplesChoiceSettingsSchema", () => {
  const parse = (form: Record<string, unknown>) => peoplesChoiceSettingsSchema({ timezone: "Europe/Berlin", submissionDeadline: deadline }).safeParse(form);
  const errorsOf = (r: ReturnType<typeof parse>) => (r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message])));

  it("reads the closing time in the event's zone", () => {
    // 18:00 in Berlin in December is 17:00 UTC.
    expect(parse({ enabled: true, closesAt: "2026-12-02T18:00" })).toMatchObject({
      success: true,
      data: { enabled: true, closesAt: at("2026-12-02T17:00:00Z") },
    });
  });

  it("needs a closing time after the submission deadline when the vote is on", () => {
    expect(errorsOf(parse({ enabled: true }))).toEqual({ closesAt: "Enter when the vote closes, as a date and time" });
    expect(errorsOf(parse({ enabled: true, closesAt: "2026-02-30T10:00" }))).toEqual({ closesAt: "Enter when the vote closes, as a date and time" });
    // 13:00 Berlin is the deadline itself (12:00 UTC): not after it.
    expect(errorsOf(parse({ enabled: true, closesAt: "2026-12-02T13:00" }))).toEqual({
      closesAt: "The vote opens at the submission deadline: pick a closing time after it",
    });
    expect(parse({ enabled: true, closesAt: "2026-12-02T13:01" }).success).toBe(true);
  });

  it("refuses a closing time the clocks skip, naming the time it would be", () => {
    expect(errorsOf(parse({ enabled: true, closesAt: "2027-03-28T02:15" }))).toEqual({
      closesAt: "02:15 on 28 March 2027 does not happen in Europe/Berlin: the clocks go forward then. Pick another time, such as 03:15",
    });
  });

  it("turns the vote off with or without a time, keeping a valid one", () => {
    expect(parse({})).toMatchObject({ success: true, data: { enabled: false, closesAt: null } });
    expect(parse({ closesAt: "2020-01-01T00:00" })).toMatchObject({ success: true, data: { enabled: false, closesAt: at("2019-12-31T23:00:00Z") } });
    expect(parse({ closesAt: "soon" })).toMatchObject({ success: true, data: { enabled: false, closesAt: null } });
  });
});

describe("tallyVotes", () => {
  it("ranks by votes with shared ranks for ties, and names the one winner", () => {
    const tally = tallyVotes([
      { entryId: "b", title: "Beta", votes: 2 },
      { entryId: "a", title: "Alpha", votes: 5 },
      { entryId: "c", title: "Gamma", votes: 2 },
      { entryId: "d", title: "Delta", votes: 0 },
    ]);
    expect(tally.rows.map((r) => [r.title, r.rank])).toEqual([
      ["Alpha", 1],
      ["Beta", 2],
      ["Gamma", 2],
      ["Delta", 4],
    ]);
    expect(tally).toMatchObject({ total: 9, winnerId: "a", tiedIds: [] });
  });

  it("gives no winner for a tie at the top or when nobody voted", () => {
    expect(
      tallyVotes([
        { entryId: "a", title: "Alpha", votes: 3 },
        { entryId: "b", title: "Beta", votes: 3 },
        { entryId: "c", title: "Gamma", votes: 1 },
      ]),
    ).toMatchObject({ winnerId: null, tiedIds: ["a", "b"] });
    expect(tallyVotes([{ entryId: "a", title: "Alpha", votes: 0 }])).toMatchObject({ total: 0, winnerId: null, tiedIds: [] });
    expect(tallyVotes([])).toMatchObject({ rows: [], total: 0, winnerId: null });
  });
});

describe("voteBoxState", () => {
  const open: VoteWindow = { state: "open", opensAt: deadline, closesAt };
  const closed: VoteWindow = { state: "closed", opensAt: deadline, closesAt };
  const allow = { ok: true } as const;
  const ownTeam = { ok: false, reason: "You cannot vote for your own team's entry." } as const;

  it("offers the button, saying when it moves a vote cast elsewhere", () => {
    expect(voteBoxState(open, allow, null, "e1")).toEqual({ kind: "can-vote", changing: false });
    expect(voteBoxState(open, allow, "e2", "e1")).toEqual({ kind: "can-vote", changing: true });
  });

  it("shows 'Your vote' on the entry voted for, and the policy's reason otherwise", () => {
    expect(voteBoxState(open, allow, "e1", "e1")).toEqual({ kind: "your-vote" });
    expect(voteBoxState(open, ownTeam, null, "e1")).toEqual({ kind: "refused", reason: ownTeam.reason, yourVoteHere: false });
    // Closed: the sentence above says so; the box only keeps "Your vote" where it was.
    expect(voteBoxState(closed, { ok: false, reason: "closed" }, "e1", "e1")).toEqual({ kind: "closed", yourVoteHere: true });
    expect(voteBoxState(closed, { ok: false, reason: "closed" }, "e1", "e2")).toEqual({ kind: "closed", yourVoteHere: false });
  });

  it("shows nothing when the event holds no vote", () => {
    expect(voteBoxState({ state: "off" }, ownTeam, null, "e1")).toEqual({ kind: "hidden" });
  });
});

describe("windowSentence and voteToast", () => {
  it("say where the vote stands in the event's zone", () => {
    const w = (state: "not-yet" | "open" | "closed"): VoteWindow => ({ state, opensAt: deadline, closesAt });
    expect(windowSentence({ state: "off" }, "UTC", deadline)).toBeNull();
    expect(windowSentence(w("not-yet"), "UTC", at("2026-12-01T12:00:00Z"))).toMatch(
      /^The people's choice vote opens at the submission deadline, .*12:00.*, and closes .*3 Dec 2026/,
    );
    expect(windowSentence(w("open"), "UTC", deadline)).toMatch(/^The people's choice vote is open until .*3 Dec 2026, 12:00 UTC \(in 1 day\)/);
    expect(windowSentence(w("open"), "UTC", deadline)).toMatch(/One vote per person; you can change or withdraw it until then\.$/);
    expect(windowSentence(w("closed"), "UTC", closesAt)).toMatch(/^The people's choice vote closed .*3 Dec 2026/);
    expect(windowSentence(w("closed"), "UTC", deadline)).toBe("The people's choice vote is closed: results are published.");
  });

  it("says whether a vote was cast, moved or left as it was", () => {
    expect(voteToast("Alpha", "a", null)).toBe("Your vote is for “Alpha”.");
    expect(voteToast("Alpha", "a", { entryId: "a", title: "Alpha" })).toBe("Your vote is still for “Alpha”.");
    expect(voteToast("Alpha", "a", { entryId: "b", title: "Beta" })).toBe("Vote changed: your vote is now for “Alpha”, no longer for “Beta”.");
    expect(withdrawToast("Alpha")).toBe("Vote withdrawn: you no longer vote for “Alpha”. You can vote again while the vote is open.");
    expect(withdrawToast("")).toBe("Vote withdrawn: you no longer vote for “Untitled entry”. You can vote again while the vote is open.");
  });
});
