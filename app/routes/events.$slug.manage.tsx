import type { SubmissionResult } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PhaseBadge } from "~/components/badges";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useSucceededSubmissions } from "~/components/forms";
import { DashboardSection } from "~/components/manage/dashboard-section";
import { JudgesSection } from "~/components/manage/judges-section";
import { OnThisPage } from "~/components/manage/on-this-page";
import { OrganizersSection } from "~/components/manage/organizers-section";
import { PhaseSection } from "~/components/manage/phase-section";
import { ProblemsSection } from "~/components/manage/problems-section";
import { QuestionsSection } from "~/components/manage/questions-section";
import { RubricSection } from "~/components/manage/rubric-section";
import { TeamsSection } from "~/components/manage/teams-section";
import { backLink, readFrom, withFrom } from "~/lib/back-links";
import { readConfirmation } from "~/lib/confirm";
import { parseForm } from "~/lib/forms.server";
import { enforce, readIntent, unknownIntent } from "~/lib/http.server";
import { formatInZone, relativeTime } from "~/lib/time";
import { redirectWithToast } from "~/lib/toast.server";
import { appOrigin } from "~/lib/urls.server";
import { canEditSubmissionQuestions, canManageEvent, canManageProblems, canUseAsTemplate } from "~/modules/auth/permissions";
import { questionsFormSchema } from "~/modules/entries/questions";
import { listQuestions, questionsLocked, saveQuestions } from "~/modules/entries/questions.server";
import { requireEventAccess } from "~/modules/events/access.server";
import { entryOutcomes, judgingProgress, judgingSheets } from "~/modules/events/dashboard.server";
import {
  addJudge,
  changePhase,
  judgeRemovalFacts,
  listCriteria,
  listJudges,
  listOrganizers,
  listPhaseChanges,
  phaseStepsFor,
  removeJudge,
} from "~/modules/events/events.server";
import { judgeInviteLines } from "~/modules/events/judge-invites.server";
import { phaseLabels } from "~/modules/events/phases";
import { asRound } from "~/modules/judging/rounds";
import { addJudgeSchema, addOrganizerSchema, phaseChangeSchema } from "~/modules/events/schemas";
import { addOrganizer, removeOrganizer } from "~/modules/events/settings.server";
import { listProblems, moveProblem, restoreProblem, retireProblem } from "~/modules/problems/problems.server";
import { moveProblemSchema } from "~/modules/problems/schemas";
import { listTeams } from "~/modules/teams/teams.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Manage ${data?.event.title ?? "event"} · Problem First` }];

/** The page's sections, in order: the "On this page" navigation links to each. */
const sections = [
  { id: "dashboard", label: "Dashboard" },
  { id: "phase", label: "Phase" },
  { id: "problems", label: "Problems" },
  { id: "judges", label: "Judges" },
  { id: "teams", label: "Teams" },
  { id: "rubric", label: "Rubric and scale" },
  { id: "questions", label: "Submission questions" },
  { id: "organizers", label: "Organizers" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageEvent(user, access));
  const now = new Date();
  const [steps, problems, rubric, judges, invites, organizers, teamList, history, outcomes, progress, sheets, questions, submitted] = await Promise.all([
    phaseStepsFor(event, now),
    listProblems(event.id),
    listCriteria(event.id, asRound(event.judgingRound)),
    listJudges(event.id),
    judgeInviteLines(event.id, event.timezone, now),
    listOrganizers(event.id),
    listTeams(event.id),
    listPhaseChanges(event.id),
    entryOutcomes(event.id),
    judgingProgress(event),
    event.phase === "judging" || event.phase === "closed" ? judgingSheets(event) : Promise.resolve(null),
    listQuestions(event.id),
    questionsLocked(event.id),
  ]);
  const editQuestions = canEditSubmissionQuestions(user, access, { submitted });
  return {
    event,
    back: backLink(readFrom(request.url), { to: `/events/${event.slug}`, label: event.title }),
    steps,
    problems,
    rubric,
    judges,
    invites,
    organizers,
    teams: teamList,
    history: history.map((h) => ({ ...h, at: formatInZone(h.at, event.timezone) })),
    dashboard: {
      outcomes,
      progress,
      sheets,
      deadlines: (
        [
          ["Start", event.startsAt],
          ["Submission deadline", event.submissionDeadline],
          ["Judging deadline", event.judgingDeadline],
        ] as const
      ).map(([label, at]) => ({ label, at: formatInZone(at, event.timezone), relative: relativeTime(at, now), past: at <= now })),
    },
    questions,
    questionsLockedReason: editQuestions.ok ? null : editQuestions.reason,
    canEditProblems: canManageProblems(user, access).ok,
    canStartFrom: canUseAsTemplate(user, access).ok,
  };
}

type ActionResult = { intent: string; result: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageEvent(user, access));
  const formData = await request.formData();
  const intent = readIntent(formData);
  // After an action the page comes back where it was, keeping the way back to where the person came from.
  const back = withFrom(`/events/${event.slug}/manage`, readFrom(request.url));
  const invalid = (result: SubmissionResult<string[]>) => data<ActionResult>({ intent, result }, { status: 400 });

  switch (intent) {
    case "phase": {
      const submission = parseForm(formData, { schema: phaseChangeSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const changed = await changePhase(event, user.id, submission.value, new Date(), appOrigin(request));
      if (!changed.ok) return invalid(submission.reply({ fieldErrors: { [changed.field]: [changed.message] } }));
      const gaps = changed.plan && !changed.plan.ok ? ` ${changed.plan.message}` : "";
      return redirectWithToast(back, { kind: gaps ? "error" : "success", message: `The event is now: ${phaseLabels[submission.value.to]}.${gaps}` });
    }
    case "add-judge": {
      const submission = parseForm(formData, { schema: addJudgeSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const added = await addJudge(event.id, submission.value.email, appOrigin(request));
      if (!added.ok) return invalid(submission.reply({ fieldErrors: { email: [added.message] } }));
      return redirectWithToast(back, `${added.name} is now a judge of this event.`);
    }
    case "remove-judge": {
      const userId = String(formData.get("userId") ?? "");
      if (!readConfirmation(formData).confirmed) {
        // A confirm step that says what the removal changes; nothing happens until it is confirmed.
        const facts = await judgeRemovalFacts(event.id, userId);
        if (!facts) return redirectWithToast(back, { kind: "error", message: "That person is not a judge of this event." });
        return data({ intent, confirmRemoveJudge: facts }, { status: 409 });
      }
      await removeJudge(event.id, userId);
      return redirectWithToast(back, "Judge removed. Scores they already gave are kept.");
    }
    case "add-organizer": {
      const submission = parseForm(formData, { schema: addOrganizerSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const added = await addOrganizer(event.id, submission.value.email, appOrigin(request));
      if (!added.ok) return invalid(submission.reply({ fieldErrors: { email: [added.message] } }));
      return redirectWithToast(back, `${added.name} is now an organizer of this event.`);
    }
    case "remove-organizer": {
      const removed = await removeOrganizer(event.id, String(formData.get("userId") ?? ""));
      return redirectWithToast(back, removed.ok ? "Organizer removed." : { kind: "error", message: removed.message });
    }
    case "move-problem": {
      enforce(canManageProblems(user, access));
      const submission = parseForm(formData, { schema: moveProblemSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const moved = await moveProblem(event.id, submission.value.problemId, submission.value.direction);
      if (!moved) throw data("Problem not found", { status: 404 });
      return redirectWithToast(back, "Problem order saved.");
    }
    case "restore-problem": {
      enforce(canManageProblems(user, access));
      if (!(await restoreProblem(event.id, String(formData.get("problemId") ?? "")))) throw data("Problem not found", { status: 404 });
      return redirectWithToast(back, "Problem offered to new teams again.");
    }
    case "retire-problem": {
      enforce(canManageProblems(user, access));
      const retired = await retireProblem(event.id, String(formData.get("problemId") ?? ""), readConfirmation(formData));
      if (!retired.ok && "confirm" in retired) return data({ intent, confirmRetire: retired.confirm }, { status: 409 });
      if (!retired.ok) throw data("Problem not found", { status: 404 });
      return redirectWithToast(back, "Problem retired: new teams no longer see it; teams that picked it keep it.");
    }
    case "save-questions": {
      enforce(canEditSubmissionQuestions(user, access, { submitted: await questionsLocked(event.id) }));
      const submission = parseForm(formData, { schema: questionsFormSchema });
      // A conform list intent (add or remove a question, without JavaScript) is not an error: the form comes back changed.
      if (submission.status !== "success")
        return data<ActionResult>({ intent, result: submission.reply() }, { status: submission.status === "error" ? 400 : 200 });
      const saved = await saveQuestions(event.id, submission.value);
      if (!saved.ok) return data<ActionResult>({ intent, result: submission.reply({ formErrors: [saved.message] }) }, { status: 409 });
      return redirectWithToast(`${back}#questions`, "Submission questions saved.");
    }
    default:
      return unknownIntent(intent);
  }
}

const ADD_JUDGE = ["add-judge"] as const;
const ADD_ORGANIZER = ["add-organizer"] as const;

export default function ManageEvent() {
  const {
    event,
    back,
    steps,
    problems,
    rubric,
    judges,
    invites,
    organizers,
    teams,
    history,
    dashboard,
    questions,
    questionsLockedReason,
    canEditProblems,
    canStartFrom,
  } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const resultOf = (intent: string) => (answer?.intent === intent && "result" in answer ? answer.result : undefined);
  // After a judge or organizer is added the address field starts afresh (a refused one keeps what was typed).
  const judgesAdded = useSucceededSubmissions(ADD_JUDGE);
  const organizersAdded = useSucceededSubmissions(ADD_ORGANIZER);
  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm text-slate-600">
            <Link to={back.to}>← {back.label}</Link>
          </p>
          <h1 className="h1 mt-1">Manage event</h1>
          <p className="mt-1 text-slate-700 [overflow-wrap:anywhere]">{event.title}</p>
        </div>
        <PhaseBadge phase={event.phase} />
      </header>
      <nav aria-label="Event settings" className="flex flex-wrap gap-2">
        <Link to={`/events/${event.slug}/edit`} className="btn-secondary">
          Edit event
        </Link>
        <Link to={`/events/${event.slug}/rubric`} className="btn-secondary">
          Rubric
        </Link>
        <Link to={`/events/${event.slug}/judges`} className="btn-secondary">
          Judges and assignments
        </Link>
        <Link to={`/events/${event.slug}/announcements`} className="btn-secondary">
          Announcements
        </Link>
        <Link to={`/events/${event.slug}/peoples-choice`} className="btn-secondary">
          People's choice
        </Link>
        <a href={`/events/${event.slug}/teams.csv`} download className="btn-secondary">
          Download teams and members (CSV)
        </a>
        {canStartFrom ? (
          <Link to={`/events/new?from=${encodeURIComponent(event.slug)}`} className="btn-secondary">
            New event from this one
          </Link>
        ) : null}
      </nav>
      <OnThisPage sections={sections} />
      <DashboardSection dashboard={dashboard} teamCount={teams.length} steps={steps} />
      <PhaseSection slug={event.slug} phase={event.phase} round={asRound(event.judgingRound)} steps={steps} history={history} lastResult={resultOf("phase")} />
      <ProblemsSection
        slug={event.slug}
        problems={problems}
        canEdit={canEditProblems}
        confirmRetire={answer && "confirmRetire" in answer ? answer.confirmRetire : null}
      />
      <JudgesSection
        key={`judges-${judgesAdded}`}
        slug={event.slug}
        judgesPerEntry={event.judgesPerEntry}
        judges={judges}
        invites={invites}
        lastResult={resultOf("add-judge")}
        confirmRemove={answer && "confirmRemoveJudge" in answer ? answer.confirmRemoveJudge : null}
      />
      <TeamsSection slug={event.slug} teams={teams} />
      <RubricSection slug={event.slug} scaleMax={event.scaleMax} rubric={rubric} round={asRound(event.judgingRound)} />
      <QuestionsSection questions={questions} lockedReason={questionsLockedReason} lastResult={resultOf("save-questions")} />
      <OrganizersSection key={`organizers-${organizersAdded}`} organizers={organizers} lastResult={resultOf("add-organizer")} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
