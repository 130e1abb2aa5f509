import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { OutcomeBadge } from "~/components/badges";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireUser } from "~/modules/auth/guards.server";
import { searchArchive } from "~/modules/entries/entries.server";
import { outcomeLabels, rootCauseLabels } from "~/modules/entries/schemas";

export const meta: MetaFunction = () => [{ title: "Archive · Problem First" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 200);
  const outcome = url.searchParams.get("outcome");
  return { q, outcome: outcome ?? "", results: await searchArchive({ q, outcome }) };
}

export default function Archive() {
  const { q, outcome, results } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <h1 className="h1">Archive of learnings</h1>
      <p className="text-slate-700">Every entry of past events, working or failed, with what the team learned. Search before you build.</p>
      <Form method="get" role="search" className="card flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="q" className="label">
            Search entries and post-mortems
          </label>
          <input id="q" name="q" type="search" defaultValue={q} className="input mt-1" />
        </div>
        <div>
          <label htmlFor="outcome" className="label">
            Outcome
          </label>
          <select id="outcome" name="outcome" defaultValue={outcome} className="input mt-1">
            <option value="">Any outcome</option>
            {Object.entries(outcomeLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-primary">
          Search
        </button>
      </Form>
      <p className="text-sm text-slate-700" aria-live="polite">
        {results.length} {results.length === 1 ? "learning" : "learnings"}
        {q ? ` for “${q}”` : ""}
      </p>
      <ul className="space-y-3">
        {results.map((r) => (
          <li key={r.id} className="card">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <Link to={`/events/${r.eventSlug}/entries/${r.id}`} className="font-semibold">
                {r.title}
              </Link>
              <OutcomeBadge outcome={r.outcome} />
            </div>
            <p className="mt-1 text-sm">{r.summary}</p>
            <p className="mt-2 text-sm text-slate-700">
              <strong>What did not work:</strong> {r.pmDidNotWork}
            </p>
            <p className="mt-2 text-xs text-slate-600">
              {r.eventTitle} · {r.problemTitle} · {r.teamName}
              {r.rootCause ? ` · Root cause: ${rootCauseLabels[r.rootCause]}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
