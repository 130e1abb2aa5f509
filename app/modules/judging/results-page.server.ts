import type { Actor, EventAccess } from "~/modules/auth/permissions";
import { canManageJudging, canViewRoundOne } from "~/modules/auth/permissions";
import type { EventRow } from "~/modules/events/events.server";
import { resultsVoteSection } from "~/modules/peoples-choice/views.server";
import { listAwards } from "./awards.server";
import { blindJudging } from "./blind.server";
import { eventConflicts, eventResults, judgeNames } from "./judging.server";
import { awardNamesByEntry, isFlagged, pickRanking, pickShown, rankingPage, rankingSentence, sharedRanks } from "./results-view";
import { asRound } from "./rounds";

/**
 * What the results page shows a person who may view results: one page of the ranking (round 1's too for
 * organizers after a final round), awards once published, the vote, and for organizers the judges and
 * conflicts. The route checks `canViewResults` first.
 */
export async function resultsPageData(event: EventRow, user: Actor, access: EventAccess, search: URLSearchParams, now: Date) {
  const manages = canManageJudging(user, access).ok;
  const { view, official, other } = pickRanking(search.get("view"), event.normalizeScores);
  // After a final round its ranking is the official one; round 1's stays, for organizers only (ADR 038).
  const round = asRound(event.judgingRound);
  const showRoundOne = round === 2 && canViewRoundOne(user, access).ok;
  const [results, roundOne, awardList, conflicts, peoplesChoice] = await Promise.all([
    eventResults(event, view),
    showRoundOne ? eventResults(event, view, 1) : Promise.resolve(null),
    listAwards(event.id),
    manages ? eventConflicts(event.id) : Promise.resolve([]),
    resultsVoteSection(event, user, access, now),
  ]);
  // One page of the ranking is rendered (ADR 033), of every entry or of the flagged ones; ties are found over all.
  const rankOf = (r: (typeof results.rows)[number]) => (view === "normalized" ? r.normalizedRank : r.rank);
  const tied = sharedRanks(results.rows.map(rankOf));
  const show = pickShown(search.get("show"));
  const flagged = results.rows.filter((r) =>
    isFlagged({ rank: rankOf(r), disagreement: r.disagreement, incomplete: r.incompleteJudges.length, missing: r.missingJudges.length }, tied),
  );
  const page = rankingPage(show === "flagged" ? flagged : results.rows, search.get("page"));
  const tiedRanks = [...tied];
  // Judge names (who is missing, who is normalized) are for organizers; everybody else sees counts.
  const names = manages
    ? new Map((await judgeNames(results.judges.map((j) => j.judgeId).concat(page.rows.flatMap((r) => r.missingJudges)))).map((u) => [u.id, u.name]))
    : new Map<string, string>();
  // Awards show once published (organizers preview them); team names go through the blind-judging rule.
  const awards = event.phase === "closed" || manages ? awardList.filter((a) => a.entryId) : [];
  const awardsOf = awardNamesByEntry(awards);
  const blind = blindJudging(user, access, event);
  const finalists = new Set(round === 2 ? results.rows.map((r) => r.entryId) : []);
  const roundOnePage = roundOne ? rankingPage(roundOne.rows, search.get("round1Page")) : null;
  // A row's means go in the rubric's order, as numbers alone: the criteria's ids are in `rubric` once.
  const slotOf = new Map(results.rubric.map((c, i) => [c.id, i]));
  const meansInOrder = (means: (typeof results.rows)[number]["criterionMeans"]) => {
    const inOrder: (number | null)[] = results.rubric.map(() => null);
    for (const m of means) {
      const slot = slotOf.get(m.criterionId);
      if (slot !== undefined) inOrder[slot] = m.mean;
    }
    return inOrder;
  };
  return {
    event: { slug: event.slug, title: event.title, phase: event.phase },
    round,
    roundOne:
      roundOne && roundOnePage
        ? {
            page: {
              page: roundOnePage.page,
              pages: roundOnePage.pages,
              first: roundOnePage.first,
              last: roundOnePage.last,
              total: roundOnePage.total,
              size: roundOnePage.size,
            },
            rows: roundOnePage.rows.map((r) => ({
              rank: rankOf(r),
              score: view === "normalized" ? r.normalizedScore : r.score,
              judges: r.judged,
              entry: (({ id, title, teamName }) => ({ id, title, teamName }))(blind.row(r.entry)),
              finalist: finalists.has(r.entryId),
            })),
          }
        : null,
    manages,
    view,
    official,
    other,
    scaleMax: event.scaleMax,
    sentence: rankingSentence(official),
    rubric: results.rubric.map((c) => ({ id: c.id, name: c.name, weight: c.weight })),
    page: { page: page.page, pages: page.pages, first: page.first, last: page.last, total: page.total, size: page.size },
    show,
    counts: { all: results.rows.length, flagged: flagged.length },
    tiedRanks,
    rows: page.rows.map((r) => ({
      rank: rankOf(r),
      score: view === "normalized" ? r.normalizedScore : r.score,
      otherRank: view === "normalized" ? r.rank : r.normalizedRank,
      otherScore: view === "normalized" ? r.score : r.normalizedScore,
      judges: r.judged,
      entry: (({ id, title, outcome, teamName }) => ({ id, title, outcome, teamName }))(blind.row(r.entry)),
      awards: awardsOf[r.entry.id] ?? [],
      means: meansInOrder(r.criterionMeans),
      disagreement: r.disagreement,
      spread: r.spread,
      incomplete: r.incompleteJudges.length,
      missing: manages ? r.missingJudges.map((j) => names.get(j) ?? "A judge") : [],
      missingCount: r.missingJudges.length,
    })),
    distributions: results.distributions,
    judges: manages ? results.judges.map((j) => ({ name: names.get(j.judgeId) ?? "A judge", entries: j.entries, normalized: j.normalized })) : [],
    awards,
    conflicts,
    peoplesChoice,
  };
}
