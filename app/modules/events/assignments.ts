// Assigning N judges to each entry: pure, so the balancing rules are tested with small hand-made examples.

export type Pair = { entryId: string; judgeId: string };

export type AssignmentInput = {
  judgesPerEntry: number;
  /** The event's judges, in a stable order (ties in load go to the earlier judge). */
  judges: string[];
  entries: { id: string; title: string; memberIds: string[] }[];
  /** Declared conflicts of interest: never assigned. */
  conflicts: Pair[];
  /** Assignments that stay whatever happens (manual ones, and any with scores). They count toward load and cover. */
  keep: Pair[];
};

type Shortfall = { entryId: string; title: string; eligible: number; assigned: number };

export type AssignmentPlan = {
  /** False when some entry cannot get N judges; `add` then still holds the best possible assignment. */
  ok: boolean;
  add: Pair[];
  shortfalls: Shortfall[];
  message: string | null;
};

const key = (p: Pair) => `${p.entryId}\u0000${p.judgeId}`;

/** Judges who may score the entry: not in its team, no declared conflict. */
export function eligibleJudges(input: Pick<AssignmentInput, "judges" | "conflicts">, entry: { id: string; memberIds: string[] }): string[] {
  const conflicted = new Set(input.conflicts.filter((c) => c.entryId === entry.id).map((c) => c.judgeId));
  const members = new Set(entry.memberIds);
  return input.judges.filter((j) => !members.has(j) && !conflicted.has(j));
}

/**
 * Tops every entry up to N eligible judges, always giving the next slot to the eligible judge with the
 * fewest entries so far. Entries with the fewest eligible judges go first, so the constrained ones are
 * not left with only busy judges. With no conflicts this keeps every judge's load within one of the others.
 */
export function planAssignments(input: AssignmentInput): AssignmentPlan {
  const n = input.judgesPerEntry;
  const judgeSet = new Set(input.judges);
  const order = new Map(input.judges.map((j, i) => [j, i]));
  const load = new Map(input.judges.map((j) => [j, 0]));
  const taken = new Set<string>();
  for (const p of input.keep) {
    if (taken.has(key(p))) continue;
    taken.add(key(p));
    if (judgeSet.has(p.judgeId)) load.set(p.judgeId, (load.get(p.judgeId) ?? 0) + 1);
  }

  const candidates = input.entries.map((entry) => {
    const eligible = eligibleJudges(input, entry);
    const covered = eligible.filter((j) => taken.has(key({ entryId: entry.id, judgeId: j }))).length;
    return { entry, eligible, covered };
  });
  candidates.sort((a, b) => a.eligible.length - b.eligible.length || a.entry.id.localeCompare(b.entry.id));

  const add: Pair[] = [];
  const shortfalls: Shortfall[] = [];
  for (const c of candidates) {
    let assigned = c.covered;
    while (assigned < n) {
      const free = c.eligible.filter((j) => !taken.has(key({ entryId: c.entry.id, judgeId: j })));
      if (free.length === 0) break;
      free.sort((a, b) => load.get(a)! - load.get(b)! || order.get(a)! - order.get(b)!);
      const judgeId = free[0];
      const pair = { entryId: c.entry.id, judgeId };
      taken.add(key(pair));
      load.set(judgeId, load.get(judgeId)! + 1);
      add.push(pair);
      assigned++;
    }
    if (assigned < n) shortfalls.push({ entryId: c.entry.id, title: c.entry.title, eligible: c.eligible.length, assigned });
  }
  // Too few judges is an error even before any entry exists: N can never be met.
  const ok = shortfalls.length === 0 && input.judges.length >= n;
  return { ok, add, shortfalls, message: ok ? null : describeShortfalls(n, input.judges.length, shortfalls) };
}

function describeShortfalls(n: number, judgeCount: number, shortfalls: Shortfall[]): string {
  if (judgeCount < n) {
    return `Each entry needs ${n} ${n === 1 ? "judge" : "judges"}, but the event has only ${judgeCount}. Add judges or lower the number of judges per entry.`;
  }
  const names = shortfalls
    .slice(0, 5)
    .map((s) => `"${s.title || "Untitled entry"}" (${s.eligible} eligible)`)
    .join(", ");
  const more = shortfalls.length > 5 ? ` and ${shortfalls.length - 5} more` : "";
  return `${shortfalls.length === 1 ? "One entry cannot" : `${shortfalls.length} entries cannot`} get ${n} judges because team members and declared conflicts leave too few eligible judges: ${names}${more}. Add judges or lower the number of judges per entry.`;
}
