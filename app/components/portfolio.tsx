import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import type { Outcome } from "#db/enums";
import { AwardBadges, OutcomeBadge } from "~/components/badges";

type PortfolioEntry = {
  entryId: string;
  teamName: string;
  status: "draft" | "submitted";
  title: string;
  outcome: Outcome | null;
  metricName: string;
  metricUnit: string;
  metricBaseline: string;
  metricResult: string;
  lesson: string;
  hidden: boolean;
  eventSlug: string;
  eventTitle: string;
  problemTitle: string;
  awards: string[];
};

type Person = { id: string; name: string; headline: string; skillList: string[] };

function metric(e: PortfolioEntry) {
  if (!e.metricName) return null;
  const value = (v: string) => (v.trim() ? `${v.trim()}${e.metricUnit ? ` ${e.metricUnit}` : ""}` : "not measured");
  return `${e.metricName}: ${value(e.metricBaseline)} → ${value(e.metricResult)}`;
}

/** A person's profile: who they are and every attempt they were part of, failed ones alike. */
export function Portfolio({ person, entries, isMe }: { person: Person; entries: PortfolioEntry[]; isMe: boolean }) {
  return (
    <div className="space-y-6">
      <header>
        <h1 className="h1 [overflow-wrap:anywhere]">{person.name}</h1>
        {person.headline ? <p className="mt-1 text-lg text-slate-700">{person.headline}</p> : null}
        {person.skillList.length ? (
          <ul aria-label="Skills" className="mt-3 flex flex-wrap gap-1.5">
            {person.skillList.map((s) => (
              <li key={s} className="rounded-full bg-slate-100 px-2.5 py-0.5 text-sm text-slate-800">
                {s}
              </li>
            ))}
          </ul>
        ) : null}
        {isMe ? (
          <p className="mt-3 text-sm text-slate-700">
            This is your portfolio. <Link to="/account#profile-h">Edit your headline and skills</Link>
          </p>
        ) : null}
      </header>
      <section aria-labelledby="attempts-h">
        <h2 id="attempts-h" className="h2">
          What {isMe ? "you" : person.name} tried
        </h2>
        {entries.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No entries to show yet.</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {entries.map((e) => (
              <li key={e.entryId} className="card space-y-2">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="font-semibold [overflow-wrap:anywhere]">
                    <Link to={`/events/${e.eventSlug}/entries/${e.entryId}`}>{e.title || "Untitled entry"}</Link>
                  </h3>
                  <OutcomeBadge outcome={e.outcome} />
                  {e.status === "draft" ? <span className="text-xs font-semibold text-slate-700">Draft</span> : null}
                  {e.hidden ? <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">Hidden from others</span> : null}
                </div>
                <p className="text-sm text-slate-700">
                  <Link to={`/events/${e.eventSlug}`}>{e.eventTitle}</Link> · {e.problemTitle} · team {e.teamName}
                </p>
                {metric(e) ? <p className="text-sm">AI metric: {metric(e)}</p> : null}
                <AwardBadges awards={e.awards} />
                {e.lesson ? (
                  <p className="text-sm">
                    <span className="font-semibold">Lesson:</span> {e.lesson}
                  </p>
                ) : null}
                {isMe ? (
                  <Form method="post">
                    <input type="hidden" name="entryId" value={e.entryId} />
                    <button
                      type="submit"
                      name="intent"
                      value={e.hidden ? "show" : "hide"}
                      className="btn-secondary text-sm"
                      aria-label={`${e.hidden ? "Show on my portfolio" : "Hide from my portfolio"}: ${e.title || "Untitled entry"}`}
                    >
                      {e.hidden ? "Show on my portfolio" : "Hide from my portfolio"}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
