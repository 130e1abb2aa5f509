import { getFormProps, useForm } from "~/lib/form";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams, type ShouldRevalidateFunction } from "@remix-run/react";
import { Link } from "~/components/link";
import { Deferred, GeneralErrorBoundary, lazyPart, useHydrated } from "~/components/error-boundary";
import { Field, FormErrors, SelectField } from "~/components/forms";
import { KeptLines } from "~/components/kept-lines";
import { RelatedLearnings as RelatedLearningsOnServer } from "~/components/learnings";
import { parseForm } from "~/lib/forms.server";
import { enforce } from "~/lib/http.server";
import { lazySchemas } from "~/lib/lazy-schemas";
import { redirectWithToast } from "~/lib/toast.server";
import { historyLink } from "~/modules/archive/history.server";
import { problemSearchText, relatedLearnings } from "~/modules/archive/search.server";
import { canJoinTeam } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { listProblems } from "~/modules/problems/problems.server";
import { teamAsText, teamSchema } from "~/modules/teams/schemas";
import { createTeam } from "~/modules/teams/teams.server";
import { pageTitle } from "~/lib/page-title";

const check = lazySchemas(() => import("~/modules/teams/schemas"));
// The past-learnings panel is rendered in place by the server; in the browser its code arrives after the page's, and
// React keeps its HTML until it has (ADR 043). Only a literal `import.meta.env.SSR` drops the static import from the
// browser's bundle.
const RelatedLearnings = import.meta.env.SSR
  ? RelatedLearningsOnServer
  : lazyPart(
      () => import("~/components/learnings"),
      (m) => m.RelatedLearnings,
    );

export const meta: MetaFunction = ({ error }) => pageTitle(error, () => "Create a team");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canJoinTeam(user, access, new Date()));
  const problems = (await listProblems(event.id)).filter((p) => !p.retired);
  // The chosen problem comes as ?problem= (links from the event page, the select with JavaScript) or
  // as ?problemId= (the form's "Show past attempts" button without it). Only this event's open problems count.
  const url = new URL(request.url);
  const wanted = url.searchParams.get("problemId") || url.searchParams.get("problem");
  const chosen = problems.find((p) => p.id === wanted) ?? null;
  return {
    event: { slug: event.slug, title: event.title, maxTeamSize: event.maxTeamSize },
    problems: problems.map((p) => ({ value: p.id, label: p.title })),
    chosen: chosen ? { id: chosen.id, title: chosen.title } : null,
    // "Have we tried this before?" while the team is choosing, before it builds anything.
    related: chosen ? await relatedLearnings(problemSearchText(chosen), chosen.id, { cached: true }) : [],
    history: chosen ? await historyLink(event.slug, chosen.id) : null,
    teamName: (url.searchParams.get("name") ?? "").slice(0, 60),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  const submission = parseForm(await request.formData(), { schema: teamSchema });
  // Refused since the page was opened (joined a team in another tab, the deadline passed, made a judge): said beside
  // the form, as a refusal of the team itself is; an event this person may not see stays an error page.
  const may = canJoinTeam(user, access, new Date());
  if (!may.ok && may.status === 404) enforce(may);
  // Without JavaScript the page read again refuses the form too: its error page lists what was sent (as the reply
  // keeps it: known fields, none far over its length).
  if (!may.ok) {
    const result = submission.reply({ formErrors: [may.reason] });
    return data({ result, kept: teamAsText(result.initialValue ?? {}) }, { status: may.status });
  }
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const created = await createTeam(event, user.id, submission.value);
  // Judging started between the check above and the INSERT: refused as that check would have, with what was sent.
  if (!created.ok && created.closed) {
    const result = submission.reply({ formErrors: [created.message] });
    return data({ result, kept: teamAsText(result.initialValue ?? {}) }, { status: 403 });
  }
  // A problem retired meanwhile is named beside the field, and the page is read again (shouldRevalidate below), so the
  // list no longer offers it.
  if (!created.ok)
    return data(
      { result: submission.reply({ fieldErrors: { [created.field]: [created.message] } }), problemsChanged: created.field === "problemId" },
      { status: 400 },
    );
  return redirectWithToast(`/events/${event.slug}/teams/${created.teamId}`, "Team created. Share the invite link with your teammates.");
}

// Other refusals read nothing again, as Remix does for a route without this function (with single fetch, Remix passes
// `defaultShouldRevalidate: true` after them too).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, actionResult, defaultShouldRevalidate }) =>
  actionStatus !== undefined && actionStatus >= 400 ? actionResult?.problemsChanged === true : defaultShouldRevalidate;

export default function NewTeam() {
  const { event, problems, chosen, related, history, teamName } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  // One team per press: a second press while the first is on its way would be refused as "already in a team".
  const busy = useNavigation().state === "submitting";
  const [, setSearchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { name: teamName, problemId: chosen?.id ?? "" },
    onValidate: ({ formData }) => check(formData, (s) => s.teamSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="mx-auto max-w-xl">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}`}>← {event.title}</Link>
      </p>
      <h1 className="h1 mt-1">Create a team</h1>
      <p className="mt-2 text-slate-700">Up to {event.maxTeamSize} people. You can invite teammates with a link once the team exists.</p>
      <Form
        method="post"
        {...getFormProps(form)}
        onChange={(e) => {
          const target = e.target as HTMLSelectElement;
          if (target.name === fields.problemId.name)
            setSearchParams(target.value ? { problem: target.value } : {}, { replace: true, preventScrollReset: true });
        }}
        className="card mt-6 space-y-4"
      >
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label="Team name" meta={fields.name} />
        <SelectField label="Problem" meta={fields.problemId} options={problems} placeholder="Pick a problem…" />
        <div className="flex flex-wrap gap-3">
          <button type="submit" className="btn-primary" disabled={busy}>
            Create team
          </button>
          <ShowPastAttempts />
        </div>
      </Form>
      {chosen ? (
        <Deferred>
          <RelatedLearnings learnings={related} problemTitle={chosen.title} history={history} className="mt-6" />
        </Deferred>
      ) : null}
    </div>
  );
}

/**
 * Without JavaScript a button asks the server for the panel; with it, choosing a problem is enough. A component of
 * its own: the page's own re-render once it is alive would make React drop the panel's server HTML while its code is
 * still on the way (a Suspense boundary updated before it has hydrated is rendered afresh).
 */
function ShowPastAttempts() {
  const hydrated = useHydrated();
  return hydrated ? null : (
    <button type="submit" formMethod="get" formNoValidate className="btn-secondary">
      Show past attempts for this problem
    </button>
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
