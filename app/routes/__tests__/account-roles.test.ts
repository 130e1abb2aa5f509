// The account page lists each event the person is part of, with their roles in it, against the real database.
import { describe, expect, it } from "vitest";
import { eventJudges, eventOrganizers } from "#db/schema";
import { db } from "~/db.server";
import { createTeam, joinTeam } from "~/modules/teams/teams.server";
import { loader as accountLoader } from "~/routes/account";
import { args, createDraftEvent, createOpenEvent, createUser, expectStatus, movePhase, request, type TestUser } from "~/test/fixtures";

type AccountData = { user: { email: string }; siteRole: { badge: string } | null; events: { title: string; roles: { label: string }[] }[] };
const account = async (user: TestUser) => (await expectStatus(accountLoader(args(request("/account", { user }))), 200)).data as AccountData;
const rolesIn = (d: AccountData, title: string) => d.events.find((e) => e.title === title)?.roles.map((r) => r.label);

describe("account: roles per event", () => {
  it("lists organizer, judge, team lead and team member per event, and no site badge for a member", async () => {
    const organizer = await createUser({ role: "organizer" });
    const [person, lead] = await Promise.all([createUser(), createUser()]);
    const judged = await createOpenEvent(organizer);
    const joined = await createOpenEvent(organizer);
    const led = await createOpenEvent(organizer);
    await db.insert(eventJudges).values({ eventId: judged.event.id, userId: person.id });
    await movePhase(judged.event.id, organizer, "judging");
    const team = await createTeam(joined.event, lead.id, { name: "Blue", problemId: joined.problem.id });
    if (!team.ok) throw new Error("team setup failed");
    expect(await joinTeam({ id: team.teamId, eventId: joined.event.id }, person.id, 5)).toEqual({ ok: true });
    expect((await createTeam(led.event, person.id, { name: "Green", problemId: led.problem.id })).ok).toBe(true);
    await db.insert(eventOrganizers).values({ eventId: led.event.id, userId: person.id });

    const d = await account(person);
    expect(d.siteRole).toBeNull();
    expect(d.events).toHaveLength(3);
    expect(rolesIn(d, judged.event.title)).toEqual(["Judge"]);
    expect(rolesIn(d, joined.event.title)).toEqual(["Team member of Blue"]);
    expect(rolesIn(d, led.event.title)).toEqual(["Organizer", "Team lead of Green"]);
    expect(rolesIn(await account(lead), joined.event.title)).toEqual(["Team lead of Blue"]);
    expect((await account(organizer)).siteRole?.badge).toBe("Organizer");
  });

  it("does not reveal a draft event to a judge who does not organize it", async () => {
    const organizer = await createUser({ role: "organizer" });
    const judge = await createUser();
    const draft = await createDraftEvent(organizer);
    await db.insert(eventJudges).values({ eventId: draft.id, userId: judge.id });
    expect((await account(judge)).events).toEqual([]);
    expect(rolesIn(await account(organizer), draft.title)).toEqual(["Organizer"]);
  });
});
