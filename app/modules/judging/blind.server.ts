// Blind judging, the one rule: every loader that returns team names, members or team ids passes its rows through
// here, so a judge of a blind event never receives them, in the markup or in the loader data.
import type { Actor, Decision, EventAccess } from "~/modules/auth/permissions";

type BlindEvent = { blindJudging: boolean };
type TeamRow = { teamId: string; teamName: string; members?: unknown[] };
type Blinded<T extends TeamRow> = Omit<T, "teamName"> & { teamName: string | null };

/**
 * Hidden from a judge of a blind event until results are published (the results, awards and archive name
 * every team then). The event's organizers and admins keep seeing names: they run the event and read results
 * during judging anyway. A judge's own team is never hidden from them.
 */
export function blindJudging(actor: Actor, access: EventAccess, event: BlindEvent) {
  const blind = event.blindJudging && access.phase !== "closed" && access.isJudge && !access.isOrganizer && actor.role !== "admin";
  const hides = (teamId: string) => blind && access.teamId !== teamId;
  /**
   * The row with `teamName` set to null, `members` emptied and `teamId` blank when its team is hidden: an id seen
   * elsewhere (the Find a team page while the event was open lists teams by id) would name the team too.
   */
  const row = <T extends TeamRow>(r: T): Blinded<T> => (hides(r.teamId) ? { ...r, teamId: "", teamName: null, ...("members" in r ? { members: [] } : {}) } : r);
  return { active: blind, hides, row, rows: <T extends TeamRow>(list: T[]) => list.map(row) };
}

/** The Find a team page lists the teams with their members and ids: not for a judge of a blind event. */
export function canSeeTeamRosters(actor: Actor, access: EventAccess, event: BlindEvent): Decision {
  return blindJudging(actor, access, event).active
    ? { ok: false, status: 403, reason: "This event's judging is blind, so its judges do not see who is in which team." }
    : { ok: true };
}
