import { getFormProps, getInputProps, useForm } from "~/lib/form";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/forms";
import { parseForm } from "~/lib/forms.server";
import { sentStamp } from "~/lib/stamp.server";
import { backLink, manageJudges, readFrom, withFrom } from "~/lib/back-links";
import { enforce } from "~/lib/http.server";
import { lazySchemas } from "~/lib/lazy-schemas";
import { redirectWithToast } from "~/lib/toast.server";
import { canManageJudging } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { blindJudgingNote } from "~/modules/judging/settings";
import { judgingSettingsStamp, scoredEntryCount, updateJudgingSettings } from "~/modules/judging/settings.server";
import { judgingSettingsSchema } from "~/modules/judging/schemas";
import { pageTitle } from "~/lib/page-title";

const check = lazySchemas(() => import("~/modules/judging/schemas"));

export const meta: MetaFunction<typeof loader> = ({ data, error }) => pageTitle(error, () => `Judging settings · ${data?.event.title ?? "Event"}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageJudging(user, access));
  return {
    back: backLink(readFrom(request.url), { to: `/events/${event.slug}/results`, label: `Results of ${event.title}` }, manageJudges(event)),
    event: {
      slug: event.slug,
      title: event.title,
      normalizeScores: event.normalizeScores,
      blindJudging: event.blindJudging,
      showJudgeNames: event.showJudgeNames,
      published: event.phase === "closed",
    },
    blindNote: blindJudgingNote(event.blindJudging, await scoredEntryCount(event.id)),
    stamp: judgingSettingsStamp(event),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageJudging(user, access));
  const formData = await request.formData();
  const submission = parseForm(formData, { schema: judgingSettingsSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const saved = await updateJudgingSettings(event.id, submission.value, user.id, { stamp: sentStamp(formData), stored: event });
  // Out of date: the page is read again and its boxes start from the settings as saved now (not as sent, which would
  // switch back the other organizer's change on the next save), with why.
  if (!saved.ok && saved.stale) return data({ stale: saved.message }, { status: 409 });
  if (!saved.ok) return data({ result: submission.reply({ formErrors: [saved.message] }) }, { status: 409 });
  return redirectWithToast(withFrom(`/events/${event.slug}/judging-settings`, readFrom(request.url)), "Judging settings saved.");
}

// A refused save (409: results were published since the page was opened) reads the event again, so the page shows the
// ranking as it stays rather than as the refused form had it. Other 4xx answers read nothing again, as Remix does
// without this function (with single fetch, Remix passes `defaultShouldRevalidate: true` to a route's own function).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus }) => actionStatus === undefined || actionStatus < 400 || actionStatus === 409;

const options = [
  [
    "normalizeScores",
    "Official ranking uses normalized scores",
    "Each judge's totals are rescaled so harsh and generous judges count alike. Both rankings stay visible.",
  ],
  ["blindJudging", "Blind judging", "Judges do not see team names or members while they score."],
  ["showJudgeNames", "Show judge names to teams", "Teams see which judge wrote each piece of feedback once results are published."],
] as const;

export default function JudgingSettings() {
  const { stamp } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  // A new form whenever the saved settings change: after a stale save it starts from them, not from what was sent.
  return <SettingsForm key={stamp} stale={answer && "stale" in answer ? answer.stale : null} />;
}

function SettingsForm({ stale }: { stale: string | null }) {
  const { back, event, blindNote, stamp } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: answer && "result" in answer ? answer.result : undefined,
    defaultValue: {
      normalizeScores: event.normalizeScores ? "on" : undefined,
      blindJudging: event.blindJudging ? "on" : undefined,
      showJudgeNames: event.showJudgeNames ? "on" : undefined,
    },
    onValidate: ({ formData }) => check(formData, (s) => s.judgingSettingsSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="max-w-2xl space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={back.to}>← {back.label}</Link>
      </p>
      <h1 className="h1">Judging settings</h1>
      <Form method="post" {...getFormProps(form)} className="card space-y-4">
        <input type="hidden" name="stamp" value={stamp} />
        {stale ? (
          <p role="alert" className="field-error">
            {stale}
          </p>
        ) : null}
        <FormErrors id={form.errorId} errors={form.errors} />
        {options.map(([key, label, hint]) => (
          <div key={key} className="flex items-start gap-3">
            {key === "normalizeScores" && event.published ? (
              // Fixed while results are published: shown as saved, whatever a refused save had ticked, and sent as saved
              // so the other settings can still be changed.
              <>
                <input
                  type="checkbox"
                  id={fields[key].id}
                  checked={event.normalizeScores}
                  disabled
                  aria-describedby={fields[key].descriptionId}
                  className="mt-1"
                />
                {event.normalizeScores ? <input type="hidden" name={fields[key].name} value="on" /> : null}
              </>
            ) : (
              <input {...getInputProps(fields[key], { type: "checkbox" })} aria-describedby={fields[key].descriptionId} className="mt-1" />
            )}
            <div>
              <label htmlFor={fields[key].id} className="label">
                {label}
              </label>
              <p id={fields[key].descriptionId} className="hint">
                {hint}
                {key === "blindJudging" && blindNote ? ` ${blindNote}` : null}
                {key === "normalizeScores" && event.published ? " Results are published: to change it, reopen the event for judging." : null}
              </p>
            </div>
          </div>
        ))}
        <button type="submit" className="btn-primary">
          Save settings
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
