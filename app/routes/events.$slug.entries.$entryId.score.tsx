import type { SubmissionResult } from "~/lib/form";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, useActionData, useLoaderData, useLocation, useRouteError, type ShouldRevalidateFunction } from "@remix-run/react";
import { Deferred, GeneralErrorBoundary, lazyPart } from "~/components/error-boundary";
import { KeptLines } from "~/components/kept-lines";
import { Link } from "~/components/link";
import { ConflictForm } from "~/components/score/conflict-form";
import { EntryBrief as EntryBriefOnServer } from "~/components/score/entry-brief";
import { ScoreSheetForm } from "~/components/score/score-sheet-form";
import { readConfirmation } from "~/lib/confirm";
import { parseForm, refusedKeepingForm } from "~/lib/forms.server";
import { enforce, invariantResponse } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { canDeclareConflict, canScoreEntry, NOT_A_JUDGE } from "~/modules/auth/permissions";
import { getEntry } from "~/modules/entries/entries.server";
import { requireEventAccess } from "~/modules/events/access.server";
import {
  currentSheet,
  declareConflict,
  judgeEntryFacts,
  RUBRIC_CHANGED,
  saveSheet,
  scoreSheetView,
  sheetAfterRubricChange,
} from "~/modules/judging/judging.server";
import { conflictAsText, conflictSchema, namesOtherCriteria, sheetAsText } from "~/modules/judging/schemas";
import { pageTitle } from "~/lib/page-title";

// The entry the judge reads is rendered in place by the server; in the browser its code (badges, answers, the video
// player) arrives after the score sheet's, and React keeps its HTML until it has (ADR 043). Only a literal
// `import.meta.env.SSR` drops the static import from the browser's bundle.
const EntryBrief = import.meta.env.SSR
  ? EntryBriefOnServer
  : lazyPart(
      () => import("~/components/score/entry-brief"),
      (m) => m.EntryBrief,
    );

export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  pageTitle(error, () => `Score ${data?.entry.title ? `“${data.entry.title}”` : "entry"} · ${data?.event.title ?? "Event"}`);

async function loadEntry(request: Request, params: LoaderFunctionArgs["params"]) {
  const ctx = await requireEventAccess(request, params.slug);
  const found = await getEntry(ctx.event.id, params.entryId ?? "");
  invariantResponse(found, "Entry not found", 404);
  return { ...ctx, found };
}

async function scoringDecision(ctx: Awaited<ReturnType<typeof loadEntry>>) {
  return canScoreEntry(ctx.user, ctx.access, ctx.found.entry, await judgeEntryFacts(ctx.event, ctx.found.entry.id, ctx.user.id));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadEntry(request, params);
  enforce(await scoringDecision(ctx));
  return scoreSheetView(ctx.user, ctx.access, ctx.event, ctx.found);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await loadEntry(request, params);
  const { user, event, found, access } = ctx;
  const formData = await request.formData();
  if (formData.get("intent") === "conflict") {
    const submission = parseForm(formData, { schema: conflictSchema });
    // Refused because something changed while the page was open (results published, the entry withdrawn, the judge
    // removed): said beside the conflict form, which keeps the reason typed, and the unsaved score sheet stays on the
    // page. Someone who may not see the event never gets here: requireEventAccess answered them already.
    const refused = (reason: string, status: number) =>
      data(
        {
          result: submission.reply({ formErrors: [refusedKeepingForm(reason, "Your answer is")] }),
          conflict: true,
          summary: null,
          confirmConflict: null,
          kept: conflictAsText(submission.payload),
        },
        { status },
      );
    const declaring = canDeclareConflict(user, access, found.entry, await judgeEntryFacts(event, found.entry.id, user.id));
    if (!declaring.ok) return refused(declaring.reason, declaring.status);
    if (submission.status !== "success") return data({ result: submission.reply(), conflict: true, summary: null, confirmConflict: null }, { status: 400 });
    const declared = await declareConflict(event.id, found.entry.id, user.id, submission.value.reason, readConfirmation(formData));
    // The same rule, found broken by the statements: the event moved on between the check above and the write.
    if (!declared.ok && "refused" in declared) return refused(declared.refused, 409);
    if (!declared.ok)
      return data(
        { result: submission.reply(), conflict: true, summary: null, confirmConflict: { ...declared.confirm, reason: submission.value.reason } },
        { status: 409 },
      );
    return redirectWithToast(`/events/${event.slug}/judging`, `Conflict declared: ${found.entry.title} left your queue, without your scores.`);
  }
  const scoring = await scoringDecision(ctx);
  // Someone who may not see the event gets an error page. A judge whose sheet closed while they wrote it (judging
  // ended, the entry left their queue, or they were removed from the event's judges) is told beside the form, which
  // keeps their scores and comments: it holds nothing but what they sent.
  if (!scoring.ok && !access.isJudge && scoring.reason !== NOT_A_JUDGE) enforce(scoring);
  const sheet = await currentSheet(event);
  const submission = parseForm(formData, { schema: sheet.schema });
  if (!scoring.ok) {
    const message = refusedKeepingForm(scoring.reason, "Your scores and comments are");
    return data(
      {
        result: submission.reply({ formErrors: [message] }),
        conflict: false,
        summary: null,
        confirmConflict: null,
        kept: sheetAsText(submission.payload, sheet.criteria),
      },
      { status: scoring.status },
    );
  }
  if (submission.status !== "success" && namesOtherCriteria(submission.payload.scores, sheet.criterionIds)) {
    // Only this message: the rows' own ("Unknown criterion") would land on hidden fields. The page is read again (with
    // JavaScript too: shouldRevalidate) for the current rubric, so the sheet comes back as its rows, with what was typed.
    return sheetOnRubricNow(event.id, submission.reply(), sheet.criteria, RUBRIC_CHANGED);
  }
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: false, summary: null, confirmConflict: null }, { status: 400 });
  // Which submit button: "Save scores" or "Save and next entry".
  const then = formData.get("then") === "next" ? "next" : "queue";
  const outcome = await saveSheet(event, found.entry, user.id, { ...submission.value, then }, new Date());
  switch (outcome.go) {
    case "entry":
      return redirectWithToast(`/events/${event.slug}/entries/${outcome.entryId}/score`, outcome.message);
    case "queue":
      return redirectWithToast(`/events/${event.slug}/judging`, outcome.message);
    case "sheet":
      return data({ result: submission.reply(), conflict: false, summary: outcome.message, confirmConflict: null });
    case "refused": {
      // Judging ended, or the final round started, between the checks above and the write. Answered as a changed
      // rubric is: the page is read again, its sheet as rows of the rubric now (if the judge still has one), with what
      // was typed, and every line sent to copy.
      return sheetOnRubricNow(event.id, submission.reply(), outcome.criteria, outcome.message);
    }
  }
}

/**
 * A sheet refused for another rubric than the event's now: answered with the sheet as rows of that rubric and every
 * line sent, to copy, with one message; `rubricChanged` has the page read again (shouldRevalidate below).
 */
async function sheetOnRubricNow(eventId: string, sent: SubmissionResult<string[]>, criteria: readonly { id: string }[], message: string) {
  const { initialValue, kept } = await sheetAfterRubricChange(eventId, sent.initialValue ?? {}, criteria);
  const result = { ...sent, initialValue, error: { "": [message] } };
  return data({ result, conflict: false, summary: null, confirmConflict: null, kept, rubricChanged: true }, { status: 409 });
}

// A sheet refused because the rubric changed comes back as rows of the current rubric: the page is read again for that
// rubric. Any other refusal leaves the page as it is, with the sheet as typed (as a route without this function is
// left: under single fetch the `defaultShouldRevalidate` given here is always true).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, actionStatus, defaultShouldRevalidate }) =>
  (actionResult as { rubricChanged?: boolean } | undefined)?.rubricChanged === true || (!(actionStatus! >= 400) && defaultShouldRevalidate);

export default function ScoreEntry() {
  const { entry } = useLoaderData<typeof loader>();
  // "Save and next entry" lands on this same route: a fresh sheet per entry, so no radio keeps the last entry's value.
  return <ScoreSheetPage key={entry.id} />;
}

function ScoreSheetPage() {
  const { event, entry, teamName, problemTitle, rubric, mine, overall, screenshots, answers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Deferred>
        <EntryBrief slug={event.slug} entry={entry} teamName={teamName} problemTitle={problemTitle} screenshots={screenshots} answers={answers} />
      </Deferred>
      {/* The score sheet comes before the conflict form, in the page and in tab order: scoring is the usual job. */}
      <div className="space-y-6">
        {/* What was sent for criteria the rubric no longer has, to copy. */}
        {actionData && "rubricChanged" in actionData ? <KeptLines /> : null}
        <ScoreSheetForm
          // A new rubric is a new sheet, filled in from the answer that refused the old one.
          key={rubric.map((c) => c.id).join()}
          entryId={entry.id}
          round={event.round}
          scaleMax={event.scaleMax}
          rubric={rubric}
          mine={mine}
          overall={overall}
          lastResult={actionData && !actionData.conflict ? actionData.result : undefined}
          summary={actionData?.summary}
        />
        <ConflictForm
          entryId={entry.id}
          entryTitle={entry.title}
          lastResult={actionData?.conflict ? actionData.result : undefined}
          confirm={actionData?.confirmConflict ?? undefined}
        />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  // A sheet a judge may not open (a declared conflict, judging over): their queue is where they go on from. From the
  // address, not useParams: every page's shell has useLocation already, and not useParams (ADR 043).
  const queue = useLocation().pathname.replace(/\/entries\/[^/]+\/score\/?$/, "/judging");
  // Without JavaScript, a save or conflict refused because the sheet closed (results published, the entry left the
  // queue) reads the page again, and the loader refuses the sheet: what was sent is shown after the error, to copy.
  return (
    <>
      <GeneralErrorBoundary>
        {/* Not for someone who judges nothing here: their queue would refuse them too. */}
        {isRouteErrorResponse(error) && error.status === 403 && error.data !== NOT_A_JUDGE ? (
          <Link to={queue} className="btn-primary">
            Back to your judging queue
          </Link>
        ) : null}
      </GeneralErrorBoundary>
      <KeptLines />
    </>
  );
}
