// Which of a person's entries a viewer sees on their portfolio: pure, on top of the entry page's own rule.
import { canViewEntry, type Actor, type EventAccess } from "~/modules/auth/permissions";

export type PortfolioRow = { teamId: string; status: "draft" | "submitted"; hidden: boolean };

/**
 * Never wider than the entry page: the viewer must be allowed to open the entry itself, and a judge of a
 * blind event (`blind`) does not learn who is in a hidden team from a profile. An entry the person hid is
 * gone for everyone else and stays listed, marked, for them.
 */
export function showsOnPortfolio(viewer: Actor, personId: string, access: EventAccess, row: PortfolioRow, blind: boolean, now: Date): boolean {
  if (row.hidden && viewer.id !== personId) return false;
  if (blind) return false;
  return canViewEntry(viewer, access, { teamId: row.teamId, status: row.status }, now).ok;
}

/** Skills as typed ("SQL, prompt design; Python") into a short list, without blanks or repeats. */
export function skillList(skills: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of skills.split(/[,;\n]/)) {
    const skill = raw.trim();
    if (skill && !seen.has(skill.toLowerCase())) {
      seen.add(skill.toLowerCase());
      out.push(skill);
    }
  }
  return out;
}
