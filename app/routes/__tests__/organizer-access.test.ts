// Every organizer action and page, refused (403) to a signed-in member, a judge and a team member of the event,
// and to an organizer of a different event; and nothing is changed by a refused action.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { entries, events } from "#db/schema";
import { db } from "~/db.server";
import { addJudge, listCriteria } from "~/modules/events/events.server";
import { addAssignment, setJudgesPerEntry } from "~/modules/events/assignments.server";
import { createJudgeInvite } from "~/modules/events/judge-invites.server";
import { createTeam } from "~/modules/teams/teams.server";
import * as editRoute from "~/routes/events.$slug.edit";
import * as judgesRoute from "~/routes/events.$slug.judges";
import * as manageRoute from "~/routes/events.$slug.manage";
import * as problemEditRoute from "~/routes/events.$slug.problems.$problemId.edit";
import * as copyRoute from "~/routes/events.$slug.problems.copy";
import * as newProblemRoute from "~/routes/events.$slug.problems.new";
import * as rubricRoute from "~/routes/events.$slug.rubric";
import { args, createOpenEvent, createUser, eventForm, expectStatus, getEvent, problemInput, request, type TestUser } from "~/test/fixtures";

type RouteModule = { loader?: (a: ReturnType<typeof args>) => Promise<unknown>; action?: (a: ReturnType<typeof args>) => Promise<unknown> };
type Case = { name: string; route: RouteModule; path: string; params: Record<string, string>; form?: Record<string, string> };

const world = {} as {
  outsiders: Record<string, TestUser>;
  organizer: TestUser;
  cases: Case[];
  tables: string[];
  eventId: string;
};

beforeAll(async () => {
  const organizer = await createUser({ role: "organizer" });
  const otherOrganizer = await createUser({ role: "organizer" });
  const [member, judge, teamMember, coOrganizerToBe] = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
  const { event, problem } = await createOpenEvent(organizer);
  const { event: other, problem: otherProblem } = await createOpenEvent(otherOrganizer);
  await addJudge(event.id, judge.email);
  const team = await createTeam(event, teamMember.id, { name: "Access team", problemId: problem.id });
  if (!team.ok) throw new Error("setup");
  await db.update(entries).set({ status: "submitted", title: "Access entry", outcome: "working" }).where(eq(entries.teamId, team.teamId));
  const [entry] = await db.select().from(entries).where(eq(entries.teamId, team.teamId));
  const set = await setJudgesPerEntry(await getEvent(event.id), 1);
  if (!set.ok) throw new Error(set.message);
  await addAssignment(event.id, entry.id, judge.id);
  await createJudgeInvite(event.id, organizer.id, 7);
  const [invite] = await db.all<{ id: string }>(sql`select id from judge_invites where event_id = ${event.id}`);
  const rubric = await listCriteria(event.id);
  const rubricForm: Record<string, string> = { intent: "save-rubric" };
  rubric.forEach((c, i) => {
    rubricForm[`criteria[${i}].id`] = c.id;
    rubricForm[`criteria[${i}].name`] = `Renamed ${i}`;
    rubricForm[`criteria[${i}].description`] = c.description;
    rubricForm[`criteria[${i}].weight`] = "10";
  });

  const slug = event.slug;
  const p = { slug };
  const manage = (form: Record<string, string>): Case => ({
    name: `manage ${form.intent}`,
    route: manageRoute,
    path: `/events/${slug}/manage`,
    params: p,
    form,
  });
  const judges = (form: Record<string, string>): Case => ({
    name: `judges ${form.intent}`,
    route: judgesRoute,
    path: `/events/${slug}/judges`,
    params: p,
    form,
  });
  world.organizer = organizer;
  world.eventId = event.id;
  world.outsiders = { member, judge, teamMember, "organizer of another event": otherOrganizer };
  world.cases = [
    {
      name: "edit event",
      route: editRoute,
      path: `/events/${slug}/edit`,
      params: p,
      form: eventForm({ title: "Hijacked", slug: "hijacked" }) as Record<string, string>,
    },
    manage({ intent: "phase", to: "judging", confirmed: "on" }),
    manage({ intent: "add-judge", email: member.email }),
    manage({ intent: "remove-judge", userId: judge.id, confirmed: "on" }),
    manage({ intent: "add-organizer", email: coOrganizerToBe.email }),
    manage({ intent: "remove-organizer", userId: organizer.id, confirmed: "on" }),
    manage({ intent: "delete-draft", confirmed: "on", confirmName: event.title }),
    manage({ intent: "move-problem", problemId: problem.id, direction: "down" }),
    manage({ intent: "retire-problem", problemId: problem.id, confirmed: "on" }),
    manage({ intent: "restore-problem", problemId: problem.id }),
    { name: "add problem", route: newProblemRoute, path: `/events/${slug}/problems/new`, params: p, form: { ...problemInput, title: "Injected" } },
    {
      name: "edit problem",
      route: problemEditRoute,
      path: `/events/${slug}/problems/${problem.id}/edit`,
      params: { slug, problemId: problem.id },
      form: { ...problemInput, title: "Defaced" },
    },
    { name: "copy problems", route: copyRoute, path: `/events/${slug}/problems/copy`, params: p, form: { from: other.slug, problemIds: otherProblem.id } },
    { name: "rubric save", route: rubricRoute, path: `/events/${slug}/rubric`, params: p, form: rubricForm },
    {
      name: "rubric scale",
      route: rubricRoute,
      path: `/events/${slug}/rubric`,
      params: p,
      form: { intent: "save-rubric", changeScale: "yes", scaleMax: "10" },
    },
    judges({ intent: "create-invite", days: "7" }),
    judges({ intent: "revoke-invite", inviteId: invite.id, confirmed: "on" }),
    judges({ intent: "set-mode", mode: "all" }),
    judges({ intent: "recompute" }),
    judges({ intent: "add-assignment", entryId: entry.id, judgeId: judge.id }),
    judges({ intent: "remove-assignment", entryId: entry.id, judgeId: judge.id }),
  ];
  world.tables = (
    await db.all<{ name: string }>(
      sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%fts%' and name not in ('__drizzle_migrations', 'sessions', 'rate_limits')`,
    )
  ).map((r) => r.name);
});

/** Every row of every table, so a refused action provably changed nothing. */
async function snapshot() {
  const out: Record<string, unknown[]> = {};
  for (const t of world.tables) out[t] = await db.all(sql.raw(`select * from "${t}" order by 1, 2`));
  return out;
}

describe("organizer actions", () => {
  it("are refused with 403 to everyone who does not organize the event, and change nothing", async () => {
    const before = await snapshot();
    for (const [who, user] of Object.entries(world.outsiders)) {
      for (const c of world.cases) {
        const res = await expectStatus(c.route.action!(args(request(c.path, { user, form: c.form }), c.params)), 403).catch((e: Error) => {
          throw new Error(`${c.name} as ${who}: ${e.message}`);
        });
        expect(typeof res.data, `${c.name} as ${who}`).toBe("string");
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuse every organizer page to the same people", async () => {
    const pages = new Map(world.cases.filter((c) => c.route.loader).map((c) => [c.path, c]));
    expect(pages.size).toBe(7);
    for (const [who, user] of Object.entries(world.outsiders)) {
      for (const c of pages.values()) {
        const res = await expectStatus(c.route.loader!(args(request(c.path, { user }), c.params)), 403).catch((e: Error) => {
          throw new Error(`${c.path} as ${who}: ${e.message}`);
        });
        expect(res.data).toBe("Only this event's organizers can do that.");
      }
    }
  });

  it("are allowed to the event's own organizer (the refusals above are about who, not what)", async () => {
    for (const c of world.cases.filter((c) => c.route.loader)) {
      await expectStatus(c.route.loader!(args(request(c.path, { user: world.organizer }), c.params)), 200);
    }
    const renamed = await expectStatus(
      editRoute.action(
        args(request(world.cases[0].path, { user: world.organizer, form: eventForm({ title: "Renamed by its organizer", slug: "" }) }), world.cases[0].params),
      ),
      302,
    );
    expect(renamed.response!.headers.get("Location")).toMatch(/^\/events\/renamed-by-its-organizer/);
    const [row] = await db.select({ title: events.title }).from(events).where(eq(events.id, world.eventId));
    expect(row.title).toBe("Renamed by its organizer");
  });
});
