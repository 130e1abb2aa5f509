import { describe, expect, it } from "vitest";
import { checkTransition, historyLines, nextDeadline, nextSteps, noJudgingGaps, phaseLabels, phaseWords, type PhaseFacts } from "./phases";

const now = new Date("2030-06-01T12:00:00Z");
const facts = (over: Partial<PhaseFacts> = {}): PhaseFacts => ({
  phase: "draft",
  problemCount: 1,
  criterionWeights: [25, 15, 15, 20, 10, 15],
  submissionDeadline: new Date("2030-06-02T12:00:00Z"),
  judgingDeadline: new Date("2030-06-05T12:00:00Z"),
  timezone: "Europe/Berlin",
  round: 1,
  now,
  judging: noJudgingGaps,
  ...over,
});
const go = (f: PhaseFacts, to: PhaseFacts["phase"], opts: { confirmed?: boolean; reason?: string; until?: Date } = {}) =>
  checkTransition(f, { to, confirmed: opts.confirmed ?? false, reason: opts.reason ?? "", submissionDeadline: opts.until ?? null });

describe("draft → open", () => {
  it("opens with a problem and positive weights", () => {
    expect(go(facts(), "open")).toEqual({ ok: true, closeSubmissionsNow: false, reopenUntil: null });
  });
  it("says so when every problem is retired", () => {
    expect(nextSteps(facts({ problemCount: 0, retiredProblemCount: 2 }))[0].blockers).toEqual(["Every problem is retired: offer one again, or add another."]);
    expect(nextSteps(facts({ problemCount: 1, retiredProblemCount: 2 }))[0].blockers).toEqual([]);
  });
  it("is blocked without a problem", () => {
    expect(nextSteps(facts({ problemCount: 0 }))[0].blockers).toEqual(["Add at least one business problem."]);
    expect(go(facts({ problemCount: 0 }), "open")).toEqual({ ok: false, field: "to", message: "Add at least one business problem." });
  });
  it("is blocked by a zero or negative weight, and by an empty rubric", () => {
    expect(go(facts({ criterionWeights: [10, 0] }), "open")).toMatchObject({ ok: false, message: "Every rubric criterion needs a positive weight." });
    expect(go(facts({ criterionWeights: [-5] }), "open")).toMatchObject({ ok: false });
    expect(go(facts({ criterionWeights: [] }), "open")).toMatchObject({ ok: false, message: "The rubric needs at least one criterion." });
  });
  it("is blocked once the submission deadline has passed (the draft's dates were never checked against now)", () => {
    const f = facts();
    const passed = "The submission deadline has passed: move it with “Edit event” first.";
    expect(nextSteps({ ...f, now: f.submissionDeadline })[0].blockers).toEqual([passed]);
    expect(go({ ...f, now: new Date(f.submissionDeadline.getTime() - 1) }, "open")).toMatchObject({ ok: true });
  });
  it("lists every blocker at once", () => {
    expect(nextSteps(facts({ problemCount: 0, criterionWeights: [0] }))[0].blockers).toHaveLength(2);
  });
  it("cannot skip to judging or closed", () => {
    expect(go(facts(), "judging", { confirmed: true })).toEqual({
      ok: false,
      field: "to",
      message: "The event is in “Draft” now, so it cannot move to “Judging”.",
      stale: true,
    });
    expect(go(facts(), "closed", { confirmed: true })).toMatchObject({ ok: false, field: "to", stale: true });
  });
  it("says when someone already made the same move, in the phases' own words", () => {
    expect(go(facts({ phase: "judging" }), "judging", { confirmed: true })).toEqual({
      ok: false,
      field: "to",
      message: "The event is already in “Judging”: someone moved it there just now.",
      stale: true,
    });
    expect(go(facts({ phase: "closed" }), "closed", { confirmed: true })).toMatchObject({
      message: "The event is already in “Results published”: someone moved it there just now.",
    });
  });
});

describe("open → judging", () => {
  it("starts without confirmation once the submission deadline has passed", () => {
    const f = facts({ phase: "open", submissionDeadline: new Date("2030-05-31T12:00:00Z") });
    expect(nextSteps(f)[0].confirmation).toBeNull();
    expect(go(f, "judging")).toEqual({ ok: true, closeSubmissionsNow: false, reopenUntil: null });
  });
  it("needs a confirmation before the deadline, and then closes submissions now", () => {
    const f = facts({ phase: "open" });
    expect(nextSteps(f)[0].confirmation).toMatch(/closes submissions immediately/);
    expect(go(f, "judging")).toEqual({ ok: false, field: "confirmed", message: "Tick the confirmation to go ahead." });
    expect(go(f, "judging", { confirmed: true })).toEqual({ ok: true, closeSubmissionsNow: true, reopenUntil: null });
  });
  it("treats the deadline instant itself as passed", () => {
    expect(go(facts({ phase: "open", submissionDeadline: now }), "judging")).toEqual({ ok: true, closeSubmissionsNow: false, reopenUntil: null });
  });
  it("cannot go back to draft", () => {
    expect(go(facts({ phase: "open" }), "draft")).toMatchObject({ ok: false, field: "to" });
  });
});

describe("judging → closed", () => {
  it("closes without confirmation when every expected score sheet is complete", () => {
    const f = facts({ phase: "judging", judging: { expectedSheets: 4, completeSheets: 4, entryLines: [], judgeLines: [] } });
    expect(nextSteps(f)[0]).toMatchObject({ confirmation: null, details: [] });
    expect(go(f, "closed")).toEqual({ ok: true, closeSubmissionsNow: false, reopenUntil: null });
  });
  it("needs a confirmation that lists each entry and judge with a missing or incomplete sheet", () => {
    const entryLines = ["Chat for invoices: incomplete from Ben (2 of 6 criteria)", "Ticket triage: no sheet from Ben"];
    const judgeLines = ["Ben: 0 of 2 sheets complete (1 incomplete, 1 not started)"];
    const f = facts({ phase: "judging", judging: { expectedSheets: 4, completeSheets: 2, entryLines, judgeLines } });
    const [step] = nextSteps(f);
    expect(step.confirmation).toBe("Judging is not complete: 2 of 4 expected score sheets are complete. Publish anyway; results count only the scores saved.");
    expect(step.details).toEqual([
      { heading: "Entries with missing or incomplete score sheets", items: entryLines },
      { heading: "Judges with sheets to finish", items: judgeLines },
    ]);
    expect(go(f, "closed")).toMatchObject({ ok: false, field: "confirmed" });
    expect(go(f, "closed", { confirmed: true })).toMatchObject({ ok: true });
  });
  it("asks too when an entry has no judge at all (and so no judge has sheets to finish)", () => {
    const f = facts({
      phase: "judging",
      judging: { expectedSheets: 0, completeSheets: 0, entryLines: ["Solo: no judge is assigned to score it"], judgeLines: [] },
    });
    expect(nextSteps(f)[0].confirmation).toMatch(/^Judging is not complete: 0 of 0 expected score sheets are complete\./);
    expect(nextSteps(f)[0].details).toHaveLength(1);
  });
  it("asks when no entry was submitted, rather than saying nothing blocks publishing", () => {
    const empty = facts({ phase: "judging", judging: { ...noJudgingGaps, submittedEntries: 0 } });
    expect(nextSteps(empty)[0].confirmation).toBe("No entry was submitted, so the published results will rank nothing.");
    expect(go(empty, "closed")).toMatchObject({ ok: false, field: "confirmed" });
    expect(go(empty, "closed", { confirmed: true })).toMatchObject({ ok: true });
    expect(nextSteps(facts({ phase: "judging", judging: { ...noJudgingGaps, submittedEntries: 1 } }))[0].confirmation).toBeNull();
    expect(nextSteps({ ...empty, round: 2 })[0].confirmation).toBe("No finalist is left in the final round, so the published results will rank nothing.");
  });
});

describe("closed → judging (reopen)", () => {
  it("needs a reason of at least 3 characters", () => {
    const f = facts({ phase: "closed" });
    expect(nextSteps(f)[0]).toMatchObject({ to: "judging", needsReason: true });
    expect(go(f, "judging")).toEqual({ ok: false, field: "reason", message: "Say why the event is reopened." });
    expect(go(f, "judging", { reason: "  x " })).toMatchObject({ ok: false, field: "reason" });
    expect(go(f, "judging", { reason: "A judge's scores were missing" })).toEqual({ ok: true, closeSubmissionsNow: false, reopenUntil: null });
  });
  it("cannot reopen for entries", () => {
    expect(go(facts({ phase: "closed" }), "open", { reason: "more entries" })).toMatchObject({ ok: false, field: "to" });
  });
});

describe("judging → open (reopen submissions)", () => {
  const f = facts({ phase: "judging", submissionDeadline: new Date(now.getTime() - 3600_000) });
  const inAnHour = new Date(now.getTime() + 3600_000);

  it("needs a new deadline in the future and before the judging deadline, and a reason", () => {
    expect(go(f, "open", { reason: "Network outage" })).toEqual({ ok: false, field: "submissionDeadline", message: "Enter the new submission deadline" });
    expect(go(f, "open", { reason: "Network outage", until: now })).toEqual({
      ok: false,
      field: "submissionDeadline",
      message: "The new submission deadline must be in the future",
    });
    expect(go(f, "open", { reason: "Network outage", until: f.judgingDeadline })).toEqual({
      ok: false,
      field: "submissionDeadline",
      message: "The new submission deadline must be before the judging deadline, Wed, 5 Jun 2030, 14:00 CEST: move that first in the event's details",
    });
    expect(go(f, "open", { until: inAnHour })).toEqual({ ok: false, field: "reason", message: "Say why submissions reopen." });
    expect(go(f, "open", { reason: "Network outage", until: inAnHour })).toEqual({ ok: true, closeSubmissionsNow: false, reopenUntil: inAnHour });
    // One millisecond before the judging deadline is still before it.
    const last = new Date(f.judgingDeadline.getTime() - 1);
    expect(go(f, "open", { reason: "Network outage", until: last })).toMatchObject({ ok: true, reopenUntil: last });
  });

  it("asks for a confirmation once score sheets are saved, which stay", () => {
    const [, one] = nextSteps({ ...f, savedSheets: 1 });
    expect(one.confirmation).toBe(
      "1 score sheet is already saved. It stays, but teams can change their entries until the new deadline, so judges may need to look again when judging starts again.",
    );
    const [, many] = nextSteps({ ...f, savedSheets: 12 });
    expect(many.confirmation).toMatch(/^12 score sheets are already saved\. They stay, but/);
    expect(go({ ...f, savedSheets: 12 }, "open", { reason: "Network outage", until: inAnHour })).toMatchObject({ ok: false, field: "confirmed" });
    expect(go({ ...f, savedSheets: 12 }, "open", { reason: "Network outage", until: inAnHour, confirmed: true })).toMatchObject({ ok: true });
  });

  it("keeps the new deadline before a People's choice vote's close", () => {
    const held = { ...f, voteClosesAt: new Date(now.getTime() + 2 * 3600_000) };
    expect(go(held, "open", { reason: "Network outage", until: held.voteClosesAt })).toMatchObject({
      ok: false,
      field: "submissionDeadline",
      message: /^The People's choice vote opens at the submission deadline and closes /,
    });
    expect(go(held, "open", { reason: "Network outage", until: inAnHour })).toMatchObject({ ok: true });
  });

  it("a new deadline given to another step changes nothing", () => {
    expect(go(facts({ phase: "closed" }), "judging", { reason: "late scores", until: inAnHour })).toEqual({
      ok: true,
      closeSubmissionsNow: false,
      reopenUntil: null,
    });
  });
});

describe("the steps each phase offers, in full", () => {
  it("draft offers only opening, with no confirmation or reason", () => {
    expect(nextSteps(facts())).toEqual([
      { to: "open", label: "Open the event", blockers: [], confirmation: null, details: [], needsReason: false, deadline: null },
    ]);
    // An empty rubric says so once, not also that a weight is missing.
    expect(nextSteps(facts({ problemCount: 0, criterionWeights: [] }))[0].blockers).toEqual([
      "Add at least one business problem.",
      "The rubric needs at least one criterion.",
    ]);
    expect(go(facts({ problemCount: 0, criterionWeights: [0] }), "open")).toEqual({
      ok: false,
      field: "to",
      message: "Add at least one business problem. Every rubric criterion needs a positive weight.",
    });
    expect(nextSteps(facts({ criterionWeights: [Number.NaN, 1] }))[0].blockers).toEqual(["Every rubric criterion needs a positive weight."]);
  });

  it("open offers only judging, confirmed only before the deadline", () => {
    expect(nextSteps(facts({ phase: "open" }))).toEqual([
      {
        to: "judging",
        label: "Start judging",
        blockers: [],
        confirmation: "The submission deadline has not passed. Starting judging now closes submissions immediately.",
        details: [],
        needsReason: false,
        deadline: null,
      },
    ]);
    // One millisecond before the deadline still asks.
    expect(go(facts({ phase: "open", submissionDeadline: new Date(now.getTime() + 1) }), "judging")).toMatchObject({ ok: false, field: "confirmed" });
  });

  it("says that starting judging before the event's start moves the start to now", () => {
    const [before] = nextSteps(facts({ phase: "open", startsAt: new Date(now.getTime() + 1) }));
    expect(before.confirmation).toBe(
      "The submission deadline has not passed. Starting judging now closes submissions immediately. The event has not started yet: its start moves to now.",
    );
    const [started] = nextSteps(facts({ phase: "open", startsAt: now }));
    expect(started.confirmation).not.toMatch(/has not started/);
  });

  it("names the teams whose draft an early start leaves unsubmitted, and no one once the deadline has passed", () => {
    const [one] = nextSteps(facts({ phase: "open", draftTeams: ["Ledger Lions"] }));
    expect(one.confirmation).toBe(
      "The submission deadline has not passed. Starting judging now closes submissions immediately. 1 team has a draft entry that stays unsubmitted, out of judging.",
    );
    expect(one.details).toEqual([{ heading: "Teams with a draft entry", items: ["Ledger Lions"] }]);
    const [two] = nextSteps(facts({ phase: "open", draftTeams: ["A", "B"] }));
    expect(two.confirmation).toMatch(/ 2 teams have draft entries that stay unsubmitted, out of judging\.$/);
    const [late] = nextSteps(facts({ phase: "open", draftTeams: ["A"], submissionDeadline: new Date(now.getTime() - 1) }));
    expect(late).toMatchObject({ confirmation: null, details: [] });
  });

  it("judging offers publishing, with the sheet count in the singular for one sheet, and reopening submissions in round 1", () => {
    const f = facts({ phase: "judging", judging: { expectedSheets: 1, completeSheets: 0, entryLines: ["Solo: no sheet from Ben"], judgeLines: [] } });
    expect(nextSteps(f)).toEqual([
      {
        to: "closed",
        label: "Publish results and close",
        blockers: [],
        confirmation: "Judging is not complete: 0 of 1 expected score sheet is complete. Publish anyway; results count only the scores saved.",
        details: [{ heading: "Entries with missing or incomplete score sheets", items: ["Solo: no sheet from Ben"] }],
        needsReason: false,
        deadline: null,
      },
      {
        to: "open",
        label: "Reopen submissions",
        blockers: [],
        confirmation: null,
        details: [],
        needsReason: true,
        backward: true,
        deadline: { hint: "In the event's time zone (Europe/Berlin), before the judging deadline, Wed, 5 Jun 2030, 14:00 CEST." },
      },
    ]);
    // A final round picks its finalists from round 1: submissions cannot reopen.
    expect(nextSteps({ ...f, round: 2 }).map((s) => s.to)).toEqual(["closed"]);
    expect(go({ ...f, round: 2 }, "open", { confirmed: true, reason: "late", until: new Date(now.getTime() + 3600_000) })).toEqual({
      ok: false,
      field: "to",
      message: "Submissions cannot reopen once a final round has started.",
      stale: true,
    });
  });

  it("publishing asks first while a People's choice vote is still open, saying it ends early and with how many votes", () => {
    const inTwoDays = new Date(now.getTime() + 2 * 86_400_000);
    const open = facts({ phase: "judging", voteClosesAt: inTwoDays, votesCast: 2 });
    expect(nextSteps(open)[0].confirmation).toBe(
      "The People's choice vote is open until Mon, 3 Jun 2030, 14:00 CEST (in 2 days): publishing now ends it early, with the 2 votes cast so far.",
    );
    expect(go(open, "closed")).toMatchObject({ ok: false });
    expect(go(open, "closed", { confirmed: true })).toMatchObject({ ok: true });
    expect(nextSteps({ ...open, votesCast: 1 })[0].confirmation).toMatch(/with the 1 vote cast so far\.$/);
    // With missing sheets too, both are said.
    const both = nextSteps({ ...open, judging: { expectedSheets: 2, completeSheets: 1, entryLines: ["A: no sheet from Ben"], judgeLines: [] } })[0];
    expect(both.confirmation).toMatch(/^Judging is not complete: 1 of 2 .* publishing now ends it early, with the 2 votes cast so far\.$/);
    // A vote that has closed, or none, asks nothing.
    expect(nextSteps(facts({ phase: "judging", voteClosesAt: new Date(now.getTime() - 1), votesCast: 2 }))[0].confirmation).toBeNull();
    expect(nextSteps(facts({ phase: "judging", voteClosesAt: null }))[0].confirmation).toBeNull();
  });

  it("closed offers only reopening for judging, which needs a reason but no confirmation", () => {
    expect(nextSteps(facts({ phase: "closed" }))).toEqual([
      { to: "judging", label: "Reopen for judging", blockers: [], confirmation: null, details: [], needsReason: true, deadline: null },
    ]);
    // Three characters after trimming are enough; the deadline of a closed event closes nothing now.
    expect(go(facts({ phase: "closed" }), "judging", { reason: " abc " })).toEqual({ ok: true, closeSubmissionsNow: false, reopenUntil: null });
    expect(go(facts({ phase: "closed" }), "judging", { reason: "ab" })).toMatchObject({ ok: false, field: "reason" });
  });

  it("labels each phase with the label from the one table of phase words", () => {
    expect(phaseLabels).toEqual({ draft: "Draft", open: "Open for entries", judging: "Judging", closed: "Results published" });
    expect(Object.fromEntries(Object.entries(phaseWords).map(([p, w]) => [p, w.submissionsClosed]))).toEqual({
      draft: "This event is not open yet.",
      open: null,
      judging: "Submissions are closed: the event has moved to judging.",
      closed: "Submissions are closed: the event is over and its results are published.",
    });
  });
});

describe("nextDeadline", () => {
  const times = { startsAt: new Date("2026-03-01T09:00Z"), submissionDeadline: new Date("2026-03-03T17:00Z"), judgingDeadline: new Date("2026-03-06T17:00Z") };
  const at = (iso: string) => new Date(iso);

  it("counts down to the start, then to the submission deadline while open; a draft only to its start", () => {
    for (const phase of ["draft", "open"] as const)
      expect(nextDeadline({ ...times, phase }, at("2026-02-28T09:00Z"))).toEqual({ label: "Starts", at: times.startsAt });
    expect(nextDeadline({ ...times, phase: "open" }, at("2026-03-01T09:00Z"))).toEqual({ label: "Submissions close", at: times.submissionDeadline });
    expect(nextDeadline({ ...times, phase: "open" }, at("2026-03-03T16:59Z"))).toEqual({ label: "Submissions close", at: times.submissionDeadline });
    expect(nextDeadline({ ...times, phase: "open" }, at("2026-03-03T17:00Z"))).toBeNull();
    // A draft takes no entries: no countdown to a submission deadline.
    expect(nextDeadline({ ...times, phase: "draft" }, at("2026-03-01T09:00Z"))).toBeNull();
  });

  it("counts down to the judging deadline while judging, and to nothing once closed", () => {
    expect(nextDeadline({ ...times, phase: "judging" }, at("2026-03-02T09:00Z"))).toEqual({ label: "Judging ends", at: times.judgingDeadline });
    expect(nextDeadline({ ...times, phase: "judging" }, at("2026-03-06T16:59Z"))).toEqual({ label: "Judging ends", at: times.judgingDeadline });
    expect(nextDeadline({ ...times, phase: "judging" }, at("2026-03-06T17:00Z"))).toBeNull();
    expect(nextDeadline({ ...times, phase: "closed" }, at("2026-02-01T09:00Z"))).toBeNull();
  });

  it("reads times given as strings, as loader data gives them", () => {
    const strings = { startsAt: "2026-03-01T09:00:00.000Z", submissionDeadline: "2026-03-03T17:00:00.000Z", judgingDeadline: "2026-03-06T17:00:00.000Z" };
    expect(nextDeadline({ ...strings, phase: "open" }, at("2026-03-02T09:00Z"))).toEqual({ label: "Submissions close", at: times.submissionDeadline });
  });
});

describe("historyLines", () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 9, minute));
  it("merges phase changes and the final round's start, newest first, each worded as the page shows it", () => {
    const lines = historyLines([
      { kind: "phase", from: "judging", to: "closed", reason: null, at: at(30), by: "Omar" },
      { kind: "phase", from: "open", to: "judging", reason: "Deadline passed", at: at(10), by: "Ida" },
      { kind: "final-round", finalists: 2, at: at(20), by: "Omar" },
    ]);
    expect(lines).toEqual([
      { at: at(30), by: "Omar", what: "moved Judging → Results published", reason: null },
      { at: at(20), by: "Omar", what: "closed round 1 and started the final round with 2 finalists", reason: null },
      { at: at(10), by: "Ida", what: "moved Open for entries → Judging", reason: "Deadline passed" },
    ]);
  });

  it("says one finalist, names a starter whose account is gone, and keeps the order of items of the same moment", () => {
    expect(historyLines([{ kind: "final-round", finalists: 1, at: at(0), by: null }])).toEqual([
      { at: at(0), by: "A former organizer", what: "closed round 1 and started the final round with 1 finalist", reason: null },
    ]);
    const same = historyLines([
      { kind: "phase", from: "judging", to: "open", reason: "b", at: at(5), by: "B" },
      { kind: "phase", from: "open", to: "judging", reason: "a", at: at(5), by: "A" },
    ]);
    expect(same.map((l) => l.by)).toEqual(["B", "A"]);
  });

  it("words a setting switched on or off, or the vote's close moved, after its organizer's name", () => {
    expect(
      historyLines([
        { kind: "setting", setting: "blind_judging", turnedOn: true, closes: null, at: at(1), by: "Ida" },
        { kind: "setting", setting: "normalize_scores", turnedOn: false, closes: null, at: at(2), by: null },
        { kind: "setting", setting: "peoples_choice_closes_at", turnedOn: true, closes: "Tue, 8 Dec 2026, 17:00 CET", at: at(3), by: "Ida" },
      ]),
    ).toEqual([
      { at: at(3), by: "Ida", what: "moved the close of the people's choice vote to Tue, 8 Dec 2026, 17:00 CET", reason: null },
      { at: at(2), by: "A former organizer", what: "made the raw ranking official", reason: null },
      { at: at(1), by: "Ida", what: "turned blind judging on", reason: null },
    ]);
  });
});
