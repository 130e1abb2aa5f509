import { describe, expect, it } from "vitest";
import { eligibleJudges, planAssignments, type AssignmentInput, type Pair } from "./assignments";

const judges = (n: number) => Array.from({ length: n }, (_, i) => `j${i + 1}`);
const entries = (n: number, members: Record<number, string[]> = {}) =>
  Array.from({ length: n }, (_, i) => ({ id: `e${String(i + 1).padStart(2, "0")}`, title: `Entry ${i + 1}`, memberIds: members[i + 1] ?? [] }));
const input = (over: Partial<AssignmentInput>): AssignmentInput => ({
  judgesPerEntry: 2,
  judges: judges(3),
  entries: entries(3),
  conflicts: [],
  keep: [],
  ...over,
});

const loads = (pairs: Pair[], judgeIds: string[]) => judgeIds.map((j) => pairs.filter((p) => p.judgeId === j).length);
const perEntry = (pairs: Pair[]) => {
  const m = new Map<string, string[]>();
  for (const p of pairs) m.set(p.entryId, [...(m.get(p.entryId) ?? []), p.judgeId]);
  return m;
};

describe("planAssignments", () => {
  it("gives every entry N distinct judges", () => {
    const plan = planAssignments(input({ judgesPerEntry: 2, judges: judges(4), entries: entries(6) }));
    expect(plan.ok).toBe(true);
    expect(plan.message).toBeNull();
    for (const [, js] of perEntry(plan.add)) {
      expect(js).toHaveLength(2);
      expect(new Set(js).size).toBe(2);
    }
    expect(perEntry(plan.add).size).toBe(6);
  });

  it("balances the load within one entry per judge", () => {
    for (const [n, j, e] of [
      [1, 3, 7],
      [2, 4, 5],
      [3, 5, 11],
      [2, 7, 3],
      [4, 4, 9],
    ] as const) {
      const ids = judges(j);
      const plan = planAssignments(input({ judgesPerEntry: n, judges: ids, entries: entries(e) }));
      const l = loads(plan.add, ids);
      expect(Math.max(...l) - Math.min(...l), `n=${n} judges=${j} entries=${e}: ${l}`).toBeLessThanOrEqual(1);
      expect(l.reduce((a, b) => a + b, 0)).toBe(n * e);
    }
  });

  it("never assigns a judge to an entry of their own team", () => {
    const plan = planAssignments(input({ judgesPerEntry: 2, judges: judges(3), entries: entries(4, { 1: ["j1"], 3: ["j2", "someone"] }) }));
    expect(plan.ok).toBe(true);
    expect(plan.add).not.toContainEqual({ entryId: "e01", judgeId: "j1" });
    expect(plan.add).not.toContainEqual({ entryId: "e03", judgeId: "j2" });
  });

  it("never assigns a judge who declared a conflict, and still balances within one", () => {
    const ids = judges(4);
    const conflicts = [
      { entryId: "e01", judgeId: "j1" },
      { entryId: "e02", judgeId: "j1" },
      { entryId: "e05", judgeId: "j3" },
    ];
    const plan = planAssignments(input({ judgesPerEntry: 2, judges: ids, entries: entries(6), conflicts }));
    expect(plan.ok).toBe(true);
    for (const c of conflicts) expect(plan.add).not.toContainEqual(c);
    const l = loads(plan.add, ids);
    expect(Math.max(...l) - Math.min(...l)).toBeLessThanOrEqual(1);
  });

  it("counts kept (manual or scored) assignments toward the entry and the judge's load", () => {
    const keep = [
      { entryId: "e01", judgeId: "j1" },
      { entryId: "e02", judgeId: "j1" },
    ];
    const plan = planAssignments(input({ judgesPerEntry: 1, judges: judges(2), entries: entries(4), keep }));
    expect(plan.ok).toBe(true);
    // e01 and e02 are covered by j1 already; the other two go to j2, who had nothing.
    expect(plan.add).toEqual([
      { entryId: "e03", judgeId: "j2" },
      { entryId: "e04", judgeId: "j2" },
    ]);
  });

  it("refuses N larger than the judge pool with a clear message", () => {
    const plan = planAssignments(input({ judgesPerEntry: 3, judges: judges(2), entries: entries(2) }));
    expect(plan.ok).toBe(false);
    expect(plan.message).toBe("Each entry needs 3 judges, but the event has only 2. Add judges or lower the number of judges per entry.");
    // Still the best it can do: both judges on both entries.
    expect(plan.add).toHaveLength(4);
  });

  it("names the entries whose team members and conflicts leave too few eligible judges", () => {
    const plan = planAssignments(
      input({ judgesPerEntry: 2, judges: judges(3), entries: entries(3, { 2: ["j1"] }), conflicts: [{ entryId: "e02", judgeId: "j2" }] }),
    );
    expect(plan.ok).toBe(false);
    expect(plan.shortfalls).toEqual([{ entryId: "e02", title: "Entry 2", eligible: 1, assigned: 1 }]);
    expect(plan.message).toBe(
      'One entry cannot get 2 judges because team members and declared conflicts leave too few eligible judges: "Entry 2" (1 eligible). Add judges or lower the number of judges per entry.',
    );
  });

  it("has nothing to do without entries, and explains a missing judge pool", () => {
    expect(planAssignments(input({ entries: [] }))).toEqual({ ok: true, add: [], shortfalls: [], message: null });
    expect(planAssignments(input({ judgesPerEntry: 1, judges: [] })).message).toMatch(/the event has only 0/);
    expect(planAssignments(input({ judgesPerEntry: 4, entries: [] }))).toMatchObject({
      ok: false,
      add: [],
      message: expect.stringMatching(/^Each entry needs 4 judges, but the event has only 3\./),
    });
  });
});

describe("eligibleJudges", () => {
  it("drops team members and conflicted judges, keeping the judges' order", () => {
    expect(eligibleJudges({ judges: judges(4), conflicts: [{ entryId: "e1", judgeId: "j3" }] }, { id: "e1", memberIds: ["j1"] })).toEqual(["j2", "j4"]);
  });
});

describe("planAssignments, pair by pair", () => {
  it("gives each slot to the least-loaded judge, the earlier one on a tie, constrained entries first", () => {
    const plan = planAssignments(
      input({
        judgesPerEntry: 1,
        judges: ["j1", "j2", "j3"],
        entries: entries(3, { 1: ["j1"] }),
        conflicts: [
          { entryId: "e03", judgeId: "j3" },
          { entryId: "e03", judgeId: "j2" },
        ],
      }),
    );
    // e03 has one eligible judge (j1) and goes first, then e01 (two eligible: j2, j3), then e02 (three).
    expect(plan.add).toEqual([
      { entryId: "e03", judgeId: "j1" },
      { entryId: "e01", judgeId: "j2" },
      { entryId: "e02", judgeId: "j3" },
    ]);
  });

  it("orders entries with equally many eligible judges by id", () => {
    const plan = planAssignments(input({ judgesPerEntry: 1, judges: ["j1", "j2"], entries: [...entries(2)].reverse() }));
    expect(plan.add).toEqual([
      { entryId: "e01", judgeId: "j1" },
      { entryId: "e02", judgeId: "j2" },
    ]);
  });

  it("counts a kept pair once, ignores kept pairs of judges no longer in the event, and never repeats a kept pair", () => {
    const keep = [
      { entryId: "e01", judgeId: "j1" },
      { entryId: "e01", judgeId: "j1" },
      { entryId: "e02", judgeId: "gone" },
    ];
    const plan = planAssignments(input({ judgesPerEntry: 2, judges: ["j1", "j2"], entries: entries(2), keep }));
    // j1 has load 1 (not 2, not 3), so e01 gets only j2 and e02 gets both, j1 first on the tie at 1 each after e01.
    expect(plan.add).toEqual([
      { entryId: "e01", judgeId: "j2" },
      { entryId: "e02", judgeId: "j1" },
      { entryId: "e02", judgeId: "j2" },
    ]);
    expect(plan.ok).toBe(true);
  });

  it("does not count a kept pair of a conflicted judge as cover", () => {
    const plan = planAssignments(
      input({
        judgesPerEntry: 1,
        judges: ["j1", "j2"],
        entries: entries(1),
        conflicts: [{ entryId: "e01", judgeId: "j1" }],
        keep: [{ entryId: "e01", judgeId: "j1" }],
      }),
    );
    expect(plan.add).toEqual([{ entryId: "e01", judgeId: "j2" }]);
  });

  it("names at most five short entries, the rest as a count, and untitled ones as such", () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ id: `e${i}`, title: i === 0 ? "" : `T${i}`, memberIds: ["j1"] }));
    const plan = planAssignments(input({ judgesPerEntry: 2, judges: ["j1", "j2"], entries: many }));
    expect(plan.ok).toBe(false);
    expect(plan.shortfalls).toHaveLength(7);
    expect(plan.message).toBe(
      '7 entries cannot get 2 judges because team members and declared conflicts leave too few eligible judges: "Untitled entry" (1 eligible), "T1" (1 eligible), "T2" (1 eligible), "T3" (1 eligible), "T4" (1 eligible) and 2 more. Add judges or lower the number of judges per entry.',
    );
    const five = planAssignments(input({ judgesPerEntry: 2, judges: ["j1", "j2"], entries: many.slice(1, 6) }));
    expect(five.message).toMatch(/^5 entries cannot .*"T5" \(1 eligible\)\. Add judges/);
  });

  it("says judge in the singular when one is needed and there is none", () => {
    expect(planAssignments(input({ judgesPerEntry: 1, judges: [], entries: entries(1) }))).toEqual({
      ok: false,
      add: [],
      shortfalls: [{ entryId: "e01", title: "Entry 1", eligible: 0, assigned: 0 }],
      message: "Each entry needs 1 judge, but the event has only 0. Add judges or lower the number of judges per entry.",
    });
  });

  it("keeps a conflict on one entry from touching another", () => {
    expect(eligibleJudges({ judges: ["j1", "j2"], conflicts: [{ entryId: "other", judgeId: "j1" }] }, { id: "e1", memberIds: [] })).toEqual(["j1", "j2"]);
  });
});
