import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RankingFilter, RankingPager, rankingHref, ResultsTable, segment } from "~/components/results-table";
import { HowRankingWorks, JudgesAndConflicts, RoundOne, ScoreDistributions } from "~/components/results-sections";
import { VoteResults } from "~/components/vote-results";
import { enforce } from "~/lib/http.server";
import { canViewResults } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { resultsPageData } from "~/modules/judging/results-page.server";
import { rankingNames } from "~/modules/judging/results-view";
import { pageTitle } from "~/lib/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, error }) => pageTitle(error, () => `Results · ${data?.event.title ?? "Event"}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canViewResults(user, access));
  return resultsPageData(event, user, access, new URL(request.url).searchParams, new Date());
}

export default function Results() {
  const {
    event,
    round,
    roundOne,
    manages,
    view,
    official,
    other,
    scaleMax,
    sentence,
    rubric,
    rows,
    page,
    show,
    counts,
    tiedRanks,
    distributions,
    judges,
    awards,
    conflicts,
    peoplesChoice,
  } = useLoaderData<typeof loader>();
  const base = `/events/${event.slug}/results`;
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}`}>← {event.title}</Link>
      </p>
      <h1 className="h1">Results</h1>
      {event.phase !== "closed" ? (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
          Preview for organizers: results are not published yet.
        </p>
      ) : null}
      {manages ? (
        <nav aria-label="Organizer tools" className="flex flex-wrap gap-3 text-sm">
          <Link to={`/events/${event.slug}/awards`}>Awards</Link>
          <Link to={`/events/${event.slug}/judging-settings`}>Judging settings</Link>
          <a href={`/events/${event.slug}/results.csv`} download>
            Download results (CSV)
          </a>
          <a href={`/events/${event.slug}/scores.csv`} download>
            Download raw scores (CSV)
          </a>
          <a href={`/events/${event.slug}/teams.csv`} download>
            Download teams and members (CSV)
          </a>
        </nav>
      ) : null}
      {awards.length ? (
        <section aria-labelledby="awards-h" className="card">
          <h2 id="awards-h" className="h2">
            Awards
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {awards.map((a) => (
              <li key={a.id}>
                <span className="font-semibold">{a.name}</span>: <Link to={`/events/${event.slug}/entries/${a.entryId}`}>{a.entryTitle}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {peoplesChoice ? <VoteResults slug={event.slug} section={peoplesChoice} /> : null}
      <section aria-labelledby="ranking-h" className="space-y-3">
        {round === 2 ? (
          <>
            <h2 id="ranking-h" className="h2">
              Final ranking
            </h2>
            <p className="text-sm text-slate-700">
              {event.phase === "closed"
                ? "This event had a final round: its finalists were scored again by the final round’s judges, and that ranking is the official one."
                : "This event is in its final round: its finalists are being scored again by the final round’s judges, and that ranking will be the official one."}
            </p>
          </>
        ) : (
          <h2 id="ranking-h" className="sr-only">
            Ranking
          </h2>
        )}
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="max-w-3xl text-sm text-slate-700">{sentence}</p>
          <nav aria-label="Ranking" className="inline-flex overflow-hidden rounded-md border border-slate-300 text-sm">
            {([official, official === "raw" ? "normalized" : "raw"] as const).map((v) => (
              <Link key={v} to={rankingHref(base, v, show)} aria-current={view === v ? "page" : undefined} className={segment(view === v)}>
                {rankingNames[v]} ranking{official === v ? " (official)" : ""}
              </Link>
            ))}
          </nav>
        </div>
        <RankingFilter base={base} view={view} show={show} counts={counts} />
        {rows.length === 0 && show === "flagged" ? (
          <p className="text-sm text-slate-700">
            No entry in this ranking is flagged: no shared ranks, disagreeing judges, or incomplete or missing score sheets.
          </p>
        ) : (
          <ResultsTable
            eventSlug={event.slug}
            view={view}
            official={official}
            other={other}
            scaleMax={scaleMax}
            rubric={rubric}
            rows={rows}
            tiedRanks={tiedRanks}
            flaggedOnly={show === "flagged"}
          />
        )}
        <RankingPager base={base} view={view} show={show} page={page} />
      </section>
      {roundOne ? <RoundOne slug={event.slug} view={view} roundOne={roundOne} /> : null}
      <HowRankingWorks scaleMax={scaleMax} />
      <ScoreDistributions rubric={rubric} distributions={distributions} />
      {manages ? <JudgesAndConflicts slug={event.slug} finalRound={round === 2} judges={judges} conflicts={conflicts} /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
