import { describe, expect, it } from "vitest";
import { checkTransition, nextSteps, noJudgingGaps, type PhaseFacts } from "./phases";

const now = new Date("2030-06-01T12:00:00Z");
const facts = (over: Partial<PhaseFacts> = {}): PhaseFacts => ({
  phase: "draft",
  problemCount: 1,
  criterionWeights: [25, 15, 15, 20, 10, 15],
  submissionDeadline: new Date("2030-06-02T12:00:00Z"),
  now,
  judging: noJudgingGaps,
  ...over,
});
const go = (f: PhaseFacts, to: PhaseFacts["phase"], opts: { confirmed?: boolean; reason?: string } = {}) =>
  checkTransition(f, { to, confirmed: opts.confirmed ?? false, reason: opts.reason ?? "" });

describe("draft → open", () => {
  it("opens with a problem and positive weights", () => {
    expect(go(facts(), "open")).toEqual({ ok: true, closeSubmissionsNow: false });
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
  it("lists every blocker at once", () => {
    expect(nextSteps(facts({ problemCount: 0, criterionWeights: [0] }))[0].blockers).toHaveLength(2);
  });
  it("cannot skip to judging or closed", () => {
    expect(go(facts(), "judging", { confirmed: true })).toEqual({ ok: false, field: "to", message: "An event in draft cannot move to judging." });
    expect(go(facts(), "closed", { confirmed: true })).toMatchObject({ ok: false, field: "to" });
  });
});

describe("open → judging", () => {
  it("starts without confirmation once the submission deadline has passed", () => {
    const f = facts({ phase: "open", submissionDeadline: new Date("2030-05-31T12:00:00Z") });
    expect(nextSteps(f)[0].confirmation).toBeNull();
    expect(go(f, "judging")).toEqual({ ok: true, closeSubmissionsNow: false });
  });
  it("needs a confirmation before the deadline, and then closes submissions now", () => {
    const f = facts({ phase: "open" });
    expect(nextSteps(f)[0].confirmation).toMatch(/closes submissions immediately/);
    expect(go(f, "judging")).toEqual({ ok: false, field: "confirmed", message: "Tick the confirmation to go ahead." });
    expect(go(f, "judging", { confirmed: true })).toEqual({ ok: true, closeSubmissionsNow: true });
  });
  it("treats the deadline instant itself as passed", () => {
    expect(go(facts({ phase: "open", submissionDeadline: now }), "judging")).toEqual({ ok: true, closeSubmissionsNow: false });
  });
  it("cannot go back to draft", () => {
    expect(go(facts({ phase: "open" }), "draft")).toMatchObject({ ok: false, field: "to" });
  });
});

describe("judging → closed", () => {
  it("closes without confirmation when every expected score sheet is complete", () => {
    const f = facts({ phase: "judging", judging: { expectedSheets: 4, completeSheets: 4, entryLines: [], judgeLines: [] } });
    expect(nextSteps(f)[0]).toMatchObject({ confirmation: null, details: [] });
    expect(go(f, "closed")).toEqual({ ok: true, closeSubmissionsNow: false });
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
    const f = facts({ phase: "judging", judging: { expectedSheets: 0, completeSheets: 0, entryLines: ["Solo: no judge is assigned to score it"], judgeLines: [] } });
    expect(nextSteps(f)[0].confirmation).toMatch(/^Judging is not complete: 0 of 0 expected score sheets are complete\./);
    expect(nextSteps(f)[0].details).toHaveLength(1);
  });
});

describe("closed → judging (reopen)", () => {
  it("needs a reason of at least 3 characters", () => {
    const f = facts({ phase: "closed" });
    expect(nextSteps(f)[0]).toMatchObject({ to: "judging", needsReason: true });
    expect(go(f, "judging")).toEqual({ ok: false, field: "reason", message: "Say why the event is reopened." });
    expect(go(f, "judging", { reason: "  x " })).toMatchObject({ ok: false, field: "reason" });
    expect(go(f, "judging", { reason: "A judge's scores were missing" })).toEqual({ ok: true, closeSubmissionsNow: false });
  });
  it("cannot reopen for entries", () => {
    expect(go(facts({ phase: "closed" }), "open", { reason: "more entries" })).toMatchObject({ ok: false, field: "to" });
  });
});
