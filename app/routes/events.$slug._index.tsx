import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { EventAnnouncements } from "~/components/announcements/event-announcements";
import { PhaseBadge } from "~/components/phase-badge";
import { EntryCards } from "~/components/entry-card";
import { Deferred, GeneralErrorBoundary, lazyPart } from "~/components/error-boundary";
import JoinByCodeFormOnServer from "~/components/join-by-code";
import { Countdown } from "~/components/countdown";
import { Markdown } from "~/components/markdown";
import { renderMarkdown } from "~/lib/markdown.server";
import { formatInZone } from "~/lib/time";
import { announcementsFor } from "~/modules/announcements/announcements.server";
import {
  canJoinTeam,
  canManageEvent,
  entryListVisibility,
  canViewDigest,
  canViewJudgeQueue,
  canViewResults,
  canViewTeamFinder,
} from "~/modules/auth/permissions";
import { submittedEntriesPage } from "~/modules/entries/entries.server";
import { galleryVoteLine } from "~/modules/peoples-choice/views.server";
import { listAwards } from "~/modules/judging/awards.server";
import { blindJudging, canSeeTeamRosters } from "~/modules/judging/blind.server";
import { requireEventAccess } from "~/modules/events/access.server";
import { eventDates } from "~/modules/events/phases";
import { listProblems } from "~/modules/problems/problems.server";
import { inviteCodeReply, lookUpInviteCode } from "~/modules/teams/invite-code.server";
import { myInvitations } from "~/modules/teams/team-finder.server";
import { lastPublishedAt } from "~/modules/events/events.server";
import { pageTitle } from "~/lib/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, error }) => pageTitle(error, () => data?.event.title ?? "Event");

// Only people without a team see the invite-code form: the server renders it in place; in the browser its code (and
// the form library's) arrives after the page's, zod after that, and React keeps its HTML until then (ADR 043). Only a
// literal `import.meta.env.SSR` drops the static import from the browser's bundle.
const JoinByCodeForm = import.meta.env.SSR
  ? JoinByCodeFormOnServer
  : lazyPart(
      () => import("~/components/join-by-code"),
      (m) => m.default,
      { whenShown: true },
    );

/** Entry cards on the event page; "See all N entries" leads to the gallery. */
const EVENT_PAGE_ENTRIES = 12;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  // "Have an invite code?" submits here: a known code goes on to /join, a mistyped one stays next to the field.
  const typedCode = new URL(request.url).searchParams.get("code");
  const invite = typedCode === null ? null : await lookUpInviteCode(typedCode);
  if (invite?.ok) throw redirect(`/join?code=${invite.code}`);
  const now = new Date();
  // Only entries this person may open are listed (before the deadline that is just their own team's), and only
  // the first cards are read: the gallery pages through the rest (ADR 041).
  const join = canJoinTeam(user, access, now);
  const findTeam = canViewTeamFinder(user, access).ok && canSeeTeamRosters(user, access, event).ok;
  const [problemList, listed, awardList, announcementList, vote, invitations, closedAt] = await Promise.all([
    listProblems(event.id),
    submittedEntriesPage(event.id, {}, entryListVisibility(user, access, now), null, EVENT_PAGE_ENTRIES),
    event.phase === "closed" ? listAwards(event.id) : Promise.resolve([]),
    announcementsFor(user, event, access),
    // The people's choice vote is cast on entry pages; the event page says it is on, and until when.
    galleryVoteLine(event, user, now),
    // An invitation waiting for someone in no team is said where they would start one.
    join.ok && findTeam ? myInvitations(event.id, user.id) : [],
    event.phase === "closed" ? lastPublishedAt(event.id) : null,
  ]);
  const blind = blindJudging(user, access, event);
  return {
    event,
    descriptionHtml: renderMarkdown(event.description),
    rulesHtml: event.rules ? renderMarkdown(event.rules) : null,
    problems: problemList,
    entries: blind.rows(listed.rows),
    entryCount: listed.page.total,
    myTeamId: access.teamId,
    awards: awardList.filter((a) => a.entryId),
    dates: eventDates({ ...event, closedAt }, now),
    // Times as words here, so the page's JavaScript carries no time formatting (ADR 043).
    announcements: announcementList.map(({ sentAt, ...a }) => ({ ...a, sentAt: sentAt ? formatInZone(sentAt, event.timezone) : null })),
    inviteReply: invite && !invite.ok ? inviteCodeReply(invite) : undefined,
    can: {
      manage: canManageEvent(user, access).ok,
      join,
      judge: canViewJudgeQueue(user, access).ok && (event.phase === "judging" || event.phase === "closed"),
      results: canViewResults(user, access).ok,
      // Once results are published: what was tried, what worked and what failed, in one page to share.
      digest: canViewDigest(user, access).ok,
      findTeam,
    },
    invitation: invitations.length
      ? `${invitations[0].leadName ?? "A team lead"} invites you to join ${invitations[0].teamName}${invitations.length > 1 ? `, and ${invitations.length - 1} more ${invitations.length > 2 ? "invitations wait" : "invitation waits"}` : ""}`
      : null,
    now: now.toISOString(),
    vote: vote ? `${vote.sentence ?? ""}${vote.state === "open" ? " Vote on an entry's page." : ""}` : null,
  };
}

export default function EventPage() {
  const { event, descriptionHtml, rulesHtml, problems, entries, entryCount, myTeamId, awards, dates, announcements, inviteReply, can, now, vote, invitation } =
    useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <header>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="h1">{event.title}</h1>
          <PhaseBadge phase={event.phase} />
        </div>
        {event.tagline ? <p className="mt-2 text-lg text-slate-700">{event.tagline}</p> : null}
        {dates.moments ? (
          <dl className="mt-3 grid gap-2 text-sm text-slate-700 sm:grid-cols-3">
            <div>
              <dt className="font-semibold">Starts</dt>
              <dd>{dates.moments.starts}</dd>
            </div>
            <div>
              <dt className="font-semibold">Submission deadline</dt>
              <dd>{dates.moments.submission}</dd>
            </div>
            <div>
              <dt className="font-semibold">Judging deadline</dt>
              <dd>{dates.moments.judging}</dd>
            </div>
          </dl>
        ) : (
          <dl className="mt-3 text-sm text-slate-700">
            <dt className="font-semibold">When it ran</dt>
            <dd>{dates.ran}</dd>
          </dl>
        )}
        {dates.next ? <Countdown label={dates.next.label} at={dates.next.at} now={now} /> : null}
        <Markdown html={descriptionHtml} className="mt-4" />
        <p className="mt-4 flex flex-wrap gap-2">
          {can.manage ? (
            <Link to={`/events/${event.slug}/manage`} className="btn-secondary">
              Manage event
            </Link>
          ) : null}
          {can.judge ? (
            <Link to={`/events/${event.slug}/judging`} className="btn-secondary">
              Your judging queue
            </Link>
          ) : null}
          {can.results ? (
            <Link to={`/events/${event.slug}/results`} className="btn-secondary">
              Results
            </Link>
          ) : null}
          {can.digest ? (
            <Link to={`/events/${event.slug}/digest`} className="btn-secondary">
              Learnings digest
            </Link>
          ) : null}
        </p>
      </header>
      <EventAnnouncements event={event} announcements={announcements} canManage={can.manage} />
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

      <section aria-labelledby="team-h" className="card">
        <h2 id="team-h" className="h2">
          Your team
        </h2>
        {myTeamId ? (
          <p className="mt-2 flex flex-wrap gap-2">
            <Link to={`/events/${event.slug}/teams/${myTeamId}`} className="btn-primary">
              Go to your team and entry
            </Link>
            {can.findTeam ? (
              <Link to={`/events/${event.slug}/find-a-team`} className="btn-secondary">
                People looking for a team
              </Link>
            ) : null}
          </p>
        ) : can.join.ok ? (
          <div className="mt-3 grid gap-6 sm:grid-cols-2">
            {invitation ? (
              <p className="card sm:col-span-2">
                {invitation}: <Link to={`/events/${event.slug}/find-a-team#invitations`}>answer on Find a team</Link>.
              </p>
            ) : null}
            <div>
              <p className="text-sm text-slate-700">Start a team around one of the problems below; you get an invite link for teammates.</p>
              <Link to={`/events/${event.slug}/teams/new`} className="btn-primary mt-3">
                Create a team
              </Link>
              <p className="mt-3 text-sm text-slate-700">
                No team yet? <Link to={`/events/${event.slug}/find-a-team`}>Find a team</Link>: say what you bring, or ask a team looking for members.
              </p>
            </div>
            <Deferred>
              <JoinByCodeForm eventSlug={event.slug} lastResult={inviteReply} />
            </Deferred>
          </div>
        ) : (
          <p className="mt-2 text-sm text-slate-700">{can.join.ok ? null : can.join.reason}</p>
        )}
      </section>

      <section aria-labelledby="problems-h">
        <h2 id="problems-h" className="h2">
          Business problems
        </h2>
        {problems.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No problems posted yet.</p>
        ) : (
          <ul className="mt-3 grid gap-3 sm:grid-cols-2">
            {problems.map((p) => (
              <li key={p.id} className="card">
                <Link to={`/events/${event.slug}/problems/${p.id}`} className="font-semibold">
                  {p.title}
                </Link>
                {p.retired ? <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">Retired</span> : null}
                <p className="mt-1 text-sm text-slate-700">{p.summary}</p>
                <p className="mt-2 text-xs text-slate-600">
                  Who has it: {p.whoHasIt} · AI metric: {p.metricName} · {p.teamCount} {p.teamCount === 1 ? "team" : "teams"}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {rulesHtml ? (
        <section aria-labelledby="rules-h" className="card">
          <h2 id="rules-h" className="h2">
            Rules and FAQ
          </h2>
          <Markdown html={rulesHtml} className="mt-2" />
        </section>
      ) : null}

      <section aria-labelledby="entries-h">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="entries-h" className="h2">
            Entries
          </h2>
          {entries.length > 0 ? <Link to={`/events/${event.slug}/entries`}>Filter entries by problem, outcome or tag</Link> : null}
        </div>
        {vote ? <p className="mt-1 text-sm text-slate-700">{vote}</p> : null}
        {entries.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">
            {event.phase === "open" ? "Entries of other teams appear here after the submission deadline." : "No submitted entries."}
          </p>
        ) : (
          <>
            <EntryCards eventSlug={event.slug} entries={entries} />
            {entryCount > entries.length ? (
              <p className="mt-3">
                <Link to={`/events/${event.slug}/entries`} className="btn-secondary">
                  See all {entryCount} entries
                </Link>
              </p>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
