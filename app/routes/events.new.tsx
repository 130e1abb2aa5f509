import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EventFields } from "~/components/event-fields";
import { FormErrors } from "~/components/forms";
import { parseForm } from "~/lib/forms.server";
import { enforce } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { requireUser } from "~/modules/auth/guards.server";
import { canCreateEvent } from "~/modules/auth/permissions";
import { createEvent, slugTaken } from "~/modules/events/events.server";
import { eventSchema } from "~/modules/events/schemas";

export const meta: MetaFunction = () => [{ title: "New event · Problem First" }];

export async function loader({ request }: LoaderFunctionArgs) {
  enforce(canCreateEvent(await requireUser(request)));
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  enforce(canCreateEvent(user));
  const submission = parseForm(await request.formData(), { schema: eventSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  if (submission.value.slug && (await slugTaken(submission.value.slug))) {
    return data({ result: submission.reply({ fieldErrors: { slug: ["Another event already uses this address: pick another"] } }) }, { status: 400 });
  }
  const event = await createEvent(user, submission.value);
  return redirectWithToast(`/events/${event.slug}/manage`, "Event created as a draft. Add a business problem, then open it.");
}

export default function NewEvent() {
  const lastResult = useActionData<typeof action>()?.result;
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { timezone: "UTC", maxTeamSize: "5" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: eventSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="h1">New event</h1>
      <p className="mt-2 text-slate-700">It starts as a draft that only organizers see. It gets the default problem-first rubric.</p>
      <Form method="post" {...getFormProps(form)} className="card mt-6 space-y-4">
        <FormErrors id={form.errorId} errors={form.errors} />
        <EventFields fields={fields} timezone="UTC" />
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? "Creating…" : "Create event"}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
