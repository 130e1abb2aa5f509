// The Find a team page (ADR 032) through its loader and action: who may post, ask, answer and withdraw, with the
// reasons shown; bad input gets a message next to the field; destructive intents answer with a confirm step first.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { events, joinRequests, outbox, teamInvites, teamMembers, teams, teamSeekers } from "#db/schema";
import { db } from "~/db.server";
import { addJudge } from "~/modules/events/events.server";
import { createTeam } from "~/modules/teams/teams.server";
import { loader as eventLoader } from "~/routes/events.$slug._index";
import { action, loader } from "~/routes/events.$slug.find-a-team";
import { args, createOpenEvent, createUser, expectStatus, fieldErrors, movePhase, request, type TestUser } from "~/test/fixtures";

async function world() {
  const organizer = await createUser({ role: "organizer" });
  const { event, problem } = await createOpenEvent(organizer, { maxTeamSize: 3 });
  const [lead, seeker, judge] = [await createUser({ name: "Lea Lead" }), await createUser({ name: "Sid Seeker" }), await createUser()];
  await addJudge(event.id, judge.email);
  const team = await createTeam(event, lead.id, { name: "Ramp Rockets", problemId: problem.id });
  if (!team.ok) throw new Error(team.message);
  return { organizer, event, problem, lead, seeker, judge, teamId: team.teamId };
}

const page = (slug: string, user: TestUser) => loader(args(request(`/events/${slug}/find-a-team`, { user }), { slug }));
const post = (slug: string, user: TestUser, form: Record<string, string>) => action(args(request(`/events/${slug}/find-a-team`, { user, form }), { slug }));
type PageData = {
  seekers: { name: string }[];
  openTeams: { name: string; needs: string }[];
  requests: { status: string }[];
  incoming: { id: string; status: string }[];
  seekRefusal: string | null;
};

describe("the Find a team page", () => {
  it("keeps what was typed, with the reason, when the event moved on or the lead was handed over meanwhile", async () => {
    const w = await world();
    const member = await createUser({ name: "Mel Member" });
    await db.insert(teamMembers).values({ teamId: w.teamId, eventId: w.event.id, userId: member.id });
    // The lead hands over in another tab; the old lead's "What your team needs" comes back beside its form.
    await db.update(teams).set({ leadId: member.id }).where(eq(teams.id, w.teamId));
    const opening = await expectStatus(post(w.event.slug, w.lead, { intent: "save-opening", needs: "A forecaster who knows R" }), 403);
    expect(opening.thrown).toBe(false);
    expect(opening.data).toMatchObject({
      form: "opening",
      result: { initialValue: { needs: "A forecaster who knows R" } },
      kept: ["What your team needs: A forecaster who knows R"],
    });
    expect(fieldErrors(opening)[""]).toHaveLength(1);
    // Judging starts: a post and a note to a lead typed meanwhile come back too.
    await movePhase(w.event.id, w.organizer, "judging");
    const postRefused = await expectStatus(post(w.event.slug, w.seeker, { intent: "save-post", skills: "SQL, CRM exports", problemId: "" }), 403);
    expect(postRefused.thrown).toBe(false);
    // With the text as lines to copy too, for the error page a browser without JavaScript shows next (the page is refused).
    expect(postRefused.data).toMatchObject({
      form: "post",
      result: { initialValue: { skills: "SQL, CRM exports" } },
      kept: ["Your skills and interests: SQL, CRM exports"],
    });
    expect(fieldErrors(postRefused)[""]).toEqual(["Finding a team is open only while the event is open."]);
    const ask = await expectStatus(post(w.event.slug, w.seeker, { intent: "ask", teamId: w.teamId, message: "I know the CRM" }), 403);
    expect(ask.data).toMatchObject({
      form: "ask",
      teamId: w.teamId,
      result: { initialValue: { message: "I know the CRM" } },
      kept: ["Your note to the lead: I know the CRM"],
    });
    // Other intents, and the page itself, stay refused as before.
    expect((await expectStatus(post(w.event.slug, w.seeker, { intent: "remove-post" }), 403)).thrown).toBe(true);
    await expectStatus(page(w.event.slug, w.seeker), 403);
  });

  it("walks a request from post to member: post, list the team, ask, accept", async () => {
    const w = await world();
    await expectStatus(post(w.event.slug, w.seeker, { intent: "save-post", skills: "SQL, CRM exports", problemId: w.problem.id }), 302);
    await expectStatus(post(w.event.slug, w.lead, { intent: "save-opening", needs: "Someone who knows the CRM" }), 302);
    const seen = (await expectStatus(page(w.event.slug, w.seeker), 200)).data as PageData;
    expect(seen.seekers.map((s) => s.name)).toEqual(["Sid Seeker"]);
    expect(seen.openTeams).toMatchObject([{ name: "Ramp Rockets", needs: "Someone who knows the CRM" }]);
    await expectStatus(post(w.event.slug, w.seeker, { intent: "ask", teamId: w.teamId, message: "Hello" }), 302);
    const lead = (await expectStatus(page(w.event.slug, w.lead), 200)).data as PageData;
    expect(lead.incoming).toMatchObject([{ status: "pending" }]);
    await expectStatus(post(w.event.slug, w.lead, { intent: "accept", requestId: lead.incoming[0].id }), 302);
    const members = await db
      .select()
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, w.teamId), eq(teamMembers.userId, w.seeker.id)));
    expect(members).toHaveLength(1);
    const after = (await expectStatus(page(w.event.slug, w.seeker), 200)).data as PageData;
    expect(after.seekers).toEqual([]);
    expect(after.requests).toMatchObject([{ status: "accepted" }]);
  });

  it("answers an invitation on the page: the lead sees who was asked, and who said no thanks; joining needs no code", async () => {
    const w = await world();
    const other = await createUser({ name: "Oli Other" });
    for (const who of [w.seeker, other]) await expectStatus(post(w.event.slug, who, { intent: "save-post", skills: "SQL", problemId: "" }), 302);
    await expectStatus(post(w.event.slug, w.lead, { intent: "invite", userId: w.seeker.id }), 302);
    await expectStatus(post(w.event.slug, w.lead, { intent: "invite", userId: other.id }), 302);
    type Invited = { invitations: { teamId: string; teamName: string; leadName: string }[] };
    const seen = (await expectStatus(page(w.event.slug, w.seeker), 200)).data as Invited;
    expect(seen.invitations).toMatchObject([{ teamId: w.teamId, teamName: "Ramp Rockets", leadName: "Lea Lead" }]);
    // The event page says so where they would start a team.
    const eventPage = (slug: string, user: TestUser) => eventLoader(args(request(`/events/${slug}`, { user }), { slug }));
    expect(((await expectStatus(eventPage(w.event.slug, w.seeker), 200)).data as { invitation: string | null }).invitation).toBe(
      "Lea Lead invites you to join Ramp Rockets",
    );

    // Oli says no thanks; the lead's page says so.
    const no = await expectStatus(post(w.event.slug, other, { intent: "decline-invite", teamId: w.teamId }), 302);
    expect(no.response!.headers.get("Location")).toBe(`/events/${w.event.slug}/find-a-team`);
    expect(((await expectStatus(page(w.event.slug, other), 200)).data as Invited).invitations).toEqual([]);
    const lead = (await expectStatus(page(w.event.slug, w.lead), 200)).data as { invites: { invited: string[]; declined: string[] } };
    expect(lead.invites).toMatchObject({ invited: [w.seeker.id], declined: [other.id] });
    // …and cannot join by it any more; nor can someone never invited.
    const late = await expectStatus(post(w.event.slug, other, { intent: "accept-invite", teamId: w.teamId }), 409);
    expect(late.data).toEqual({ invitationError: { teamId: w.teamId, message: "Your invitation to Ramp Rockets is no longer open." } });

    // Sid joins after the team's code changed.
    await db.update(teams).set({ inviteCode: "NEWCODE1" }).where(eq(teams.id, w.teamId));
    const joined = await expectStatus(post(w.event.slug, w.seeker, { intent: "accept-invite", teamId: w.teamId }), 302);
    expect(joined.response!.headers.get("Location")).toBe(`/events/${w.event.slug}/teams/${w.teamId}`);
    expect(
      await db
        .select()
        .from(teamMembers)
        .where(and(eq(teamMembers.teamId, w.teamId), eq(teamMembers.userId, w.seeker.id))),
    ).toHaveLength(1);
    expect(((await expectStatus(eventPage(w.event.slug, w.seeker), 200)).data as { invitation: string | null }).invitation).toBeNull();
    // A judge of the event never joins a team, invited or not.
    await db.insert(teamInvites).values({ teamId: w.teamId, userId: w.judge.id, invitedBy: w.lead.id, createdAt: new Date() });
    await expectStatus(post(w.event.slug, w.judge, { intent: "accept-invite", teamId: w.teamId }), 403);
    await expectStatus(post(w.event.slug, w.seeker, { intent: "accept-invite", teamId: "nobody" }), 404);
  });

  it("tells the lead, before declining, that declining withdraws the invitation they sent the asker", async () => {
    const w = await world();
    await expectStatus(post(w.event.slug, w.seeker, { intent: "save-post", skills: "SQL", problemId: "" }), 302);
    await expectStatus(post(w.event.slug, w.lead, { intent: "save-opening", needs: "Someone who knows the CRM" }), 302);
    await expectStatus(post(w.event.slug, w.seeker, { intent: "ask", teamId: w.teamId, message: "Hello" }), 302);
    const before = (await expectStatus(page(w.event.slug, w.lead), 200)).data as { incoming: { invited: boolean }[] };
    expect(before.incoming).toMatchObject([{ invited: false }]);
    await expectStatus(post(w.event.slug, w.lead, { intent: "invite", userId: w.seeker.id }), 302);
    const after = (await expectStatus(page(w.event.slug, w.lead), 200)).data as { incoming: { invited: boolean }[] };
    expect(after.incoming).toMatchObject([{ invited: true }]);
  });

  it("is for open events only", async () => {
    const w = await world();
    await movePhase(w.event.id, w.organizer, "judging");
    const refused = await expectStatus(page(w.event.slug, w.seeker), 403);
    expect(refused.response ? await refused.response.text() : refused.data).toContain("Finding a team is open only while the event is open.");
  });

  it("lets only people who could join a team post or ask, and says why to the others", async () => {
    const w = await world();
    expect(((await expectStatus(page(w.event.slug, w.judge), 200)).data as PageData).seekRefusal).toBe(
      "You judge this event, so you cannot join or create a team in it.",
    );
    await expectStatus(post(w.event.slug, w.judge, { intent: "save-post", skills: "SQL" }), 403);
    await expectStatus(post(w.event.slug, w.lead, { intent: "save-post", skills: "SQL" }), 403);
    await expectStatus(post(w.event.slug, w.lead, { intent: "ask", teamId: w.teamId }), 403);
    // A team that is not looking for members cannot be asked.
    await expectStatus(post(w.event.slug, w.seeker, { intent: "ask", teamId: w.teamId }), 403);
    // Only the lead lists the team or answers.
    await expectStatus(post(w.event.slug, w.seeker, { intent: "save-opening", needs: "Anyone" }), 403);
    await expectStatus(post(w.event.slug, w.seeker, { intent: "accept", requestId: "x" }), 403);
    expect(await db.select().from(joinRequests).where(eq(joinRequests.eventId, w.event.id))).toEqual([]);
  });

  it("is not shown to a judge of a blind event: its teams, members and ids would name the entries later", async () => {
    const w = await world();
    await expectStatus(post(w.event.slug, w.lead, { intent: "save-opening", needs: "Someone who knows the CRM" }), 302);
    await db.update(events).set({ blindJudging: true }).where(eq(events.id, w.event.id));
    const refused = await expectStatus(page(w.event.slug, w.judge), 403);
    expect(refused.response ? await refused.response.text() : refused.data).toContain("This event's judging is blind");
    const posted = await expectStatus(post(w.event.slug, w.judge, { intent: "save-post", skills: "SQL" }), 403);
    expect(posted.response ? await posted.response.text() : posted.data).toContain("This event's judging is blind");
    // A judge who is in a team anyway (the roster allows it) is offered no link there from the event page.
    await db.insert(teamMembers).values({ teamId: w.teamId, eventId: w.event.id, userId: w.judge.id });
    const eventPage = await expectStatus(eventLoader(args(request(`/events/${w.event.slug}`, { user: w.judge }), { slug: w.event.slug })), 200);
    expect((eventPage.data as { can: { findTeam: boolean } }).can.findTeam).toBe(false);
    // Everyone else still finds the team.
    expect(((await expectStatus(page(w.event.slug, w.seeker), 200)).data as PageData).openTeams).toMatchObject([{ name: "Ramp Rockets" }]);
    expect(((await expectStatus(page(w.event.slug, w.organizer), 200)).data as PageData).openTeams).toMatchObject([{ name: "Ramp Rockets" }]);
  });

  it("refuses beside the form, with what was typed, once the page is out of date; a deleted team's links say so", async () => {
    const w = await world();
    type Refused = { form: string; teamId?: string; result: { initialValue: Record<string, string>; error: Record<string, string[]> } };
    // The lead stops looking between the page's load and the person's request: the note comes back with the reason.
    await expectStatus(post(w.event.slug, w.lead, { intent: "save-opening", needs: "Anyone" }), 302);
    await expectStatus(post(w.event.slug, w.lead, { intent: "close-opening" }), 302);
    const asked = (await expectStatus(post(w.event.slug, w.seeker, { intent: "ask", teamId: w.teamId, message: "I know the CRM well" }), 403)).data as Refused;
    expect(asked).toMatchObject({ form: "ask", teamId: w.teamId, result: { initialValue: { message: "I know the CRM well" } } });
    expect(asked.result.error[""]).toEqual(["This team is not looking for members."]);
    // Someone who joined a team in another tab, with a post or a request still typed on this one.
    const other = await createTeam(w.event, w.seeker.id, { name: "Other Owls", problemId: w.problem.id });
    if (!other.ok) throw new Error(other.message);
    const posted = (await expectStatus(post(w.event.slug, w.seeker, { intent: "save-post", skills: "SQL and patience" }), 403)).data as Refused;
    expect(posted).toMatchObject({ form: "post", result: { initialValue: { skills: "SQL and patience" } } });
    expect(posted.result.error[""]).toEqual(["You are already in a team for this event: one team per person per event."]);
    const joinedMeanwhile = (await expectStatus(post(w.event.slug, w.seeker, { intent: "ask", teamId: w.teamId, message: "Hi" }), 403)).data as Refused;
    expect(joinedMeanwhile.result.error[""]).toEqual(["You are already in a team for this event: one team per person per event."]);
    const accepted = await expectStatus(post(w.event.slug, w.seeker, { intent: "accept-invite", teamId: w.teamId }), 403);
    expect(accepted.data).toEqual({
      invitationError: { teamId: w.teamId, message: "You are already in a team for this event: one team per person per event." },
    });

    // A team its last member deleted: an invitation from it, or a request to it, is answered beside the list.
    const asker = await createUser({ name: "Ada Asker" });
    await expectStatus(post(w.event.slug, w.lead, { intent: "save-opening", needs: "Anyone" }), 302);
    await expectStatus(post(w.event.slug, asker, { intent: "ask", teamId: w.teamId }), 302);
    const [req] = await db.select().from(joinRequests).where(eq(joinRequests.userId, asker.id));
    await db.delete(teams).where(eq(teams.id, w.teamId));
    const withdrawn = await expectStatus(post(w.event.slug, asker, { intent: "withdraw", requestId: req.id, confirmed: "on" }), 404);
    expect(withdrawn.data).toEqual({
      requestError: { requestId: req.id, message: "That team no longer exists, and your request with it: its last member deleted it." },
    });
    for (const intent of ["accept-invite", "decline-invite"]) {
      const gone = await expectStatus(post(w.event.slug, asker, { intent, teamId: w.teamId }), 404);
      expect(gone.data).toEqual({ invitationError: { teamId: w.teamId, message: "That team no longer exists: its last member deleted it." } });
    }
  });

  it("puts bad input next to its field and keeps nothing of it", async () => {
    const w = await world();
    const short = await expectStatus(post(w.event.slug, w.seeker, { intent: "save-post", skills: "x" }), 400);
    expect(fieldErrors(short)).toEqual({ skills: ["Say what you are good at or interested in (at least 3 characters)"] });
    const foreign = await expectStatus(post(w.event.slug, w.seeker, { intent: "save-post", skills: "SQL", problemId: "not-this-events" }), 400);
    expect(fieldErrors(foreign)).toEqual({ problemId: ["Pick a problem of this event"] });
    expect(await db.select().from(teamSeekers).where(eq(teamSeekers.eventId, w.event.id))).toEqual([]);
  });

  it("asks before removing a post, withdrawing or declining", async () => {
    const w = await world();
    await expectStatus(post(w.event.slug, w.seeker, { intent: "save-post", skills: "SQL" }), 302);
    await expectStatus(post(w.event.slug, w.seeker, { intent: "remove-post" }), 409);
    expect(await db.select().from(teamSeekers).where(eq(teamSeekers.userId, w.seeker.id))).toHaveLength(1);
    await expectStatus(post(w.event.slug, w.seeker, { intent: "remove-post", confirmed: "on" }), 302);
    expect(await db.select().from(teamSeekers).where(eq(teamSeekers.userId, w.seeker.id))).toHaveLength(0);

    await expectStatus(post(w.event.slug, w.lead, { intent: "save-opening", needs: "Anyone" }), 302);
    await expectStatus(post(w.event.slug, w.seeker, { intent: "ask", teamId: w.teamId }), 302);
    const [req] = await db.select().from(joinRequests).where(eq(joinRequests.userId, w.seeker.id));
    const confirm = await expectStatus(post(w.event.slug, w.seeker, { intent: "withdraw", requestId: req.id }), 409);
    expect(confirm.data).toEqual({ confirm: { kind: "withdraw", requestId: req.id, teamName: "Ramp Rockets", askerName: "Sid Seeker" } });
    // Someone else's request is not theirs to withdraw.
    await expectStatus(post(w.event.slug, w.lead, { intent: "withdraw", requestId: req.id, confirmed: "on" }), 403);
    await expectStatus(post(w.event.slug, w.lead, { intent: "decline", requestId: req.id }), 409);
    const toldOfDecline = () =>
      db
        .select()
        .from(outbox)
        .where(and(eq(outbox.toEmail, w.seeker.email.toLowerCase()), eq(outbox.kind, "join-request-declined")));
    expect(await toldOfDecline()).toHaveLength(0);
    await expectStatus(post(w.event.slug, w.lead, { intent: "decline", requestId: req.id, confirmed: "on" }), 302);
    const [declined] = await db.select().from(joinRequests).where(eq(joinRequests.id, req.id));
    expect(declined.status).toBe("declined");
    // The asker is told, with a link built on the route's origin (http://localhost in tests).
    const [mail] = await toldOfDecline();
    expect(mail.textBody).toContain(`http://localhost/events/${w.event.slug}/find-a-team#my-requests`);
  });
});
