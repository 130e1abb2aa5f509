// Every refusal of the policy, with its status and the exact reason the error boundary shows, and the
// edges between allow and refuse (the deadline instant, each phase, each role).
import { describe, expect, it } from "vitest";
import {
  canChangeAwards,
  canChangeTeam,
  canCreateEvent,
  canDeclareConflict,
  canEditEntry,
  canEditRubric,
  canJoinTeam,
  canLeadTeam,
  canManageEvent,
  canManageJudging,
  canManageProblems,
  canManageUsers,
  canReadFeedback,
  canScoreEntry,
  canViewDigest,
  canViewEntry,
  canViewEvent,
  canViewJudgeQueue,
  canViewResults,
  canViewTeam,
  canWithdrawConflict,
  type Actor,
  type EventAccess,
} from "./permissions";

const member: Actor = { id: "m", role: "member" };
const organizerRole: Actor = { id: "o", role: "organizer" };
const admin: Actor = { id: "a", role: "admin" };
const deadline = new Date("2026-06-01T12:00:00Z");
const before = new Date(deadline.getTime() - 1);
const ev = (over: Partial<EventAccess> = {}): EventAccess => ({
  phase: "open",
  submissionDeadline: deadline,
  isOrganizer: false,
  isJudge: false,
  teamId: null,
  ...over,
});
const entry = { teamId: "t1", status: "submitted" as const };
const draftEntry = { teamId: "t1", status: "draft" as const };
const no = (reason: string, status = 403) => ({ ok: false, status, reason });
const yes = { ok: true };
const hidden = no("Event not found", 404);

describe("every refusal says why", () => {
  it("roles", () => {
    expect(canCreateEvent(member)).toEqual(no("Only organizers can create events. Ask an admin for the organizer role."));
    expect(canManageUsers(organizerRole)).toEqual(no("Only admins can manage accounts."));
    expect(canManageUsers(admin)).toEqual(yes);
  });

  it("a draft is hidden from everyone but its organizers and admins, whatever else they are", () => {
    const draft = ev({ phase: "draft", isJudge: true, teamId: "t1" });
    for (const check of [
      canViewEvent(organizerRole, draft),
      canManageEvent(member, draft),
      canJoinTeam(member, draft, before),
      canViewTeam(member, draft, "t1"),
      canEditEntry(member, draft, "t1", before),
      canViewEntry(member, draft, entry, before),
      canScoreEntry(member, draft, entry),
      canDeclareConflict(member, draft, entry),
      canWithdrawConflict(member, draft),
      canManageJudging(member, draft),
      canChangeAwards(member, draft),
      canReadFeedback(member, draft, entry),
      canViewResults(member, draft),
      canViewDigest(member, draft),
      canViewJudgeQueue(member, draft),
      canChangeTeam(member, draft, "t1", before),
      canLeadTeam(member, draft, { id: "t1", leadId: "m" }, before),
      canManageProblems(member, draft),
      canEditRubric(member, draft, { scored: false }),
    ])
      expect(check).toEqual(hidden);
    expect(canViewEvent(member, ev({ phase: "draft", isOrganizer: true }))).toEqual(yes);
    expect(canViewEvent(admin, ev({ phase: "draft" }))).toEqual(yes);
  });

  it("managing an event", () => {
    expect(canManageEvent(organizerRole, ev())).toEqual(no("Only this event's organizers can do that."));
    expect(canManageJudging(member, ev({ isJudge: true }))).toEqual(no("Only this event's organizers can do that."));
    expect(canManageJudging(admin, ev({ phase: "closed" }))).toEqual(yes);
    expect(canChangeAwards(member, ev())).toEqual(no("Only this event's organizers can do that."));
    expect(canChangeAwards(member, ev({ phase: "judging", isOrganizer: true }))).toEqual(yes);
    expect(canChangeAwards(admin, ev({ phase: "closed" }))).toEqual(
      no("Results are published: reopen the event for judging (with a reason) to change its awards."),
    );
    expect(canManageProblems(member, ev())).toEqual(no("Only this event's organizers can do that."));
    expect(canManageProblems(admin, ev({ phase: "judging" }))).toEqual(no("Problems can be changed only while the event is a draft or open."));
    expect(canManageProblems(admin, ev({ phase: "closed" }))).toEqual(no("Problems can be changed only while the event is a draft or open."));
    expect(canManageProblems(admin, ev({ phase: "draft" }))).toEqual(yes);
    expect(canEditRubric(member, ev(), { scored: false })).toEqual(no("Only this event's organizers can do that."));
    expect(canEditRubric(admin, ev(), { scored: true })).toEqual(no("The rubric is locked: judges have started scoring with it."));
  });

  it("teams and entries while submissions are open", () => {
    expect(canJoinTeam(member, ev({ teamId: "t1" }), before)).toEqual(no("You are already in a team for this event: one team per person per event."));
    expect(canJoinTeam(member, ev({ isJudge: true }), before)).toEqual(no("You judge this event, so you cannot join or create a team in it."));
    // A judge is told they judge the event in every phase, not that submissions closed.
    for (const phase of ["judging", "closed"] as const)
      expect(canJoinTeam(member, ev({ isJudge: true, phase }), before)).toEqual(no("You judge this event, so you cannot join or create a team in it."));
    expect(canJoinTeam(member, ev(), deadline)).toEqual(no("Submissions are closed: the submission deadline has passed."));
    expect(canJoinTeam(member, ev(), before)).toEqual(yes);
    expect(canViewTeam(member, ev({ teamId: "t2" }), "t1")).toEqual(no("Only the team's members can see this team."));
    expect(canViewTeam(admin, ev(), "t1")).toEqual(yes);
    expect(canEditEntry(admin, ev(), "t1", before)).toEqual(no("Only the team's members can edit its entry."));
    expect(canEditEntry(member, ev({ teamId: "t1" }), "t1", deadline)).toEqual(no("Submissions are closed: the submission deadline has passed."));
    expect(canEditEntry(member, ev({ teamId: "t1", phase: "judging" }), "t1", before)).toEqual(no("Submissions are closed: the event has moved to judging."));
    expect(canEditEntry(member, ev({ teamId: "t1" }), "t1", before)).toEqual(yes);
    expect(canChangeTeam(member, ev({ teamId: "t2" }), "t1", before)).toEqual(no("Only the team's members can change the team."));
    expect(canChangeTeam(member, ev({ teamId: "t1" }), "t1", deadline)).toEqual(no("Submissions are closed: the submission deadline has passed."));
    expect(canChangeTeam(member, ev({ teamId: "t1" }), "t1", before)).toEqual(yes);
    expect(canLeadTeam(member, ev({ teamId: "t1" }), { id: "t1", leadId: "other" }, before)).toEqual(no("Only the team lead can do that."));
    expect(canLeadTeam(member, ev({ teamId: "t2" }), { id: "t1", leadId: "m" }, before)).toEqual(no("Only the team's members can change the team."));
    expect(canLeadTeam(member, ev({ teamId: "t1", phase: "closed" }), { id: "t1", leadId: "m" }, before)).toEqual(
      no("Submissions are closed: the event is over and its results are published."),
    );
    expect(canLeadTeam(member, ev({ teamId: "t1" }), { id: "t1", leadId: "m" }, before)).toEqual(yes);
  });

  it("reading entries", () => {
    expect(canViewEntry(member, ev({ phase: "closed" }), draftEntry, deadline)).toEqual(no("This entry is still a draft."));
    expect(canViewEntry(member, ev({ isJudge: true }), entry, before)).toEqual(no("Judges see the entries once submissions close and judging starts."));
    expect(canViewEntry(member, ev({ phase: "judging", isJudge: true }), entry, before)).toEqual(yes);
    expect(canViewEntry(member, ev({ phase: "judging" }), entry, before)).toEqual(
      no("Entries become visible to other participants after the submission deadline."),
    );
    expect(canViewEntry(member, ev({ phase: "closed" }), entry, before)).toEqual(yes);
    expect(canViewEntry(member, ev(), entry, deadline)).toEqual(yes);
    expect(canViewEntry(member, ev({ teamId: "t1" }), draftEntry, before)).toEqual(yes);
    expect(canViewEntry(member, ev({ isOrganizer: true }), draftEntry, before)).toEqual(yes);
  });

  it("judging", () => {
    const judging = ev({ phase: "judging", isJudge: true });
    expect(canScoreEntry(member, ev({ phase: "judging" }), entry)).toEqual(no("Only this event's judges can score entries."));
    expect(canScoreEntry(member, { ...judging, teamId: "t1" }, entry)).toEqual(no("You cannot score an entry of your own team."));
    expect(canScoreEntry(member, judging, draftEntry)).toEqual(no("Only submitted entries are scored."));
    expect(canScoreEntry(member, judging, entry, { conflicted: true, assigned: true })).toEqual(
      no("You declared a conflict of interest with this entry, so you do not score it."),
    );
    expect(canScoreEntry(member, judging, entry, { conflicted: false, assigned: false })).toEqual(no("This entry is not assigned to you."));
    expect(canScoreEntry(member, { ...judging, phase: "closed" }, entry, { conflicted: false, assigned: true })).toEqual(
      no("Scores can be given or changed only while the event is in judging."),
    );
    expect(canScoreEntry(member, judging, entry, { conflicted: false, assigned: true })).toEqual(yes);
    expect(canScoreEntry(member, judging, entry)).toEqual(yes);

    expect(canDeclareConflict(member, ev({ phase: "judging" }), entry)).toEqual(no("Only this event's judges can declare a conflict."));
    expect(canDeclareConflict(member, judging, draftEntry)).toEqual(no("Only submitted entries are scored."));
    expect(canDeclareConflict(member, { ...judging, phase: "closed" }, entry)).toEqual(no("Conflicts can be declared only before results are published."));
    expect(canDeclareConflict(member, { ...judging, phase: "open" }, entry)).toEqual(yes);
    expect(canDeclareConflict(member, judging, entry)).toEqual(yes);
    expect(canWithdrawConflict(member, ev({ phase: "judging" }))).toEqual(no("Only this event's judges can withdraw a conflict."));
    expect(canWithdrawConflict(member, { ...judging, phase: "closed" })).toEqual(no("Conflicts can be withdrawn only before results are published."));
    expect(canWithdrawConflict(member, { ...judging, phase: "open" })).toEqual(yes);
    expect(canWithdrawConflict(member, judging)).toEqual(yes);
    expect(canViewJudgeQueue(member, ev({ phase: "judging" }))).toEqual(no("Only this event's judges have a judging queue."));
    expect(canViewJudgeQueue(member, judging)).toEqual(yes);
  });

  it("results, feedback and the digest", () => {
    expect(canViewResults(member, ev({ phase: "judging", isJudge: true }))).toEqual(no("Results are published when the event closes."));
    expect(canViewResults(member, ev({ isOrganizer: true }))).toEqual(
      no("Results appear here for organizers once judging starts, and for everyone when the event closes."),
    );
    expect(canViewResults(member, ev({ phase: "judging", isOrganizer: true }))).toEqual(yes);
    expect(canViewResults(admin, ev({ phase: "judging" }))).toEqual(yes);
    expect(canViewResults(member, ev({ phase: "closed" }))).toEqual(yes);
    expect(canReadFeedback(member, ev({ phase: "closed", teamId: "t2" }), entry)).toEqual(no("Only the team reads its judges' feedback."));
    expect(canReadFeedback(member, ev({ phase: "judging", teamId: "t1" }), entry)).toEqual(no("Feedback is shown when results are published."));
    expect(canReadFeedback(member, ev({ phase: "closed", teamId: "t1" }), entry)).toEqual(yes);
    expect(canViewDigest(member, ev({ phase: "judging", isOrganizer: true }))).toEqual(
      no("The learnings digest is ready when the event's results are published."),
    );
    expect(canViewDigest(member, ev({ phase: "closed" }))).toEqual(yes);
  });
});
