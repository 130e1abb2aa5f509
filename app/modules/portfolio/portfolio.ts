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

export type Profile = { name: string; headline: string; skills: string };

/**
 * The profile as the account page's form showed it (stored values), sent back with a save so that only the fields the
 * person changed are written: a field saved meanwhile from another tab or browser, and left alone here, stays.
 */
export function shownProfile(profile: Profile): string {
  return JSON.stringify([profile.name, profile.headline, profile.skills]);
}

/**
 * What a save changes, skills kept as the list shows them: the fields whose value differs from what the form showed.
 * Without a readable `shown` (a page of an earlier version of the app), every field, as before.
 */
export function profileChanges(input: Profile, shown: string | undefined): Partial<Profile> {
  const saved: Profile = { name: input.name, headline: input.headline, skills: skillList(input.skills).join(", ") };
  const before = readShown(shown);
  if (!before) return saved;
  const fields = ["name", "headline", "skills"] as const;
  return Object.fromEntries(fields.filter((field, i) => saved[field] !== before[i]).map((field) => [field, saved[field]]));
}

function readShown(shown: string | undefined): string[] | null {
  try {
    const values: unknown = JSON.parse(shown ?? "");
    return Array.isArray(values) && values.length === 3 && values.every((v) => typeof v === "string") ? values : null;
  } catch {
    return null;
  }
}
