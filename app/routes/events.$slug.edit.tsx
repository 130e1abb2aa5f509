import { getFormProps, useForm } from "~/lib/form";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { EventFields } from "~/components/event-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, LeaveDialog } from "~/components/forms";
import { useUnsavedForm } from "~/components/unsaved-form";
import { sentStamp } from "~/lib/stamp.server";
import { parseForm } from "~/lib/forms.server";
import { enforce } from "~/lib/http.server";
import { lazySchemas } from "~/lib/lazy-schemas";
import { formatInZone } from "~/lib/time";
import { utcToZonedLocal } from "~/lib/zoned-time";
import { redirectWithToast } from "~/lib/toast.server";
import { canManageEvent } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { eventSchema } from "~/modules/events/schemas";
import { eventDetailsStamp, updateEvent } from "~/modules/events/settings.server";
import { pageTitle } from "~/lib/page-title";

const check = lazySchemas(() => import("~/modules/events/schemas"));

export const meta: MetaFunction<typeof loader> = ({ data, error }) => pageTitle(error, () => `Edit ${data?.event.title ?? "event"}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageEvent(user, access));
  const tz = event.timezone;
  return {
    stamp: eventDetailsStamp(event),
    event: {
      slug: event.slug,
      title: event.title,
      tagline: event.tagline,
      description: event.description,
      rules: event.rules,
      timezone: tz,
      maxTeamSize: event.maxTeamSize,
      startsAt: utcToZonedLocal(event.startsAt, tz),
      submissionDeadline: utcToZonedLocal(event.submissionDeadline, tz),
      judgingDeadline: utcToZonedLocal(event.judgingDeadline, tz),
    },
    current: {
      startsAt: formatInZone(event.startsAt, tz),
      submissionDeadline: formatInZone(event.submissionDeadline, tz),
      judgingDeadline: formatInZone(event.judgingDeadline, tz),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageEvent(user, access));
  const formData = await request.formData();
  const submission = parseForm(formData, { schema: eventSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const saved = await updateEvent(event, submission.value, sentStamp(formData));
  // Field "": the details changed since the page was loaded (409); otherwise the address is taken, or an edit rule
  // refused a date or the team size beside its field (400).
  if (!saved.ok) return data({ result: submission.reply({ fieldErrors: { [saved.field]: [saved.message] } }) }, { status: saved.field === "" ? 409 : 400 });
  return redirectWithToast(`/events/${saved.slug}/manage`, "Event details saved.");
}

export default function EditEvent() {
  const { stamp, event, current } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { ...event, maxTeamSize: String(event.maxTeamSize) },
    onValidate: ({ formData }) => check(formData, (s) => s.eventSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const formProps = getFormProps(form);
  const unsaved = useUnsavedForm(formProps, lastResult);
  return (
    <div className="mx-auto max-w-2xl">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}/manage`}>← Manage {event.title}</Link>
      </p>
      <h1 className="h1 mt-1">Edit event</h1>
      <p className="mt-2 text-slate-700">
        Changing the web address changes the event's links; old links keep leading to the event, until another event takes the old address.
      </p>
      <Form method="post" {...formProps} {...unsaved.props} className="card mt-6 space-y-4">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="stamp" value={stamp} />
        <EventFields fields={fields} timezone={event.timezone} current={current} />
        {unsaved.blocker.state === "blocked" ? (
          <LeaveDialog blocker={unsaved.blocker} unsaved="Your changes to the event's details are not saved yet." />
        ) : null}
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? "Saving…" : "Save event"}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
