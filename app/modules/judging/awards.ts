/** What an award is, for rules that must survive renaming; organizers' own awards are "custom". */
export const awardKinds = ["best-overall", "most-valuable-failure", "best-ai-metric", "peoples-choice", "custom"] as const;
export type AwardKind = (typeof awardKinds)[number];

/** The award the app suggests the top of the official ranking for. */
export const BEST_OVERALL: AwardKind = "best-overall";

/** The award whose winner the app suggests: the failed entry with the best Learnings mean. */
export const MOST_VALUABLE_FAILURE: AwardKind = "most-valuable-failure";

/** The award the people's choice vote decides: given to the vote's winner when results are published (ADR 031). */
export const PEOPLES_CHOICE: AwardKind = "peoples-choice";
export const peoplesChoiceAward = { kind: PEOPLES_CHOICE, name: "People's choice", description: "The entry most people voted for." } as const;

/** Offered to every event; organizers add them with one click and may add their own. */
export const defaultAwards = [
  { kind: BEST_OVERALL, name: "Best overall", description: "The highest-ranked entry overall." },
  { kind: MOST_VALUABLE_FAILURE, name: "Most valuable failure", description: "A failed attempt whose post-mortem teaches the next team the most." },
  { kind: "best-ai-metric", name: "Best AI metric", description: "The clearest metric: defined, with a baseline, and measured." },
] as const satisfies readonly { kind: AwardKind; name: string; description: string }[];
