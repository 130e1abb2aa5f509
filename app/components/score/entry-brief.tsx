import { Link } from "~/components/link";
import type { entries } from "#db/schema";
import { OutcomeBadge } from "~/components/badges";
import { AnswerList } from "~/components/entry-answers";
import { LinkList, VideoPlayer } from "~/components/video-player";
import { metricLine } from "~/modules/archive/metric-line";
import { rootCauseLabels } from "~/modules/entries/labels";
import { entryLinks, seeItHeading, videoEmbed } from "~/modules/entries/video";
import { HIDDEN_TEAM } from "~/modules/judging/blind";

type BriefEntry = Pick<
  typeof entries.$inferSelect,
  | "title"
  | "outcome"
  | "summary"
  | "tags"
  | "approach"
  | "demoUrl"
  | "repoUrl"
  | "videoUrl"
  | "metricName"
  | "metricUnit"
  | "metricBaseline"
  | "metricTarget"
  | "metricResult"
  | "postMortemWorked"
  | "postMortemDidNotWork"
  | "postMortemRootCause"
  | "postMortemRootCauseOther"
  | "postMortemDifferently"
  | "postMortemNextSteps"
>;

/** The entry as a judge reads it beside the score sheet: everything the rubric asks about, in one column. */
export function EntryBrief({
  slug,
  entry,
  teamName,
  problemTitle,
  screenshots,
  answers,
}: {
  slug: string;
  entry: BriefEntry;
  /** Null when blind judging hides the team. */
  teamName: string | null;
  problemTitle: string;
  screenshots: { id: string; caption: string }[];
  answers: Parameters<typeof AnswerList>[0]["answers"];
}) {
  const links = entryLinks(entry);
  const video = videoEmbed(entry.videoUrl);
  const seeIt = seeItHeading(Boolean(video), links.length);
  return (
    <article className="space-y-4">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${slug}/judging`}>← Judging queue</Link>
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="h1">{entry.title}</h1>
        <OutcomeBadge outcome={entry.outcome} />
      </div>
      <p>{entry.summary}</p>
      <p className="text-sm text-slate-700">
        {teamName ?? HIDDEN_TEAM} · {problemTitle}
        {entry.tags ? ` · Tags: ${entry.tags}` : ""}
      </p>
      <div className="card space-y-2 text-sm">
        <h2 className="h2">Approach</h2>
        <p className="whitespace-pre-line">{entry.approach}</p>
        {seeIt ? <h2 className="h2 pt-2">{seeIt}</h2> : null}
        {video ? <VideoPlayer video={video} link={entry.videoUrl} title={entry.title} /> : null}
        <LinkList links={links} className="flex flex-wrap gap-4" />
        <h2 className="h2 pt-2">AI metric</h2>
        <p>
          {entry.metricName || "Not named"}: {metricLine(entry)}
        </p>
        <h2 className="h2 pt-2">Post-mortem</h2>
        <p className="whitespace-pre-line">
          <strong>Worked:</strong> {entry.postMortemWorked}
        </p>
        <p className="whitespace-pre-line">
          <strong>Did not work:</strong> {entry.postMortemDidNotWork}
        </p>
        <p>
          <strong>Root cause:</strong> {entry.postMortemRootCause ? rootCauseLabels[entry.postMortemRootCause] : "—"} {entry.postMortemRootCauseOther}
        </p>
        <p className="whitespace-pre-line">
          <strong>Differently:</strong> {entry.postMortemDifferently}
        </p>
        <p className="whitespace-pre-line">
          <strong>Next steps:</strong> {entry.postMortemNextSteps}
        </p>
        {answers.length ? (
          <>
            <h2 className="h2 pt-2">Organizers&rsquo; questions</h2>
            <AnswerList answers={answers} />
          </>
        ) : null}
      </div>
      {screenshots.length ? (
        <ul className="grid grid-cols-2 gap-2">
          {screenshots.map((s, i) => (
            <li key={s.id}>
              <a href={`/screenshots/${s.id}`} target="_blank" rel="noreferrer">
                <img
                  src={`/screenshots/${s.id}`}
                  alt={s.caption || `Screenshot ${i + 1} of ${entry.title}`}
                  className="w-full rounded border border-slate-200"
                  loading="lazy"
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
