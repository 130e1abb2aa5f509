import { getFormProps, useForm } from "~/lib/form";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors } from "~/components/forms";
import { parseForm } from "~/lib/forms.server";
import { enforce } from "~/lib/http.server";
import { lazySchemas } from "~/lib/lazy-schemas";
import { redirectWithToast } from "~/lib/toast.server";
import { canManageEvent, canManageProblems, canViewEvent, entryListVisibility, type Actor } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { listVisibleEvents, loadEventAccess } from "~/modules/events/events.server";
import { phaseLabels } from "~/modules/events/phases";
import { copyProblems, listProblemsToCopy } from "~/modules/problems/problems.server";
import { copyProblemsSchema } from "~/modules/problems/schemas";
import { pageTitle } from "~/lib/page-title";

const check = lazySchemas(() => import("~/modules/problems/schemas"));

export const meta: MetaFunction = ({ error }) => pageTitle(error, () => "Copy problems");

/** The event to copy from: another event this person may see. */
async function sourceEvent(actor: Actor, slug: string | null, targetId: string) {
  if (!slug) return null;
  const found = await loadEventAccess({ slug }, actor.id);
  if (!found || found.event.id === targetId || !canViewEvent(actor, found.access).ok) return null;
  return { ...found.event, access: found.access };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageProblems(user, access));
  const from = new URL(request.url).searchParams.get("from");
  const [visible, source] = await Promise.all([listVisibleEvents(user), sourceEvent(user, from, event.id)]);
  // Past events first: a problem nobody solved there deserves another try.
  const others = visible.filter((e) => e.id !== event.id && e.problemCount > 0).sort((a, b) => Number(b.phase === "closed") - Number(a.phase === "closed"));
  return {
    event: { slug: event.slug, title: event.title },
    others: others.map((e) => ({ slug: e.slug, title: e.title, phase: e.phase, problemCount: e.problemCount })),
    source: source
      ? {
          slug: source.slug,
          title: source.title,
          problems: await listProblemsToCopy(source.id, event.id, entryListVisibility(user, source.access, new Date()).all),
        }
      : null,
    unknownSource: Boolean(from) && !source,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageEvent(user, access));
  const submission = parseForm(await request.formData(), { schema: copyProblemsSchema });
  // Judging started while the problems were being ticked: said above the list, which keeps the ticks (ADR 060).
  const may = canManageProblems(user, access);
  if (!may.ok) return data({ result: submission.reply({ formErrors: [may.reason] }) }, { status: may.status });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const source = await sourceEvent(user, submission.value.from, event.id);
  if (!source) return data({ result: submission.reply({ fieldErrors: { from: ["Pick an event you can see, other than this one"] } }) }, { status: 400 });
  const { copied, alreadyHere, repeated } = await copyProblems(source.id, event.id, submission.value.problemIds);
  // Every ticked problem is here already: copied meanwhile (a second press, another organizer), since the list offers
  // none that is. Said on the Manage page, which lists them, rather than as an error beside a list that looks as before.
  if (copied === 0 && alreadyHere > 0)
    return redirectWithToast(
      `/events/${event.slug}/manage`,
      `${event.title} already has ${alreadyHere === 1 ? "this problem" : `these ${alreadyHere} problems`}, copied meanwhile: nothing more was copied.`,
    );
  if (copied === 0) return data({ result: submission.reply({ fieldErrors: { problemIds: ["Tick problems of the event you picked"] } }) }, { status: 400 });
  const left = [
    alreadyHere ? ` ${alreadyHere} already here ${alreadyHere === 1 ? "was" : "were"} left out.` : "",
    repeated ? ` ${repeated} with the title of another ticked one ${repeated === 1 ? "was" : "were"} left out.` : "",
  ].join("");
  return redirectWithToast(`/events/${event.slug}/manage`, `Copied ${copied} ${copied === 1 ? "problem" : "problems"} from ${source.title}.${left}`);
}

export default function CopyProblems() {
  const { event, others, source, unknownSource } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult: useActionData<typeof action>()?.result,
    onValidate: ({ formData }) => check(formData, (s) => s.copyProblemsSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}/manage#problems`}>← Manage {event.title}</Link>
      </p>
      <h1 className="h1">Copy problems from another event</h1>
      <Form method="get" className="card flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="from-event" className="label">
            Event to copy from
          </label>
          <select id="from-event" name="from" defaultValue={source?.slug ?? ""} className="input mt-1">
            <option value="">Pick an event…</option>
            {others.map((e) => (
              <option key={e.slug} value={e.slug}>
                {e.title} ({phaseLabels[e.phase]}, {e.problemCount} {e.problemCount === 1 ? "problem" : "problems"})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          Show its problems
        </button>
      </Form>
      {unknownSource ? <p className="text-sm text-red-800">That event was not found. Pick one from the list.</p> : null}
      {source ? (
        <Form method="post" {...getFormProps(form)} className="card space-y-4">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="from" value={source.slug} />
          <ErrorList id={fields.from.errorId} errors={fields.from.errors} />
          <fieldset aria-describedby={fields.problemIds.errors ? fields.problemIds.errorId : undefined}>
            <legend className="h2">Problems of {source.title}</legend>
            <ul className="mt-3 space-y-3">
              {source.problems.map((p) => (
                <li key={p.id} className="flex items-start gap-3">
                  <input
                    type="checkbox"
                    name="problemIds"
                    value={p.id}
                    id={`copy-${p.id}`}
                    disabled={p.alreadyHere !== null}
                    aria-describedby={p.alreadyHere ? `copy-${p.id}-here` : undefined}
                    className="mt-1"
                  />
                  <div>
                    <label htmlFor={`copy-${p.id}`} className="font-semibold">
                      {p.title}
                    </label>
                    {p.alreadyHere ? (
                      <p id={`copy-${p.id}-here`} className="text-sm font-semibold text-slate-800">
                        {p.alreadyHere === "retired" ? `Already in ${event.title}, retired: offer it again from Manage instead` : `Already in ${event.title}`}
                      </p>
                    ) : null}
                    <p className="text-sm text-slate-700">{p.summary}</p>
                    <p className="text-xs text-slate-600">
                      {p.teamCount} {p.teamCount === 1 ? "team" : "teams"}
                      {/* Outcomes only once its entries are shown to everyone (after its submission deadline). */}
                      {p.workingCount === null
                        ? null
                        : p.workingCount === 0
                          ? " · nobody got it working"
                          : ` · ${p.workingCount} working ${p.workingCount === 1 ? "entry" : "entries"}`}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          </fieldset>
          <ErrorList id={fields.problemIds.errorId} errors={fields.problemIds.errors} />
          {/* Once per press: a second press while the first is on its way would find the problems copied. */}
          <button type="submit" className="btn-primary" disabled={busy}>
            Copy selected problems
          </button>
        </Form>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
