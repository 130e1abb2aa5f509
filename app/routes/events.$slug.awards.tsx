import { getFormProps, useForm, type SubmissionResult } from "~/lib/form";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ConfirmStep } from "~/components/confirm-step";
import { Field, FormErrors } from "~/components/forms";
import { useSucceededSubmissions } from "~/components/use-succeeded-submissions";
import { readConfirmation } from "~/lib/confirm";
import { parseForm, refusedKeepingForm } from "~/lib/forms.server";
import { backLink, manageJudges, readFrom, withFrom } from "~/lib/back-links";
import { enforce, readIntent, unknownIntent } from "~/lib/http.server";
import { lazySchemas } from "~/lib/lazy-schemas";
import { redirectWithToast } from "~/lib/toast.server";
import { AWARDS_PUBLISHED, canChangeAwards, canManageJudging } from "~/modules/auth/permissions";
import { listSubmittedEntries } from "~/modules/entries/entries.server";
import { requireEventAccess } from "~/modules/events/access.server";
import { BEST_OVERALL, defaultAwards, MOST_VALUABLE_FAILURE, PEOPLES_CHOICE } from "~/modules/judging/awards";
import { countsShownBefore } from "~/modules/peoples-choice/views.server";
import {
  addDefaultAwards,
  awardsPublished,
  createAward,
  deleteAward,
  findAward,
  giveAward,
  listAwards,
  suggestBestOverall,
  suggestMostValuableFailure,
} from "~/modules/judging/awards.server";
import { awardSchema } from "~/modules/judging/schemas";
import { pageTitle } from "~/lib/page-title";

const check = lazySchemas(() => import("~/modules/judging/schemas"));

export const meta: MetaFunction<typeof loader> = ({ data, error }) => pageTitle(error, () => `Awards · ${data?.event.title ?? "Event"}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageJudging(user, access));
  const [awardList, entryList, suggestion, bestOverall] = await Promise.all([
    listAwards(event.id),
    listSubmittedEntries(event.id),
    suggestMostValuableFailure(event.id),
    suggestBestOverall(event),
  ]);
  const missingDefaults = defaultAwards.filter((d) => !awardList.some((a) => a.kind === d.kind)).map((d) => d.name);
  const change = canChangeAwards(user, access);
  return {
    back: backLink(readFrom(request.url), { to: `/events/${event.slug}/results`, label: `Results of ${event.title}` }, manageJudges(event)),
    event: { slug: event.slug, title: event.title, published: event.phase === "closed" },
    // Reopened after publishing: the vote's counts were shown then, and stay on the results page.
    countsShown: countsShownBefore(event, new Date()),
    locked: change.ok ? null : change.reason,
    awards: awardList,
    entries: entryList.map((e) => ({ id: e.id, title: e.title })),
    suggestion,
    bestOverall: bestOverall && { ...bestOverall, score: bestOverall.score === null ? null : bestOverall.score.toFixed(1) },
    missingDefaults,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageJudging(user, access));
  const formData = await request.formData();
  const intent = readIntent(formData);
  const back = withFrom(`/events/${event.slug}/awards`, readFrom(request.url));
  // Published since the page was opened (by a co-organizer): the organizer is told beside the new award's form, which
  // keeps what they typed, or the page is read again with why; not an error page in its place. Still a 403.
  const change = canChangeAwards(user, access);
  if (!change.ok && intent === "create") {
    const submission = parseForm(formData, { schema: awardSchema });
    return data(
      { result: submission.reply({ formErrors: [refusedKeepingForm(change.reason, "Your text is")] }) as SubmissionResult<string[]> },
      { status: 403 },
    );
  }
  if (!change.ok && ["defaults", "give", "delete"].includes(intent)) return redirectWithToast(back, { kind: "error", message: change.reason });
  switch (intent) {
    case "defaults": {
      const defaults = await addDefaultAwards(event.id);
      if (defaults.published) return redirectWithToast(back, { kind: "error", message: AWARDS_PUBLISHED });
      return redirectWithToast(back, defaults.added ? "Default awards added." : "The default awards are in the list already.");
    }
    case "create": {
      const submission = parseForm(formData, { schema: awardSchema });
      if (submission.status !== "success") return data({ result: submission.reply() as SubmissionResult<string[]> }, { status: 400 });
      const created = await createAward(event.id, submission.value);
      if (!created.ok && created.published)
        return data(
          { result: submission.reply({ formErrors: [refusedKeepingForm(AWARDS_PUBLISHED, "Your text is")] }) as SubmissionResult<string[]> },
          { status: 403 },
        );
      if (!created.ok && created.same) return redirectWithToast(back, `Award "${submission.value.name}" is in the list already.`);
      if (!created.ok) return data({ result: submission.reply({ fieldErrors: { name: [created.message] } }) }, { status: 400 });
      return redirectWithToast(back, `Award "${submission.value.name}" created.`);
    }
    case "give": {
      const awardId = String(formData.get("awardId") ?? "");
      const entryId = String(formData.get("entryId") ?? "");
      const given = await giveAward(event.id, awardId, entryId || null, { confirmedWithoutCompleteSheet: readConfirmation(formData).confirmed });
      if (given.ok) return redirectWithToast(back, entryId ? "Award given." : "Award taken back.");
      if (given.reason === "published") return redirectWithToast(back, { kind: "error", message: AWARDS_PUBLISHED });
      if (given.reason === "not-found") return redirectWithToast(back, { kind: "error", message: "That award or entry is not part of this event." });
      // A confirm step the page shows in place of the award's form; it works without JavaScript.
      return data({ confirmGive: { awardId, entryId, awardName: given.awardName, entryTitle: given.entryTitle, message: given.message } }, { status: 409 });
    }
    case "delete": {
      const awardId = String(formData.get("awardId") ?? "");
      if (!readConfirmation(formData).confirmed) {
        // A confirm step that names what is lost; the award stays until it is confirmed.
        const award = await findAward(event.id, awardId);
        if (!award) return redirectWithToast(back, { kind: "error", message: "That award is not part of this event." });
        return data({ confirmDelete: { awardId, name: award.name, entryTitle: award.entryTitle } }, { status: 409 });
      }
      if (!(await deleteAward(event.id, awardId)))
        return redirectWithToast(back, {
          kind: "error",
          message: (await awardsPublished(event.id)) ? AWARDS_PUBLISHED : "That award is not part of this event.",
        });
      return redirectWithToast(back, "Award deleted.");
    }
    default:
      return unknownIntent(intent);
  }
}

export default function Awards() {
  const { event, countsShown, back, locked, awards, entries, suggestion, bestOverall, missingDefaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const confirmGive = actionData && "confirmGive" in actionData ? actionData.confirmGive : null;
  const confirmDelete = actionData && "confirmDelete" in actionData ? actionData.confirmDelete : null;
  // A created award's name leaves the form (a refused one, e.g. a name already used, stays to be changed).
  const created = useSucceededSubmissions(CREATE);
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={back.to}>← {back.label}</Link>
      </p>
      <h1 className="h1">Awards</h1>
      {locked ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {locked}
        </p>
      ) : (
        <p className="text-sm text-slate-700">Awards are shown with the results once they are published.</p>
      )}
      {missingDefaults.length > 0 && !locked ? (
        <Form method="post" className="card flex flex-wrap items-center gap-3">
          <p className="text-sm">Suggested awards: {missingDefaults.join(", ")}.</p>
          <button type="submit" name="intent" value="defaults" className="btn-secondary">
            Add the default awards
          </button>
        </Form>
      ) : null}
      <ul className="space-y-3">
        {awards.map((a) => (
          <li key={a.id} className="card space-y-2">
            <h2 className="h2">{a.name}</h2>
            {a.description ? <p className="text-sm text-slate-700">{a.description}</p> : null}
            <p className="text-sm">{a.entryTitle ? `Given to: ${a.entryTitle}` : "Not given yet."}</p>
            {a.kind === PEOPLES_CHOICE ? (
              <p className="text-sm text-slate-700">
                {event.published ? (
                  <>
                    {a.entryTitle
                      ? "Given by the vote to the entry with the most people's choice votes, or as set here when the vote was tied."
                      : "The vote was tied, or nobody voted, so publishing gave it to nobody: to give it, reopen the event for judging and pick the entry here."}{" "}
                    The counts are on the <Link to={`/events/${event.slug}/results`}>results page</Link>.
                  </>
                ) : countsShown ? (
                  <>
                    Results were published before this reopen: the counts are on the <Link to={`/events/${event.slug}/results`}>results page</Link>. Publishing
                    again gives it to the entry with the most people&apos;s choice votes; a tie leaves it as set here.
                  </>
                ) : (
                  "Publishing results gives it to the entry with the most people's choice votes (counts stay hidden until then); a tie leaves it as set here."
                )}
              </p>
            ) : null}
            {a.kind === BEST_OVERALL && bestOverall ? (
              <p className="text-sm" data-testid="best-overall-suggestion">
                Suggested: <strong>{bestOverall.title}</strong>, first in the official ranking
                {bestOverall.score === null ? "" : ` (score ${bestOverall.score})`}.
              </p>
            ) : null}
            {a.kind === MOST_VALUABLE_FAILURE && suggestion ? (
              <p className="text-sm" data-testid="mvf-suggestion">
                Suggested: <strong>{suggestion.title}</strong>, the failed entry with the best Learnings score
                {suggestion.learnings === null ? " (not scored yet)" : ` (${Number(suggestion.learnings).toFixed(1)})`}.
              </p>
            ) : null}
            {confirmGive?.awardId === a.id ? (
              <Form
                method="post"
                className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
                aria-labelledby={`confirm-${a.id}`}
              >
                <p id={`confirm-${a.id}`} role="alert" className="font-semibold">
                  {confirmGive.message}
                </p>
                <input type="hidden" name="intent" value="give" />
                <input type="hidden" name="awardId" value={a.id} />
                <input type="hidden" name="entryId" value={confirmGive.entryId} />
                <label className="flex items-start gap-2">
                  <input type="checkbox" name="confirmed" value="on" required className="mt-1" />
                  <span>
                    Give {confirmGive.awardName} to “{confirmGive.entryTitle}” although no judge has completed a score sheet for it.
                  </span>
                </label>
                <span className="flex flex-wrap gap-2">
                  <button type="submit" className="btn-primary">
                    Give {confirmGive.awardName} anyway
                  </button>
                  <Link to="." className="btn-secondary">
                    Cancel
                  </Link>
                </span>
              </Form>
            ) : null}
            {confirmDelete?.awardId === a.id ? (
              <ConfirmStep
                question={`Delete “${confirmDelete.name}”? ${confirmDelete.entryTitle ? `It was given to “${confirmDelete.entryTitle}”; that is lost too.` : "It has not been given yet."}`}
                fields={{ intent: "delete", awardId: a.id }}
                confirmLabel={`Delete ${confirmDelete.name} for good`}
                keepLabel={`Keep ${confirmDelete.name}`}
              />
            ) : null}
            {locked ? null : (
              <Form method="post" className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="awardId" value={a.id} />
                <div>
                  <label htmlFor={`entry-${a.id}`} className="label">
                    Entry for {a.name}
                  </label>
                  <select
                    id={`entry-${a.id}`}
                    name="entryId"
                    defaultValue={
                      a.entryId ?? (a.kind === MOST_VALUABLE_FAILURE ? (suggestion?.id ?? "") : a.kind === BEST_OVERALL ? (bestOverall?.id ?? "") : "")
                    }
                    className="input mt-1"
                  >
                    <option value="">No entry</option>
                    {entries.map((e) => (
                      <option key={e.id} value={e.id}>
                        {e.title}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" name="intent" value="give" className="btn-primary">
                  Give {a.name}
                </button>
                <button type="submit" name="intent" value="delete" className="btn-danger">
                  Delete {a.name}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {/* Kept, with its refusal, when the results were published while it was being filled in (without JavaScript the page is read again). */}
      {locked && !(actionData && "result" in actionData) ? null : (
        <NewAwardForm key={`new-award-${created}`} lastResult={actionData && "result" in actionData ? actionData.result : undefined} />
      )}
    </div>
  );
}

const CREATE = ["create"] as const;

function NewAwardForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const creating = useNavigation().formData?.get("intent") === "create";
  const [form, fields] = useForm({
    id: "new-award",
    lastResult,
    onValidate: ({ formData }) => check(formData, (s) => s.awardSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card max-w-xl space-y-3">
      <h2 className="h2">New award</h2>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="create" />
      <Field label="Award name" meta={fields.name} />
      <Field label="Description (optional)" meta={fields.description} />
      {/* Once per press: a second press while the first is on its way would find the award there. */}
      <button type="submit" className="btn-primary" disabled={creating}>
        Create award
      </button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
