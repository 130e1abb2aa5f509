import type { GlobalRole } from "#db/schema";

// The site-wide role is worth showing only where it grants something; everyone else is simply signed in,
// and what they are in each event (organizer, judge, team) is listed per event on the account page.
const siteRoles: Partial<Record<GlobalRole, { badge: string; grants: string }>> = {
  admin: { badge: "Admin", grants: "You manage accounts and can see and run every event." },
  organizer: { badge: "Organizer", grants: "You can create events." },
};

export function siteRole(role: GlobalRole): { badge: string; grants: string } | null {
  return siteRoles[role] ?? null;
}
