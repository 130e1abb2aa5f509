// The one place that defines tables. Generate migrations with `npm run db:generate`.
import { sql } from "drizzle-orm";
import { integer, primaryKey, sqliteTable, text, uniqueIndex, index } from "drizzle-orm/sqlite-core";
import {
  announcementAudiences,
  entryStatuses,
  eventPhases,
  finalistDecisions,
  followUpStatuses,
  globalRoles,
  joinRequestStatuses,
  eventSettingChangeKinds,
  outcomes,
  questionKinds,
  rootCauses,
} from "./enums";

export * from "./enums";

const createdAt = () =>
  integer("created_at", { mode: "timestamp" })
    .notNull()
    .default(sql`(unixepoch())`);

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: globalRoles }).notNull().default("member"),
  createdAt: createdAt(),
  // Null while a password sign-up has not confirmed its address; existing accounts were backfilled (ADR 028).
  emailVerifiedAt: integer("email_verified_at", { mode: "timestamp" }),
  // The profile page's optional lines (ADR 029): a title or team, and skills as the person typed them.
  headline: text("headline").notNull().default(""),
  skills: text("skills").notNull().default(""),
});

// Lucia's drizzle adapter reads expires_at as integer seconds.
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const events = sqliteTable(
  "events",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    // An optional Rules and FAQ section of the event page, in Markdown.
    rules: text("rules").notNull().default(""),
    timezone: text("timezone").notNull().default("UTC"),
    startsAt: integer("starts_at", { mode: "timestamp" }).notNull(),
    submissionDeadline: integer("submission_deadline", { mode: "timestamp" }).notNull(),
    judgingDeadline: integer("judging_deadline", { mode: "timestamp" }).notNull(),
    tagline: text("tagline").notNull().default(""),
    maxTeamSize: integer("max_team_size").notNull().default(5),
    scaleMax: integer("scale_max").notNull().default(5),
    phase: text("phase", { enum: eventPhases }).notNull().default("draft"),
    // Judging settings. judgesPerEntry null = every judge scores every entry.
    judgesPerEntry: integer("judges_per_entry"),
    blindJudging: integer("blind_judging", { mode: "boolean" }).notNull().default(false),
    normalizeScores: integer("normalize_scores", { mode: "boolean" }).notNull().default(false),
    showJudgeNames: integer("show_judge_names", { mode: "boolean" }).notNull().default(false),
    // The people's choice vote (ADR 031): held when enabled, open from the submission deadline until this time.
    peoplesChoiceEnabled: integer("peoples_choice_enabled", { mode: "boolean" }).notNull().default(false),
    peoplesChoiceClosesAt: integer("peoples_choice_closes_at", { mode: "timestamp" }),
    // When publishing showed the vote's counts (ADR 031): they stay shown to organizers after a reopen, until the
    // organizers change the vote (which clears it) and the next publishing shows them again.
    peoplesChoiceShownAt: integer("peoples_choice_shown_at", { mode: "timestamp" }),
    // Judging rounds (ADR 038): 1, or 2 once organizers closed round 1 and started the final round with its finalists.
    judgingRound: integer("judging_round").notNull().default(1),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  // The archive walks closed events newest first (ADR 008).
  (t) => [index("events_phase_starts_idx").on(t.phase, t.startsAt)],
);

// The web addresses an event had before its organizers changed it (ADR 062): links to them lead to the event.
// A slug here may be taken by another event later; the event that uses it now wins.
export const eventPreviousSlugs = sqliteTable(
  "event_previous_slugs",
  {
    slug: text("slug").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("event_previous_slugs_event_idx").on(t.eventId)],
);

export const eventOrganizers = sqliteTable(
  "event_organizers",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] })],
);

export const eventJudges = sqliteTable(
  "event_judges",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] })],
);

/**
 * The final round's judges (ADR 038): chosen when organizers start round 2, and possibly people who did not judge
 * round 1. event_judges stays round 1's roster; being in either table makes someone a judge of the event.
 */
export const finalJudges = sqliteTable(
  "final_judges",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] })],
);

// Every phase change, with who made it and why (reopening needs a reason).
export const phaseChanges = sqliteTable("phase_changes", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  eventId: text("event_id")
    .notNull()
    .references(() => events.id, { onDelete: "cascade" }),
  fromPhase: text("from_phase", { enum: eventPhases }).notNull(),
  toPhase: text("to_phase", { enum: eventPhases }).notNull(),
  reason: text("reason"),
  changedBy: text("changed_by")
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});

/**
 * Changes of an event's judging settings (ADR 066), for the Manage page's history beside its phase changes: which
 * setting, switched on or off, by whom, when. Written in the same batch as the change, worded when read.
 */
export const judgingSettingChanges = sqliteTable(
  "judging_setting_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    setting: text("setting", { enum: eventSettingChangeKinds }).notNull(),
    turnedOn: integer("turned_on", { mode: "boolean" }).notNull(),
    /** The people's choice vote's closing time this change set (switched on, or moved); null for other settings. */
    closesAt: integer("closes_at", { mode: "timestamp" }),
    changedBy: text("changed_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("judging_setting_changes_event_idx").on(t.eventId)],
);

export const problems = sqliteTable(
  "problems",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    whoHasIt: text("who_has_it").notNull(),
    costToday: text("cost_today").notNull(),
    dataAvailable: text("data_available").notNull(),
    constraints: text("constraints").notNull().default(""),
    metricName: text("metric_name").notNull(),
    metricUnit: text("metric_unit").notNull().default(""),
    metricBaseline: text("metric_baseline").notNull().default(""),
    // Who can answer questions about the problem: a name, or an account.
    ownerName: text("owner_name").notNull().default(""),
    ownerUserId: text("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    position: integer("position").notNull().default(0),
    // Retired problems stay (teams may have picked them) but are no longer offered.
    retiredAt: integer("retired_at", { mode: "timestamp" }),
    createdAt: createdAt(),
  },
  (t) => [index("problems_event_idx").on(t.eventId)],
);

export const criteria = sqliteTable(
  "criteria",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    weight: integer("weight").notNull(),
    // JSON array of strings: the text for each score level, lowest first ("[]" = no texts).
    levels: text("levels").notNull().default("[]"),
    // What rules key on (never the name, which organizers edit): a default criterion's kind, or "custom".
    kind: text("kind").notNull().default("custom"),
    // The judging round the criterion belongs to (ADR 038): each round has its own rubric, so a score's round is its criterion's.
    round: integer("round").notNull().default(1),
  },
  (t) => [
    index("criteria_event_idx").on(t.eventId),
    uniqueIndex("criteria_event_round_kind_idx")
      .on(t.eventId, t.round, t.kind)
      .where(sql`kind <> 'custom'`),
  ],
);

export const teams = sqliteTable(
  "teams",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    problemId: text("problem_id")
      .notNull()
      .references(() => problems.id),
    name: text("name").notNull(),
    inviteCode: text("invite_code").notNull().unique(),
    // The team's lead (who created it, until they hand the lead over). Its old column, created_by, went in four
    // releases (ADR 045).
    leadId: text("lead_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("teams_event_name_idx").on(t.eventId, t.name),
    // A problem's teams (their count on the event page, the copy list, a problem's team list): without it each
    // count read every team of every event (issue 19).
    index("teams_problem_idx").on(t.problemId),
  ],
);

// event_id is repeated here so the database itself enforces one team per person per event.
export const teamMembers = sqliteTable(
  "team_members",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    joinedAt: createdAt(),
    // The member took this team's entry off their own portfolio; others no longer see it there (ADR 029).
    hiddenFromPortfolio: integer("hidden_from_portfolio", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), uniqueIndex("team_members_event_user_idx").on(t.eventId, t.userId)],
);

/**
 * People a team lead removed. While the row exists they cannot rejoin that team, even with a current
 * invite code; the lead deletes it by letting them back in (ADR 010).
 */
export const teamRemovals = sqliteTable(
  "team_removals",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] })],
);

export const entries = sqliteTable(
  "entries",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    teamId: text("team_id")
      .notNull()
      .unique()
      .references(() => teams.id, { onDelete: "cascade" }),
    status: text("status", { enum: entryStatuses }).notNull().default("draft"),
    // Optimistic concurrency: every save must name the version it was based on.
    version: integer("version").notNull().default(1),
    title: text("title").notNull().default(""),
    summary: text("summary").notNull().default(""),
    outcome: text("outcome", { enum: outcomes }),
    tags: text("tags").notNull().default(""),
    demoUrl: text("demo_url").notNull().default(""),
    repoUrl: text("repo_url").notNull().default(""),
    videoUrl: text("video_url").notNull().default(""),
    approach: text("approach").notNull().default(""),
    metricName: text("metric_name").notNull().default(""),
    metricUnit: text("metric_unit").notNull().default(""),
    metricBaseline: text("metric_baseline").notNull().default(""),
    metricTarget: text("metric_target").notNull().default(""),
    metricResult: text("metric_result").notNull().default(""),
    postMortemWorked: text("post_mortem_worked").notNull().default(""),
    postMortemDidNotWork: text("post_mortem_did_not_work").notNull().default(""),
    postMortemRootCause: text("post_mortem_root_cause", { enum: rootCauses }),
    postMortemRootCauseOther: text("post_mortem_root_cause_other").notNull().default(""),
    postMortemDifferently: text("post_mortem_differently").notNull().default(""),
    postMortemNextSteps: text("post_mortem_next_steps").notNull().default(""),
    // The status of the entry's newest follow-up (ADR 030), kept by triggers on follow_ups (migration 0039) so the
    // archive filters and shows it without grouping every follow-up on each request (ADR 067). Never written by the app.
    latestFollowUpStatus: text("latest_follow_up_status", { enum: followUpStatuses }),
    submittedAt: integer("submitted_at", { mode: "timestamp" }),
    updatedAt: integer("updated_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
  },
  // The archive filters and counts by these without reading the wide rows (ADR 008).
  // entries_fts_lookup_v2_idx covers the archive's join from a search hit to its filters, so ranking never reads a wide row.
  // v2: the first versions indexed the pm_root_cause column, dropped by the narrow step of its rename (ADR 042).
  (t) => [
    index("entries_archive_v2_idx").on(t.eventId, t.status, t.outcome, t.postMortemRootCause, t.submittedAt),
    index("entries_fts_lookup_v2_idx").on(t.id, t.eventId, t.status, t.outcome, t.postMortemRootCause),
    // The gallery's and event page's order: a page of cards is read in title order and stops after it, instead of
    // joining and sorting every submitted entry of the event (issue 19).
    index("entries_gallery_idx").on(t.eventId, t.status, t.title, t.id),
    // "Went to production" (ADR 067): the few entries whose newest follow-up says adopted, browsed and filtered without
    // reading a wide row (the archive's filters and order are in it), and found by id for a search's hit.
    index("entries_follow_up_status_idx").on(t.latestFollowUpStatus, t.id, t.eventId, t.status, t.outcome, t.postMortemRootCause, t.submittedAt),
  ],
);

export const scores = sqliteTable(
  "scores",
  {
    entryId: text("entry_id")
      .notNull()
      .references(() => entries.id, { onDelete: "cascade" }),
    judgeId: text("judge_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    criterionId: text("criterion_id")
      .notNull()
      .references(() => criteria.id, { onDelete: "cascade" }),
    value: integer("value").notNull(),
    comment: text("comment").notNull().default(""),
    updatedAt: integer("updated_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.judgeId, t.criterionId] }), index("scores_judge_idx").on(t.judgeId)],
);

/** A judge's overall comment on an entry (per-criterion comments live on scores). */
export const overallComments = sqliteTable(
  "overall_comments",
  {
    entryId: text("entry_id")
      .notNull()
      .references(() => entries.id, { onDelete: "cascade" }),
    judgeId: text("judge_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    comment: text("comment").notNull().default(""),
    // A judge of both rounds leaves one overall comment per round (ADR 038).
    round: integer("round").notNull().default(1),
    updatedAt: integer("updated_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.judgeId, t.round] })],
);

/** Which judge scores which entry, when the event assigns N judges per entry. */
export const judgeAssignments = sqliteTable(
  "judge_assignments",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    entryId: text("entry_id")
      .notNull()
      .references(() => entries.id, { onDelete: "cascade" }),
    judgeId: text("judge_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // manual = added by an organizer; kept when assignments are recomputed.
    manual: integer("manual", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.judgeId] }), index("judge_assignments_judge_idx").on(t.eventId, t.judgeId)],
);

/** A judge's declared conflict of interest with an entry: it leaves their queue. */
export const judgeConflicts = sqliteTable(
  "judge_conflicts",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    entryId: text("entry_id")
      .notNull()
      .references(() => entries.id, { onDelete: "cascade" }),
    judgeId: text("judge_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.judgeId] })],
);

/**
 * The shortlist for the final round (ADR 038), written when organizers start it: "top" = in the top N of the official
 * round-1 ranking and kept; "added" = added by hand; "removed" = in the top N but left out by hand. Hand changes carry
 * the organizer's reason. Finalists are the "top" and "added" rows.
 */
export const finalists = sqliteTable(
  "finalists",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    entryId: text("entry_id")
      .notNull()
      .references(() => entries.id, { onDelete: "cascade" }),
    decision: text("decision", { enum: finalistDecisions }).notNull(),
    reason: text("reason").notNull().default(""),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.entryId] })],
);

/** Single-event judge invite links: expire, can be revoked. Only a hash of the token is stored. */
export const judgeInvites = sqliteTable("judge_invites", {
  id: text("id").primaryKey(),
  eventId: text("event_id")
    .notNull()
    .references(() => events.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  createdBy: text("created_by")
    .notNull()
    .references(() => users.id),
  expiresAt: integer("expires_at", { mode: "timestamp" }).notNull(),
  revokedAt: integer("revoked_at", { mode: "timestamp" }),
  // An invite mailed to one address (ADR 027) works for one person: who accepted it, and when. Links made to be
  // pasted by hand have no email and stay usable by anyone until they expire.
  email: text("email"),
  acceptedBy: text("accepted_by").references(() => users.id, { onDelete: "set null" }),
  acceptedAt: integer("accepted_at", { mode: "timestamp" }),
  createdAt: createdAt(),
});

export const awards = sqliteTable(
  "awards",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    entryId: text("entry_id").references(() => entries.id, { onDelete: "set null" }),
    position: integer("position").notNull().default(0),
    // What rules key on (never the name): a default award's kind, or "custom".
    kind: text("kind").notNull().default("custom"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("awards_event_name_idx").on(t.eventId, t.name),
    uniqueIndex("awards_event_kind_idx")
      .on(t.eventId, t.kind)
      .where(sql`kind <> 'custom'`),
  ],
);

/** Screenshots of an entry; files live behind the storage module, rows hold the key. */
export const screenshots = sqliteTable(
  "screenshots",
  {
    id: text("id").primaryKey(),
    entryId: text("entry_id")
      .notNull()
      .references(() => entries.id, { onDelete: "cascade" }),
    storageKey: text("storage_key").notNull(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    caption: text("caption").notNull().default(""),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("screenshots_entry_idx").on(t.entryId)],
);

/** Fixed-window counters for rate limits, in the database so they hold across app instances. */
export const rateLimits = sqliteTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    windowStart: integer("window_start").notNull(),
    count: integer("count").notNull(),
  },
  // Every write prunes a few expired windows, found through this index (ADR 010).
  (t) => [index("rate_limits_window_idx").on(t.windowStart)],
);

/**
 * One row whose version goes up, by triggers (migration 0005), on every change the archive can show:
 * an event closing or reopening, and any edit of a closed event or of its problems, teams or entries.
 * Archive caches in every app process are keyed on it (app/modules/archive/cache.server.ts).
 */
export const archiveVersion = sqliteTable("archive_version", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull(),
});

/**
 * The transactional outbox (ADR 015): every mail is written here in the same batch as the change that
 * causes it; a sender (one per server, ADR 050) claims due rows with one UPDATE … RETURNING and delivers them.
 */
export const outboxStatuses = ["pending", "sending", "sent", "failed"] as const;
export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    toEmail: text("to_email").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    // Stable per row, so a resend after a crash is recognisable as the same message.
    messageId: text("message_id").notNull().unique(),
    // Null for security mail, which always goes out and carries no unsubscribe link.
    unsubscribeUrl: text("unsubscribe_url"),
    status: text("status", { enum: outboxStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    // A claim is a lease: a sender that dies mid-send leaves rows that come back once it expires.
    claimToken: text("claim_token"),
    claimedUntil: integer("claimed_until", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("outbox_due_idx").on(t.status, t.nextAttemptAt), index("outbox_created_idx").on(t.createdAt)],
);

/** Addresses that asked for no more non-security mail (the signed one-click unsubscribe link). */
export const mailOptOuts = sqliteTable("mail_opt_outs", {
  email: text("email").primaryKey(),
  createdAt: createdAt(),
});

/** One-time password reset links: only a hash of the token is stored; used or expired rows never work again. */
export const passwordResets = sqliteTable(
  "password_resets",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp" }),
    createdAt: createdAt(),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);

/** Single sign-on identities: the provider's (issuer, subject) pair names one account, whatever its email becomes. */
export const userIdentities = sqliteTable(
  "user_identities",
  {
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), index("user_identities_user_idx").on(t.userId)],
);

/** One-time sign-in links printed by `npm run user:sign-in-link` (break-glass when password sign-in is off): only a hash is stored. */
export const signInLinks = sqliteTable(
  "sign_in_links",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sign_in_links_user_idx").on(t.userId)],
);

/**
 * The in-app notification list (the bell in the header): one row per person per thing that happened, written in
 * the same batch as the change it reports, like its mail (ADR 024). `path` is a link inside the app.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    eventId: text("event_id").references(() => events.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    body: text("body").notNull(),
    path: text("path").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt), index("notifications_unread_idx").on(t.userId, t.readAt)],
);

/** A person's choice per kind of notification: a row says whether it is also mailed (the in-app list always has it). */
export const notificationPreferences = sqliteTable(
  "notification_preferences",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    email: integer("email", { mode: "boolean" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** Email confirmation links after a password sign-up: like password resets, only the token's hash is kept (ADR 028). */
export const emailVerifications = sqliteTable(
  "email_verifications",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp" }),
    createdAt: createdAt(),
  },
  (t) => [index("email_verifications_user_idx").on(t.userId)],
);

/**
 * A change of an account's email address, waiting for its link (mailed to the new address) to be opened. Like the
 * confirmation links above: only the token's hash is kept, it expires, and using one spends the account's others.
 */
export const emailChanges = sqliteTable(
  "email_changes",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    newEmail: text("new_email").notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp" }),
    createdAt: createdAt(),
  },
  (t) => [index("email_changes_user_idx").on(t.userId)],
);

/**
 * An organizer's Markdown message to one audience of an event, sent now or at `sendAt` (ADR 025). `sentAt` is
 * set by the one guarded UPDATE that claims it, in the same batch as its notices; `recipientCount` is how many
 * people it reached then. Cancelling a scheduled one deletes the row (only while `sentAt` is null).
 */
export const announcements = sqliteTable(
  "announcements",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    audience: text("audience", { enum: announcementAudiences }).notNull(),
    sendAt: integer("send_at", { mode: "timestamp_ms" }).notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    recipientCount: integer("recipient_count"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("announcements_event_idx").on(t.eventId, t.sentAt), index("announcements_due_idx").on(t.sentAt, t.sendAt)],
);

/**
 * Claims of reminders (ADR 026): a row says this reminder went out. The scheduled task INSERTs it ON CONFLICT DO
 * NOTHING in the same batch as the notices, which hang on it, so two app processes never both send. Keyed on the
 * deadline it counted down to, so a moved deadline re-arms its reminders. `userId` is "" for a scheduled
 * reminder to everyone it concerns, and the judge's id for an organizer's "Remind" press (re-armed after a cool-down).
 */
export const remindersSent = sqliteTable(
  "reminders_sent",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    userId: text("user_id").notNull().default(""),
    deadline: integer("deadline", { mode: "timestamp_ms" }).notNull(),
    threshold: text("threshold").notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.kind, t.userId, t.deadline, t.threshold] })],
);

/**
 * Follow-ups (ADR 030): what became of an entry 30 and 90 days after its event closed, recorded by a team member
 * (or the problem's owner). Every answer is a new row, so earlier ones stay readable; the entry's follow-up is its
 * newest row (highest id). The asks go out under claims in reminders_sent.
 */
export const followUps = sqliteTable(
  "follow_ups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    entryId: text("entry_id")
      .notNull()
      .references(() => entries.id, { onDelete: "cascade" }),
    recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: followUpStatuses }).notNull(),
    why: text("why").notNull(),
    metricValue: text("metric_value").notNull().default(""),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("follow_ups_entry_idx").on(t.entryId, t.id)],
);

/**
 * "Looking for a team" posts (ADR 032): one per person per event, what they bring and the problem they like
 * (null: no preference). The list shows a post only while its person is in no team of the event.
 */
export const teamSeekers = sqliteTable(
  "team_seekers",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    skills: text("skills").notNull(),
    problemId: text("problem_id").references(() => problems.id, { onDelete: "set null" }),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] })],
);

/** A team marked "looking for members" by its lead, with what it needs; the row exists while it looks (ADR 032). */
export const teamOpenings = sqliteTable(
  "team_openings",
  {
    teamId: text("team_id")
      .primaryKey()
      .references(() => teams.id, { onDelete: "cascade" }),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    needs: text("needs").notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("team_openings_event_idx").on(t.eventId)],
);

/**
 * A lead's invitation to someone whose "looking for a team" post they read: at most one per team and person, so a
 * lead cannot send the same person notice after notice. The invitation carries the team's invite link; joining is
 * the person's choice, through that link.
 */
export const teamInvites = sqliteTable(
  "team_invites",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    // When the person said "No thanks" (the lead sees it; inviting again is not offered); null while it stands.
    declinedAt: integer("declined_at", { mode: "timestamp_ms" }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] })],
);

/**
 * A person's request to join a team (ADR 032): one row per person per team, moved by guarded UPDATEs;
 * `asks` counts how often they asked, so a declined or withdrawn request is made again only once.
 */
export const joinRequests = sqliteTable(
  "join_requests",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: joinRequestStatuses }).notNull(),
    message: text("message").notNull().default(""),
    asks: integer("asks").notNull().default(1),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    /**
     * When the lead last declined this person's request, kept when they ask again or withdraw (migration 0041): the
     * team's code does not let them in past that answer (teams.server.ts). Cleared when the lead accepts them.
     */
    declinedAt: integer("declined_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("join_requests_team_user_idx").on(t.teamId, t.userId), index("join_requests_event_user_idx").on(t.eventId, t.userId)],
);

/**
 * People's choice votes (ADR 031): one row per person per event (the primary key is the unique index), so changing
 * a vote is an upsert and a vote is never counted twice. The vote's statement checks the window and the own-team
 * rule itself; counts are read only once results are published.
 */
export const peoplesChoiceVotes = sqliteTable(
  "peoples_choice_votes",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    voterId: text("voter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    entryId: text("entry_id")
      .notNull()
      .references(() => entries.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.voterId] }), index("peoples_choice_votes_entry_idx").on(t.entryId)],
);

/**
 * An event's custom submission questions (ADR 036): at most five, asked on the entry form. They change only until the
 * first entry is submitted; every write says so in its own statement.
 */
export const submissionQuestions = sqliteTable(
  "submission_questions",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: text("kind", { enum: questionKinds }).notNull(),
    label: text("label").notNull(),
    required: integer("required", { mode: "boolean" }).notNull().default(false),
    // JSON array of the choices of a "choice" question ("[]" for every other kind).
    options: text("options").notNull().default("[]"),
  },
  (t) => [index("submission_questions_event_idx").on(t.eventId, t.position)],
);

/** One entry's answer to one question: written in the same batch as the entry's draft, at its version. */
export const entryAnswers = sqliteTable(
  "entry_answers",
  {
    entryId: text("entry_id")
      .notNull()
      .references(() => entries.id, { onDelete: "cascade" }),
    questionId: text("question_id")
      .notNull()
      .references(() => submissionQuestions.id, { onDelete: "cascade" }),
    value: text("value").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.questionId] }), index("entry_answers_question_idx").on(t.questionId)],
);

/**
 * Each event's results version (ADR 033, ADR 044): triggers move it in the same statement as every change the
 * event's results show, and each app process caches computed results under it
 * (app/modules/judging/results-cache.server.ts).
 */
export const resultsVersions = sqliteTable("results_versions", {
  eventId: text("event_id")
    .primaryKey()
    .references(() => events.id, { onDelete: "cascade" }),
  version: integer("version").notNull().default(0),
});
