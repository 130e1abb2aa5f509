// One policy for the whole app: pure, unit-tested, used by server guards and by the UI.
import { announcementAudiences, type AnnouncementAudience } from "#db/enums";
import type { EventPhase, GlobalRole } from "#db/schema";
import { phaseWords } from "~/modules/events/phases";
import type { VoteWindow } from "~/modules/peoples-choice/rules";

/** `emailVerified` is false only for a password sign-up that has not confirmed its address (ADR 028); sessions always set it. */
export type Actor = { id: string; role: GlobalRole; emailVerified?: boolean };

/** What the actor is in one event, read from the database by the guard. */
export type EventAccess = {
  phase: EventPhase;
  submissionDeadline: Date;
  isOrganizer: boolean;
  isJudge: boolean;
  teamId: string | null;
};

export type EntryRef = { teamId: string; status: "draft" | "submitted" };

export type Decision = { ok: true } | { ok: false; status: 403 | 404; reason: string };

const allow: Decision = { ok: true };
const deny = (reason: string, status: 403 | 404 = 403): Decision => ({ ok: false, status, reason });

const managesEvent = (actor: Actor, ev: EventAccess) => ev.isOrganizer || actor.role === "admin";

export function canCreateEvent(actor: Actor): Decision {
  return actor.role === "admin" || actor.role === "organizer" ? allow : deny("Only organizers can create events. Ask an admin for the organizer role.");
}

export function canManageUsers(actor: Actor): Decision {
  return actor.role === "admin" ? allow : deny("Only admins can manage accounts.");
}

/** The outbox holds every mail, reset links included: admins only. */
export function canReadOutbox(actor: Actor): Decision {
  return actor.role === "admin" ? allow : deny("Only admins can read the outbox.");
}

const UNCONFIRMED = "Confirm your email address first: open the link we mailed you, or send it again from the banner at the top of the page.";

/**
 * Joining or creating a team, or becoming a judge through an invite link, needs a confirmed address
 * (ADR 028). Verification only ever goes from unconfirmed to confirmed, so checking before the write is safe.
 */
export function canTakePart(actor: Actor): Decision {
  return actor.emailVerified === false ? deny(UNCONFIRMED) : allow;
}

/**
 * An organizer adds someone as judge or co-organizer, or names them as a problem's owner (who may then record its
 * entries' follow-ups): only a person whose address is confirmed (ADR 028), not an account anyone could have made by
 * typing a colleague's address at sign-up.
 */
export function canBeAddedToRoster(person: { name: string; emailVerified: boolean }, as: "added" | "named as the problem's owner" = "added"): Decision {
  return person.emailVerified
    ? allow
    : deny(`${person.name} has not confirmed their email address yet, so they cannot be ${as}. Ask them to open the link in their sign-up email.`);
}

export function canViewEvent(actor: Actor, ev: EventAccess): Decision {
  // A draft is invisible to everyone else: answer 404, not 403, so it is not even confirmed to exist.
  if (ev.phase === "draft" && !managesEvent(actor, ev)) return deny("Event not found", 404);
  return allow;
}

export function canManageEvent(actor: Actor, ev: EventAccess): Decision {
  const view = canViewEvent(actor, ev);
  if (!view.ok) return view;
  return managesEvent(actor, ev) ? allow : deny("Only this event's organizers can do that.");
}

/** Whether entries can still be created, changed and submitted in the event, whoever asks; if not, why. */
export function submissionsOpen(ev: Pick<EventAccess, "phase" | "submissionDeadline">, now: Date): Decision {
  // Each phase says its own reason (a closed event has not "moved to judging").
  const closed = phaseWords[ev.phase].submissionsClosed;
  if (closed) return deny(closed);
  if (now >= ev.submissionDeadline) return deny("Submissions are closed: the submission deadline has passed.");
  return allow;
}

export function canJoinTeam(actor: Actor, ev: EventAccess, now: Date): Decision {
  const view = canViewEvent(actor, ev);
  if (!view.ok) return view;
  // Judges stay independent of the teams they score (ADR 010); said in every phase, before "submissions are closed",
  // which would tell a judge as if they had missed a team's deadline.
  if (ev.isJudge && !ev.teamId) return deny("You judge this event, so you cannot join or create a team in it.");
  const open = submissionsOpen(ev, now);
  if (!open.ok) return open;
  if (ev.teamId) return deny("You are already in a team for this event: one team per person per event.");
  return canTakePart(actor);
}

export function canViewTeam(actor: Actor, ev: EventAccess, teamId: string): Decision {
  const view = canViewEvent(actor, ev);
  if (!view.ok) return view;
  return ev.teamId === teamId || managesEvent(actor, ev) ? allow : deny("Only the team's members can see this team.");
}

export function canEditEntry(actor: Actor, ev: EventAccess, teamId: string, now: Date): Decision {
  const view = canViewEvent(actor, ev);
  if (!view.ok) return view;
  if (ev.teamId !== teamId) return deny("Only the team's members can edit its entry.");
  return submissionsOpen(ev, now);
}

export function canViewEntry(actor: Actor, ev: EventAccess, entry: EntryRef, now: Date): Decision {
  const view = canViewEvent(actor, ev);
  if (!view.ok) return view;
  if (ev.teamId === entry.teamId || managesEvent(actor, ev)) return allow;
  if (entry.status !== "submitted") return deny("This entry is still a draft.");
  if (ev.isJudge && (ev.phase === "judging" || ev.phase === "closed")) return allow;
  if (ev.phase === "closed" || now >= ev.submissionDeadline) return allow;
  if (ev.isJudge) return deny("Judges see the entries once submissions close and judging starts.");
  return deny("Entries become visible to other participants after the submission deadline.");
}

/** Which submitted entries of an event a person may see in lists: every one, only their own team's, or none. */
export type EntryVisibility = { all: true } | { all: false; teamId: string | null };

// A team id no team has: canViewEntry's answer for it is its answer for every team but the person's own.
const ANOTHER_TEAM = "\u0000another team";

/** canViewEntry for a whole list at once, so galleries can count and page in SQL what the person may open. */
export function entryListVisibility(actor: Actor, ev: EventAccess, now: Date): EntryVisibility {
  if (canViewEntry(actor, ev, { teamId: ANOTHER_TEAM, status: "submitted" }, now).ok) return { all: true };
  const own = ev.teamId !== null && canViewEntry(actor, ev, { teamId: ev.teamId, status: "submitted" }, now).ok;
  return { all: false, teamId: own ? ev.teamId : null };
}

/**
 * What the judging tables say about one judge and one entry (absent = no conflict, assigned). notFinalist: the event is
 * in its final round and the entry is not a finalist (ADR 038).
 */
export type JudgeEntryFacts = { conflicted: boolean; assigned: boolean; notFinalist?: boolean; finalRound?: boolean };

/** canScoreEntry's refusal for someone who judges nothing in the event (the score page then offers no queue). */
export const NOT_A_JUDGE = "Only this event's judges can score entries.";

export function canScoreEntry(actor: Actor, ev: EventAccess, entry: EntryRef, facts?: JudgeEntryFacts): Decision {
  const view = canViewEvent(actor, ev);
  if (!view.ok) return view;
  if (!ev.isJudge) return deny(NOT_A_JUDGE);
  if (ev.teamId === entry.teamId) return deny("You cannot score an entry of your own team.");
  if (entry.status !== "submitted") return deny("Only submitted entries are scored.");
  if (facts?.conflicted) return deny("You declared a conflict of interest with this entry, so you do not score it.");
  if (facts?.notFinalist) return deny("Round 1 is closed: only the finalists are scored in the final round.");
  if (facts && !facts.assigned) return deny("This entry is not assigned to you.");
  if (ev.phase !== "judging") return deny("Scores can be given or changed only while the event is in judging.");
  return allow;
}

/**
 * A judge steps away from an entry: while the event is open or in judging. In the final round only a final round judge,
 * on a finalist: a conflict removes the judge's round-1 sheet too (ADR 038), and round 1 is closed for good, its
 * ranking settled. A round-1 judge's page left open would otherwise delete their round-1 scores.
 */
export function canDeclareConflict(actor: Actor, ev: EventAccess, entry: EntryRef, facts?: JudgeEntryFacts): Decision {
  const view = canViewEvent(actor, ev);
  if (!view.ok) return view;
  if (!ev.isJudge) return deny("Only this event's judges can declare a conflict.");
  if (entry.status !== "submitted") return deny("Only submitted entries are scored.");
  if (ev.phase !== "open" && ev.phase !== "judging") return deny("Conflicts can be declared only before results are published.");
  if (facts?.finalRound && !facts.assigned)
    return deny("Round 1 is closed and its scores stand: you do not judge this entry in the final round. If a conflict came to light, tell an organizer.");
  return allow;
}

export const ROUND_ONE_CONFLICT_STAYS = "Round 1 is closed and its record stands: this conflict stays, as you do not judge this entry in the final round.";

/**
 * A judge takes back a conflict they declared: while the event is open or in judging. In the final round (`facts` of
 * the entry) only a final round judge, on a finalist: round 1 is closed, and its conflicts are part of its record
 * (which sheets its ranking expected), as declaring one there is refused too.
 */
export function canWithdrawConflict(actor: Actor, ev: EventAccess, facts?: JudgeEntryFacts): Decision {
  const view = canViewEvent(actor, ev);
  if (!view.ok) return view;
  if (!ev.isJudge) return deny("Only this event's judges can withdraw a conflict.");
  if (ev.phase !== "open" && ev.phase !== "judging") return deny("Conflicts can be withdrawn only before results are published.");
  if (facts?.finalRound && !facts.assigned) return deny(ROUND_ONE_CONFLICT_STAYS);
  return allow;
}

/** Judging settings, awards and CSV exports: the event's organizers (and admins). */
export function canManageJudging(actor: Actor, ev: EventAccess): Decision {
  return canManageEvent(actor, ev);
}

/** Only the person changes their own portfolio (profile lines, which entries it shows); anyone signed in reads it (ADR 029). */
export function canEditPortfolio(actor: Actor, personId: string): Decision {
  return actor.id === personId ? allow : deny("Only the person can change what their portfolio shows.");
}

/** The teams-and-members CSV holds everyone's email address: the event's organizers (and admins) only, in any phase. */
export function canExportTeams(actor: Actor, ev: EventAccess): Decision {
  return canManageEvent(actor, ev);
}

/**
 * Awards change only until results are published: afterwards the organizers reopen the event first, with a
 * reason kept in the phase history, so published results never change silently (ADR 012).
 */
/** Why awards no longer change: also said when a co-organizer published while the press was on its way. */
export const AWARDS_PUBLISHED = "Results are published: reopen the event for judging (with a reason) to change its awards.";

export function canChangeAwards(actor: Actor, ev: EventAccess): Decision {
  const manage = canManageJudging(actor, ev);
  if (!manage.ok) return manage;
  return ev.phase === "closed" ? deny(AWARDS_PUBLISHED) : allow;
}

/** A team reads the judges' scores and comments on its own entry once results are published. */
export function canReadFeedback(actor: Actor, ev: EventAccess, entry: EntryRef): Decision {
  const view = canViewEvent(actor, ev);
  if (!view.ok) return view;
  if (ev.teamId !== entry.teamId) return deny("Only the team reads its judges' feedback.");
  if (ev.phase !== "closed") return deny("Feedback is shown when results are published.");
  return allow;
}

export function canViewResults(actor: Actor, ev: EventAccess): Decision {
  const view = canViewEvent(actor, ev);
  if (!view.ok) return view;
  if (ev.phase === "closed") return allow;
  if (!managesEvent(actor, ev)) return deny("Results are published when the event closes.");
  if (ev.phase === "judging") return allow;
  return deny("Results appear here for organizers once judging starts, and for everyone when the event closes.");
}

/** The learnings digest is part of the archive: anyone signed in, once results are published. */
export function canViewDigest(actor: Actor, ev: EventAccess): Decision {
  const view = canViewEvent(actor, ev);
  if (!view.ok) return view;
  return ev.phase === "closed" ? allow : deny("The learnings digest is ready when the event's results are published.");
}

/**
 * The final round (ADR 038): organizers (and admins) see its page in judging and once closed; they shortlist and start it
 * only from round 1 of judging, once. The start statement repeats the phase and round in its WHERE.
 */
export function canViewFinalRound(actor: Actor, ev: EventAccess): Decision {
  const manage = canManageEvent(actor, ev);
  if (!manage.ok) return manage;
  return ev.phase === "judging" || ev.phase === "closed" ? allow : deny("The final round is chosen during judging, after round 1.");
}

export function canStartFinalRound(actor: Actor, ev: EventAccess, facts: { round: number }): Decision {
  const view = canViewFinalRound(actor, ev);
  if (!view.ok) return view;
  if (ev.phase !== "judging") return deny("The final round starts from judging: results are already published.");
  return facts.round === 1 ? allow : deny("The final round has already started.");
}

/**
 * Who scores what in round 1 (the assignment mode, recomputing, assigning by hand): the event's organizers, until the
 * final round starts. Then round 1 is closed and its assignments stay as they were (ADR 038).
 */
export function canChangeAssignments(actor: Actor, ev: EventAccess, facts: { round: number }): Decision {
  const manage = canManageJudging(actor, ev);
  if (!manage.ok) return manage;
  if (facts.round !== 1) return deny("Round 1 is closed: its assignments stay as they were. Every final round judge scores every finalist.");
  // The published results' flags (missing and incomplete sheets) count the assignments as they were judged.
  return ev.phase === "closed" ? deny("Results are published: the assignments stay as they were judged. Reopen the event for judging to change them.") : allow;
}

export const JUDGES_STAY_PUBLISHED = "Results are published, so the judges stay as they judged: reopen the event for judging to remove a judge.";

/**
 * Removing a judge takes them off the current round's roster (ADR 038): in the final round, round 1's stays as it was.
 * Not once results are published: a removal hands the judge's unscored entries to others, and the published results'
 * flags (missing sheets) count the assignments as they were judged.
 */
export function canRemoveJudge(actor: Actor, ev: EventAccess): Decision {
  const manage = canManageEvent(actor, ev);
  if (!manage.ok) return manage;
  return ev.phase === "closed" ? deny(JUDGES_STAY_PUBLISHED) : allow;
}

/** Round 1's ranking, once a final round replaced it as the official one: organizers (and admins) only. */
export function canViewRoundOne(actor: Actor, ev: EventAccess): Decision {
  return canManageEvent(actor, ev);
}

export function canViewJudgeQueue(actor: Actor, ev: EventAccess): Decision {
  const view = canViewEvent(actor, ev);
  if (!view.ok) return view;
  return ev.isJudge ? allow : deny("Only this event's judges have a judging queue.");
}

/** Team changes (problem, leaving) follow the entry: members only, while submissions are open. */
export function canChangeTeam(actor: Actor, ev: EventAccess, teamId: string, now: Date): Decision {
  const view = canViewEvent(actor, ev);
  if (!view.ok) return view;
  if (ev.teamId !== teamId) return deny("Only the team's members can change the team.");
  return submissionsOpen(ev, now);
}

/** Removing members and handing over the lead: the team's lead only. */
export function canLeadTeam(actor: Actor, ev: EventAccess, team: { id: string; leadId: string }, now: Date): Decision {
  const change = canChangeTeam(actor, ev, team.id, now);
  if (!change.ok) return change;
  return actor.id === team.leadId ? allow : deny("Only the team lead can do that.");
}

/** The "Find a team" page (ADR 032): anyone who may see the event, while it is open. */
export function canViewTeamFinder(actor: Actor, ev: EventAccess): Decision {
  const view = canViewEvent(actor, ev);
  if (!view.ok) return view;
  return ev.phase === "open" ? allow : deny("Finding a team is open only while the event is open.");
}

/** Posting that you look for a team, and asking a team to let you in: whoever could join a team now. */
export function canSeekTeam(actor: Actor, ev: EventAccess, now: Date): Decision {
  const finder = canViewTeamFinder(actor, ev);
  return finder.ok ? canJoinTeam(actor, ev, now) : finder;
}

/** Asking one team to let you in: only a team whose lead marked it as looking for members. */
export function canAskToJoin(actor: Actor, ev: EventAccess, team: { lookingForMembers: boolean }, now: Date): Decision {
  const seek = canSeekTeam(actor, ev, now);
  if (!seek.ok) return seek;
  return team.lookingForMembers ? allow : deny("This team is not looking for members.");
}

/** Marking the team as looking for members, and accepting or declining requests to join: the team's lead. */
export function canRecruit(actor: Actor, ev: EventAccess, team: { id: string; leadId: string }, now: Date): Decision {
  const finder = canViewTeamFinder(actor, ev);
  return finder.ok ? canLeadTeam(actor, ev, team, now) : finder;
}

/** Withdrawing a request to join: only the person who asked (the query carries their id as well). */
export function canWithdrawJoinRequest(actor: Actor, ev: EventAccess, request: { userId: string }): Decision {
  const finder = canViewTeamFinder(actor, ev);
  if (!finder.ok) return finder;
  return actor.id === request.userId ? allow : deny("Only the person who asked can withdraw the request.");
}

/** Adding, editing, reordering and retiring problems: organizers, while the event is a draft or open. */
/** "New event from this one": the source's organizers (and admins) may start a new event from it, in any phase. */
export function canUseAsTemplate(actor: Actor, source: EventAccess): Decision {
  const create = canCreateEvent(actor);
  if (!create.ok) return create;
  return canManageEvent(actor, source);
}

export function canManageProblems(actor: Actor, ev: EventAccess): Decision {
  const manage = canManageEvent(actor, ev);
  if (!manage.ok) return manage;
  return ev.phase === "draft" || ev.phase === "open" ? allow : deny("Problems can be changed only while the event is a draft or open.");
}

/** Editing the rubric: organizers, until the first score of the event is saved (results use the rubric scores were given under). */
export function canEditRubric(actor: Actor, ev: EventAccess, facts: { scored: boolean }): Decision {
  const manage = canManageEvent(actor, ev);
  if (!manage.ok) return manage;
  return facts.scored ? deny("The rubric is locked: judges have started scoring with it.") : allow;
}

/**
 * Editing the event's custom submission questions (ADR 036): organizers, until the first entry is submitted, so every
 * submitted entry answered the questions the organizers now read. The save statement repeats the condition.
 */
export function canEditSubmissionQuestions(actor: Actor, ev: EventAccess, facts: { submitted: boolean }): Decision {
  const manage = canManageEvent(actor, ev);
  if (!manage.ok) return manage;
  return facts.submitted ? deny("The questions are locked: a team has submitted its entry with these answers.") : allow;
}

/** Writing, scheduling, editing and cancelling announcements: the event's organizers (and admins). */
export function canManageAnnouncements(actor: Actor, ev: EventAccess): Decision {
  const manage = canManageEvent(actor, ev);
  return manage.ok ? allow : deny("Only this event's organizers can write announcements.", manage.status);
}

/**
 * The announcement audiences a person belongs to right now (ADR 025); organizers and admins read every one.
 * The event page filters its query with this, and the send-time recipient query (announcements.server.ts)
 * says the same in SQL; the integration tests hold the two together.
 */
export function readableAudiences(
  actor: Actor,
  ev: EventAccess,
  facts: { teamSubmitted: boolean; teamWon: boolean; /** A "looking for a team" post of theirs in the event. */ seeking: boolean },
): AnnouncementAudience[] {
  if (!canViewEvent(actor, ev).ok) return [];
  if (managesEvent(actor, ev)) return [...announcementAudiences];
  const inTeam = ev.teamId !== null;
  const member: Record<AnnouncementAudience, boolean> = {
    everyone: inTeam || facts.seeking || ev.isJudge,
    teams: inTeam,
    submitters: inTeam && facts.teamSubmitted,
    judges: ev.isJudge,
    // Winners are known only once results are published (ADR 012).
    winners: inTeam && facts.teamWon && ev.phase === "closed",
  };
  return announcementAudiences.filter((a) => member[a]);
}

/**
 * The people's choice vote (ADR 031): anyone signed in who may see the event, with a confirmed address, for a
 * submitted entry of another team, while the vote is open. The vote's SQL statement repeats the window and the
 * own-team condition, so a race with the closing time or a team change is refused in the database too.
 */
export function canVote(actor: Actor, ev: EventAccess, entry: EntryRef, window: VoteWindow): Decision {
  const view = canViewEvent(actor, ev);
  if (!view.ok) return view;
  if (window.state === "off") return deny("This event has no people's choice vote.");
  if (window.state === "not-yet") return deny("The people's choice vote opens at the submission deadline.");
  if (window.state === "closed") return deny("The people's choice vote is closed.");
  if (entry.status !== "submitted") return deny("Only submitted entries take part in the people's choice vote.");
  if (ev.teamId === entry.teamId) return deny("You cannot vote for your own team's entry.");
  return canTakePart(actor);
}

/** Turning the vote on or off and setting its closing time: organizers, until results are published (then counts are out). */
export function canManagePeoplesChoice(actor: Actor, ev: EventAccess): Decision {
  const manage = canManageEvent(actor, ev);
  if (!manage.ok) return manage;
  return ev.phase === "closed" ? deny("Results are published: reopen the event for judging (with a reason) to change its people's choice vote.") : allow;
}

/**
 * Vote counts stay hidden from everyone, organizers and admins included, until results are published. After a reopen,
 * counts a publishing showed (`shownBefore`, the vote unchanged since) stay shown to the organizers, who need them to
 * settle a tie.
 */
export function canSeeVoteCounts(actor: Actor, ev: EventAccess, shownBefore = false): Decision {
  const view = canViewEvent(actor, ev);
  if (!view.ok) return view;
  return ev.phase === "closed" || (shownBefore && managesEvent(actor, ev))
    ? allow
    : deny("Vote counts are hidden from everyone, organizers included, until results are published.");
}

/**
 * Recording what became of an entry after the event (ADR 030): its team's members, and the owner of its problem,
 * who is asked with them; only for a submitted entry, once the event is closed. The INSERT repeats these conditions.
 */
export function canRecordFollowUp(actor: Actor, ev: EventAccess, entry: EntryRef, facts: { problemOwner: boolean }): Decision {
  const view = canViewEvent(actor, ev);
  if (!view.ok) return view;
  if (ev.teamId !== entry.teamId && !facts.problemOwner) return deny("Only the entry's team and the owner of its problem can record what happened next.");
  if (entry.status !== "submitted") return deny("Only a submitted entry has a follow-up.");
  if (ev.phase !== "closed") return deny("What happened next is recorded once the event is closed and its results are published.");
  return allow;
}
