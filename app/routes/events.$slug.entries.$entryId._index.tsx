import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { Link } from "~/components/link";
import { AwardBadges, OutcomeBadge } from "~/components/badges";
import { FollowUpSection } from "~/components/follow-ups";
import { MetricChart } from "~/components/metric-chart";
import { AnswerList } from "~/components/entry-answers";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { VoteBox } from "~/components/peoples-choice";
import { LinkList, VideoPlayer } from "~/components/video-player";
import { enforce, invariantResponse, readIntent, unknownIntent } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { canEditEntry, canReadFeedback, canRecordFollowUp, canScoreEntry, canViewEntry } from "~/modules/auth/permissions";
import { getEntry } from "~/modules/entries/entries.server";
import { answeredQuestions } from "~/modules/entries/questions.server";
import { listScreenshots } from "~/modules/entries/screenshots.server";
import { entryLinks, seeItHeading, videoEmbed } from "~/modules/entries/video";
import { rootCauseText } from "~/modules/archive/digest";
import { requireEventAccess } from "~/modules/events/access.server";
import { latestFollowUps, ownsEntryProblem } from "~/modules/follow-ups/follow-ups.server";
import { HIDDEN_TEAM } from "~/modules/judging/blind";
import { blindJudging } from "~/modules/judging/blind.server";
import { visibleAwardsByEntry } from "~/modules/judging/entry-awards.server";
import { entryFeedback, judgeEntryFacts } from "~/modules/judging/judging.server";
import { roundNames } from "~/modules/judging/rounds";
import { entryVoteBox, voteFor, withdrawVoteFrom } from "~/modules/peoples-choice/views.server";
import { listMembers } from "~/modules/teams/teams.server";
import { pageTitle } from "~/lib/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  pageTitle(error, () => `${data?.entry.title || "Entry"} · ${data?.event.title ?? "Event"}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  const found = await getEntry(event.id, params.entryId ?? "");
  invariantResponse(found, "Entry not found", 404);
  const { entry } = found;
  // The page needs no team id, and a blind judge must not get one (blind.server.ts).
  const { teamId: _teamId, ...shown } = entry;
  const now = new Date();
  enforce(canViewEntry(user, access, entry, now));
  // Teams read their judges' scores and comments once results are published; judge names only if the organizers chose so.
  const blind = blindJudging(user, access, event);
  const [feedback, awards, members, vote, answers] = await Promise.all([
    canReadFeedback(user, access, entry).ok ? entryFeedback(entry.id, event.showJudgeNames) : [],
    visibleAwardsByEntry(user, access, [entry.id]),
    // Member names link to their portfolios; a blind judge gets none, like the team name.
    blind.hides(entry.teamId) ? [] : listMembers(entry.teamId),
    entryVoteBox(event, user, access, entry, now),
    answeredQuestions(event.id, entry.id),
  ]);
  // What happened next (ADR 030): once the event is closed, the latest answer, and a link for those who record it.
  const afterEvent = event.phase === "closed" && entry.status === "submitted";
  const followUp = afterEvent ? ((await latestFollowUps([entry.id])).get(entry.id) ?? null) : null;
  const canRecord = afterEvent && canRecordFollowUp(user, access, entry, { problemOwner: await ownsEntryProblem(entry.id, user.id) }).ok;
  return {
    event: { slug: event.slug, title: event.title },
    entry: shown,
    // Worked out here rather than in the browser, which then needs neither the video link rules nor the root-cause labels (ADR 043).
    video: videoEmbed(entry.videoUrl),
    rootCause: rootCauseText({ rootCause: entry.postMortemRootCause, rootCauseOther: entry.postMortemRootCauseOther }),
    teamName: blind.row({ teamId: entry.teamId, teamName: found.teamName }).teamName,
    members: members.map((m) => ({ id: m.id, name: m.name })),
    problem: { id: found.problemId, title: found.problemTitle },
    canScore: access.isJudge && canScoreEntry(user, access, entry, await judgeEntryFacts(event, entry.id, user.id)).ok,
    // The team's way back to its form while submissions are open; nobody else gets the team's address.
    editHref: canEditEntry(user, access, entry.teamId, now).ok ? `/events/${event.slug}/teams/${entry.teamId}/entry` : null,
    // After a final round each sheet says its round (ADR 038); judges are numbered within a round.
    feedback: feedback.map((sheet) => ({ ...sheet, who: sheet.round ? `${sheet.judge}, ${roundNames[sheet.round].toLowerCase()}` : sheet.judge })),
    awards: awards[entry.id] ?? [],
    screenshots: await listScreenshots(entry.id),
    answers,
    vote,
    followUp: afterEvent ? { latest: followUp, canRecord } : null,
  };
}

/** The people's choice vote (ADR 031): a refusal is shown beside the button, not as an error page. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  const found = await getEntry(event.id, params.entryId ?? "");
  invariantResponse(found, "Entry not found", 404);
  const now = new Date();
  enforce(canViewEntry(user, access, found.entry, now));
  const intent = readIntent(await request.formData());
  switch (intent) {
    case "vote": {
      const voted = await voteFor(event, user, access, found.entry, now);
      if (!voted.ok) return data({ voteError: voted.message }, { status: voted.status });
      return redirectWithToast(`/events/${event.slug}/entries/${found.entry.id}`, voted.message);
    }
    case "withdraw-vote": {
      const withdrawn = await withdrawVoteFrom(event, user, found.entry, now);
      if (!withdrawn.ok) return data({ voteError: withdrawn.message }, { status: withdrawn.status });
      return redirectWithToast(`/events/${event.slug}/entries/${found.entry.id}`, withdrawn.message);
    }
    default:
      return unknownIntent(intent);
  }
}

// A refused vote (moved or withdrawn in another tab, or the vote closed meanwhile) reads the page again, so the box
// shows the vote as it stands now beside the reason; every answer of this action is about the vote.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus }) => actionStatus === undefined || actionStatus < 500;

function Text({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-700">{label}</h3>
      <p className="mt-1 whitespace-pre-line">{value || "—"}</p>
    </div>
  );
}

export default function EntryPage() {
  const { event, entry, video, rootCause, teamName, members, problem, canScore, editHref, feedback, awards, screenshots, answers, followUp, vote } =
    useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const links = entryLinks(entry);
  const seeIt = seeItHeading(Boolean(video), links.length);
  return (
    <article className="space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}`}>← {event.title}</Link>
      </p>
      <header>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="h1">{entry.title || "Untitled entry"}</h1>
          <OutcomeBadge outcome={entry.outcome} />
          {entry.status === "draft" ? <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold">Draft</span> : null}
        </div>
        <AwardBadges awards={awards} className="mt-2" />
        <p className="mt-2 text-lg text-slate-800">{entry.summary}</p>
        <p className="mt-2 text-sm text-slate-700">
          By {teamName ?? HIDDEN_TEAM} · Problem: <Link to={`/events/${event.slug}/problems/${problem.id}`}>{problem.title}</Link>
          {entry.tags ? ` · Tags: ${entry.tags}` : ""}
        </p>
        {members.length ? (
          <p className="mt-1 text-sm text-slate-700">
            Team:{" "}
            {members.map((m, i) => (
              <span key={m.id}>
                {i > 0 ? ", " : null}
                <Link to={`/people/${m.id}`}>{m.name}</Link>
              </span>
            ))}
          </p>
        ) : null}
        {canScore ? (
          <Link to={`/events/${event.slug}/entries/${entry.id}/score`} className="btn-primary mt-4">
            Score this entry
          </Link>
        ) : null}
        {editHref ? (
          <Link to={editHref} className="btn-secondary mt-4">
            Edit the entry
          </Link>
        ) : null}
      </header>
      {vote ? <VoteBox slug={event.slug} vote={vote} error={answer?.voteError} /> : null}
      {/* The vote turned off (or its box hidden) since the page was opened: the reason still needs a place. */}
      {answer?.voteError && (!vote || vote.box.kind === "hidden") ? (
        <p role="alert" className="card text-sm">
          {answer.voteError}
        </p>
      ) : null}
      {followUp && (followUp.latest || followUp.canRecord) ? (
        <FollowUpSection eventSlug={event.slug} entryId={entry.id} latest={followUp.latest} canRecord={followUp.canRecord} metric={entry} />
      ) : null}
      {seeIt ? (
        <section aria-labelledby="see-h" className="card space-y-3">
          <h2 id="see-h" className="h2">
            {seeIt}
          </h2>
          {video ? <VideoPlayer video={video} link={entry.videoUrl} title={entry.title || "Untitled entry"} /> : null}
          <LinkList links={links} className="flex flex-wrap gap-4 text-sm" />
        </section>
      ) : null}
      <section aria-labelledby="pm-h" className="card space-y-4">
        <h2 id="pm-h" className="h2">
          Post-mortem
        </h2>
        <Text label="What worked" value={entry.postMortemWorked} />
        <Text label="What did not work" value={entry.postMortemDidNotWork} />
        <Text label="Root cause" value={rootCause} />
        <Text label="What we would do differently" value={entry.postMortemDifferently} />
        <Text label="Next steps" value={entry.postMortemNextSteps} />
      </section>
      <section aria-labelledby="metric-h" className="card">
        <h2 id="metric-h" className="h2">
          AI metric: {entry.metricName || "not named"} {entry.metricUnit ? `(${entry.metricUnit})` : ""}
        </h2>
        <div className="mt-3">
          <MetricChart
            name={entry.metricName}
            unit={entry.metricUnit}
            baseline={entry.metricBaseline}
            target={entry.metricTarget}
            result={entry.metricResult}
          />
        </div>
      </section>
      {screenshots.length ? (
        <section aria-labelledby="shots-h" className="card">
          <h2 id="shots-h" className="h2">
            Screenshots
          </h2>
          <ul className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
            {screenshots.map((shot, i) => (
              <li key={shot.id}>
                <a href={`/screenshots/${shot.id}`} target="_blank" rel="noreferrer">
                  <img
                    src={`/screenshots/${shot.id}`}
                    alt={shot.caption || `Screenshot ${i + 1} of ${entry.title}`}
                    className="w-full rounded border border-slate-200"
                    loading="lazy"
                  />
                </a>
                {shot.caption ? <p className="mt-1 text-sm text-slate-700">{shot.caption}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {answers.length ? (
        <section aria-labelledby="answers-h" className="card space-y-3">
          <h2 id="answers-h" className="h2">
            Organizers&rsquo; questions
          </h2>
          <AnswerList answers={answers} />
        </section>
      ) : null}
      <section aria-labelledby="approach-h" className="card space-y-3">
        <h2 id="approach-h" className="h2">
          Approach
        </h2>
        <p className="whitespace-pre-line">{entry.approach || "—"}</p>
      </section>
      {feedback.length ? (
        <section aria-labelledby="feedback-h" className="card">
          <h2 id="feedback-h" className="h2">
            Judges' feedback
          </h2>
          <div className="mt-3 space-y-4 text-sm">
            {feedback.map((sheet) => (
              <section key={`${sheet.round ?? 1}-${sheet.judge}`} aria-label={`Feedback from ${sheet.who}`}>
                <h3 className="font-semibold">{sheet.who}</h3>
                {sheet.unfinished ? <p className="text-slate-600">This judge did not finish the score sheet: it is not counted in the score.</p> : null}
                {sheet.overall ? <p className="mt-1 whitespace-pre-line">{sheet.overall}</p> : null}
                <ul className="mt-1 space-y-1">
                  {sheet.scores.map((f) => (
                    <li key={f.criterionName}>
                      <span className="font-semibold">{f.criterionName}</span>: {f.value}
                      {f.comment ? ` — ${f.comment}` : ""}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </section>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
