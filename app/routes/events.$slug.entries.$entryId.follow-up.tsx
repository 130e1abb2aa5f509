import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useState } from "react";
import { KeptLines } from "~/components/kept-lines";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FollowUpForm } from "~/components/follow-up-form";
import { ConfirmStep } from "~/components/confirm-step";
import { FollowUpAnswerView } from "~/components/follow-ups";
import { readConfirmation } from "~/lib/confirm";
import { parseForm, refusedKeepingForm } from "~/lib/forms.server";
import { enforce, invariantResponse } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { canRecordFollowUp } from "~/modules/auth/permissions";
import { getEntry } from "~/modules/entries/entries.server";
import { requireEventAccess } from "~/modules/events/access.server";
import { deleteFollowUp, followUpsOf, ownsEntryProblem, recordFollowUp } from "~/modules/follow-ups/follow-ups.server";
import { followUpAsText, followUpSchema } from "~/modules/follow-ups/schemas";
import { followUpLabels } from "~/modules/follow-ups/words";
import { pageTitle } from "~/lib/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, error }) => pageTitle(error, () => `What happened next: ${data?.entry.title || "Entry"}`);

/** The entry and whether this person may record its follow-up now: its team or its problem's owner, once the event is closed (ADR 030). */
async function followUpAccess(request: Request, params: LoaderFunctionArgs["params"]) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  const found = await getEntry(event.id, params.entryId ?? "");
  invariantResponse(found, "Entry not found", 404);
  const problemOwner = await ownsEntryProblem(found.entry.id, user.id);
  const decision = canRecordFollowUp(user, access, found.entry, { problemOwner });
  return { user, event, entry: found.entry, teamName: found.teamName, decision, answers: access.teamId === found.entry.teamId || problemOwner };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, entry, teamName, decision } = await followUpAccess(request, params);
  enforce(decision);
  const { id, title, metricName, metricUnit, metricBaseline, metricResult } = entry;
  return {
    event: { slug: event.slug, title: event.title },
    entry: { id, title, metricName, metricUnit, metricBaseline, metricResult },
    teamName,
    answers: (await followUpsOf(entry.id)).map(({ recordedById, ...answer }) => ({ ...answer, mine: recordedById === user.id })),
  };
}

const DELETE_ANSWER = "delete-answer";

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, entry, decision, answers } = await followUpAccess(request, params);
  // Anyone but those who answer gets an error page; they, when the event was reopened while they wrote, are told
  // beside the form, which keeps their answer (ADR 060).
  if (!answers) enforce(decision);
  const formData = await request.formData();
  if (formData.get("intent") === DELETE_ANSWER) {
    enforce(decision);
    const answerId = Number(formData.get("answerId"));
    invariantResponse(Number.isSafeInteger(answerId) && answerId > 0, "Answer not found", 404);
    // A wrong answer is deleted only once confirmed (ADR 012): the archive then shows the one before it.
    if (!readConfirmation(formData).confirmed) return data({ confirmDelete: answerId }, { status: 409 });
    const deleted = await deleteFollowUp(entry.id, answerId, user.id);
    if (!deleted.ok) return data({ deleteError: deleted.message }, { status: 409 });
    return redirectWithToast(`/events/${event.slug}/entries/${entry.id}/follow-up#answers-h`, "Answer deleted.");
  }
  const submission = parseForm(formData, { schema: followUpSchema });
  if (!decision.ok)
    return data(
      { result: submission.reply({ formErrors: [refusedKeepingForm(decision.reason, "Your answer is")] }), kept: followUpAsText(submission.payload) },
      { status: 403 },
    );
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const recorded = await recordFollowUp(entry.id, user.id, submission.value, new Date());
  if (!recorded.ok)
    return data({ result: submission.reply({ formErrors: [recorded.message] }), answeredMeanwhile: recorded.answeredMeanwhile ?? false }, { status: 409 });
  return redirectWithToast(`/events/${event.slug}/entries/${entry.id}#follow-up-h`, "Saved what happened next. Thank you!");
}

// An answer refused because the answers changed meanwhile reads the page again, as without JavaScript: the newest
// answer shows in the list, the form keeps what was sent, and its next press records it over what it has now seen.
// Other refusals read nothing again (with single fetch, Remix passes `defaultShouldRevalidate: true` after them too).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, actionResult, defaultShouldRevalidate }) =>
  actionStatus !== undefined && actionStatus >= 400 ? actionResult?.answeredMeanwhile === true : defaultShouldRevalidate;

export default function FollowUpPage() {
  const { event, entry, teamName, answers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [latest, ...earlier] = answers;
  // The form starts afresh from the latest answer whenever it changes (the person's wrong answer deleted, one recorded
  // meanwhile), keeping every field the person changed: a correction being typed survives the deletion of the answer it
  // corrects, and the fields left alone come from the answer now shown, not from the one deleted.
  const [edited, setEdited] = useState<Record<string, string>>({});
  const title = entry.title || "Untitled entry";
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}/entries/${entry.id}`}>← {title}</Link>
      </p>
      <div>
        <h1 className="h1">What happened next: {title}</h1>
        <p className="mt-1 text-slate-700">
          By {teamName} in {event.title}. Tell the next team how it went after the event: the entry page shows the latest answer with its date, and the archive
          its status.
        </p>
      </div>
      <div
        onInput={(e) => {
          const { name, value } = e.target as HTMLInputElement;
          setEdited((was) => ({ ...was, [name]: value }));
        }}
      >
        <FollowUpForm
          key={`${entry.id} ${latest?.id ?? "none"}`}
          latest={latest ?? null}
          edited={edited}
          metric={entry}
          lastResult={actionData && "result" in actionData ? actionData.result : undefined}
        />
      </div>
      {answers.length ? (
        <section aria-labelledby="answers-h" className="card space-y-3">
          <h2 id="answers-h" className="h2">
            {earlier.length ? "Answers so far" : "The answer so far"}
          </h2>
          <ol className="space-y-4">
            {answers.map((answer) => (
              <li key={answer.id} className="space-y-2 border-t border-slate-100 pt-3 first:border-0 first:pt-0">
                <FollowUpAnswerView answer={answer} metric={entry} />
                {answer.mine ? (
                  actionData && "confirmDelete" in actionData && actionData.confirmDelete === answer.id ? (
                    <ConfirmStep
                      question={`Delete your answer recorded ${answer.recordedOn}? ${answer.id === latest?.id ? (earlier.length ? "The answer before it becomes the entry's follow-up again." : "The entry then has no follow-up.") : "The latest answer stays as it is."}`}
                      fields={{ intent: DELETE_ANSWER, answerId: String(answer.id) }}
                      confirmLabel="Yes, delete this answer"
                      keepLabel="Keep the answer"
                    />
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="intent" value={DELETE_ANSWER} />
                      <input type="hidden" name="answerId" value={answer.id} />
                      <button type="submit" className="btn-secondary text-sm">
                        Delete this answer
                        <span className="sr-only">
                          : {followUpLabels[answer.status]}, recorded {answer.recordedOn}
                        </span>
                      </button>
                    </Form>
                  )
                ) : null}
              </li>
            ))}
          </ol>
          {actionData && "deleteError" in actionData ? (
            <p role="alert" className="field-error">
              {actionData.deleteError}
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  // Without JavaScript, an answer refused because the event was reopened reads the page again, and the loader refuses
  // it: what was sent is shown after the error, to copy.
  return (
    <>
      <GeneralErrorBoundary />
      <KeptLines />
    </>
  );
}
