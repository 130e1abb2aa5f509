// What the Find a team page says about an invitation that no longer stands, for someone who follows the notice that
// told them of it (ADR 068). Pure; team-finder.server.ts reads the facts.

/** What is known of one team's invitation to one person, read when they follow its notice. */
export type InvitationFacts = {
  /** The team's name; null when the team is gone (its members left, or it was deleted). */
  teamName: string | null;
  /** The invitation's row still stands: not answered, not withdrawn. */
  stands: boolean;
  /** They said "No thanks" to it. */
  saidNoThanks: boolean;
  /** The team's lead declined their request to join, which withdrew the invitation (ADR 047). */
  requestDeclined: boolean;
  /** The team they are in now in this event, if any. */
  inTeam: { id: string; name: string } | null;
  /** The team the invitation came from. */
  teamId: string;
  /** Why they cannot join a team now (the event's phase or deadline), or null when they can. */
  joiningRefused: string | null;
};

/**
 * Why the invitation no longer stands, in words, or null while it stands and can be answered (the page then shows it
 * with its buttons). Being in a team comes first: whatever became of the invitation, that is what matters now.
 */
export function endedInvitationWords(facts: InvitationFacts): string | null {
  const { teamName, inTeam } = facts;
  if (teamName === null) return "The team that invited you is no longer in this event.";
  if (inTeam?.id === facts.teamId) return `You are in ${teamName} now.`;
  if (inTeam) return `The invitation from ${teamName} is no longer open: you are in ${inTeam.name} now.`;
  if (facts.saidNoThanks) return `You said no thanks to the invitation from ${teamName}. You can still ask to join it if it is looking.`;
  if (facts.stands) return facts.joiningRefused ? `The invitation from ${teamName} can no longer be answered: ${facts.joiningRefused}` : null;
  if (facts.requestDeclined) return `The invitation from ${teamName} is no longer open: its lead declined your request to join, which withdrew it.`;
  return `The invitation from ${teamName} is no longer open.`;
}
