// Score sheets: one per (entry, judge who should score it). Complete when every criterion has a value.
// Pure, so the dashboard, the publish step and the awards page count gaps the same way.

export type SheetFacts = {
  entries: { id: string; title: string }[];
  judges: { id: string; name: string }[];
  /** Judges who should score each entry (assigned or all, minus conflicts and team members). */
  expected: Map<string, string[]>;
  /** Values saved per (entry, judge), counting only the rubric's criteria and judges without a conflict. */
  scored: { entryId: string; judgeId: string; count: number }[];
  criterionCount: number;
};

export type EntrySheets = {
  id: string;
  title: string;
  expected: number;
  complete: number;
  /** Judges who have not started the sheet. */
  missing: string[];
  /** Judges who started but left criteria empty, with how many they scored. */
  incomplete: { judge: string; scored: number }[];
};
export type JudgeSheets = { id: string; name: string; assigned: number; done: number; incomplete: number; missing: number };
export type SheetStatus = {
  criterionCount: number;
  expected: number;
  complete: number;
  byEntry: EntrySheets[];
  byJudge: JudgeSheets[];
  /** Entries with a gap: a missing or incomplete sheet, or no judge to score them at all. */
  entriesWithGaps: EntrySheets[];
  judgesWithGaps: JudgeSheets[];
};

export function sheetStatus(f: SheetFacts): SheetStatus {
  const count = new Map(f.scored.map((s) => [`${s.entryId}:${s.judgeId}`, s.count]));
  const judgeName = new Map(f.judges.map((j) => [j.id, j.name]));
  const byJudge = new Map<string, JudgeSheets>(f.judges.map((j) => [j.id, { id: j.id, name: j.name, assigned: 0, done: 0, incomplete: 0, missing: 0 }]));
  const byEntry = f.entries.map((e): EntrySheets => {
    const row: EntrySheets = { id: e.id, title: e.title, expected: 0, complete: 0, missing: [], incomplete: [] };
    for (const judgeId of f.expected.get(e.id) ?? []) {
      const judge = byJudge.get(judgeId);
      if (!judge) continue;
      const n = count.get(`${e.id}:${judgeId}`) ?? 0;
      row.expected += 1;
      judge.assigned += 1;
      if (f.criterionCount > 0 && n >= f.criterionCount) {
        row.complete += 1;
        judge.done += 1;
      } else if (n > 0) {
        row.incomplete.push({ judge: judgeName.get(judgeId)!, scored: n });
        judge.incomplete += 1;
      } else {
        row.missing.push(judgeName.get(judgeId)!);
        judge.missing += 1;
      }
    }
    return row;
  });
  const judges = [...byJudge.values()];
  return {
    criterionCount: f.criterionCount,
    expected: byEntry.reduce((n, e) => n + e.expected, 0),
    complete: byEntry.reduce((n, e) => n + e.complete, 0),
    byEntry,
    byJudge: judges,
    entriesWithGaps: byEntry.filter((e) => e.expected === 0 || e.complete < e.expected),
    judgesWithGaps: judges.filter((j) => j.done < j.assigned),
  };
}

/** One line per entry with a gap, e.g. "Ticket triage: no sheet from Ana; incomplete from Ben (2 of 6 criteria)". */
export function entryGapLine(e: EntrySheets, criterionCount: number): string {
  if (e.expected === 0) return `${e.title}: no judge is assigned to score it`;
  const parts: string[] = [];
  if (e.missing.length) parts.push(`no sheet from ${e.missing.join(", ")}`);
  if (e.incomplete.length) parts.push(`incomplete from ${e.incomplete.map((i) => `${i.judge} (${i.scored} of ${criterionCount} criteria)`).join(", ")}`);
  return `${e.title}: ${parts.join("; ")}`;
}

/** One line per judge with a gap, e.g. "Ana: 1 of 3 sheets complete (1 incomplete, 1 not started)". */
export function judgeGapLine(j: JudgeSheets): string {
  const parts: string[] = [];
  if (j.incomplete) parts.push(`${j.incomplete} incomplete`);
  if (j.missing) parts.push(`${j.missing} not started`);
  return `${j.name}: ${j.done} of ${j.assigned} ${j.assigned === 1 ? "sheet" : "sheets"} complete (${parts.join(", ")})`;
}
