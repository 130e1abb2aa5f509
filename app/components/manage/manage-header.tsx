import { Link } from "~/components/link";
import type { EventPhase } from "#db/schema";
import { PhaseBadge } from "~/components/phase-badge";
import type { BackLink } from "~/lib/back-links";

/**
 * The Manage page's heading, with the way back to where the organizer came from (ADR 017), and the links to the
 * event's other settings pages.
 */
export function ManageHeader({
  event,
  back,
  canStartFrom,
}: {
  event: { slug: string; title: string; phase: EventPhase };
  back: BackLink;
  /** May start a new event from this one (ADR 035). */
  canStartFrom: boolean;
}) {
  return (
    <>
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm text-slate-600">
            <Link to={back.to}>← {back.label}</Link>
          </p>
          <h1 className="h1 mt-1">Manage event</h1>
          <p className="mt-1 text-slate-700 [overflow-wrap:anywhere]">{event.title}</p>
        </div>
        <PhaseBadge phase={event.phase} />
      </header>
      <nav aria-label="Event settings" className="flex flex-wrap gap-2">
        <Link to={`/events/${event.slug}/edit`} className="btn-secondary">
          Edit event
        </Link>
        <Link to={`/events/${event.slug}/rubric`} className="btn-secondary">
          Rubric
        </Link>
        <Link to={`/events/${event.slug}/judges`} className="btn-secondary">
          Judges and assignments
        </Link>
        <Link to={`/events/${event.slug}/announcements`} className="btn-secondary">
          Announcements
        </Link>
        <Link to={`/events/${event.slug}/peoples-choice`} className="btn-secondary">
          People's choice
        </Link>
        <a href={`/events/${event.slug}/teams.csv`} download className="btn-secondary">
          Download teams and members (CSV)
        </a>
        {canStartFrom ? (
          <Link to={`/events/new?from=${encodeURIComponent(event.slug)}`} className="btn-secondary">
            New event from this one
          </Link>
        ) : null}
      </nav>
    </>
  );
}
