import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OutcomeBadge } from "~/components/badges";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ScoreDistribution } from "~/components/score-distribution";
import { enforce } from "~/lib/http.server";
import { canManageJudging, canViewResults } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { listAwards } from "~/modules/judging/awards.server";
import { eventConflicts, eventResults, judgeNames } from "~/modules/judging/judging.server";
import { DISAGREEMENT_SD, MIN_ENTRIES_FOR_NORMALIZATION, TIE_BREAK_RULES } from "~/modules/judging/results";

export const meta: MetaFunction = () => [{ title: "Results · Problem First" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canViewResults(user, access));
  const manages = canManageJudging(user, access).ok;
  const requested = new URL(request.url).searchParams.get("view");
  const official: "raw" | "normalized" = event.normalizeScores ? "normalized" : "raw";
  const view: "raw" | "normalized" = requested === "raw" || requested === "normalized" ? requested : official;
  const [results, awardList, conflicts] = await Promise.all([
    eventResults(event, view),
    listAwards(event.id),
    manages ? eventConflicts(event.id) : Promise.resolve([]),
  ]);
  // Judge names (who is missing, who is normalized) are for organizers; everybody else sees counts.
  const names = manages
    ? new Map((await judgeNames(results.judges.map((j) => j.judgeId).concat(results.rows.flatMap((r) => r.missingJudges)))).map((u) => [u.id, u.name]))
    : new Map<string, string>();
  return {
    event: { slug: event.slug, title: event.title, phase: event.phase },
    manages,
    view,
    official,
    rubric: results.rubric.map((c) => ({ id: c.id, name: c.name, weight: c.weight })),
    rows: results.rows.map((r) => ({
      rank: view === "normalized" ? r.normalizedRank : r.rank,
      score: view === "normalized" ? r.normalizedScore : r.score,
      rawScore: r.score,
      normalizedScore: r.normalizedScore,
      judges: r.judgeTotals.length,
      entry: r.entry,
      criterionMeans: r.criterionMeans,
      disagreement: r.disagreement,
      spread: r.spread,
      incomplete: r.incompleteJudges.length,
      missing: manages ? r.missingJudges.map((j) => names.get(j) ?? "A judge") : [],
      missingCount: r.missingJudges.length,
    })),
    distributions: results.distributions,
    judges: manages ? results.judges.map((j) => ({ name: names.get(j.judgeId) ?? "A judge", entries: j.entries, normalized: j.normalized })) : [],
    awards: event.phase === "closed" || manages ? awardList.filter((a) => a.entryId) : [],
    conflicts,
  };
}

export default function Results() {
  const { event, manages, view, official, rubric, rows, distributions, judges, awards, conflicts } = useLoaderData<typeof loader>();
  const base = `/events/${event.slug}/results`;
  const tiedRanks = new Set(rows.map((r) => r.rank).filter((r, i, all) => r !== null && all.indexOf(r) !== i));
  const viewName = { raw: "Raw", normalized: "Normalized" } as const;
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
      <nav aria-label="Ranking" className="flex flex-wrap items-center gap-2 text-sm">
        {(["raw", "normalized"] as const).map((v) => (
          <Link
            key={v}
            to={`${base}?view=${v}`}
            aria-current={view === v ? "page" : undefined}
            className={view === v ? "rounded bg-slate-800 px-3 py-1 font-semibold text-white no-underline" : "rounded border border-slate-300 px-3 py-1"}
          >
            {viewName[v]} ranking{official === v ? " (official)" : ""}
          </Link>
        ))}
      </nav>
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="py-1 text-left font-semibold">
              {viewName[view]} ranking{official === view ? " (official)" : ""}
            </caption>
            <thead>
              <tr className="border-b">
                <th scope="col" className="py-2">
                  Rank
                </th>
                <th scope="col">Entry</th>
                <th scope="col">Outcome</th>
                <th scope="col">Score</th>
                <th scope="col">{view === "raw" ? "Normalized" : "Raw"}</th>
                <th scope="col">Judges</th>
                <th scope="col">Flags</th>
                {rubric.map((c) => (
                  <th key={c.id} scope="col" className="text-xs font-medium">
                    {c.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.entry.id} className="border-b border-slate-100 align-top">
                  <td className="py-2 font-semibold">{r.rank ?? "—"}</td>
                  <td>
                    <Link to={`/events/${event.slug}/entries/${r.entry.id}`}>{r.entry.title}</Link>
                    <div className="text-xs text-slate-600">{r.entry.teamName}</div>
                  </td>
                  <td>
                    <OutcomeBadge outcome={r.entry.outcome} />
                  </td>
                  <td>{r.score === null ? "Not scored" : r.score.toFixed(1)}</td>
                  <td>{(view === "raw" ? r.normalizedScore : r.rawScore)?.toFixed(1) ?? "—"}</td>
                  <td>{r.judges}</td>
                  <td className="text-xs">
                    <ul>
                      {r.rank !== null && tiedRanks.has(r.rank) ? <li className="font-semibold">Tie (shared rank {r.rank})</li> : null}
                      {r.disagreement ? <li className="font-semibold">⚠ Judges disagree (spread {r.spread?.toFixed(1)})</li> : null}
                      {r.incomplete ? (
                        <li>
                          {r.incomplete} incomplete sheet{r.incomplete > 1 ? "s" : ""}
                        </li>
                      ) : null}
                      {r.missingCount ? <li>Missing scores: {manages ? r.missing.join(", ") : `${r.missingCount} judge(s)`}</li> : null}
                    </ul>
                  </td>
                  {r.criterionMeans.map((m) => (
                    <td key={m.criterionId}>{m.mean === null ? "—" : m.mean.toFixed(1)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <aside aria-labelledby="how-h" className="card space-y-2 text-sm">
          <h2 id="how-h" className="h2">
            How the ranking works
          </h2>
          <p>Score: each judge's weighted total on 0–100 (lowest level 0, highest 100), averaged over judges who scored every criterion.</p>
          <p>
            Normalized: each judge with at least {MIN_ENTRIES_FOR_NORMALIZATION} scored entries is rescaled so their average and spread match everyone's (μ +
            σ·(x − μⱼ)/σⱼ); a harsh and a generous judge then count alike. Judges with fewer entries or identical totals stay raw.
          </p>
          <p>Disagreement: flagged when the judges' totals for an entry have a standard deviation above {DISAGREEMENT_SD} points.</p>
          <h3 className="font-semibold">Ties</h3>
          <ol className="list-decimal space-y-1 pl-5">
            {TIE_BREAK_RULES.map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ol>
        </aside>
      </div>
      <section aria-labelledby="dist-h" className="space-y-3">
        <h2 id="dist-h" className="h2">
          How often each value was given, per criterion
        </h2>
        <div className="flex flex-wrap gap-6">
          {distributions.map((d) => (
            <ScoreDistribution key={d.criterionId} name={rubric.find((c) => c.id === d.criterionId)?.name ?? ""} counts={d.counts} />
          ))}
        </div>
      </section>
      {manages && judges.length ? (
        <section aria-labelledby="judges-h" className="card text-sm">
          <h2 id="judges-h" className="h2">
            Judges
          </h2>
          <ul className="mt-2 space-y-1">
            {judges.map((j, i) => (
              <li key={i}>
                {j.name}: {j.entries} complete sheet{j.entries === 1 ? "" : "s"}, {j.normalized ? "normalized" : "counted raw"}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {manages && conflicts.length ? (
        <section aria-labelledby="conflicts-h" className="card text-sm">
          <h2 id="conflicts-h" className="h2">
            Declared conflicts
          </h2>
          <ul className="mt-2 space-y-1">
            {conflicts.map((c) => (
              <li key={`${c.entryId}-${c.judgeName}`}>
                {c.judgeName} on {c.title}: {c.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
