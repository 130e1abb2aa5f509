// Words for the judging settings page that depend on where judging stands (pure, so they are unit tested).

/**
 * What switching blind judging means once judges have scored: names they saw stay seen, and names they did not see
 * appear from the switch on. Null before any entry was scored, when the switch changes nothing already done.
 */
export function blindJudgingNote(blindNow: boolean, scoredEntries: number): string | null {
  if (scoredEntries <= 0) return null;
  const entries = scoredEntries === 1 ? "1 entry" : `${scoredEntries} entries`;
  return blindNow
    ? `Judges have scored ${entries} without seeing team names. Switching blind judging off shows them the names from then on.`
    : `Judges have already scored ${entries} with team names in view. Switching blind judging on hides the names from then on, not from what judges already saw.`;
}
