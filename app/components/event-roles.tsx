import { Link } from "~/components/link";
import type { EventPhase } from "#db/schema";
import { PhaseBadge } from "~/components/phase-badge";
import { roleLink, type EventRole } from "~/modules/events/roles";

type EventWithRoles = { slug: string; title: string; phase: EventPhase; teamId: string | null; roles: EventRole[] };

/** The events a person is part of, each with what they are in it and where that work is done. */
export function EventRoles({ events }: { events: EventWithRoles[] }) {
  return (
    <section aria-labelledby="your-events-h" className="space-y-2">
      <h2 id="your-events-h" className="h2">
        Your events
      </h2>
      {events.length === 0 ? (
        <p className="text-sm text-slate-700">
          You are not part of any event yet. <Link to="/">Browse the events</Link> to join a team.
        </p>
      ) : (
        <ul className="space-y-2">
          {events.map((e) => (
            <li key={e.slug} className="card space-y-1">
              <div className="flex flex-wrap items-center gap-2">
                <Link to={`/events/${e.slug}`} className="font-semibold [overflow-wrap:anywhere]">
                  {e.title}
                </Link>
                <PhaseBadge phase={e.phase} />
              </div>
              <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
                {e.roles.map((role) => {
                  const link = roleLink(e.slug, e.phase, role, e.teamId);
                  return (
                    <li key={role.kind} className="[overflow-wrap:anywhere]">
                      <span className="font-semibold">{role.label}</span>
                      {link ? (
                        <>
                          {" · "}
                          <Link to={link.to} aria-label={`${link.label}: ${e.title}`}>
                            {link.label}
                          </Link>
                        </>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
