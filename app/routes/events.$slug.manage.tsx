import type { SubmissionResult } from "~/lib/form";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { Deferred, GeneralErrorBoundary, lazyPart } from "~/components/error-boundary";
import { useSucceededSubmissions } from "~/components/use-succeeded-submissions";
import { DashboardSection as DashboardSectionOnServer } from "~/components/manage/dashboard-section";
import { JudgesSection as JudgesSectionOnServer } from "~/components/manage/judges-section";
import { ManageHeader } from "~/components/manage/manage-header";
import { manageSections, OnThisPage } from "~/components/manage/on-this-page";
import { OrganizersSection as OrganizersSectionOnServer } from "~/components/manage/organizers-section";
import { PhaseExtras as PhaseExtrasOnServer } from "~/components/manage/phase-extras";
import { PhaseSection } from "~/components/manage/phase-section";
import { ProblemsSection as ProblemsSectionOnServer } from "~/components/manage/problems-section";
import { QuestionsSection as QuestionsSectionOnServer } from "~/components/manage/questions-section";
import { RubricSection as RubricSectionOnServer } from "~/components/manage/rubric-section";
import { TeamsSection as TeamsSectionOnServer } from "~/components/manage/teams-section";
import { backLink, readFrom, withFrom } from "~/lib/back-links";
import { isKeeping, readConfirmation } from "~/lib/confirm";
import { parseForm, refusedKeepingForm } from "~/lib/forms.server";
import { enforce, readIntent, unknownIntent } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { appOrigin } from "~/lib/urls.server";
import { canEditSubmissionQuestions, canManageEvent, canManageProblems, canRemoveJudge, canUseAsTemplate } from "~/modules/auth/permissions";
import { questionsFormSchema } from "~/modules/entries/question-schemas";
import { questionsFormFields } from "~/modules/entries/questions";
import { questionsKeepingRemoval, questionsLocked, questionsStamp, saveQuestions } from "~/modules/entries/questions.server";
import { sentStamp } from "~/lib/stamp.server";
import { requireEventAccess } from "~/modules/events/access.server";
import { addJudge, changePhase, JUDGES_SETTLED, judgeRemovalFacts, removeJudge } from "~/modules/events/events.server";
import { managePage } from "~/modules/events/manage.server";
import { phaseLabels } from "~/modules/events/phases";
import { asRound, judgeOfWords, judgeRemovalRefusals } from "~/modules/judging/rounds";
import { addJudgeSchema, addOrganizerSchema, phaseChangeSchema } from "~/modules/events/schemas";
import { addOrganizer, deleteDraftEvent, removeOrganizer } from "~/modules/events/settings.server";
import { moveProblem, restoreProblem, retireProblem } from "~/modules/problems/problems.server";
import { moveProblemSchema } from "~/modules/problems/schemas";
import { pageTitle } from "~/lib/page-title";

// The sections other than the header and the phase controls are rendered in place by the server; in the browser their
// code arrives in one chunk after the page's, and React keeps their HTML until it has (ADR 043). Only a literal
// `import.meta.env.SSR` drops the static imports from the browser's bundle.
const later = () => import("~/components/manage/deferred-sections");
const DashboardSection = import.meta.env.SSR ? DashboardSectionOnServer : lazyPart(later, (m) => m.DashboardSection);
const JudgesSection = import.meta.env.SSR ? JudgesSectionOnServer : lazyPart(later, (m) => m.JudgesSection);
const OrganizersSection = import.meta.env.SSR ? OrganizersSectionOnServer : lazyPart(later, (m) => m.OrganizersSection);
const PhaseExtras = import.meta.env.SSR ? PhaseExtrasOnServer : lazyPart(later, (m) => m.PhaseExtras);
const ProblemsSection = import.meta.env.SSR ? ProblemsSectionOnServer : lazyPart(later, (m) => m.ProblemsSection);
const QuestionsSection = import.meta.env.SSR ? QuestionsSectionOnServer : lazyPart(later, (m) => m.QuestionsSection);
const RubricSection = import.meta.env.SSR ? RubricSectionOnServer : lazyPart(later, (m) => m.RubricSection);
const TeamsSection = import.meta.env.SSR ? TeamsSectionOnServer : lazyPart(later, (m) => m.TeamsSection);

export const meta: MetaFunction<typeof loader> = ({ data, error }) => pageTitle(error, () => `Manage ${data?.event.title ?? "event"}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageEvent(user, access));
  const { submitted, ...page } = await managePage(event, new Date());
  const editQuestions = canEditSubmissionQuestions(user, access, { submitted });
  return {
    event,
    back: backLink(readFrom(request.url), { to: `/events/${event.slug}`, label: event.title }),
    ...page,
    questionsLockedReason: editQuestions.ok ? null : editQuestions.reason,
    questionStamp: questionsStamp(page.questions),
    canEditProblems: canManageProblems(user, access).ok,
    canRemoveJudges: canRemoveJudge(user, access).ok,
    // Nobody joins the judges of a published event (ADR 012): the section says so instead of offering it.
    // Nobody joins or leaves the judges once results are published (canRemoveJudge): said where Add and Remove were.
    judgingEnded: event.phase === "closed" ? JUDGES_SETTLED : null,
    canStartFrom: canUseAsTemplate(user, access).ok,
  };
}

type ActionResult = { intent: string; result: SubmissionResult<string[]> };

// A phase step refused reads the page again, as a page without JavaScript does: what the step needs may have changed
// since the page was loaded (a confirmation, a reason), and the form can only show its message beside a field it has.
// Other 4xx answers read nothing again, as Remix does without this function (with single fetch, Remix passes
// `defaultShouldRevalidate: true` to a route's own function, so it is not used here).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, formData }) =>
  actionStatus === undefined || actionStatus < 400 || (actionStatus === 400 && formData?.get("intent") === "phase");

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageEvent(user, access));
  const formData = await request.formData();
  const intent = readIntent(formData);
  // After an action the page comes back where it was, keeping the way back to where the person came from.
  const back = withFrom(`/events/${event.slug}/manage`, readFrom(request.url));
  const invalid = (result: SubmissionResult<string[]>) => data<ActionResult>({ intent, result }, { status: 400 });

  // Problems change only while the event is a draft or open. A press from a page read before a co-organizer started
  // judging reads the page again with why, rather than an error page; anyone else is refused as before.
  const problemsLocked = () => {
    const may = canManageProblems(user, access);
    if (may.ok) return null;
    enforce(canManageEvent(user, access));
    return redirectWithToast(back, { kind: "error", message: may.reason });
  };
  switch (intent) {
    case "phase": {
      const submission = parseForm(formData, { schema: phaseChangeSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const changed = await changePhase(event, user.id, submission.value, new Date(), appOrigin(request));
      // Moved meanwhile: the page reloads to where the event stands, with why nothing happened.
      if (!changed.ok && "stale" in changed && changed.stale) return redirectWithToast(back, { kind: "error", message: changed.message });
      if (!changed.ok) return invalid(submission.reply({ fieldErrors: { [changed.field]: [changed.message] } }));
      const gaps = changed.plan && !changed.plan.ok ? ` ${changed.plan.message}` : "";
      return redirectWithToast(back, { kind: gaps ? "error" : "success", message: `The event is now: ${phaseLabels[submission.value.to]}.${gaps}` });
    }
    case "add-judge": {
      const submission = parseForm(formData, { schema: addJudgeSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const added = await addJudge(event.id, submission.value.email, appOrigin(request));
      if (!added.ok) return invalid(submission.reply({ fieldErrors: { email: [added.message] } }));
      return redirectWithToast(back, `${added.name} is now a judge of ${judgeOfWords[added.round]}.`);
    }
    case "remove-judge": {
      // Published since the page was read (by a co-organizer): the page is read again with why, not an error page.
      const remove = canRemoveJudge(user, access);
      if (!remove.ok && canManageEvent(user, access).ok) return redirectWithToast(back, { kind: "error", message: remove.reason });
      enforce(remove);
      const userId = String(formData.get("userId") ?? "");
      if (!readConfirmation(formData).confirmed) {
        // A confirm step that says what the removal changes; nothing happens until it is confirmed.
        const facts = await judgeRemovalFacts(event.id, userId);
        if (!facts) return redirectWithToast(back, { kind: "error", message: judgeRemovalRefusals["not-a-judge"](asRound(event.judgingRound)) });
        if (facts.onlyFinalJudge) return redirectWithToast(back, { kind: "error", message: judgeRemovalRefusals["only-final-judge"](2) });
        return data({ intent, confirmRemoveJudge: facts }, { status: 409 });
      }
      // The round the confirm step was shown in: if the final round started since, nothing is removed.
      const round = formData.get("round") === "2" ? 2 : formData.get("round") === "1" ? 1 : asRound(event.judgingRound);
      const removed = await removeJudge(event.id, userId, round);
      if (!removed.ok) return redirectWithToast(back, { kind: "error", message: judgeRemovalRefusals[removed.reason](round) });
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
      const removed = await removeOrganizer(event.id, String(formData.get("userId") ?? ""), readConfirmation(formData), user.id);
      if (!removed.ok) {
        if ("confirm" in removed) return data({ intent, confirmRemoveOrganizer: removed.confirm }, { status: 409 });
        return redirectWithToast(back, { kind: "error", message: removed.message });
      }
      // Someone who removed themselves can no longer manage the event: they go to its page, or home from a draft, which
      // only its organizers may see (an admin still could).
      if (removed.self) return redirectWithToast(event.phase === "draft" ? "/" : `/events/${event.slug}`, `You are no longer an organizer of ${event.title}.`);
      return redirectWithToast(back, "Organizer removed.");
    }
    case "delete-draft": {
      const deleted = await deleteDraftEvent(event, readConfirmation(formData));
      if (!deleted.ok && "confirm" in deleted) return data({ intent, confirmDeleteDraft: deleted.confirm }, { status: 409 });
      if (!deleted.ok) return redirectWithToast(back, { kind: "error", message: deleted.message });
      return redirectWithToast("/", `The draft “${event.title}” was deleted.`);
    }
    case "move-problem": {
      const locked = problemsLocked();
      if (locked) return locked;
      const submission = parseForm(formData, { schema: moveProblemSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const moved = await moveProblem(event.id, submission.value.problemId, submission.value.direction);
      if (!moved) throw data("Problem not found", { status: 404 });
      return redirectWithToast(back, "Problem order saved.");
    }
    case "restore-problem": {
      const locked = problemsLocked();
      if (locked) return locked;
      if (!(await restoreProblem(event.id, String(formData.get("problemId") ?? "")))) throw data("Problem not found", { status: 404 });
      return redirectWithToast(back, "Problem offered to new teams again.");
    }
    case "retire-problem": {
      const locked = problemsLocked();
      if (locked) return locked;
      const retired = await retireProblem(event.id, String(formData.get("problemId") ?? ""), readConfirmation(formData));
      if (!retired.ok && "confirm" in retired) return data({ intent, confirmRetire: retired.confirm }, { status: 409 });
      if (!retired.ok) throw data("Problem not found", { status: 404 });
      return redirectWithToast(back, "Problem retired: new teams no longer see it; teams that picked it keep it.");
    }
    case "save-questions": {
      const locked = await questionsLocked(event.id);
      // "Keep the question" saves nothing: if a team submitted meanwhile, back to the page, which says why they are locked.
      if (locked && isKeeping(formData)) return redirect(`${back}#questions`);
      const edit = canEditSubmissionQuestions(user, access, { submitted: locked });
      const submission = parseForm(formData, { schema: questionsFormSchema });
      // Locked since the page was opened (a team submitted): said beside the form, which keeps the organizer's edits.
      if (!edit.ok)
        return data<ActionResult>({ intent, result: submission.reply({ formErrors: [refusedKeepingForm(edit.reason, "Your changes are")] }) }, { status: 409 });
      // A conform list intent (add or remove a question, without JavaScript) is not an error: the form comes back changed.
      if (submission.status !== "success")
        return data<ActionResult>({ intent, result: submission.reply() }, { status: submission.status === "error" ? 400 : 200 });
      const removing = String(formData.get("removing") ?? "")
        .split(",")
        .filter(Boolean);
      // "Keep the question": back to the editor with the other unsaved edits and the named questions restored.
      // It keeps the stamp its page was read with, so a save of those edits is still checked against it.
      if (isKeeping(formData))
        return data({
          intent,
          keptQuestions: { ...(await questionsKeepingRemoval(event.id, submission.value, removing)), stamp: sentStamp(formData) ?? null },
        });
      const stamp = sentStamp(formData);
      const saved = await saveQuestions(event.id, submission.value, readConfirmation(formData), removing, stamp);
      // Removing a stored question asks first; the confirm step sends the same questions again, with the ids it named.
      if (!saved.ok && "confirm" in saved) {
        const { ids, ...facts } = saved.confirm;
        return data(
          {
            intent,
            confirmRemoveQuestions: { ...facts, fields: { ...questionsFormFields(submission.value), removing: ids.join(","), ...(stamp ? { stamp } : {}) } },
          },
          { status: 409 },
        );
      }
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
    questionStamp,
    questionsLockedReason,
    canEditProblems,
    canRemoveJudges,
    judgingEnded,
    canStartFrom,
  } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const resultOf = (intent: string) => (answer?.intent === intent && "result" in answer ? answer.result : undefined);
  // After a judge or organizer is added the address field starts afresh (a refused one keeps what was typed).
  const judgesAdded = useSucceededSubmissions(ADD_JUDGE);
  const organizersAdded = useSucceededSubmissions(ADD_ORGANIZER);
  return (
    <div className="space-y-8">
      <ManageHeader event={event} back={back} canStartFrom={canStartFrom} />
      <OnThisPage sections={manageSections} />
      <Deferred>
        <DashboardSection dashboard={dashboard} teamCount={teams.length} steps={steps} />
      </Deferred>
      <PhaseSection slug={event.slug} phase={event.phase} round={asRound(event.judgingRound)} steps={steps} history={history} lastResult={resultOf("phase")}>
        <Deferred>
          <PhaseExtras
            phase={event.phase}
            steps={steps}
            lastResult={resultOf("phase")}
            confirmDelete={answer && "confirmDeleteDraft" in answer ? answer.confirmDeleteDraft : null}
          />
        </Deferred>
      </PhaseSection>
      <Deferred>
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
          round={asRound(event.judgingRound)}
          judges={judges}
          canRemove={canRemoveJudges}
          ended={judgingEnded}
          invites={invites}
          lastResult={resultOf("add-judge")}
          confirmRemove={answer && "confirmRemoveJudge" in answer ? answer.confirmRemoveJudge : null}
        />
        <TeamsSection slug={event.slug} teams={teams} />
        <RubricSection slug={event.slug} scaleMax={event.scaleMax} rubric={rubric} round={asRound(event.judgingRound)} />
        <QuestionsSection
          questions={questions}
          stamp={questionStamp}
          lockedReason={questionsLockedReason}
          lastResult={resultOf("save-questions")}
          confirmRemove={answer && "confirmRemoveQuestions" in answer ? answer.confirmRemoveQuestions : null}
          kept={answer && "keptQuestions" in answer ? answer.keptQuestions : null}
        />
        <OrganizersSection
          key={`organizers-${organizersAdded}`}
          organizers={organizers}
          lastResult={resultOf("add-organizer")}
          confirmRemove={answer && "confirmRemoveOrganizer" in answer ? answer.confirmRemoveOrganizer : null}
        />
      </Deferred>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
