import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { EntryCards } from "~/components/entry-card";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ListPager } from "~/components/page-links";
import { YourVoteBadge } from "~/components/badges";
import { entryListVisibility } from "~/modules/auth/permissions";
import { submittedEntriesPage } from "~/modules/entries/entries.server";
import { outcomeLabels } from "~/modules/entries/labels";
import { requireEventAccess } from "~/modules/events/access.server";
import { blindJudging } from "~/modules/judging/blind.server";
import { visibleAwardsByEntry } from "~/modules/judging/entry-awards.server";
import { galleryVoteLine } from "~/modules/peoples-choice/views.server";
import { listProblems } from "~/modules/problems/problems.server";
import { pageTitle } from "~/lib/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, error }) => pageTitle(error, () => `Entries of ${data?.event.title ?? "event"}`);

/** Cards per page of the gallery. */
const GALLERY_PAGE_SIZE = 24;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  const url = new URL(request.url);
  const filters = {
    problemId: url.searchParams.get("problem"),
    outcome: url.searchParams.get("outcome"),
    // Read as entries store tags (normalizeTag, which keeps 30 characters of it) once spaces are folded.
    tag: url.searchParams.get("tag")?.slice(0, 200) ?? null,
  };
  const now = new Date();
  // Before the deadline a participant sees only their own team's entry (canViewEntry); one page of cards is read
  // and rendered: a 300-entry event does not send 300 cards (ADR 041). Tags come from every visible entry.
  const [listed, problems] = await Promise.all([
    submittedEntriesPage(event.id, filters, entryListVisibility(user, access, now), url.searchParams.get("page"), GALLERY_PAGE_SIZE, { withTags: true }),
    listProblems(event.id),
  ]);
  const awards = await visibleAwardsByEntry(
    user,
    access,
    listed.rows.map((e) => e.id),
  );
  const vote = await galleryVoteLine(event, user, now);
  return {
    event: { slug: event.slug, title: event.title },
    entries: blindJudging(user, access, event)
      .rows(listed.rows)
      .map((e) => ({ ...e, awards: awards[e.id] ?? [], yourVote: vote?.myVote?.entryId === e.id })),
    page: listed.page,
    othersHidden: listed.othersHidden,
    vote,
    problems: problems.map((p) => ({ id: p.id, title: p.title })),
    tags: listed.tags,
    filters: { problem: filters.problemId ?? "", outcome: filters.outcome ?? "", tag: filters.tag ?? "" },
  };
}

export default function Gallery() {
  const { event, entries, page, othersHidden, vote, problems, tags, filters } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const pageHref = (n: number) => {
    const next = new URLSearchParams(searchParams);
    next.set("page", String(n));
    return `?${next}`;
  };
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}`}>← {event.title}</Link>
      </p>
      <h1 className="h1">Entries</h1>
      {othersHidden ? <p className="text-slate-700">Other teams' entries appear here after the submission deadline.</p> : null}
      {vote ? (
        <section aria-label="People's choice" className="card space-y-1 text-sm">
          <p>{vote.sentence}</p>
          {vote.myVote ? (
            <p className="flex flex-wrap items-center gap-2">
              <YourVoteBadge />
              <Link to={`/events/${event.slug}/entries/${vote.myVote.entryId}`}>{vote.myVote.title}</Link>
            </p>
          ) : vote.state === "open" ? (
            <p>Open an entry to vote for it.</p>
          ) : null}
        </section>
      ) : null}
      {/* A new form for each address: after Back or Forward its choices are the list's, not the last ones picked. */}
      <Form
        key={`${filters.problem}|${filters.outcome}|${filters.tag}`}
        method="get"
        className="card flex flex-wrap items-end gap-3"
        aria-label="Filter entries"
      >
        <div>
          <label htmlFor="f-problem" className="label">
            Problem
          </label>
          <select id="f-problem" name="problem" defaultValue={filters.problem} className="input mt-1">
            <option value="">All problems</option>
            {problems.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-outcome" className="label">
            Outcome
          </label>
          <select id="f-outcome" name="outcome" defaultValue={filters.outcome} className="input mt-1">
            <option value="">Any outcome</option>
            {Object.entries(outcomeLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-tag" className="label">
            Tag
          </label>
          <input id="f-tag" name="tag" defaultValue={filters.tag} list="tag-options" className="input mt-1" />
          <datalist id="tag-options">
            {tags.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </div>
        <button type="submit" className="btn-primary">
          Filter
        </button>
      </Form>
      <p className="text-sm text-slate-700" aria-live="polite">
        {page.total} {page.total === 1 ? "entry" : "entries"}
      </p>
      <EntryCards eventSlug={event.slug} entries={entries} />
      <ListPager label="Entry pages" noun="Entries" page={page} href={pageHref} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
