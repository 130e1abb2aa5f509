import { getFormProps, getInputProps, useForm } from "~/lib/form";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/forms";
import { parseForm, refusedKeepingForm } from "~/lib/forms.server";
import { enforce } from "~/lib/http.server";
import { lazySchemas } from "~/lib/lazy-schemas";
import { redirectWithToast } from "~/lib/toast.server";
import { canManageEvent, canManagePeoplesChoice } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { peoplesChoiceSettingsSchema } from "~/modules/peoples-choice/rules";
import { countsShownBefore, settingsView } from "~/modules/peoples-choice/views.server";
import { peoplesChoiceStamp, saveVoteSettings, VOTE_SETTINGS_CHANGED, voteSettingsOf } from "~/modules/peoples-choice/votes.server";
import { sentStamp } from "~/lib/stamp.server";
import { formatInZone } from "~/lib/time";
import { pageTitle } from "~/lib/page-title";

const check = lazySchemas(() => import("~/modules/peoples-choice/rules"));

export const meta: MetaFunction<typeof loader> = ({ data, error }) => pageTitle(error, () => `People's choice · ${data?.event.title ?? "Event"}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageEvent(user, access));
  const change = canManagePeoplesChoice(user, access);
  return {
    event: { slug: event.slug, title: event.title, timezone: event.timezone, published: event.phase === "closed" },
    // Reopened after publishing: the counts were shown then, and stay on the results page.
    countsShown: countsShownBefore(event, new Date()),
    submissionDeadline: formatInZone(event.submissionDeadline, event.timezone),
    // The browser checks the closing time against the same deadline the server does.
    deadlineMs: event.submissionDeadline.getTime(),
    locked: change.ok ? null : change.reason,
    settings: settingsView(event, new Date()),
    stamp: peoplesChoiceStamp(voteSettingsOf(event)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageEvent(user, access));
  const schema = peoplesChoiceSettingsSchema({ timezone: event.timezone, submissionDeadline: event.submissionDeadline });
  const formData = await request.formData();
  const submission = parseForm(formData, { schema });
  // Published since the page was opened: said beside the form, not on an error page in its place. Still a 403.
  const change = canManagePeoplesChoice(user, access);
  if (!change.ok) return data({ result: submission.reply({ formErrors: [refusedKeepingForm(change.reason, "Your changes are")] }) }, { status: change.status });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const saved = await saveVoteSettings(event.id, submission.value, user.id, { stamp: sentStamp(formData), stored: voteSettingsOf(event) });
  // Out of date: the page is read again and its form starts from the vote as saved now (not as sent, which would switch
  // back the other organizer's change on the next save), with why.
  if (saved === "changed") return data({ stale: VOTE_SETTINGS_CHANGED }, { status: 409 });
  if (saved === "published")
    return data({ result: submission.reply({ formErrors: ["Results were published just now, so the vote can no longer change."] }) }, { status: 409 });
  const message = submission.value.enabled
    ? "People's choice vote saved. The People's choice award goes to its winner when results are published."
    : "People's choice vote turned off. Votes already cast are kept but not counted.";
  return redirectWithToast(`/events/${event.slug}/peoples-choice`, message);
}

// A refused save (409: changed meanwhile, or results published) reads the event again, so the page shows the vote as it
// is. Other 4xx answers read nothing again, as Remix does without this function (ADR 060).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus }) => actionStatus === undefined || actionStatus < 400 || actionStatus === 409;

export default function PeoplesChoiceSettings() {
  const { stamp } = useLoaderData<typeof loader>();
  // A new page whenever the saved vote changes: after a stale save its form starts from it, not from what was sent.
  return <SettingsPage key={stamp} />;
}

function SettingsPage() {
  const { event, countsShown, submissionDeadline, deadlineMs, locked, settings, stamp } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const lastResult = answer && "result" in answer ? answer.result : undefined;
  const stale = answer && "stale" in answer ? answer.stale : null;
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { enabled: settings.enabled ? "on" : undefined, closesAt: settings.closesAt },
    onValidate: ({ formData }) => check(formData, (s) => s.peoplesChoiceSettingsSchema({ timezone: event.timezone, submissionDeadline: new Date(deadlineMs) })),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="max-w-2xl space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}/manage`}>← Manage {event.title}</Link>
      </p>
      <h1 className="h1">People's choice</h1>
      <div className="space-y-2 text-sm text-slate-700">
        <p>
          Everyone signed in may vote once for an entry of another team, and change the vote until it closes. The vote opens at the submission deadline (
          {submissionDeadline}).
        </p>
        {event.published && !settings.enabled ? (
          <p>The results are published, and this event had no People's choice vote.</p>
        ) : event.published ? (
          <p>
            The results are published: the counts are on the <Link to={`/events/${event.slug}/results`}>results page</Link>. Publishing gave the People's choice
            award to the entry with the most votes, unless a tie left it to you.
          </p>
        ) : countsShown ? (
          <p>
            Results were published before this reopen, so the counts are on the <Link to={`/events/${event.slug}/results`}>results page</Link> while the vote
            stays closed. Publishing again gives the People&apos;s choice award to the entry with the most votes; a tie leaves the award to you.
          </p>
        ) : (
          <p>
            Counts stay hidden from everyone, organizers included, until results are published. Publishing gives the People's choice award to the entry with the
            most votes; a tie leaves the award to you.
          </p>
        )}
      </div>
      {settings.sentence ? (
        <p className="rounded-md border border-slate-300 bg-slate-50 px-4 py-3 text-sm" data-testid="vote-state">
          {settings.sentence}
        </p>
      ) : null}
      {/* Without JavaScript the page is read again after a refusal: the form stays, with it, when results were just published. */}
      {locked && !lastResult ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {locked}
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="card space-y-4">
          <input type="hidden" name="stamp" value={stamp} />
          {stale ? (
            <p role="alert" className="field-error">
              {stale}
            </p>
          ) : null}
          <FormErrors id={form.errorId} errors={form.errors} />
          <div className="flex items-start gap-3">
            <input {...getInputProps(fields.enabled, { type: "checkbox" })} aria-describedby={fields.enabled.descriptionId} className="mt-1" />
            <div>
              <label htmlFor={fields.enabled.id} className="label">
                Hold a people's choice vote
              </label>
              <p id={fields.enabled.descriptionId} className="hint">
                Turning it off keeps the votes cast so far, uncounted, until it is turned on again.
              </p>
            </div>
          </div>
          <Field
            label={`Vote closes (${event.timezone})`}
            meta={fields.closesAt}
            type="datetime-local"
            hint={
              countsShown
                ? "After the submission deadline. Publishing results closes the vote too. Any change here hides the counts until results are published again; a later time also opens the vote again."
                : "After the submission deadline. Publishing results closes the vote too."
            }
            className="max-w-xs"
          />
          <button type="submit" className="btn-primary">
            Save people's choice
          </button>
        </Form>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
