// The people's choice vote's pure rules (ADR 031): when it is open, the organizers' settings form, and the tally.
import { z } from "zod";
import type { EventPhase } from "#db/enums";
import { formatInZone, isLocalDateTime, relativeTime } from "~/lib/time";
import { skippedTimeMessage, zonedLocalToUtc } from "~/lib/zoned-time";

/** What the event row says about its vote: off unless enabled with a closing time. */
export type VoteSettings = { enabled: boolean; closesAt: Date | null };

/**
 * Where the vote stands: `off` (the event has none), `not-yet` (before the submission deadline, or a draft),
 * `open`, or `closed` (past its closing time, or results published).
 */
export type VoteWindow = { state: "off" } | { state: "not-yet" | "open" | "closed"; opensAt: Date; closesAt: Date };

/**
 * Open from the submission deadline until the organizers' closing time, while the event is open or in judging.
 * Publishing results closes it whatever the time, so counts never move after they are shown. The vote's SQL
 * statement (votes.server.ts) says the same, so a vote racing the closing time is refused in the database.
 */
export function voteWindow(settings: VoteSettings, ev: { phase: EventPhase; submissionDeadline: Date }, now: Date): VoteWindow {
  if (!settings.enabled || !settings.closesAt) return { state: "off" };
  const times = { opensAt: ev.submissionDeadline, closesAt: settings.closesAt };
  if (ev.phase === "closed") return { state: "closed", ...times };
  if (ev.phase === "draft" || now < ev.submissionDeadline) return { state: "not-yet", ...times };
  if (now >= settings.closesAt) return { state: "closed", ...times };
  return { state: "open", ...times };
}

/**
 * The organizers' form: a tick to hold a vote and the time it closes, in the event's time zone. The vote opens at
 * the submission deadline, so it must close after it; the time may be past (closing a running vote early).
 */
export function peoplesChoiceSettingsSchema(ctx: { timezone: string; submissionDeadline: Date }) {
  return z
    .object({
      enabled: z.boolean().default(false),
      closesAt: z.string().max(30, "Enter the closing time as a date and time").optional(),
    })
    .superRefine((v, issue) => {
      if (!v.enabled) return;
      if (!v.closesAt || !isLocalDateTime(v.closesAt)) {
        issue.addIssue({ code: "custom", path: ["closesAt"], message: "Enter when the vote closes, as a date and time" });
      } else if (skippedTimeMessage(v.closesAt, ctx.timezone)) {
        issue.addIssue({ code: "custom", path: ["closesAt"], message: skippedTimeMessage(v.closesAt, ctx.timezone)! });
      } else if (zonedLocalToUtc(v.closesAt, ctx.timezone) <= ctx.submissionDeadline) {
        issue.addIssue({ code: "custom", path: ["closesAt"], message: "The vote opens at the submission deadline: pick a closing time after it" });
      }
    })
    .transform((v) => ({
      enabled: v.enabled,
      // A vote turned off keeps its closing time (and its votes), so turning it back on restores both.
      closesAt: v.closesAt && isLocalDateTime(v.closesAt) ? zonedLocalToUtc(v.closesAt, ctx.timezone) : null,
    }));
}

export type PeoplesChoiceSettings = z.output<ReturnType<typeof peoplesChoiceSettingsSchema>>;

export type TallyRow = { entryId: string; title: string; votes: number };

export type Tally = {
  /** Every entry, most votes first (then by title); ranks shared by ties (1, 1, 3). */
  rows: (TallyRow & { rank: number })[];
  total: number;
  /** The one entry with more votes than any other; null when nobody voted or the top is a tie. */
  winnerId: string | null;
  /** The entries sharing the top when it is a tie of two or more (with at least one vote). */
  tiedIds: string[];
};

/** Counts per entry → the ranking shown with published results, and the winner the award goes to. */
export function tallyVotes(counts: TallyRow[]): Tally {
  const sorted = [...counts].sort((a, b) => b.votes - a.votes || a.title.localeCompare(b.title, "en") || a.entryId.localeCompare(b.entryId));
  const rows = sorted.map((row) => ({ ...row, rank: 1 + sorted.filter((other) => other.votes > row.votes).length }));
  const top = sorted[0]?.votes ?? 0;
  const leaders = top > 0 ? sorted.filter((r) => r.votes === top) : [];
  return {
    rows,
    total: counts.reduce((sum, r) => sum + r.votes, 0),
    winnerId: leaders.length === 1 ? leaders[0].entryId : null,
    tiedIds: leaders.length > 1 ? leaders.map((r) => r.entryId) : [],
  };
}

/** What the entry page's vote box shows to one person for one entry. */
export type VoteBoxState =
  | { kind: "hidden" }
  | { kind: "can-vote"; changing: boolean }
  | { kind: "your-vote" }
  | { kind: "refused"; reason: string; yourVoteHere: boolean }
  | { kind: "closed"; yourVoteHere: boolean };

/**
 * The vote box of one entry page: nothing when the event has no vote; "Your vote" when this is the person's choice
 * and the vote is open; the button (saying it moves the vote when they voted elsewhere) when the policy allows;
 * once the vote closed, only whether it was the person's choice (the sentence above the box says it closed);
 * otherwise the policy's reason.
 */
export function voteBoxState(
  window: VoteWindow,
  decision: { ok: true } | { ok: false; reason: string },
  myVoteEntryId: string | null,
  entryId: string,
): VoteBoxState {
  if (window.state === "off") return { kind: "hidden" };
  const here = myVoteEntryId === entryId;
  if (here && window.state === "open") return { kind: "your-vote" };
  if (window.state === "closed") return { kind: "closed", yourVoteHere: here };
  if (!decision.ok) return { kind: "refused", reason: decision.reason, yourVoteHere: here };
  return { kind: "can-vote", changing: myVoteEntryId !== null };
}

/** One line on where the vote stands, with its times in the event's zone; null when the event has no vote. */
export function windowSentence(window: VoteWindow, timezone: string, now: Date): string | null {
  if (window.state === "off") return null;
  const closes = formatInZone(window.closesAt, timezone);
  switch (window.state) {
    case "not-yet":
      return `The people's choice vote opens at the submission deadline, ${formatInZone(window.opensAt, timezone)}, and closes ${closes}.`;
    case "open":
      return `The people's choice vote is open until ${closes} (${relativeTime(window.closesAt, now)}). One vote per person; you can change or withdraw it until then.`;
    case "closed":
      return window.closesAt <= now ? `The people's choice vote closed ${closes}.` : "The people's choice vote is closed: results are published.";
  }
}

/** The toast after a vote: a first vote, a moved one (naming where it was), or the same one again. */
export function voteToast(entryTitle: string, entryId: string, previous: { entryId: string; title: string } | null): string {
  if (!previous) return `Your vote is for “${entryTitle}”.`;
  if (previous.entryId === entryId) return `Your vote is still for “${entryTitle}”.`;
  return `Vote changed: your vote is now for “${entryTitle}”, no longer for “${previous.title}”.`;
}

/** The toast after a withdrawn vote. */
export function withdrawToast(entryTitle: string): string {
  return `Vote withdrawn: you no longer vote for “${entryTitle || "Untitled entry"}”. You can vote again while the vote is open.`;
}
