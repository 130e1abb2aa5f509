// Blind judging, the one rule: every loader that returns team names or members passes its rows through here,
// so a judge of a blind event never receives them, in the markup or in the loader data.
import type { Actor, EventAccess } from "~/modules/auth/permissions";

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
  /** The row with `teamName` set to null and `members` emptied when its team is hidden. */
  const row = <T extends TeamRow>(r: T): Blinded<T> => (hides(r.teamId) ? { ...r, teamName: null, ...("members" in r ? { members: [] } : {}) } : r);
  return { hides, row, rows: <T extends TeamRow>(list: T[]) => list.map(row) };
}
