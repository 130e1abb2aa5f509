// The Manage page's data (ADR 017): what every section shows, read in parallel.
import { formatInZone } from "~/lib/time";
import { listQuestions, questionsLocked } from "~/modules/entries/questions.server";
import { asRound } from "~/modules/judging/rounds";
import { listSettingChanges } from "~/modules/judging/settings.server";
import { listProblems } from "~/modules/problems/problems.server";
import { listTeams } from "~/modules/teams/teams.server";
import { eventDashboard } from "./dashboard.server";
import { finalRoundStart, listCriteria, listJudges, listOrganizers, listPhaseChanges, phaseStepsFor, type EventRow } from "./events.server";
import { judgeInviteLines } from "./judge-invites.server";
import { historyLines } from "./phases";

/**
 * The sections' data, in the page's order. `submitted`: an entry has been submitted, which locks the submission
 * questions (the route turns it into a permission decision; it is not sent to the page).
 */
export async function managePage(event: EventRow, now: Date) {
  const [steps, problems, rubric, judges, invites, organizers, teams, phaseChanges, finalRound, settingChanges, dashboard, questions, submitted] =
    await Promise.all([
      phaseStepsFor(event, now),
      listProblems(event.id),
      listCriteria(event.id, asRound(event.judgingRound)),
      // The current round's, as the rubric: once the final round started, its judges (ADR 038).
      listJudges(event.id, asRound(event.judgingRound)),
      judgeInviteLines(event.id, event.timezone, now),
      listOrganizers(event.id),
      listTeams(event.id),
      listPhaseChanges(event.id),
      finalRoundStart(event.id),
      listSettingChanges(event.id),
      eventDashboard(event, now),
      listQuestions(event.id),
      questionsLocked(event.id),
    ]);
  return {
    steps,
    problems,
    rubric,
    judges,
    invites,
    organizers,
    teams,
    // Phase changes, the start of a final round and settings changes (judging, people's choice), as one history (worded here: ADR 043).
    history: historyLines([
      ...phaseChanges.map((c) => ({ kind: "phase" as const, ...c })),
      ...(finalRound ? [{ kind: "final-round" as const, ...finalRound }] : []),
      ...settingChanges.map(({ closesAt, ...c }) => ({ kind: "setting" as const, ...c, closes: closesAt && formatInZone(closesAt, event.timezone) })),
    ]).map((h) => ({ ...h, at: formatInZone(h.at, event.timezone) })),
    dashboard,
    questions,
    submitted,
  };
}
