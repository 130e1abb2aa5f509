import { getFormProps, useForm } from "~/lib/form";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EventFields } from "~/components/event-fields";
import { KeptLines } from "~/components/kept-lines";
import { EventTemplateBox } from "~/components/event-template";
import { FormErrors } from "~/components/forms";
import { parseForm, refusedKeepingForm } from "~/lib/forms.server";
import { enforce } from "~/lib/http.server";
import { lazySchemas } from "~/lib/lazy-schemas";
import { redirectWithToast } from "~/lib/toast.server";
import { requireUser } from "~/modules/auth/guards.server";
import { canCreateEvent, canUseAsTemplate, type Actor } from "~/modules/auth/permissions";
import { createEvent, loadEventAccess, slugTaken } from "~/modules/events/events.server";
import { eventAsText } from "~/modules/events/fields";
import { eventSchema } from "~/modules/events/schemas";
import { templateDefaults, templatePreview } from "~/modules/events/templates.server";
import { skippedEventTime, passedDeadlineOfNewEvent } from "~/modules/events/settings.server";
import { templateSchema } from "~/modules/problems/schemas";
import { pageTitle } from "~/lib/page-title";

const check = lazySchemas(() => import("~/modules/events/schemas"));

export const meta: MetaFunction = ({ error }) => pageTitle(error, () => "New event");

/**
 * The event a new one starts from ("New event from this one"): one this person organizes (`refused`: why not), or
 * none named or found.
 */
async function templateSource(actor: Actor, slug: string | null | undefined) {
  if (!slug) return { source: null, refused: null };
  const found = await loadEventAccess({ slug }, actor.id);
  if (!found) return { source: null, refused: null };
  const may = canUseAsTemplate(actor, found.access);
  // A draft of someone else's is "not found" (404), as an address with no event is: nothing tells them apart.
  if (!may.ok && may.status === 404) return { source: null, refused: null };
  return may.ok ? { source: found.event, refused: null } : { source: null, refused: may };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  enforce(canCreateEvent(user));
  const { source, refused } = await templateSource(user, new URL(request.url).searchParams.get("from"));
  if (refused) enforce(refused);
  return source ? { template: await templatePreview(source), defaults: templateDefaults(source) } : { template: null, defaults: null };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const submission = parseForm(formData, { schema: eventSchema });
  const copy = formData.has("from") ? parseForm(formData, { schema: templateSchema }) : null;
  const { source, refused } = copy?.status === "success" ? await templateSource(user, copy.value.from) : { source: null, refused: null };
  // No longer an organizer, or no longer one of the earlier event, since the page was opened: said beside the form,
  // which keeps what was typed, and as lines to copy for the error page a browser without JavaScript shows once the
  // page, read again, refuses the form too (ADR 060).
  const may = refused ?? canCreateEvent(user);
  if (!may.ok)
    return data(
      { result: submission.reply({ formErrors: [refusedKeepingForm(may.reason, "Your text is")] }), ticked: null, kept: eventAsText(submission.payload) },
      { status: may.status },
    );
  // Too many problems ticked (every one of a big event starts ticked): said as such, with the ticks kept; "not found"
  // only when the event to start from is gone.
  if (copy && copy.status !== "success" && copy.error?.problemIds?.length)
    return data(
      { result: submission.reply({ formErrors: copy.error.problemIds }), ticked: formData.getAll("problemIds").map(String).slice(0, 1000) },
      { status: 400 },
    );
  if (copy && !source)
    return data(
      { result: submission.reply({ formErrors: ["The event to start from was not found. Start again from its Manage page."] }), ticked: null },
      { status: 400 },
    );
  // A refused post keeps the problems that were ticked.
  const ticked = copy?.status === "success" ? copy.value.problemIds : null;
  if (submission.status !== "success") return data({ result: submission.reply(), ticked }, { status: 400 });
  const badTime = skippedEventTime(submission.value) ?? passedDeadlineOfNewEvent(submission.value, new Date());
  if (badTime) return data({ result: submission.reply({ fieldErrors: { [badTime.field]: [badTime.message] } }), ticked }, { status: 400 });
  if (submission.value.slug && (await slugTaken(submission.value.slug))) {
    return data({ result: submission.reply({ fieldErrors: { slug: ["Another event already uses this address: pick another"] } }), ticked }, { status: 400 });
  }
  const template = source && copy?.status === "success" ? { source, problemIds: copy.value.problemIds } : undefined;
  const event = await createEvent(user, submission.value, template);
  return redirectWithToast(
    `/events/${event.slug}/manage`,
    template
      ? `Event created as a draft from ${template.source.title}. Check its dates and problems, then open it.`
      : "Event created as a draft. Add a business problem, then open it.",
  );
}

export default function NewEvent() {
  const { template, defaults } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const lastResult = answer?.result;
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult,
    defaultValue: {
      title: "",
      slug: "",
      tagline: "",
      description: "",
      startsAt: "",
      submissionDeadline: "",
      judgingDeadline: "",
      timezone: "UTC",
      maxTeamSize: "5",
      ...defaults,
    },
    onValidate: ({ formData }) => check(formData, (s) => s.eventSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const checked = answer?.ticked ? new Set<string>(answer.ticked) : null;
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="h1">{template ? `New event from ${template.title}` : "New event"}</h1>
      <p className="mt-2 text-slate-700">
        It starts as a draft that only organizers see.{" "}
        {template ? "Give it a title and dates; the rest comes from the earlier event." : "It gets the default problem-first rubric."}
      </p>
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-6">
        <FormErrors id={form.errorId} errors={form.errors} />
        {template ? <EventTemplateBox template={template} checked={checked} /> : null}
        <div className="card space-y-4">
          <EventFields fields={fields} timezone={defaults?.timezone ?? "UTC"} />
          <button type="submit" className="btn-primary" disabled={busy}>
            {busy ? "Creating…" : "Create event"}
          </button>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return (
    <>
      <GeneralErrorBoundary />
      <KeptLines />
    </>
  );
}
