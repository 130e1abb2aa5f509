/** Shown wherever blind judging hid a team's name (the rule itself is in blind.server.ts). */
export const HIDDEN_TEAM = "Team hidden (blind judging)";
