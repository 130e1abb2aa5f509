import type { SubmissionResult } from "~/lib/form";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { Link } from "~/components/link";
import { useState } from "react";
import { EntryForm, EntrySectionsNav } from "~/components/entry-form";
import { Screenshots as ScreenshotsOnServer } from "~/components/entry-screenshots";
import { Deferred, GeneralErrorBoundary, lazyPart } from "~/components/error-boundary";
import { useEntryFormKey } from "~/components/use-entry-autosave";
import { LiveRelatedLearnings as LiveRelatedLearningsOnServer } from "~/components/related-live";
import { readConfirmation } from "~/lib/confirm";
import { parseForm } from "~/lib/forms.server";
import { enforce, invariantResponse, readIntent, unknownIntent } from "~/lib/http.server";
import { clockInZone, formatInZone } from "~/lib/time";
import { redirectWithToast } from "~/lib/toast.server";
import { appOrigin } from "~/lib/urls.server";
import { historyLink } from "~/modules/archive/history.server";
import { relatedToProblem } from "~/modules/archive/search.server";
import { canEditEntry, canViewTeam } from "~/modules/auth/permissions";
import { AUTOSAVE_INTENT } from "~/modules/entries/autosave";
import { autosaveEntry, closedEntryMessage, fieldLabel, notSavedMessage } from "~/modules/entries/autosave.server";
import { getTeamEntry, saveEntry } from "~/modules/entries/entries.server";
import { metricDefaults } from "~/modules/entries/form-defaults";
import { readEntryForm } from "~/modules/entries/multipart.server";
import { formVersion, noteVersionSent } from "~/modules/entries/conflict";
import { SHOWN_QUESTIONS_FIELD } from "~/modules/entries/fields";
import { questionsAddedSince } from "~/modules/entries/questions";
import { answersFor, listQuestions } from "~/modules/entries/questions.server";
import { addScreenshot, listScreenshots, removeScreenshot } from "~/modules/entries/screenshots.server";
import { entrySchemaFor } from "~/modules/entries/schemas";
import { requireEventAccess } from "~/modules/events/access.server";
import { getProblem } from "~/modules/problems/problems.server";
import { getTeam } from "~/modules/teams/teams.server";
import { pageTitle } from "~/lib/page-title";

// The past-learnings panel and the screenshots section are rendered in place by the server, with or without
// JavaScript; in the browser their code arrives after the page's, and React keeps their HTML until it has (ADR 043).
// Only a literal `import.meta.env.SSR` drops the static import from the browser's bundle.
const LiveRelatedLearnings = import.meta.env.SSR
  ? LiveRelatedLearningsOnServer
  : lazyPart(
      () => import("~/components/related-live"),
      (m) => m.LiveRelatedLearnings,
    );
const Screenshots = import.meta.env.SSR
  ? ScreenshotsOnServer
  : lazyPart(
      () => import("~/components/entry-screenshots"),
      (m) => m.Screenshots,
    );

/** The fields the past-learnings panel follows; one array, so the panel's props stay the same between renders. */
const RELATED_FIELDS = ["title", "approach"];

export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  pageTitle(error, () => `Entry of ${data?.team.name ?? "your team"} · ${data?.event.title ?? "Event"}`);

/** The team and its entry, for those who may see the team (`view` says; the loader refuses everyone else at once). */
async function loadTeamEntry(request: Request, params: LoaderFunctionArgs["params"], refuse = true) {
  const ctx = await requireEventAccess(request, params.slug);
  const team = await getTeam(ctx.event.id, params.teamId ?? "");
  invariantResponse(team, "Team not found", 404);
  const view = canViewTeam(ctx.user, ctx.access, team.id);
  if (refuse) enforce(view);
  const entry = await getTeamEntry(team.id);
  invariantResponse(entry, "Entry not found", 404);
  return { ...ctx, team, entry, view };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, event, access, team, entry } = await loadTeamEntry(request, params);
  const edit = canEditEntry(user, access, team.id, new Date());
  // The problem's suggested metric fills an entry that has none yet, so the form starts from it even without JavaScript.
  const metric = edit.ok ? metricDefaults(entry, await getProblem(event.id, team.problemId)) : { fromProblem: false };
  const { fromProblem, ...metricValues } = metric;
  const [questions, answers] = await Promise.all([listQuestions(event.id), answersFor(entry.id)]);
  return {
    event: { slug: event.slug, title: event.title },
    team: { id: team.id, name: team.name },
    // After a save refused in this request (without JavaScript), the version that save was sent with.
    entry: { ...entry, ...metricValues, answers, version: formVersion(context, entry) },
    questions,
    metricNote: fromProblem ? "Filled in from your problem’s suggested metric. Change it if you measure something else." : null,
    screenshots: await listScreenshots(entry.id),
    // "Have we tried this before?" while the team still shapes its entry: for the problem and what the team
    // wrote (saved text here; the panel asks again as they type).
    related: edit.ok ? await relatedToProblem(team.problemId, `${entry.title} ${entry.approach}`) : [],
    relatedHref: `/events/${event.slug}/problems/${team.problemId}/related`,
    history: edit.ok ? await historyLink(event.slug, team.problemId) : null,
    refusal: edit.ok ? null : edit.reason,
    // The line under the heading, worded here so the page's JavaScript carries none of it (ADR 043); read-only (the
    // refusal says why), it does not invite editing.
    statusLine: `${entry.status === "submitted" ? "Submitted." : edit.ok ? "Draft: save any time, submit when complete." : "Draft, never submitted."} Deadline: ${formatInZone(event.submissionDeadline, event.timezone)}.${edit.ok ? " Any team member can edit." : ""}`,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, event, access, team, entry, view } = await loadTeamEntry(request, params, false);
  const edit = canEditEntry(user, access, team.id, new Date());
  const here = `/events/${event.slug}/teams/${team.id}/entry`;
  // The team's saves hear a closed entry as data, so a page left open past the deadline keeps its text on screen
  // instead of turning into an error page. So do the saves of someone removed from the team (or who left it in
  // another tab) while the form was open; anything else from outside the team is refused as a page. Their saves are
  // checked without the entry's own facts (its status, its version), which they may not know.
  const member = access.teamId === team.id;
  const refuseOutsider = () => {
    enforce(view);
    enforce(edit);
  };
  // The entry form posts urlencoded: anything else from outside the team is refused before its body is read.
  if (!member && !request.headers.get("Content-Type")?.toLowerCase().startsWith("application/x-www-form-urlencoded")) refuseOutsider();
  const formData = await readEntryForm(request);
  if ("refused" in formData) return data({ screenshotError: formData.refused }, { status: 400 });
  const intent = readIntent(formData);
  if (!member && intent !== AUTOSAVE_INTENT && intent !== "save" && intent !== "submit") refuseOutsider();
  if (intent === AUTOSAVE_INTENT) {
    const saved = await autosaveEntry(team, entry, edit, formData, new Date(), event.timezone, await listQuestions(event.id));
    return data({ autosave: saved }, { status: saved.ok ? 200 : { invalid: 400, conflict: 409, closed: 403 }[saved.reason] });
  }
  switch (intent) {
    case "upload-screenshot": {
      // Only the team gets here (above): a closed entry is said next to the upload, and the page keeps its text.
      if (!edit.ok) return data({ screenshotError: closedEntryMessage(edit.reason) }, { status: 403 });
      const file = formData.get("screenshot");
      const bytes = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
      const caption = String(formData.get("caption") ?? "")
        .trim()
        .slice(0, 200);
      const added = await addScreenshot(entry.id, bytes, caption);
      // Judging started during the upload: refused as the check above would have (ADR 072).
      if (!added.ok && "closed" in added) return data({ screenshotError: closedEntryMessage(added.message) }, { status: 403 });
      if (!added.ok) return data({ screenshotError: added.message }, { status: 400 });
      return redirectWithToast(here, "Screenshot added.");
    }
    case "delete-screenshot": {
      if (!edit.ok) return data({ screenshotError: closedEntryMessage(edit.reason) }, { status: 403 });
      const removed = await removeScreenshot(entry.id, String(formData.get("screenshotId") ?? ""), readConfirmation(formData));
      if (!removed.ok && "confirm" in removed) return data({ confirmDeleteScreenshot: removed.confirm }, { status: 409 });
      if (!removed.ok && "closed" in removed) return data({ screenshotError: closedEntryMessage(removed.message) }, { status: 403 });
      if (!removed.ok) return redirectWithToast(here, { kind: "error", message: removed.message });
      return redirectWithToast(here, "Screenshot deleted.");
    }
    case "save":
    case "submit": {
      const submit = intent === "submit";
      // A refused save's page, read again in this request without JavaScript, keeps the version its form was sent with.
      noteVersionSent(context, entry.id, formData.get("version"));
      const questions = await listQuestions(event.id);
      // A submitted entry stays complete: saving it checks what submitting does (it stays submitted either way). A
      // form of an earlier version is checked as it was sent, so that saveEntry tells of the teammate's save instead.
      const current = member && entry.status === "submitted" && formData.get("version") === String(entry.version);
      const submission = parseForm(formData, { schema: entrySchemaFor(current ? "submit" : intent, questions) });
      if (!edit.ok) return data({ result: submission.reply({ formErrors: [closedEntryMessage(edit.reason)] }) as SubmissionResult<string[]> }, { status: 403 });
      if (submission.status !== "success") {
        // A question added since the page loaded has no field on it: its message would be next to nothing.
        const shown = formData.get(SHOWN_QUESTIONS_FIELD);
        const { added, message } = questionsAddedSince(typeof shown === "string" ? shown : null, questions);
        const unseen = message !== null && added.some((q) => submission.error?.[`answers.${q.id}`]?.length);
        // Said at the top of the form, where a page without JavaScript opens after the refusal: the fields' own
        // messages may be far below, and the text still on screen could pass for saved.
        const failed = Object.entries(submission.error ?? {}).filter(([field, messages]) => field && messages?.length);
        const notSaved = notSavedMessage(
          submit,
          failed.flatMap(([field]) => fieldLabel(field, questions) ?? []),
        );
        return data({ result: submission.reply({ formErrors: unseen ? [notSaved, message] : [notSaved] }) as SubmissionResult<string[]> }, { status: 400 });
      }
      const now = new Date();
      const saved = await saveEntry(team.id, submission.value, submit, now, appOrigin(request));
      // Judging started between the check above and the save (ADR 072): refused as the check would have.
      if (!saved.ok && "closed" in saved)
        return data({ result: submission.reply({ formErrors: [closedEntryMessage(saved.message)] }) as SubmissionResult<string[]> }, { status: 403 });
      if (!saved.ok) return data({ result: submission.reply({ formErrors: [saved.message] }) as SubmissionResult<string[]> }, { status: 409 });
      // With the time, in the event's zone, as the autosave's status line says it.
      const at = clockInZone(now, event.timezone);
      return redirectWithToast(
        submit ? `/events/${event.slug}/teams/${team.id}` : here,
        // A submitted entry changes at once (organizers and, after the deadline, everyone see it): not a draft.
        submit
          ? "Entry submitted. You can still edit it until the deadline."
          : entry.status === "submitted"
            ? `Changes saved to your submitted entry ${at}.`
            : `Draft saved ${at}.`,
      );
    }
    default:
      return unknownIntent(intent);
  }
}

// An autosave changes nothing the page shows except its own status line; reloading the entry would
// replace the form the person is typing in.
// A refused save is not followed by reading the page again either: the refusal is beside the form, and after a
// teammate's save the page's newer version would let the next Save replace what the person has not seen (ADR 060).
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, actionStatus, defaultShouldRevalidate }) =>
  formData?.get("intent") !== AUTOSAVE_INTENT && !(actionStatus! >= 400) && defaultShouldRevalidate;

export default function EditEntry() {
  const { event, team, entry, questions, metricNote, screenshots, related, relatedHref, history, refusal, statusLine } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formKey = useEntryFormKey(entry.id, entry.version);
  const lastResult = actionData && "result" in actionData ? actionData.result : undefined;
  // A page that showed the form keeps it when the entry closes under it (its data reloaded after the deadline or a
  // phase change): the refusal shows above it, and what was typed stays there to be copied (ADR 060). Without
  // JavaScript a refused save is answered by the page read again, closed: the form comes back with what was sent.
  const [showedForm] = useState(!refusal || !!actionData);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}/teams/${team.id}`}>← {team.name}</Link>
      </p>
      <h1 className="h1">Your entry</h1>
      <p className="text-slate-700">{statusLine}</p>
      {refusal ? (
        <div role="alert" className="card border-amber-300 bg-amber-50">
          <p className="font-semibold">This entry is read-only.</p>
          <p className="mt-1">{showedForm ? `${refusal} Your text is still in the form below: copy what you need.` : refusal}</p>
          <Link to={`/events/${event.slug}/entries/${entry.id}`} className="btn-secondary mt-3">
            View the entry
          </Link>
        </div>
      ) : null}
      {refusal && !showedForm ? null : (
        <>
          {/* Before the form: a team reads what was tried before it builds. */}
          <Deferred>
            <LiveRelatedLearnings learnings={related} href={relatedHref} formId="entry" fields={RELATED_FIELDS} history={history} />
          </Deferred>
          <EntrySectionsNav withQuestions={questions.length > 0} />
          <EntryForm key={formKey.key} entry={entry} questions={questions} metricNote={metricNote} lastResult={lastResult} onAutosaved={formKey.onAutosaved} />
          <Deferred>
            <Screenshots
              screenshots={screenshots}
              error={actionData && "screenshotError" in actionData ? actionData.screenshotError : undefined}
              confirmDelete={actionData && "confirmDeleteScreenshot" in actionData ? actionData.confirmDeleteScreenshot : null}
            />
          </Deferred>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
