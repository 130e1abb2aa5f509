import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { outcomes, rootCauses } from "#db/enums";
import { ConfirmStep } from "~/components/confirm-step";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { RelatedLearnings } from "~/components/learnings";
import { readConfirmation } from "~/lib/confirm";
import { parseForm } from "~/lib/forms.server";
import { enforce, invariantResponse } from "~/lib/http.server";
import { formatInZone } from "~/lib/time";
import { redirectWithToast } from "~/lib/toast.server";
import { relatedToProblem } from "~/modules/archive/search.server";
import { canEditEntry, canViewTeam } from "~/modules/auth/permissions";
import { getTeamEntry, saveEntry } from "~/modules/entries/entries.server";
import { MAX_SCREENSHOTS } from "~/modules/entries/images";
import { readEntryForm } from "~/modules/entries/multipart.server";
import { addScreenshot, listScreenshots, removeScreenshot } from "~/modules/entries/screenshots.server";
import { entrySchemaFor, outcomeLabels, rootCauseLabels } from "~/modules/entries/schemas";
import { requireEventAccess } from "~/modules/events/access.server";
import { getTeam } from "~/modules/teams/teams.server";

export const meta: MetaFunction = () => [{ title: "Entry · Problem First" }];

async function loadTeamEntry(request: Request, params: LoaderFunctionArgs["params"]) {
  const ctx = await requireEventAccess(request, params.slug);
  const team = await getTeam(ctx.event.id, params.teamId ?? "");
  invariantResponse(team, "Team not found", 404);
  enforce(canViewTeam(ctx.user, ctx.access, team.id));
  const entry = await getTeamEntry(team.id);
  invariantResponse(entry, "Entry not found", 404);
  return { ...ctx, team, entry };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access, team, entry } = await loadTeamEntry(request, params);
  const edit = canEditEntry(user, access, team.id, new Date());
  return {
    event: { slug: event.slug, title: event.title, deadline: formatInZone(event.submissionDeadline, event.timezone) },
    team: { id: team.id, name: team.name },
    entry,
    screenshots: await listScreenshots(entry.id),
    // "Have we tried this before?" while the team still shapes its entry.
    related: edit.ok ? await relatedToProblem(team.problemId) : [],
    refusal: edit.ok ? null : edit.reason,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access, team, entry } = await loadTeamEntry(request, params);
  enforce(canEditEntry(user, access, team.id, new Date()));
  const formData = await readEntryForm(request);
  if ("refused" in formData) return data({ screenshotError: formData.refused }, { status: 400 });
  const intent = formData.get("_action");
  if (intent === "upload-screenshot") {
    const file = formData.get("screenshot");
    const bytes = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
    const caption = String(formData.get("caption") ?? "")
      .trim()
      .slice(0, 200);
    const added = await addScreenshot(entry.id, bytes, caption);
    if (!added.ok) return data({ screenshotError: added.message }, { status: 400 });
    return redirectWithToast(`/events/${event.slug}/teams/${team.id}/entry`, "Screenshot added.");
  }
  if (intent === "delete-screenshot") {
    const removed = await removeScreenshot(entry.id, String(formData.get("screenshotId") ?? ""), readConfirmation(formData));
    if (!removed.ok && "confirm" in removed) return data({ confirmDeleteScreenshot: removed.confirm }, { status: 409 });
    if (!removed.ok) return redirectWithToast(`/events/${event.slug}/teams/${team.id}/entry`, { kind: "error", message: removed.message });
    return redirectWithToast(`/events/${event.slug}/teams/${team.id}/entry`, "Screenshot deleted.");
  }
  const submit = intent === "submit";
  const submission = parseForm(formData, { schema: entrySchemaFor(formData.get("_action")) });
  if (submission.status !== "success") {
    return data({ result: submission.reply() as SubmissionResult<string[]> }, { status: 400 });
  }
  const saved = await saveEntry(team.id, submission.value, submit, new Date());
  if (!saved.ok) return data({ result: submission.reply({ formErrors: [saved.message] }) as SubmissionResult<string[]> }, { status: 409 });
  return redirectWithToast(
    submit ? `/events/${event.slug}/teams/${team.id}` : `/events/${event.slug}/teams/${team.id}/entry`,
    submit ? "Entry submitted. You can still edit it until the deadline." : "Draft saved.",
  );
}

type LoaderData = Awaited<ReturnType<typeof loader>>;

type ScreenshotFacts = { screenshotId: string; number: number; caption: string };

function Screenshots({ screenshots, error, confirmDelete }: { screenshots: LoaderData["screenshots"]; error?: string; confirmDelete: ScreenshotFacts | null }) {
  return (
    <section aria-labelledby="shots-h" className="card space-y-4">
      <h2 id="shots-h" className="h2">
        Screenshots ({screenshots.length} of {MAX_SCREENSHOTS})
      </h2>
      {screenshots.length > 0 ? (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {screenshots.map((s, i) => (
            <li key={s.id} className="space-y-1">
              <img
                src={`/screenshots/${s.id}`}
                alt={s.caption || `Screenshot ${i + 1}`}
                className="aspect-video w-full rounded border border-slate-200 object-cover"
              />
              <Form method="post">
                <input type="hidden" name="screenshotId" value={s.id} />
                <button
                  type="submit"
                  name="_action"
                  value="delete-screenshot"
                  className="btn-danger px-2 py-1 text-xs"
                  aria-label={`Delete screenshot ${s.caption || i + 1}`}
                >
                  Delete
                </button>
              </Form>
              {confirmDelete?.screenshotId === s.id ? (
                <ConfirmStep
                  question={`Delete screenshot ${confirmDelete.number}${confirmDelete.caption ? ` (“${confirmDelete.caption}”)` : ""}? The image is removed from the entry and deleted for good.`}
                  fields={{ _action: "delete-screenshot", screenshotId: s.id }}
                  confirmLabel={`Delete screenshot ${confirmDelete.number} for good`}
                  keepLabel="Keep it"
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {screenshots.length < MAX_SCREENSHOTS ? (
        <Form method="post" encType="multipart/form-data" className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="screenshot" className="label">
              Add a screenshot
            </label>
            <input
              id="screenshot"
              name="screenshot"
              type="file"
              accept="image/png,image/jpeg,image/webp"
              className="mt-1 block text-sm"
              aria-describedby={error ? "screenshot-hint screenshot-error" : "screenshot-hint"}
              aria-invalid={error ? true : undefined}
            />
            <p id="screenshot-hint" className="hint">
              PNG, JPEG or WebP, at most 5 MB.
            </p>
            {error ? (
              <p id="screenshot-error" className="field-error">
                {error}
              </p>
            ) : null}
          </div>
          <div>
            <label htmlFor="caption" className="label">
              Caption (optional)
            </label>
            <input id="caption" name="caption" maxLength={200} className="input mt-1" />
          </div>
          <button type="submit" name="_action" value="upload-screenshot" className="btn-secondary">
            Upload
          </button>
        </Form>
      ) : null}
    </section>
  );
}

function EntryForm({ entry, lastResult }: { entry: LoaderData["entry"]; lastResult?: SubmissionResult<string[]> }) {
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "entry",
    lastResult,
    defaultValue: { ...entry, outcome: entry.outcome ?? "", pmRootCause: entry.pmRootCause ?? "", version: String(entry.version) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: entrySchemaFor(formData.get("_action")) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      <input type="hidden" name="version" value={entry.version} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <fieldset className="card space-y-4">
        <legend className="h2 px-1">Overview</legend>
        <Field label="Title" meta={fields.title} />
        <Field label="One-line summary" meta={fields.summary} />
        <SelectField
          label="Outcome"
          meta={fields.outcome}
          placeholder="Pick an outcome…"
          options={outcomes.map((o) => ({ value: o, label: outcomeLabels[o] }))}
          hint="A failed attempt is a full entry: its post-mortem is the result."
        />
        <Field label="Tags" meta={fields.tags} hint="Comma-separated, e.g. support, retrieval, classification." />
      </fieldset>
      <fieldset className="card space-y-4">
        <legend className="h2 px-1">Prototype</legend>
        <Field label="Demo link" meta={fields.demoUrl} type="url" />
        <Field label="Repository link" meta={fields.repoUrl} type="url" />
        <Field label="Video link" meta={fields.videoUrl} type="url" />
        <TextareaField label="Approach: models, tools and data used" meta={fields.approach} rows={4} />
      </fieldset>
      <fieldset className="card grid gap-4 sm:grid-cols-2">
        <legend className="h2 px-1">AI metric</legend>
        <Field label="Metric name" meta={fields.metricName} />
        <Field label="Unit" meta={fields.metricUnit} />
        <Field label="Baseline" meta={fields.metricBaseline} />
        <Field label="Target" meta={fields.metricTarget} />
        <Field label="Measured result" meta={fields.metricResult} hint="A failed attempt may leave this empty and explain why in the post-mortem." />
      </fieldset>
      <fieldset className="card space-y-4">
        <legend className="h2 px-1">Post-mortem</legend>
        <TextareaField label="What worked" meta={fields.pmWorked} />
        <TextareaField label="What did not work" meta={fields.pmDidNotWork} />
        <SelectField
          label="Root cause"
          meta={fields.pmRootCause}
          placeholder="Pick the root cause…"
          options={rootCauses.map((c) => ({ value: c, label: rootCauseLabels[c] }))}
        />
        <Field label="Root cause, if other" meta={fields.pmRootCauseOther} />
        <TextareaField label="What we would do differently" meta={fields.pmDifferently} />
        <TextareaField label="Next steps" meta={fields.pmNextSteps} />
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="_action" value="save" className="btn-secondary" disabled={busy}>
          Save draft
        </button>
        <button type="submit" name="_action" value="submit" className="btn-primary" disabled={busy}>
          Submit entry
        </button>
      </div>
    </Form>
  );
}

export default function EditEntry() {
  const { event, team, entry, screenshots, related, refusal } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lastResult = actionData && "result" in actionData ? actionData.result : undefined;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}/teams/${team.id}`}>← {team.name}</Link>
      </p>
      <h1 className="h1">Your entry</h1>
      <p className="text-slate-700">
        {entry.status === "submitted" ? "Submitted." : "Draft: save any time, submit when complete."} Deadline: {event.deadline}. Any team member can edit.
      </p>
      {refusal ? (
        <div role="alert" className="card border-amber-300 bg-amber-50">
          <p className="font-semibold">This entry is read-only.</p>
          <p className="mt-1">{refusal}</p>
          <Link to={`/events/${event.slug}/entries/${entry.id}`} className="btn-secondary mt-3">
            View the entry
          </Link>
        </div>
      ) : (
        <>
          <EntryForm key={entry.version} entry={entry} lastResult={lastResult} />
          <Screenshots
            screenshots={screenshots}
            error={actionData && "screenshotError" in actionData ? actionData.screenshotError : undefined}
            confirmDelete={actionData && "confirmDeleteScreenshot" in actionData ? actionData.confirmDeleteScreenshot : null}
          />
          <RelatedLearnings learnings={related} />
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
