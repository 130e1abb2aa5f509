import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OutcomeBadge } from "~/components/badges";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { enforce, invariantResponse } from "~/lib/http.server";
import { canEditEntry, canViewTeam } from "~/modules/auth/permissions";
import { getTeamEntry } from "~/modules/entries/entries.server";
import { requireEventAccess } from "~/modules/events/access.server";
import { getTeam, listMembers } from "~/modules/teams/teams.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.team.name ?? "Team"} · Problem First` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  const team = await getTeam(event.id, params.teamId ?? "");
  invariantResponse(team, "Team not found", 404);
  enforce(canViewTeam(user, access, team.id));
  const [members, entry] = await Promise.all([listMembers(team.id), getTeamEntry(team.id)]);
  const edit = canEditEntry(user, access, team.id, new Date());
  const isMember = access.teamId === team.id;
  return {
    event: { slug: event.slug, title: event.title, maxTeamSize: event.maxTeamSize },
    team,
    members,
    entry: entry ? { id: entry.id, title: entry.title, status: entry.status, outcome: entry.outcome } : null,
    inviteUrl: isMember ? `${new URL(request.url).origin}/join?code=${team.inviteCode}` : null,
    canEdit: edit.ok,
    editRefusal: edit.ok ? null : edit.reason,
  };
}

export default function TeamPage() {
  const { event, team, members, entry, inviteUrl, canEdit, editRefusal } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}`}>← {event.title}</Link>
      </p>
      <h1 className="h1">{team.name}</h1>
      <p>
        Problem: <Link to={`/events/${event.slug}/problems/${team.problemId}`}>{team.problemTitle}</Link>
      </p>
      <section aria-labelledby="members-h" className="card">
        <h2 id="members-h" className="h2">
          Members ({members.length} of at most {event.maxTeamSize})
        </h2>
        <ul className="mt-2 space-y-1">
          {members.map((m) => (
            <li key={m.id}>
              {m.name} <span className="text-sm text-slate-600">({m.email})</span>
            </li>
          ))}
        </ul>
        {inviteUrl ? (
          <div className="mt-4">
            <label htmlFor="invite-url" className="label">
              Invite link for teammates
            </label>
            <input id="invite-url" readOnly value={inviteUrl} className="input mt-1 font-mono" onFocus={(e) => e.currentTarget.select()} />
            <p className="hint">Invite code: {team.inviteCode}</p>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="entry-h" className="card">
        <h2 id="entry-h" className="h2">
          Entry
        </h2>
        {entry ? (
          <div className="mt-2 space-y-3">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-semibold">{entry.title || "Untitled entry"}</span>
              <OutcomeBadge outcome={entry.outcome} />
              <span className="text-sm text-slate-700">{entry.status === "submitted" ? "Submitted" : "Draft, not submitted yet"}</span>
            </p>
            <p className="flex flex-wrap gap-2">
              {canEdit ? (
                <Link to={`/events/${event.slug}/teams/${team.id}/entry`} className="btn-primary">
                  {entry.status === "submitted" ? "Edit entry" : "Work on the entry"}
                </Link>
              ) : null}
              <Link to={`/events/${event.slug}/entries/${entry.id}`} className="btn-secondary">
                View entry page
              </Link>
            </p>
            {editRefusal ? <p className="text-sm text-slate-700">The entry is read-only. {editRefusal}</p> : null}
          </div>
        ) : null}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
