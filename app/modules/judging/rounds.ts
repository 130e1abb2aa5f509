// Judging rounds (ADR 038): the final round's shortlist, the rule that starts it and its words. Pure.
import type { FinalistDecision } from "#db/enums";
import { JUDGES_STAY_PUBLISHED } from "~/modules/auth/permissions";

export type JudgingRound = 1 | 2;

/** events.judging_round as the app reads it: 2 only once the final round started; anything else is round 1. */
export function asRound(value: number | null | undefined): JudgingRound {
  return value === 2 ? 2 : 1;
}

export const roundNames: Record<JudgingRound, string> = { 1: "Round 1", 2: "Final round" };

/**
 * What someone who joins the judges now becomes a judge of, in a sentence ("… is now a judge of the final round"):
 * round 1 is the event's only round until a final round starts, and then judges join the final round.
 */
export const judgeOfWords: Record<JudgingRound, string> = { 1: "this event", 2: "the final round" };

/** Why a judge was not removed (removeJudge), for the organizer who asked in `round`. */
export const judgeRemovalRefusals: Record<"not-a-judge" | "round-moved" | "only-final-judge" | "published", (round: JudgingRound) => string> = {
  "not-a-judge": (round) => `That person is not a judge of ${judgeOfWords[round]}. Reload to see who judges now.`,
  "round-moved": () => "The final round started meanwhile, so nothing changed: round 1's judges stay as they were. Reload to see the final round's judges.",
  "only-final-judge": () => "The final round needs at least one judge: add another final round judge before removing this one.",
  published: () => JUDGES_STAY_PUBLISHED,
};

/** How many finalists the form suggests before the organizer picks a number. */
export const DEFAULT_FINALISTS = 3;
export const MAX_FINALISTS = 50;

/** The official round-1 ranking as the shortlist reads it: entries in ranking order, rank null when unscored. */
export type RankedEntry = { entryId: string; rank: number | null };

/**
 * The top N of the official ranking: entries whose rank is at most N. Entries tied at the cut share their rank,
 * so all of them are in (the top 3 of 1, 2, 3, 3 is four entries); unranked entries never are.
 */
export function topFinalists(ranking: RankedEntry[], n: number): string[] {
  if (!(n > 0)) return [];
  return ranking.filter((r) => r.rank !== null && r.rank <= n).map((r) => r.entryId);
}

/** The number of finalists asked for in `?top=` (a GET form, so it works without JavaScript), else the default. */
export function requestedTop(value: string | null, entryCount: number): number {
  const asked = Number(value);
  const n = value !== null && Number.isInteger(asked) && asked >= 1 ? asked : DEFAULT_FINALISTS;
  return Math.max(1, Math.min(n, MAX_FINALISTS, Math.max(entryCount, 1)));
}

type ShortlistDecision = { entryId: string; decision: FinalistDecision; reason: string };

export type ShortlistCheck =
  | { ok: true; decisions: ShortlistDecision[]; finalists: string[]; handChanges: number }
  | { ok: false; field: "finalists" | "reason"; message: string; stale?: true };

/**
 * The shortlist the organizer ticked, against the top N: entries kept from the top N are "top"; any other ticked
 * entry was "added" by hand and any untouched top-N entry "removed" by hand. A hand change needs a reason (it is
 * recorded on each changed row); an entry outside the ranking is refused, and so is an empty shortlist. `shown`: the
 * top N the organizer's page suggested, when it says: if scores saved since moved the ranking, the organizer's ticks
 * would be measured against a top N they never saw (and a "hand change" recorded under their name), so it is refused,
 * `stale`, for them to look again.
 */
export function checkShortlist(ranking: RankedEntry[], top: number, picked: string[], reason: string, shown: readonly string[] | null = null): ShortlistCheck {
  const known = new Set(ranking.map((r) => r.entryId));
  const chosen = new Set(picked);
  if ([...chosen].some((id) => !known.has(id))) return { ok: false, field: "finalists", message: "Pick finalists from this event's submitted entries." };
  if (chosen.size === 0) return { ok: false, field: "finalists", message: "Pick at least one finalist." };
  const inTop = new Set(topFinalists(ranking, top));
  if (shown && (shown.length !== inTop.size || shown.some((id) => !inTop.has(id))))
    return {
      ok: false,
      field: "finalists",
      stale: true,
      message: `The ranking changed since this page was opened (scores were saved meanwhile), so its top ${top} is not the one the page showed. The ranking below is as it is now: look at your ticks again, then start.`,
    };
  const decisions: ShortlistDecision[] = [];
  for (const r of ranking) {
    if (chosen.has(r.entryId)) decisions.push({ entryId: r.entryId, decision: inTop.has(r.entryId) ? "top" : "added", reason: "" });
    else if (inTop.has(r.entryId)) decisions.push({ entryId: r.entryId, decision: "removed", reason: "" });
  }
  const handChanges = decisions.filter((d) => d.decision !== "top").length;
  const why = reason.trim();
  if (handChanges > 0 && why.length < 3)
    return { ok: false, field: "reason", message: `Say why the shortlist differs from the top ${top} of the ranking (it is recorded).` };
  return {
    ok: true,
    handChanges,
    decisions: decisions.map((d) => (d.decision === "top" ? d : { ...d, reason: why })),
    finalists: decisions.filter((d) => d.decision !== "removed").map((d) => d.entryId),
  };
}

export type FinalRoundFacts = { phase: string; round: JudgingRound; submittedEntries: number };

/** Why the final round cannot start now (empty when it can): only from round 1 of judging, with entries to pick from. */
export function finalRoundBlockers(f: FinalRoundFacts): string[] {
  if (f.phase !== "judging") return ["The final round starts from judging: round 1 must be in judging first."];
  if (f.round === 2) return ["The final round has already started."];
  if (f.submittedEntries === 0) return ["There is no submitted entry to shortlist."];
  return [];
}

/**
 * Said on the final round's form while round 1 still has missing or incomplete score sheets (null when none): the
 * shortlist is read from the scores saved so far, and closing round 1 ends its scoring for good.
 */
export function roundOneGapsNote(gaps: { expectedSheets: number; completeSheets: number }): string | null {
  if (gaps.completeSheets >= gaps.expectedSheets) return null;
  const { expectedSheets: expected, completeSheets: complete } = gaps;
  return `Round 1's judging is not complete: ${complete} of ${expected} expected score ${expected === 1 ? "sheet is" : "sheets are"} complete. The ranking below counts only the scores saved so far, and once round 1 closes its judges can no longer finish them.`;
}

/**
 * A judge of the final round must not be in any team of the event (ADR 010), finalist or not; returns the first
 * clash as a message, else null. A team is named by its entry's title, or its own name.
 */
export function finalJudgeClash(judges: { id: string; name: string }[], eventTeams: { title: string; memberIds: string[] }[]): string | null {
  for (const j of judges) {
    const team = eventTeams.find((t) => t.memberIds.includes(j.id));
    if (team) return `${j.name} is in the team of “${team.title}” in this event, so they cannot judge the final round.`;
  }
  return null;
}

/** The ready-made rubric for a final round judged on a live demo; organizers can still edit it until the first score. */
export const liveDemoRubric = [
  { name: "Live demo", description: "The prototype (or the failure) is shown working on real data, not slides.", weight: 40 },
  { name: "Business impact", description: "The measured AI metric and what it is worth to the problem's owner.", weight: 35 },
  { name: "Answers to the jury", description: "Clear, honest answers about limits, cost and what comes next.", weight: 25 },
] as const;

/** Emails typed one per line or separated by commas, lower-cased, without repeats. */
export function parseEmailList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

export const decisionWords: Record<FinalistDecision, string> = {
  top: "In the top of round 1",
  added: "Added by hand",
  removed: "Left out by hand",
};
