// Words for the judging settings page that depend on where judging stands (pure, so they are unit tested).
import type { EventSettingChangeKind } from "#db/enums";

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
 * A setting switched on or off, or the vote's closing time moved, as the Manage page's history says it after the
 * organizer's name ("made the normalized ranking official"); settings are named as `judging_setting_changes` stores
 * them. `closes`: the people's choice vote's closing time that change set, as the page shows times.
 */
export function settingChangeWords(setting: EventSettingChangeKind, turnedOn: boolean, closes: string | null = null): string {
  if (setting === "normalize_scores") return turnedOn ? "made the normalized ranking official" : "made the raw ranking official";
  if (setting === "blind_judging") return turnedOn ? "turned blind judging on" : "turned blind judging off";
  if (setting === "show_judge_names") return turnedOn ? "showed judge names to teams" : "hid judge names from teams";
  if (setting === "peoples_choice_closes_at") return `moved the close of the people's choice vote to ${closes}`;
  if (!turnedOn) return "turned the people's choice vote off";
  return closes ? `turned the people's choice vote on, closing ${closes}` : "turned the people's choice vote on";
}
