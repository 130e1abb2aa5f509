// The value lists behind the schema's enum columns. No drizzle import here, so browser code
// (forms, filters) can use them without pulling the ORM into the client bundle.

export const globalRoles = ["admin", "organizer", "member"] as const;
export type GlobalRole = (typeof globalRoles)[number];

export const eventPhases = ["draft", "open", "judging", "closed"] as const;
export type EventPhase = (typeof eventPhases)[number];

export const outcomes = ["working", "partial", "failed"] as const;
export type Outcome = (typeof outcomes)[number];

export const rootCauses = [
  "data-missing-context",
  "model-capability",
  "latency-or-cost",
  "ux-or-adoption",
  "integration",
  "scope-or-time",
  "evaluation",
  "other",
] as const;
export type RootCause = (typeof rootCauses)[number];

export const entryStatuses = ["draft", "submitted"] as const;

/** Who an announcement goes to (ADR 025): the people of one event, resolved when it is sent. */
export const announcementAudiences = ["everyone", "teams", "submitters", "judges", "winners"] as const;
export type AnnouncementAudience = (typeof announcementAudiences)[number];

/** What became of an entry after its event closed (ADR 030): a follow-up's answer. */
export const followUpStatuses = ["adopted", "piloted", "parked", "dropped"] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

/** Where a request to join a team stands (ADR 032): asked, then accepted, declined or withdrawn. */
export const joinRequestStatuses = ["pending", "accepted", "declined", "withdrawn"] as const;
export type JoinRequestStatus = (typeof joinRequestStatuses)[number];

/** The kinds of an event's custom submission question (ADR 036). */
export const questionKinds = ["short-text", "long-text", "yes-no", "choice"] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** How an entry got onto (or off) the final round's shortlist (ADR 038): kept from the top N, added or removed by hand. */
export const finalistDecisions = ["top", "added", "removed"] as const;
export type FinalistDecision = (typeof finalistDecisions)[number];

/** The judging settings whose changes the Manage page's history lists (ADR 066), by their column names. */
export const judgingSettingColumns = ["normalize_scores", "blind_judging", "show_judge_names"] as const;
export type JudgingSettingColumn = (typeof judgingSettingColumns)[number];

/**
 * Every event setting whose changes the Manage page's history lists, as `judging_setting_changes.setting` stores them:
 * the judging settings, and the people's choice vote switched on or off and its closing time moved.
 */
export const eventSettingChangeKinds = [...judgingSettingColumns, "peoples_choice_enabled", "peoples_choice_closes_at"] as const;
export type EventSettingChangeKind = (typeof eventSettingChangeKinds)[number];
