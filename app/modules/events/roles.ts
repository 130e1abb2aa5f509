// What a person is in each event, in words: the account page lists these instead of one global badge,
// because "member" says nothing about who organizes, judges or leads a team where.
import type { EventPhase } from "#db/schema";

export type EventRoleFacts = {
  isOrganizer: boolean;
  isJudge: boolean;
  team: { id: string; name: string; leadId: string } | null;
};

export type EventRole = { kind: "organizer" | "judge" | "team-lead" | "team-member"; label: string };

/** The person's roles in one event, most responsibility first. */
export function eventRoles(userId: string, f: EventRoleFacts): EventRole[] {
  const roles: EventRole[] = [];
  if (f.isOrganizer) roles.push({ kind: "organizer", label: "Organizer" });
  if (f.isJudge) roles.push({ kind: "judge", label: "Judge" });
  if (f.team)
    roles.push(
      f.team.leadId === userId ? { kind: "team-lead", label: `Team lead of ${f.team.name}` } : { kind: "team-member", label: `Team member of ${f.team.name}` },
    );
  return roles;
}

/** Where each role does its work, for a link beside the event (none for a past event's judge). */
export function roleLink(slug: string, phase: EventPhase, role: EventRole, teamId: string | null): { to: string; label: string } | null {
  switch (role.kind) {
    case "organizer":
      return { to: `/events/${slug}/manage`, label: "Manage" };
    case "judge":
      return phase === "judging" ? { to: `/events/${slug}/judging`, label: "Judging queue" } : null;
    case "team-lead":
    case "team-member":
      return teamId ? { to: `/events/${slug}/teams/${teamId}`, label: "Your team" } : null;
  }
}
