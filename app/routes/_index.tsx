import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { PhaseBadge } from "~/components/phase-badge";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getOptionalUser } from "~/modules/auth/guards.server";
import { canCreateEvent } from "~/modules/auth/permissions";
import { listVisibleEvents } from "~/modules/events/events.server";
import { eventWhen, phaseWords } from "~/modules/events/phases";
import { pageTitle } from "~/lib/page-title";

export const meta: MetaFunction = ({ error }) => pageTitle(error, () => "Events");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (!user) return { signedIn: false as const, events: [], canCreate: false };
  // The dates are written here, in the event's zone: the page then ships no time formatting (ADR 043).
  const events = (await listVisibleEvents(user)).map((e) => ({ ...e, when: eventWhen(e) }));
  return { signedIn: true as const, events, canCreate: canCreateEvent(user).ok };
}

type EventItem = Extract<Awaited<ReturnType<typeof loader>>, { signedIn: true }>["events"][number];

function EventList({ phase, events, empty }: { phase: EventItem["phase"]; events: EventItem[]; empty: string }) {
  // The id comes from the phase key: a heading's text may hold spaces, which an id (and aria-labelledby) cannot.
  const headingId = `events-${phase}-h`;
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId} className="h2">
        {phaseWords[phase].section}
      </h2>
      {events.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="mt-3 grid gap-3 sm:grid-cols-2">
          {events.map((e) => (
            <li key={e.id} className="card">
              <div className="flex items-start justify-between gap-2">
                <Link to={`/events/${e.slug}`} className="font-semibold">
                  {e.title}
                </Link>
                <PhaseBadge phase={e.phase} />
              </div>
              <p className="mt-2 text-sm text-slate-600">{e.when}</p>
              <p className="mt-1 text-sm text-slate-600">
                {e.problemCount} {e.problemCount === 1 ? "problem" : "problems"} · {e.teamCount} {e.teamCount === 1 ? "team" : "teams"}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default function Index() {
  const { signedIn, events, canCreate } = useLoaderData<typeof loader>();
  if (!signedIn) {
    return (
      <div className="mx-auto max-w-2xl py-10 text-center">
        <h1 className="h1">AI hackathons that start from a business problem</h1>
        <p className="mt-4 text-slate-700">
          Post real problems with their cost and data, build against an AI metric, count failed attempts as results, and keep every post-mortem so the next team
          starts smarter.
        </p>
        <p className="mt-8 flex justify-center gap-3">
          <Link to="/login" className="btn-primary">
            Sign in
          </Link>
          <Link to="/signup" className="btn-secondary">
            Create an account
          </Link>
        </p>
      </div>
    );
  }
  const by = (phase: EventItem["phase"]) => events.filter((e) => e.phase === phase);
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="h1">Events</h1>
        {canCreate ? (
          <Link to="/events/new" className="btn-primary">
            New event
          </Link>
        ) : null}
      </div>
      {by("draft").length > 0 ? <EventList phase="draft" events={by("draft")} empty="" /> : null}
      <EventList phase="open" events={by("open")} empty="No event is open right now." />
      <EventList phase="judging" events={by("judging")} empty="No event is being judged right now." />
      <EventList phase="closed" events={by("closed")} empty="No past events yet." />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
