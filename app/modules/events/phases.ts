// Phase transitions of an event: draft → open → judging → closed; judging → open to take entries again (round 1 only),
// and closed → judging to reopen.
import type { EventPhase, EventSettingChangeKind } from "#db/schema";
import { formatDateRange, formatInZone, relativeTime } from "~/lib/time";
import { settingChangeWords } from "~/modules/judging/settings";
import { voteClosesFirstMessage } from "./edit-rules";

export type PhaseFacts = {
  phase: EventPhase;
  /** Problems teams can pick: retired ones left out. */
  problemCount: number;
  /** Retired problems, which a draft may have only those of: said as such. */
  retiredProblemCount?: number;
  criterionWeights: number[];
  /** When the event starts: starting judging before it also moves the start to now. */
  startsAt?: Date;
  submissionDeadline: Date;
  judgingDeadline: Date;
  timezone: string;
  /** The judging round (ADR 038): submissions can reopen only in round 1. */
  round: 1 | 2;
  /** When a People's choice vote is held: its close, which a reopened submission deadline must stay before. */
  voteClosesAt?: Date | null;
  now: Date;
  /** In judging: score sheets expected and complete, and one line per entry and per judge with a gap. */
  judging: JudgingGaps;
  /** In judging: score sheets with at least one score saved, complete or not. */
  savedSheets?: number;
  /** In judging, while a People's choice vote is still open (voteClosesAt ahead): the votes that count so far. */
  votesCast?: number;
  /** While open: the teams whose entry is still a draft, which starting judging early leaves unsubmitted. */
  draftTeams?: string[];
};

export type JudgingGaps = {
  expectedSheets: number;
  completeSheets: number;
  entryLines: string[];
  judgeLines: string[];
  /** Entries in judging (submitted, and finalists in a final round); absent when not counted. */
  submittedEntries?: number;
};
export const noJudgingGaps: JudgingGaps = { expectedSheets: 0, completeSheets: 0, entryLines: [], judgeLines: [] };

export type PhaseStep = {
  to: EventPhase;
  label: string;
  /** Conditions that refuse the step outright. */
  blockers: string[];
  /** When set, the step needs the organizer to tick a confirmation saying this. */
  confirmation: string | null;
  /** What the confirmation is about, listed under it (e.g. each entry and judge with a missing score sheet). */
  details: { heading: string; items: string[] }[];
  needsReason: boolean;
  /** When set, the step needs a new submission deadline; the hint says what it may be. */
  deadline: { hint: string } | null;
  /** A step back (reopening submissions): offered apart, never listed as "the next phase". */
  backward?: true;
};

export function nextSteps(f: PhaseFacts): PhaseStep[] {
  switch (f.phase) {
    case "draft": {
      const blockers: string[] = [];
      // Problems teams can pick (a retired one is not offered), and a deadline still ahead: an event opened without
      // either could never take an entry, as creating one with a past deadline is refused too.
      if (f.problemCount === 0)
        blockers.push(f.retiredProblemCount ? "Every problem is retired: offer one again, or add another." : "Add at least one business problem.");
      if (f.now >= f.submissionDeadline) blockers.push("The submission deadline has passed: move it with “Edit event” first.");
      if (f.criterionWeights.length === 0) blockers.push("The rubric needs at least one criterion.");
      else if (f.criterionWeights.some((w) => !(w > 0))) blockers.push("Every rubric criterion needs a positive weight.");
      return [{ to: "open", label: "Open the event", blockers, confirmation: null, details: [], needsReason: false, deadline: null }];
    }
    case "open": {
      const early = f.now < f.submissionDeadline;
      const drafts = early ? (f.draftTeams ?? []) : [];
      const notStarted = f.startsAt && f.now < f.startsAt ? " The event has not started yet: its start moves to now." : "";
      const unsubmitted = drafts.length
        ? ` ${drafts.length === 1 ? "1 team has a draft entry that stays" : `${drafts.length} teams have draft entries that stay`} unsubmitted, out of judging.`
        : "";
      return [
        {
          to: "judging",
          label: "Start judging",
          blockers: [],
          confirmation: early
            ? `The submission deadline has not passed. Starting judging now closes submissions immediately.${unsubmitted}${notStarted}`
            : null,
          details: drafts.length ? [{ heading: "Teams with a draft entry", items: drafts }] : [],
          needsReason: false,
          deadline: null,
        },
      ];
    }
    case "judging": {
      const { expectedSheets, completeSheets, entryLines, judgeLines } = f.judging;
      const gaps = entryLines.length > 0;
      const incomplete = gaps
        ? `Judging is not complete: ${completeSheets} of ${expectedSheets} expected score ${expectedSheets === 1 ? "sheet is" : "sheets are"} complete. Publish anyway; results count only the scores saved.`
        : "";
      // Publishing ends a People's choice vote that is still open (ADR 031): said before, with what it has so far.
      const voteOpen = f.voteClosesAt && f.voteClosesAt > f.now ? f.voteClosesAt : null;
      const votes = f.votesCast ?? 0;
      const cutShort = voteOpen
        ? `The People's choice vote is open until ${formatInZone(voteOpen, f.timezone)} (${relativeTime(voteOpen, f.now)}): publishing now ends it early, with ${votes === 1 ? "the 1 vote" : `the ${votes} votes`} cast so far.`
        : "";
      // Nothing to rank: said before publishing, rather than "nothing blocks".
      const empty =
        f.judging.submittedEntries === 0
          ? `${f.round === 2 ? "No finalist is left in the final round" : "No entry was submitted"}, so the published results will rank nothing.`
          : "";
      return [
        {
          to: "closed",
          label: "Publish results and close",
          blockers: [],
          confirmation: [empty, incomplete, cutShort].filter(Boolean).join(" ") || null,
          details: gaps
            ? [
                { heading: "Entries with missing or incomplete score sheets", items: entryLines },
                ...(judgeLines.length ? [{ heading: "Judges with sheets to finish", items: judgeLines }] : []),
              ]
            : [],
          needsReason: false,
          deadline: null,
        },
        ...(f.round === 1 ? [reopenSubmissions(f)] : []),
      ];
    }
    case "closed":
      return [{ to: "judging", label: "Reopen for judging", blockers: [], confirmation: null, details: [], needsReason: true, deadline: null }];
  }
}

/**
 * Judging started too early (a team lost its network at the deadline, or the button was pressed by mistake): the
 * event takes entries again until a new deadline. Score sheets already saved stay; teams can change their entries,
 * so the confirmation says so when there are any. Not in a final round, whose finalists are picked from round 1.
 */
function reopenSubmissions(f: PhaseFacts): PhaseStep {
  const saved = f.savedSheets ?? 0;
  return {
    to: "open",
    label: "Reopen submissions",
    blockers: [],
    confirmation:
      saved > 0
        ? `${saved === 1 ? "1 score sheet is" : `${saved} score sheets are`} already saved. ${saved === 1 ? "It stays" : "They stay"}, but teams can change their entries until the new deadline, so judges may need to look again when judging starts again.`
        : null,
    details: [],
    needsReason: true,
    backward: true,
    deadline: { hint: `In the event's time zone (${f.timezone}), before the judging deadline, ${formatInZone(f.judgingDeadline, f.timezone)}.` },
  };
}

/** `submissionDeadline`: the new deadline a step with `deadline` asks for, already read in the event's time zone. */
export type TransitionRequest = { to: EventPhase; confirmed: boolean; reason: string; submissionDeadline?: Date | null };
export type TransitionCheck =
  | { ok: true; closeSubmissionsNow: boolean; reopenUntil: Date | null }
  | {
      ok: false;
      field: "to" | "confirmed" | "reason" | "submissionDeadline";
      message: string;
      /** The step asked for is not offered where the event stands now: the page that offered it is out of date. */
      stale?: true;
    };

export function checkTransition(f: PhaseFacts, req: TransitionRequest): TransitionCheck {
  const step = nextSteps(f).find((s) => s.to === req.to);
  if (!step && f.phase === "judging" && req.to === "open")
    return { ok: false, field: "to", message: "Submissions cannot reopen once a final round has started.", stale: true };
  // A second tab, a co-organizer or a double submit moved the event first: said in the phases' own words.
  if (!step && f.phase === req.to)
    return { ok: false, field: "to", message: `The event is already in “${phaseLabels[f.phase]}”: someone moved it there just now.`, stale: true };
  if (!step)
    return {
      ok: false,
      field: "to",
      message: `The event is in “${phaseLabels[f.phase]}” now, so it cannot move to “${phaseLabels[req.to]}”.`,
      stale: true,
    };
  if (step.blockers.length > 0) return { ok: false, field: "to", message: step.blockers.join(" ") };
  if (step.deadline) {
    const until = req.submissionDeadline;
    if (!until) return { ok: false, field: "submissionDeadline", message: "Enter the new submission deadline" };
    if (until <= f.now) return { ok: false, field: "submissionDeadline", message: "The new submission deadline must be in the future" };
    if (until >= f.judgingDeadline)
      return {
        ok: false,
        field: "submissionDeadline",
        message: `The new submission deadline must be before the judging deadline, ${formatInZone(f.judgingDeadline, f.timezone)}: move that first in the event's details`,
      };
    if (f.voteClosesAt && until >= f.voteClosesAt)
      return {
        ok: false,
        field: "submissionDeadline",
        message: voteClosesFirstMessage(f.voteClosesAt, f.timezone),
      };
  }
  if (step.confirmation && !req.confirmed) return { ok: false, field: "confirmed", message: "Tick the confirmation to go ahead." };
  if (step.needsReason && req.reason.trim().length < 3)
    return { ok: false, field: "reason", message: req.to === "open" ? "Say why submissions reopen." : "Say why the event is reopened." };
  return {
    ok: true,
    closeSubmissionsNow: f.phase === "open" && req.to === "judging" && f.now < f.submissionDeadline,
    reopenUntil: step.deadline ? (req.submissionDeadline ?? null) : null,
  };
}

export const phaseOrder = ["draft", "open", "judging", "closed"] as const satisfies readonly EventPhase[];

/**
 * Every word the UI says about a phase, in one place: its name, its badge, the events overview's section for it
 * and why submissions are not open in it.
 */
export const phaseWords: Record<EventPhase, { label: string; badge: string; section: string; submissionsClosed: string | null }> = {
  draft: { label: "Draft", badge: "Draft", section: "Your drafts", submissionsClosed: "This event is not open yet." },
  open: { label: "Open for entries", badge: "Open", section: "Open for entries", submissionsClosed: null },
  judging: { label: "Judging", badge: "Judging", section: "In judging", submissionsClosed: "Submissions are closed: the event has moved to judging." },
  closed: {
    label: "Results published",
    badge: "Results published",
    section: "Past events",
    submissionsClosed: "Submissions are closed: the event is over and its results are published.",
  },
};

export const phaseLabels: Record<EventPhase, string> = {
  draft: phaseWords.draft.label,
  open: phaseWords.open.label,
  judging: phaseWords.judging.label,
  closed: phaseWords.closed.label,
};

type EventTimes = {
  phase: EventPhase;
  startsAt: Date | string;
  submissionDeadline: Date | string;
  judgingDeadline: Date | string;
  timezone: string;
  /** When its results were last published, for a closed event (`lastPublishedAt`); null or absent when unknown. */
  closedAt?: Date | string | number | null;
};

/**
 * The days a closed event ran: from its start to its judging deadline, or to the day its results were published when
 * that came first ("Ran 4 – 5 Dec", not the deadline it did not need). The deadline itself stays as it was set, so a
 * reopened event's judges still see it.
 */
export function ran(e: EventTimes): string {
  const deadline = new Date(e.judgingDeadline);
  const closed = e.closedAt ? new Date(e.closedAt) : null;
  return formatDateRange(e.startsAt, closed && closed < deadline ? closed : deadline, e.timezone);
}

/** One line saying when an event happens, worded for its phase; a past event shows the dates it ran as a range. */
export function eventWhen(e: EventTimes): string {
  switch (e.phase) {
    case "draft":
      return `Starts ${formatInZone(e.startsAt, e.timezone)}`;
    case "open":
      return `Submissions close ${formatInZone(e.submissionDeadline, e.timezone)}`;
    case "judging":
      return `Judging ends ${formatInZone(e.judgingDeadline, e.timezone)}`;
    case "closed":
      return `Ran ${ran(e)}`;
  }
}

/**
 * The event page's dates as words, worked out by its loader so the page's JavaScript carries no time formatting
 * (ADR 043): the days it ran once closed; otherwise its three moments, the deadline with how far off it is; and
 * the next moment ahead for the countdown.
 */
export function eventDates(e: EventTimes, now: Date) {
  if (e.phase === "closed") return { ran: ran(e), moments: null, next: null };
  const next = nextDeadline(e, now);
  return {
    ran: null,
    moments: {
      starts: formatInZone(e.startsAt, e.timezone),
      submission: `${formatInZone(e.submissionDeadline, e.timezone)} (${relativeTime(e.submissionDeadline, now)})`,
      judging: formatInZone(e.judgingDeadline, e.timezone),
    },
    next: next ? { label: next.label, at: next.at.toISOString() } : null,
  };
}

/** The next moment that matters to people looking at the event now, worded for its phase; null when none is ahead. */
export function nextDeadline(e: Omit<EventTimes, "timezone">, now: Date): { label: string; at: Date } | null {
  const starts = new Date(e.startsAt);
  const submissions = new Date(e.submissionDeadline);
  const judging = new Date(e.judgingDeadline);
  if (e.phase === "draft" || e.phase === "open") {
    if (now < starts) return { label: "Starts", at: starts };
    // A draft takes no entries yet: counting down to its submission deadline would say otherwise.
    if (e.phase === "open" && now < submissions) return { label: "Submissions close", at: submissions };
    return null;
  }
  if (e.phase === "judging" && now < judging) return { label: "Judging ends", at: judging };
  return null;
}

/**
 * What the Manage page's history holds: a phase change, the start of the final round (ADR 038), which is not one, or
 * a setting switched on or off (ADR 066), or the people's choice vote's closing time moved.
 */
export type HistoryItem =
  | { kind: "phase"; from: EventPhase; to: EventPhase; reason: string | null; at: Date; by: string }
  | { kind: "final-round"; finalists: number; at: Date; by: string | null }
  | { kind: "setting"; setting: EventSettingChangeKind; turnedOn: boolean; closes: string | null; at: Date; by: string | null };

/**
 * The history's lines, newest first, each as "<who> <what>": "moved Judging → Results published", "closed round 1 and
 * started the final round with 2 finalists", "turned blind judging on". Items of the same moment keep the order they
 * came in (phase changes newest first).
 */
export function historyLines(items: HistoryItem[]): { at: Date; by: string; what: string; reason: string | null }[] {
  return [...items]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .map((h) =>
      h.kind === "phase"
        ? { at: h.at, by: h.by, what: `moved ${phaseLabels[h.from]} → ${phaseLabels[h.to]}`, reason: h.reason }
        : {
            at: h.at,
            by: h.by ?? "A former organizer",
            what:
              h.kind === "setting"
                ? settingChangeWords(h.setting, h.turnedOn, h.closes)
                : `closed round 1 and started the final round with ${h.finalists} ${h.finalists === 1 ? "finalist" : "finalists"}`,
            reason: null,
          },
    );
}
