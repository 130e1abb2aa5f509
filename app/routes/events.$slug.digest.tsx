import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { AwardBadges, OutcomeBadge } from "~/components/badges";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FollowUpBadge } from "~/components/follow-up-badge";
import { enforce } from "~/lib/http.server";
import { digestPage } from "~/modules/archive/digest";
import { loadDigest } from "~/modules/archive/digest.server";
import { canViewDigest } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { pageTitle } from "~/lib/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, error }) => pageTitle(error, () => `Learnings digest${data ? ` · ${data.digest.event.title}` : ""}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canViewDigest(user, access));
  return { digest: digestPage(await loadDigest(event)) };
}

export default function DigestPage() {
  const { digest } = useLoaderData<typeof loader>();
  const { event, entryCount, outcomes, causes, awards, finalRound, metrics, followed, lessons } = digest;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm">
            <Link to={`/events/${event.slug}`}>{event.title}</Link>
          </p>
          <h1 className="h1">Learnings digest</h1>
          <p className="text-sm text-slate-700">
            {event.dates} · {entryCount} submitted {entryCount === 1 ? "entry" : "entries"}
          </p>
        </div>
        <a href={`/events/${event.slug}/digest.md`} download className="btn-primary">
          Download as Markdown
        </a>
      </div>

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="digest-outcomes" className="card">
          <h2 id="digest-outcomes" className="h2">
            Outcomes
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {outcomes.map(({ outcome, label, n }) => (
              <li key={outcome}>
                {label}: <strong>{n}</strong>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="digest-causes" className="card">
          <h2 id="digest-causes" className="h2">
            What went wrong
          </h2>
          {causes.length === 0 ? (
            <p className="mt-2 text-sm text-slate-700">No root causes were recorded.</p>
          ) : (
            <ul className="mt-2 space-y-1 text-sm">
              {causes.map(({ cause, label, n }) => (
                <li key={cause}>
                  {label}: <strong>{n}</strong>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="digest-awards" className="card">
        <h2 id="digest-awards" className="h2">
          Awards
        </h2>
        {awards.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">No awards were given.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {awards.map((a) => (
              <li key={a.name}>
                <strong>{a.name}</strong>: {a.entryTitle}
              </li>
            ))}
          </ul>
        )}
      </section>

      {finalRound ? (
        <section aria-labelledby="digest-final" className="card">
          <h2 id="digest-final" className="h2">
            Final round
          </h2>
          <p className="mt-1 text-sm text-slate-700">The finalists, as the final round&rsquo;s judges ranked them (the official ranking):</p>
          <ul className="mt-2 space-y-1 text-sm">
            {finalRound.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="digest-metrics" className="card">
        <h2 id="digest-metrics" className="h2">
          AI metric results
        </h2>
        {metrics.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">No entry named an AI metric.</p>
        ) : (
          <table className="mt-2 w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1 pr-3">
                  Entry
                </th>
                <th scope="col" className="py-1">
                  AI metric: baseline → target → result
                </th>
              </tr>
            </thead>
            <tbody>
              {/* Two columns, the outcome with its entry and the metric's name with its figures: four did not fit a phone. */}
              {metrics.map((e) => (
                <tr key={e.id} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-3 [overflow-wrap:anywhere]">
                    <Link to={`/events/${event.slug}/entries/${e.id}`}>{e.title || "Untitled entry"}</Link>
                    <div className="mt-1">
                      <OutcomeBadge outcome={e.outcome} />
                    </div>
                    <AwardBadges awards={e.awards} className="mt-1" />
                  </td>
                  <td className="py-2 [overflow-wrap:anywhere]">
                    <span className="font-medium">{e.metricName}</span>
                    <span className="block">{e.metric}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="digest-next" className="card space-y-3">
        <h2 id="digest-next" className="h2">
          What happened next
        </h2>
        {followed.length === 0 ? (
          <p className="text-sm text-slate-700">No team has recorded yet what happened after the event. Teams are asked 30 and 90 days after it closed.</p>
        ) : (
          <ul className="space-y-3 text-sm">
            {followed.map((e) => (
              <li key={e.id} className="space-y-1">
                <p className="flex flex-wrap items-center gap-2">
                  <Link to={`/events/${event.slug}/entries/${e.id}`} className="font-semibold">
                    {e.title || "Untitled entry"}
                  </Link>
                  <FollowUpBadge status={e.followUp.status} />
                  <span className="text-xs text-slate-600">recorded {e.followUp.recordedOn}</span>
                </p>
                <p>{e.followUp.why}</p>
                {e.followUp.metricValue ? (
                  <p className="text-slate-700">
                    <strong>AI metric today:</strong> {e.metricName ? `${e.metricName}: ` : ""}
                    {e.followUp.metricValue}
                    {e.metricUnit ? ` ${e.metricUnit}` : ""}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="digest-lessons" className="space-y-3">
        <h2 id="digest-lessons" className="h2">
          Best lessons
        </h2>
        {lessons.length === 0 ? (
          <p className="card text-sm text-slate-700">No team wrote down what it would do differently.</p>
        ) : (
          lessons.map((e) => (
            <article key={e.id} className="card space-y-2" aria-labelledby={`lesson-${e.id}`}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h3 id={`lesson-${e.id}`} className="font-semibold">
                  <Link to={`/events/${event.slug}/entries/${e.id}`}>{e.title || "Untitled entry"}</Link>
                </h3>
                <OutcomeBadge outcome={e.outcome} />
              </div>
              <AwardBadges awards={e.awards} />
              <p className="text-xs text-slate-600">
                Team {e.teamName} on “{e.problemTitle}”{e.rootCause ? ` · Root cause: ${e.rootCause}` : ""}
              </p>
              {e.didNotWork ? (
                <p className="text-sm">
                  <strong>What did not work:</strong> {e.didNotWork}
                </p>
              ) : null}
              <p className="text-sm">
                <strong>What we would do differently:</strong> {e.differently}
              </p>
            </article>
          ))
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
