/**
 * Who answers teams' questions about a problem, in one line: the owner's name as the organizer typed it, and the
 * account it reaches on Problem First when one was given. When the two names differ (a manager named, their analyst's
 * account given), the account is said as such rather than as a second owner.
 */
export function ownerLine(p: { ownerName: string; ownerAccountName: string | null; ownerAccountEmail: string | null }): string {
  const name = p.ownerName.trim();
  const account = p.ownerAccountName && p.ownerAccountEmail ? { name: p.ownerAccountName, email: p.ownerAccountEmail } : null;
  if (!account) return name || "Ask the organizers";
  if (!name || name === account.name) return `${account.name} (${account.email})`;
  return `${name} (on Problem First: ${account.name}, ${account.email})`;
}
