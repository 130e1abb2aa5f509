// Finding a team against the real database (ADR 032): asking, answering and withdrawing move one request row
// through guarded statements; accepting joins through the invite code's INSERT, so concurrent accepts never
// exceed the team size; the lead and the asker are told in the same transaction, and only when something changed.
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { events, joinRequests, notifications, outbox, teamMembers, teamRemovals, teams } from "#db/schema";
import { db } from "~/db.server";
import { optionalKinds, type NotificationKind } from "~/modules/notifications/kinds";
import { setEmailPreferences } from "~/modules/notifications/notify.server";
import { addJudge } from "~/modules/events/events.server";
import { createOpenEvent, createUser, type TestUser } from "~/test/fixtures";
import { acceptJoinRequest, askToJoin, declineJoinRequest, teamJoinRequests, withdrawJoinRequest } from "./join-requests.server";
import {
  acceptInvitation,
  declineInvitation,
  endedInvitation,
  inviteSeeker,
  inviteState,
  listOpenTeams,
  listSeekers,
  myInvitations,
  removedMessage,
  saveOpening,
  saveSeekerPost,
} from "./team-finder.server";
import { allowRejoin, createTeam, handOverLead, joinRefusal, joinTeam, newTeamInviteCode, NO_LONGER_LEAD, removeMember } from "./teams.server";

const ORIGIN = "https://hack.example.com";
const confirmed = { confirmed: true, typedName: "" };
const unconfirmed = { confirmed: false, typedName: "" };

const noticesOf = (user: TestUser, kind: NotificationKind) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), eq(notifications.kind, kind)));
const mailsOf = (user: TestUser, kind: NotificationKind) =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toEmail, user.email.toLowerCase()), eq(outbox.kind, kind)));
const memberCount = async (teamId: string) => (await db.select({ n: count() }).from(teamMembers).where(eq(teamMembers.teamId, teamId)))[0].n;
const requestOf = async (teamId: string, user: TestUser) =>
  (
    await db
      .select()
      .from(joinRequests)
      .where(and(eq(joinRequests.teamId, teamId), eq(joinRequests.userId, user.id)))
  )[0];

/** An open event with a team looking for members, led by Lea Lead. */
async function lookingTeam(maxTeamSize = 5) {
  const { event, problem } = await createOpenEvent(await createUser({ role: "organizer" }), { maxTeamSize });
  const lead = await createUser({ name: "Lea Lead" });
  const created = await createTeam(event, lead.id, { name: `Crew ${lead.id.slice(0, 6)}`, problemId: problem.id });
  if (!created.ok) throw new Error(created.message);
  const team = { id: created.teamId, eventId: event.id, leadId: lead.id, name: `Crew ${lead.id.slice(0, 6)}` };
  expect(await saveOpening(team, lead.id, "Someone who knows the CRM")).toEqual({ ok: true });
  return { event, problem, lead, team };
}

describe("asking to join", () => {
  it("makes a pending request and tells the lead, in the list and by mail, once", async () => {
    const { event, lead, team } = await lookingTeam();
    const asker = await createUser({ name: "Ada Asker" });
    expect(await askToJoin(event, team.id, asker.id, "I wrote the CRM export", ORIGIN)).toEqual({ ok: true });
    expect(await requestOf(team.id, asker)).toMatchObject({ status: "pending", asks: 1, message: "I wrote the CRM export" });
    const [notice] = await noticesOf(lead, "join-request-received");
    expect(notice).toMatchObject({ title: `Ada Asker asks to join ${team.name}`, path: `/events/${event.slug}/find-a-team#requests` });
    const mails = await mailsOf(lead, "join-request-received");
    expect(mails).toHaveLength(1);
    expect(mails[0].textBody).toContain("I wrote the CRM export");
    // Asking again while it waits is refused and tells nobody.
    expect(await askToJoin(event, team.id, asker.id, "", ORIGIN)).toEqual({
      ok: false,
      message: "You already asked this team. Wait for the lead's answer, or withdraw the request.",
    });
    expect(await noticesOf(lead, "join-request-received")).toHaveLength(1);
  });

  it("asks again only once after a decline or a withdrawal: at most two requests per person per team", async () => {
    const { event, lead, team } = await lookingTeam();
    const asker = await createUser();
    await askToJoin(event, team.id, asker.id, "", ORIGIN);
    const { id } = await requestOf(team.id, asker);
    // Withdrawing and declining ask first: unconfirmed, nothing changes.
    expect(await withdrawJoinRequest(asker.id, id, unconfirmed)).toMatchObject({ ok: false, confirm: { requestId: id, teamName: team.name } });
    expect((await requestOf(team.id, asker)).status).toBe("pending");
    expect(await withdrawJoinRequest(asker.id, id, confirmed)).toEqual({ ok: true, canAskAgain: true });
    expect(await askToJoin(event, team.id, asker.id, "Second try", ORIGIN)).toEqual({ ok: true });
    expect(await requestOf(team.id, asker)).toMatchObject({ id, status: "pending", asks: 2, message: "Second try" });
    expect(await declineJoinRequest(team, id, unconfirmed)).toMatchObject({ ok: false, confirm: { requestId: id } });
    expect(await declineJoinRequest(team, id, confirmed)).toEqual({ ok: true, canAskAgain: false });
    expect(await askToJoin(event, team.id, asker.id, "Third try", ORIGIN)).toEqual({
      ok: false,
      message: "You asked this team twice already: a declined or withdrawn request can be made again only once.",
    });
    expect(await requestOf(team.id, asker)).toMatchObject({ status: "declined", asks: 2, message: "Second try" });
    expect(await noticesOf(lead, "join-request-received")).toHaveLength(2);
  });

  it("is refused for a team that is not looking, and for someone already in a team of the event", async () => {
    const { event, problem, team } = await lookingTeam();
    const other = await createUser();
    const closedTeam = await createTeam(event, other.id, { name: "Not looking", problemId: problem.id });
    if (!closedTeam.ok) throw new Error(closedTeam.message);
    const asker = await createUser();
    expect(await askToJoin(event, closedTeam.teamId, asker.id, "", ORIGIN)).toEqual({ ok: false, message: "This team is no longer looking for members." });
    expect(await askToJoin(event, team.id, other.id, "", ORIGIN)).toEqual({
      ok: false,
      message: "You are already in a team for this event: one team per person per event.",
    });
    expect(await db.select().from(joinRequests).where(eq(joinRequests.eventId, event.id))).toEqual([]);
  });

  it("only the asker withdraws, only the lead declines: the statements carry who they are", async () => {
    const { event, team } = await lookingTeam();
    const [asker, stranger] = [await createUser(), await createUser()];
    await askToJoin(event, team.id, asker.id, "", ORIGIN);
    const { id } = await requestOf(team.id, asker);
    expect(await withdrawJoinRequest(stranger.id, id, confirmed)).toEqual({ ok: false, message: "There is no such request of yours." });
    expect(await declineJoinRequest({ id: team.id, leadId: stranger.id }, id, confirmed)).toEqual({ ok: false, message: "This request is no longer pending." });
    expect((await requestOf(team.id, asker)).status).toBe("pending");
  });
});

describe("accepting a request", () => {
  it("puts the asker in the team, tells them and the other members (not the lead), and takes their post off the list", async () => {
    const { event, lead, team } = await lookingTeam();
    const member = await createUser();
    expect((await joinTeam(team, member.id, 5, ORIGIN)).ok).toBe(true);
    const asker = await createUser({ name: "Ada Asker" });
    expect(await saveSeekerPost(event, asker.id, { skills: "SQL and CRM exports" })).toEqual({ ok: true });
    expect((await listSeekers(event.id)).map((s) => s.userId)).toEqual([asker.id]);
    await askToJoin(event, team.id, asker.id, "", ORIGIN);
    const { id } = await requestOf(team.id, asker);
    expect((await teamJoinRequests(team))[0]).toMatchObject({ id, status: "pending", skills: "SQL and CRM exports", inOtherTeam: 0 });

    expect(await acceptJoinRequest(team, id, ORIGIN)).toEqual({ ok: true });
    expect((await requestOf(team.id, asker)).status).toBe("accepted");
    expect(await memberCount(team.id)).toBe(3);
    const [accepted] = await noticesOf(asker, "join-request-accepted");
    expect(accepted).toMatchObject({ title: `You joined ${team.name}`, path: `/events/${event.slug}/teams/${team.id}` });
    expect(await mailsOf(asker, "join-request-accepted")).toHaveLength(1);
    expect((await noticesOf(member, "team-joined")).filter((n) => n.title.startsWith("Ada Asker"))).toHaveLength(1);
    expect((await noticesOf(lead, "team-joined")).filter((n) => n.title.startsWith("Ada Asker"))).toHaveLength(0);
    expect(await listSeekers(event.id)).toEqual([]);
    // Accepting twice changes nothing and tells nobody again.
    expect(await acceptJoinRequest(team, id, ORIGIN)).toEqual({ ok: false, message: "This request is no longer pending: it was accepted." });
    expect(await noticesOf(asker, "join-request-accepted")).toHaveLength(1);
  });

  it("never exceeds the team size when the lead accepts several requests at the same moment", async () => {
    const { event, team } = await lookingTeam(3);
    const askers = [await createUser(), await createUser(), await createUser(), await createUser()];
    for (const a of askers) expect(await askToJoin(event, team.id, a.id, "", ORIGIN)).toEqual({ ok: true });
    const ids = await Promise.all(askers.map(async (a) => (await requestOf(team.id, a)).id));
    const results = await Promise.all(ids.map((id) => acceptJoinRequest(team, id, ORIGIN)));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    for (const r of results.filter((r) => !r.ok)) expect(r).toEqual({ ok: false, message: "This team is full (at most 3 people)." });
    expect(await memberCount(team.id)).toBe(3);
    const statuses = await Promise.all(askers.map(async (a) => (await requestOf(team.id, a)).status));
    expect(statuses.filter((s) => s === "accepted")).toHaveLength(2);
    expect(statuses.filter((s) => s === "pending")).toHaveLength(2);
    const told = await Promise.all(askers.map(async (a) => (await noticesOf(a, "join-request-accepted")).length));
    expect(told.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it("never exceeds the team size when an accept and an invite-code join race for the last place", async () => {
    const { event, team } = await lookingTeam(2);
    const [asker, joiner] = [await createUser(), await createUser()];
    await askToJoin(event, team.id, asker.id, "", ORIGIN);
    const { id } = await requestOf(team.id, asker);
    const [accepted, joined] = await Promise.all([acceptJoinRequest(team, id, ORIGIN), joinTeam(team, joiner.id, 2, ORIGIN)]);
    expect([accepted.ok, joined.ok].filter(Boolean)).toHaveLength(1);
    expect(await memberCount(team.id)).toBe(2);
  });

  it("is refused, changing nothing, when the asker joined another team meanwhile", async () => {
    const { event, problem, team } = await lookingTeam();
    const asker = await createUser({ name: "Ada Asker" });
    await askToJoin(event, team.id, asker.id, "", ORIGIN);
    const { id } = await requestOf(team.id, asker);
    const own = await createTeam(event, asker.id, { name: "Ada's own", problemId: problem.id });
    expect(own.ok).toBe(true);
    expect((await teamJoinRequests(team))[0]).toMatchObject({ inOtherTeam: 1 });
    expect(await acceptJoinRequest(team, id, ORIGIN)).toEqual({ ok: false, message: "Ada Asker is already in a team for this event." });
    expect((await requestOf(team.id, asker)).status).toBe("pending");
    expect(await memberCount(team.id)).toBe(1);
    expect(await noticesOf(asker, "join-request-accepted")).toHaveLength(0);
  });

  it("is refused, changing nothing, when judging started meanwhile; so is the team's code", async () => {
    const { event, team } = await lookingTeam();
    const asker = await createUser({ name: "Lou Late" });
    await askToJoin(event, team.id, asker.id, "", ORIGIN);
    const { id } = await requestOf(team.id, asker);
    // The lead's page (and the route's check) saw the event open; an organizer starts judging before the press lands.
    await db.update(events).set({ phase: "judging" }).where(eq(events.id, event.id));
    const closed = "Submissions are closed: the event has moved to judging.";
    expect(await acceptJoinRequest(team, id, ORIGIN)).toEqual({ ok: false, message: closed });
    expect((await requestOf(team.id, asker)).status).toBe("pending");
    expect(await noticesOf(asker, "join-request-accepted")).toHaveLength(0);
    expect(await joinTeam(team, asker.id, 5, ORIGIN)).toEqual({ ok: false, field: "code", message: closed });
    expect(await memberCount(team.id)).toBe(1);
  });

  it("is refused, changing nothing, when the asker became a judge of the event meanwhile (ADR 010)", async () => {
    const { event, team } = await lookingTeam();
    const asker = await createUser({ name: "Jo Judge" });
    await askToJoin(event, team.id, asker.id, "", ORIGIN);
    const { id } = await requestOf(team.id, asker);
    await addJudge(event.id, asker.email, ORIGIN);
    expect(await acceptJoinRequest(team, id, ORIGIN)).toEqual({ ok: false, message: "A judge of this event cannot join a team in it." });
    expect(await memberCount(team.id)).toBe(1);
    expect((await requestOf(team.id, asker)).status).toBe("pending");
  });
});

describe("declining a request", () => {
  it("tells the asker in the list and by mail, once, and only when the request really turned declined", async () => {
    const { event, lead, team } = await lookingTeam();
    const asker = await createUser({ name: "Ada Asker" });
    await askToJoin(event, team.id, asker.id, "", ORIGIN);
    const { id } = await requestOf(team.id, asker);
    // Unconfirmed, or by someone who does not lead the team: nothing changes and nobody is told.
    expect(await declineJoinRequest(team, id, unconfirmed, ORIGIN)).toMatchObject({ ok: false, confirm: { requestId: id } });
    expect(await declineJoinRequest({ id: team.id, leadId: asker.id }, id, confirmed, ORIGIN)).toEqual({
      ok: false,
      message: "This request is no longer pending.",
    });
    expect(await noticesOf(asker, "join-request-declined")).toHaveLength(0);

    expect(await declineJoinRequest(team, id, confirmed, ORIGIN)).toEqual({ ok: true, canAskAgain: true });
    const [notice, ...more] = await noticesOf(asker, "join-request-declined");
    expect(more).toHaveLength(0);
    expect(notice).toMatchObject({
      eventId: event.id,
      title: `Your request to join ${team.name} was declined`,
      body: `The lead of ${team.name} declined your request. You can ask once more, or ask another team on the Find a team page.`,
      path: `/events/${event.slug}/find-a-team#my-requests`,
    });
    const [mail, ...moreMail] = await mailsOf(asker, "join-request-declined");
    expect(moreMail).toHaveLength(0);
    expect(mail.subject).toBe(`Your request to join ${team.name}`);
    expect(mail.textBody).toContain(`${ORIGIN}/events/${event.slug}/find-a-team#my-requests`);
    // The lead made the move and is told nothing; declining again changes nothing and tells nobody again.
    expect(await noticesOf(lead, "join-request-declined")).toHaveLength(0);
    expect(await declineJoinRequest(team, id, confirmed, ORIGIN)).toEqual({ ok: false, message: "This request is no longer pending: it was declined." });
    expect(await noticesOf(asker, "join-request-declined")).toHaveLength(1);
    expect(await mailsOf(asker, "join-request-declined")).toHaveLength(1);
  });

  it("after the second ask, says the team cannot be asked again; mail follows the asker's choice", async () => {
    const { event, team } = await lookingTeam();
    const asker = await createUser();
    await setEmailPreferences(asker.id, new Set(optionalKinds.filter((k) => k !== "join-request-declined")));
    await askToJoin(event, team.id, asker.id, "", ORIGIN);
    const { id } = await requestOf(team.id, asker);
    expect(await withdrawJoinRequest(asker.id, id, confirmed)).toEqual({ ok: true, canAskAgain: true });
    expect(await askToJoin(event, team.id, asker.id, "Second try", ORIGIN)).toEqual({ ok: true });
    expect(await declineJoinRequest(team, id, confirmed, ORIGIN)).toEqual({ ok: true, canAskAgain: false });
    const [notice] = await noticesOf(asker, "join-request-declined");
    expect(notice.body).toBe(`The lead of ${team.name} declined your request. Other teams looking for members are on the Find a team page.`);
    expect(await mailsOf(asker, "join-request-declined")).toHaveLength(0);
  });
});

describe("withdrawing a request", () => {
  it("tells the lead in the list and by mail, once, and only when the request really went", async () => {
    const { event, lead, team } = await lookingTeam();
    const asker = await createUser({ name: "Wes Withdrawer" });
    await askToJoin(event, team.id, asker.id, "", ORIGIN);
    const { id } = await requestOf(team.id, asker);
    // Unconfirmed, or by someone else: nothing changes and nobody is told.
    expect(await withdrawJoinRequest(asker.id, id, unconfirmed, ORIGIN)).toMatchObject({ ok: false, confirm: { requestId: id } });
    expect(await withdrawJoinRequest(lead.id, id, confirmed, ORIGIN)).toEqual({ ok: false, message: "There is no such request of yours." });
    expect(await noticesOf(lead, "join-request-withdrawn")).toHaveLength(0);

    expect(await withdrawJoinRequest(asker.id, id, confirmed, ORIGIN)).toEqual({ ok: true, canAskAgain: true });
    const [notice, ...more] = await noticesOf(lead, "join-request-withdrawn");
    expect(more).toHaveLength(0);
    expect(notice).toMatchObject({
      eventId: event.id,
      title: `Wes Withdrawer withdrew their request to join ${team.name}`,
      body: "Nothing is waiting for your answer from them.",
      path: `/events/${event.slug}/find-a-team#requests`,
    });
    const [mail, ...moreMail] = await mailsOf(lead, "join-request-withdrawn");
    expect(moreMail).toHaveLength(0);
    expect(mail.textBody).toContain(`${ORIGIN}/events/${event.slug}/find-a-team#requests`);
    // Withdrawing again changes nothing and tells nobody again; the asker is told nothing of their own move.
    expect(await withdrawJoinRequest(asker.id, id, confirmed, ORIGIN)).toMatchObject({ ok: false });
    expect(await noticesOf(lead, "join-request-withdrawn")).toHaveLength(1);
    expect(await noticesOf(asker, "join-request-withdrawn")).toHaveLength(0);
  });

  it("says the team cannot be asked again when it was the second ask", async () => {
    const { event, team } = await lookingTeam();
    const asker = await createUser();
    await askToJoin(event, team.id, asker.id, "", ORIGIN);
    const { id } = await requestOf(team.id, asker);
    expect(await withdrawJoinRequest(asker.id, id, confirmed, ORIGIN)).toEqual({ ok: true, canAskAgain: true });
    expect(await askToJoin(event, team.id, asker.id, "Again", ORIGIN)).toEqual({ ok: true });
    expect(await withdrawJoinRequest(asker.id, id, confirmed, ORIGIN)).toEqual({ ok: true, canAskAgain: false });
  });
});

describe("the lists", () => {
  it("show a team only while it looks, and a post's problem only when it is this event's", async () => {
    const { event, team } = await lookingTeam();
    const { problem: otherProblem } = await createOpenEvent(await createUser({ role: "organizer" }));
    const person = await createUser();
    expect(await saveSeekerPost(event, person.id, { skills: "Design", problemId: otherProblem.id })).toEqual({
      ok: false,
      field: "problemId",
      message: "Pick a problem of this event",
    });
    expect((await listOpenTeams(event.id)).map((t) => [t.id, t.needs, t.memberCount])).toEqual([[team.id, "Someone who knows the CRM", 1]]);
    expect(await saveOpening(team, person.id, "Anyone")).toEqual({ ok: false, field: "needs", message: "Only the team lead can do that." });
  });
});

describe("inviting someone who is looking", () => {
  async function world(maxTeamSize = 5) {
    const w = await lookingTeam(maxTeamSize);
    const [{ inviteCode }] = await db.select({ inviteCode: teams.inviteCode }).from(teams).where(eq(teams.id, w.team.id));
    const seeker = await createUser({ name: "Sol Seeker" });
    expect(await saveSeekerPost(w.event, seeker.id, { skills: "Forecasting", problemId: undefined })).toEqual({ ok: true });
    const team = { ...w.team, inviteCode, maxTeamSize };
    const invite = (lead: { id: string; name: string }, who: string) => inviteSeeker(team, lead, who, w.event, ORIGIN, new Date());
    return { ...w, seeker, team, invite };
  }

  it("tells the person once, in the app and by mail, with a link to the invitation; pressing twice sends nothing more", async () => {
    const { lead, seeker, team, invite, event } = await world();
    expect(await invite({ id: lead.id, name: "Lea Lead" }, seeker.id)).toEqual({ ok: true, name: "Sol Seeker" });
    const [notice] = await noticesOf(seeker, "team-invite");
    // Not the team's code, which changes when a member leaves.
    // The team in the address, so the page can say why the invitation ended, should it end before they answer.
    const path = `/events/${event.slug}/find-a-team?invitation=${team.id}#invitations`;
    expect(notice).toMatchObject({ title: `Lea Lead invites you to join ${team.name}`, path });
    const mails = await mailsOf(seeker, "team-invite");
    expect(mails).toHaveLength(1);
    expect(mails[0].textBody).toContain(`${ORIGIN}${path}`);
    expect(mails[0].textBody).not.toContain(team.inviteCode);
    expect(await invite({ id: lead.id, name: "Lea Lead" }, seeker.id)).toEqual({ ok: false, message: "You invited Sol Seeker already." });
    expect(await noticesOf(seeker, "team-invite")).toHaveLength(1);
    expect(await inviteState(team.id)).toEqual({ invited: [seeker.id], declined: [], removed: [], members: 1 });
    expect((await myInvitations(event.id, seeker.id)).map((i) => [i.teamName, i.leadName, i.memberCount])).toEqual([[team.name, lead.name, 1]]);
  });

  it("is joined from the invitation after the team's code changed, and only while it stands", async () => {
    const { lead, seeker, team, invite, event } = await world();
    const other = await createUser();
    expect(await acceptInvitation({ ...team, eventId: event.id }, other.id, 5, ORIGIN)).toEqual({
      ok: false,
      message: `Your invitation to ${team.name} is no longer open.`,
    });
    expect(await invite({ id: lead.id, name: "Lea Lead" }, seeker.id)).toMatchObject({ ok: true });
    await db.update(teams).set({ inviteCode: "CHANGED1" }).where(eq(teams.id, team.id));
    expect(await endedInvitation(event.id, team.id, seeker.id, null)).toBeNull();
    // Standing, but the event no longer lets anyone join: said with the reason.
    expect(await endedInvitation(event.id, team.id, seeker.id, "Submissions are closed.")).toBe(
      `The invitation from ${team.name} can no longer be answered: Submissions are closed.`,
    );
    expect(await acceptInvitation({ ...team, eventId: event.id }, seeker.id, 5, ORIGIN)).toEqual({ ok: true });
    expect(await memberCount(team.id)).toBe(2);
    // In a team now: no invitation is listed for them, and the notice's link says where they are.
    expect(await myInvitations(event.id, seeker.id)).toEqual([]);
    expect(await endedInvitation(event.id, team.id, seeker.id, null)).toBe(`You are in ${team.name} now.`);
    expect(await endedInvitation(event.id, team.id, other.id, null)).toBe(`The invitation from ${team.name} is no longer open.`);
    // A team of another event, or none.
    expect(await endedInvitation("another-event", team.id, seeker.id, null)).toBe("The team that invited you is no longer in this event.");
  });

  it("takes a no thanks once: the lead sees it, and the invitation no longer lets them in", async () => {
    const { lead, seeker, team, invite, event } = await world();
    expect(await invite({ id: lead.id, name: "Lea Lead" }, seeker.id)).toMatchObject({ ok: true });
    expect(await declineInvitation(team.id, seeker.id, new Date())).toBe(true);
    expect(await declineInvitation(team.id, seeker.id, new Date())).toBe(false);
    expect(await inviteState(team.id)).toEqual({ invited: [], declined: [seeker.id], removed: [], members: 1 });
    expect(await myInvitations(event.id, seeker.id)).toEqual([]);
    expect(await endedInvitation(event.id, team.id, seeker.id, null)).toBe(
      `You said no thanks to the invitation from ${team.name}. You can still ask to join it if it is looking.`,
    );
    expect(await acceptInvitation({ ...team, eventId: event.id }, seeker.id, 5, ORIGIN)).toMatchObject({ ok: false });
    expect(await invite({ id: lead.id, name: "Lea Lead" }, seeker.id)).toEqual({ ok: false, message: "You invited Sol Seeker already." });
    expect(await memberCount(team.id)).toBe(1);
  });

  it("goes with a decline of the person's request: neither the invitation nor the team's code lets them in, until invited again", async () => {
    const { lead, seeker, team, invite, event } = await world();
    expect(await invite({ id: lead.id, name: "Lea Lead" }, seeker.id)).toMatchObject({ ok: true });
    expect(await askToJoin(event, team.id, seeker.id, "", ORIGIN)).toEqual({ ok: true });
    const request = await requestOf(team.id, seeker);
    expect(await declineJoinRequest({ id: team.id, leadId: lead.id }, request!.id, confirmed, ORIGIN)).toMatchObject({ ok: true });
    expect(await inviteState(team.id)).toEqual({ invited: [], declined: [], removed: [], members: 1 });
    // The invitation's notice now leads to why it ended.
    expect(await endedInvitation(event.id, team.id, seeker.id, null)).toBe(
      `The invitation from ${team.name} is no longer open: its lead declined your request to join, which withdrew it.`,
    );
    expect(await acceptInvitation({ ...team, eventId: event.id }, seeker.id, 5, ORIGIN)).toMatchObject({ ok: false });
    expect(await joinTeam({ id: team.id, eventId: event.id }, seeker.id, 5)).toEqual({
      ok: false,
      field: "code",
      message: "The team lead declined your request to join this team. Ask the lead if things have changed.",
    });
    expect(await memberCount(team.id)).toBe(1);
    // The lead changes their mind: a new invitation lets them in.
    expect(await invite({ id: lead.id, name: "Lea Lead" }, seeker.id)).toMatchObject({ ok: true });
    expect(await acceptInvitation({ ...team, eventId: event.id }, seeker.id, 5, ORIGIN)).toEqual({ ok: true });
  });

  it("keeps the decline against the code while the person asks again, or withdraws that request; the lead may still accept", async () => {
    const { lead, seeker, team, event } = await world();
    const code = () => joinTeam({ id: team.id, eventId: event.id }, seeker.id, 5);
    const declined = { ok: false, field: "code", message: "The team lead declined your request to join this team. Ask the lead if things have changed." };
    expect(await askToJoin(event, team.id, seeker.id, "", ORIGIN)).toEqual({ ok: true });
    const request = await requestOf(team.id, seeker);
    expect(await declineJoinRequest({ id: team.id, leadId: lead.id }, request!.id, confirmed, ORIGIN)).toMatchObject({ ok: true });
    // Asked again (as the notice offers), the request is pending: the code still does not let them in past the decline.
    expect(await askToJoin(event, team.id, seeker.id, "Please, I know the CRM", ORIGIN)).toEqual({ ok: true });
    expect(await code()).toEqual(declined);
    expect(await joinRefusal(team.id, seeker.id, 5)).toBe(declined.message);
    // Withdrawn, neither.
    expect(await withdrawJoinRequest(seeker.id, request!.id, confirmed, ORIGIN)).toMatchObject({ ok: true });
    expect(await code()).toEqual(declined);
    expect(await memberCount(team.id)).toBe(1);
  });

  it("lets the lead accept a request asked again after their decline, and the person then leave and rejoin with the code", async () => {
    const { lead, seeker, team, event } = await world();
    expect(await askToJoin(event, team.id, seeker.id, "", ORIGIN)).toEqual({ ok: true });
    const request = await requestOf(team.id, seeker);
    expect(await declineJoinRequest({ id: team.id, leadId: lead.id }, request!.id, confirmed, ORIGIN)).toMatchObject({ ok: true });
    expect(await askToJoin(event, team.id, seeker.id, "", ORIGIN)).toEqual({ ok: true });
    expect(await acceptJoinRequest({ id: team.id, eventId: event.id, leadId: lead.id }, request!.id, ORIGIN)).toEqual({ ok: true });
    expect(await memberCount(team.id)).toBe(2);
    expect((await requestOf(team.id, seeker)).declinedAt).toBeNull();
    await db.delete(teamMembers).where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.userId, seeker.id)));
    expect(await joinTeam({ id: team.id, eventId: event.id }, seeker.id, 5)).toEqual({ ok: true });
  });

  it("is refused, with how to let them back in, for someone the lead removed from the team, until let back in", async () => {
    const { lead, seeker, team, invite, event } = await world();
    // They joined through an invitation, which removing them uses up.
    expect(await invite({ id: lead.id, name: "Lea Lead" }, seeker.id)).toMatchObject({ ok: true });
    expect(await acceptInvitation({ ...team, eventId: event.id }, seeker.id, 5, ORIGIN)).toEqual({ ok: true });
    expect(await removeMember({ id: team.id, leadId: lead.id }, seeker.id, confirmed, ORIGIN)).toEqual({ ok: true });
    expect(await myInvitations(event.id, seeker.id)).toEqual([]);
    expect(await saveSeekerPost(event, seeker.id, { skills: "Forecasting", problemId: undefined })).toEqual({ ok: true });
    expect(await inviteState(team.id)).toEqual({ invited: [], declined: [], removed: [seeker.id], members: 1 });
    expect(await invite({ id: lead.id, name: "Lea Lead" }, seeker.id)).toEqual({ ok: false, message: removedMessage("Sol Seeker") });
    expect(await noticesOf(seeker, "team-invite")).toHaveLength(1);
    expect(await allowRejoin(team.id, seeker.id)).toEqual({ ok: true });
    expect(await invite({ id: lead.id, name: "Lea Lead" }, seeker.id)).toEqual({ ok: true, name: "Sol Seeker" });
    expect(await acceptInvitation({ ...team, eventId: event.id }, seeker.id, 5, ORIGIN)).toEqual({ ok: true });
  });

  it("does not remove a member the lead was handed to meanwhile: the one removing no longer leads", async () => {
    const { lead, seeker, team, event } = await world();
    expect(await joinTeam({ id: team.id, eventId: event.id }, seeker.id, 5)).toEqual({ ok: true });
    // One tab hands the lead over; another, read before, removes the same person.
    expect(await handOverLead(team.id, seeker.id, confirmed, ORIGIN)).toEqual({ ok: true });
    expect(await removeMember({ id: team.id, leadId: lead.id }, seeker.id, confirmed, ORIGIN)).toEqual({
      ok: false,
      message: "You no longer lead this team: the lead was handed over meanwhile.",
    });
    expect(await memberCount(team.id)).toBe(2);
    expect(await inviteState(team.id)).toMatchObject({ removed: [] });
    expect(await noticesOf(seeker, "team-member-removed")).toHaveLength(0);
    // The old lead's other steps hold the lead in their statements too: nothing changes.
    const [{ inviteCode }] = await db.select({ inviteCode: teams.inviteCode }).from(teams).where(eq(teams.id, team.id));
    expect(await newTeamInviteCode(team.id, lead.id)).toBe(false);
    expect((await db.select({ inviteCode: teams.inviteCode }).from(teams).where(eq(teams.id, team.id)))[0].inviteCode).toBe(inviteCode);
    const third = await createUser();
    await db.insert(teamMembers).values({ teamId: team.id, eventId: event.id, userId: third.id });
    expect(await handOverLead(team.id, third.id, confirmed, ORIGIN, lead.id)).toEqual({ ok: false, message: NO_LONGER_LEAD });
    expect((await db.select({ leadId: teams.leadId }).from(teams).where(eq(teams.id, team.id)))[0].leadId).toBe(seeker.id);
    await db.insert(teamRemovals).values({ teamId: team.id, userId: (await createUser()).id });
    const [removal] = await db.select().from(teamRemovals).where(eq(teamRemovals.teamId, team.id));
    expect(await allowRejoin(team.id, removal.userId, lead.id)).toEqual({ ok: false, message: NO_LONGER_LEAD });
    expect(await allowRejoin(team.id, removal.userId, seeker.id)).toEqual({ ok: true });
  });

  it("lets the code in after the lead invited again, also once that invitation was answered no thanks", async () => {
    const { lead, seeker, team, invite, event } = await world();
    expect(await askToJoin(event, team.id, seeker.id, "", ORIGIN)).toEqual({ ok: true });
    const request = await requestOf(team.id, seeker);
    expect(await declineJoinRequest({ id: team.id, leadId: lead.id }, request!.id, confirmed, ORIGIN)).toMatchObject({ ok: true });
    // The invitation comes after the decline (also within its millisecond): the lead's later word.
    expect(await invite({ id: lead.id, name: "Lea Lead" }, seeker.id)).toMatchObject({ ok: true });
    expect(await declineInvitation(team.id, seeker.id, new Date())).toBe(true);
    // Having said no thanks, they change their mind: the team's code is not refused as if the lead had turned them down.
    expect(await joinTeam({ id: team.id, eventId: event.id }, seeker.id, 5)).toEqual({ ok: true });
    expect(await memberCount(team.id)).toBe(2);
  });

  it("settles the person's pending request to the same team when they join by the invitation's link", async () => {
    const { event, team, seeker, invite, lead } = await world();
    expect(await askToJoin(event, team.id, seeker.id, "", ORIGIN)).toEqual({ ok: true });
    expect(await invite({ id: lead.id, name: "Lea Lead" }, seeker.id)).toMatchObject({ ok: true });
    expect(await joinTeam({ id: team.id, eventId: event.id }, seeker.id, 5)).toEqual({ ok: true });
    expect(await requestOf(team.id, seeker)).toMatchObject({ status: "accepted" });
    expect((await teamJoinRequests({ id: team.id, eventId: event.id })).filter((r) => r.status === "pending")).toEqual([]);
  });

  it("is refused to anyone but the lead, for someone with no post or in a team, and when the team is full", async () => {
    const { lead, seeker, team, event, invite } = await world(2);
    const member = await createUser();
    expect(await joinTeam({ id: team.id, eventId: event.id }, member.id, 5)).toMatchObject({ ok: true });
    // Not the lead.
    expect(await invite({ id: member.id, name: "M" }, seeker.id)).toMatchObject({ ok: false });
    // Full (2 of 2).
    expect(await invite({ id: lead.id, name: "Lea Lead" }, seeker.id)).toEqual({
      ok: false,
      message: "Sol Seeker is no longer looking, or your team is full.",
    });
    // No post.
    const other = await world();
    const postless = await createUser();
    expect(await other.invite({ id: other.lead.id, name: "L" }, postless.id)).toMatchObject({ ok: false });
    expect(await noticesOf(seeker, "team-invite")).toEqual([]);
    expect(await noticesOf(postless, "team-invite")).toEqual([]);
  });
});
