// Words for the judging settings page that depend on where judging stands (pure, so they are unit tested).

/**
 * What switching blind judging means once judges have scored: names they saw stay seen, and names they did not see
 * appear from the switch on. It does not say whether the scores so far were blind, which the setting's history holds. Null before any entry was scored, when the switch changes nothing already done.
 */
export function blindJudgingNote(blindNow: boolean, scoredEntries: number): string | null {
  if (scoredEntries <= 0) return null;
  const entries = scoredEntries === 1 ? "1 entry" : `${scoredEntries} entries`;
  // Only the count is known, not whether names were in view at each score: the setting may have changed since.
  return blindNow
    ? `Judges have already scored ${entries}. Switching blind judging off shows them team names from then on.`
    : `Judges have already scored ${entries}. Switching blind judging on hides team names from then on, not from what judges already saw.`;
}

export type JudgingSettings = { normalizeScores: boolean; blindJudging: boolean; showJudgeNames: boolean };

/**
 * What a save of the judging settings changed, as the Manage page's history says it after the organizer's name
 * ("made the normalized ranking official and turned blind judging on"). Null when the save changed nothing.
 */
export function settingChange(before: JudgingSettings, after: JudgingSettings): string | null {
  const lines: string[] = [];
  if (before.normalizeScores !== after.normalizeScores)
    lines.push(after.normalizeScores ? "made the normalized ranking official" : "made the raw ranking official");
  if (before.blindJudging !== after.blindJudging) lines.push(after.blindJudging ? "turned blind judging on" : "turned blind judging off");
  if (before.showJudgeNames !== after.showJudgeNames) lines.push(after.showJudgeNames ? "showed judge names to teams" : "hid judge names from teams");
  if (lines.length === 0) return null;
  return lines.length === 1 ? lines[0] : `${lines.slice(0, -1).join(", ")} and ${lines[lines.length - 1]}`;
}
