// Words for the judging settings page that depend on where judging stands (pure, so they are unit tested).
import type { JudgingSettingColumn } from "#db/enums";

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

/**
 * A judging setting switched on or off, as the Manage page's history says it after the organizer's name ("made the
 * normalized ranking official"); settings are named by their columns, as `judging_setting_changes` stores them.
 */
export function settingChangeWords(setting: JudgingSettingColumn, turnedOn: boolean): string {
  if (setting === "normalize_scores") return turnedOn ? "made the normalized ranking official" : "made the raw ranking official";
  if (setting === "blind_judging") return turnedOn ? "turned blind judging on" : "turned blind judging off";
  return turnedOn ? "showed judge names to teams" : "hid judge names from teams";
}
