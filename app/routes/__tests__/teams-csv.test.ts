// The teams-and-members CSV: organizers only, one row per team with its submission state, formula-safe.
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { entries } from "#db/schema";
import { db } from "~/db.server";
import { addJudge } from "~/modules/events/events.server";
import { createTeam, joinTeam } from "~/modules/teams/teams.server";
import { loader as teamsCsvLoader } from "~/routes/events.$slug.teams[.]csv";
import { args, createOpenEvent, createUser, expectStatus, request, type TestUser } from "~/test/fixtures";

async function world() {
  const organizer = await createUser({ role: "organizer" });
  const admin = await createUser({ role: "admin" });
  const lead = await createUser({ name: '=HYPERLINK("http://evil.example","lead")' });
  const member = await createUser({ name: "Mia Member" });
  const other = await createUser({ name: "Oli Other" });
  const quiet = await createUser({ name: "Quinn Quiet" });
  const judge = await createUser();
  const { event, problem } = await createOpenEvent(organizer);
  await addJudge(event.id, judge.email);
  const evil = await createTeam(event, lead.id, { name: '=HYPERLINK("http://evil.example","click")', problemId: problem.id });
  const drafting = await createTeam(event, other.id, { name: "Drafting", problemId: problem.id });
  const silent = await createTeam(event, quiet.id, { name: "Silent", problemId: problem.id });
  if (!evil.ok || !drafting.ok || !silent.ok) throw new Error("setup");
  await joinTeam({ id: evil.teamId, eventId: event.id }, member.id, 5);
  await db.update(entries).set({ status: "submitted", title: "+Sum it up" }).where(eq(entries.teamId, evil.teamId));
  await db.update(entries).set({ title: "Half done" }).where(eq(entries.teamId, drafting.teamId));
  return { organizer, admin, lead, member, other, judge, event };
}

const csv = (slug: string, user: TestUser) => teamsCsvLoader(args(request(`/events/${slug}/teams.csv`, { user }), { slug }));

describe("teams and members CSV", () => {
  it("lists every team with problem, lead, members and submission state, formulas neutralised", async () => {
    const w = await world();
    const res = await expectStatus(csv(w.event.slug, w.organizer), 200);
    expect(res.response!.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const text = await res.response!.text();
    const rows = parse(text) as string[][];
    expect(rows[0]).toEqual(["team", "problem", "submission", "entry", "lead", "lead email", "members", "member emails"]);
    const byTeam = Object.fromEntries(rows.slice(1).map((r) => [r[0], r]));
    const evil = byTeam[`'=HYPERLINK("http://evil.example","click")`];
    expect(evil.slice(2)).toEqual([
      "submitted",
      "'+Sum it up",
      `'=HYPERLINK("http://evil.example","lead")`,
      w.lead.email,
      `'=HYPERLINK("http://evil.example","lead"); Mia Member`,
      `${w.lead.email}; ${w.member.email}`,
    ]);
    expect(byTeam["Drafting"][2]).toBe("draft");
    expect(byTeam["Silent"][2]).toBe("no entry");
    // No cell anywhere starts with a formula character.
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it("is for the event's organizers and admins; participants and judges are refused like the other CSVs", async () => {
    const w = await world();
    await expectStatus(csv(w.event.slug, w.admin), 200);
    for (const user of [w.lead, w.other, w.judge, await createUser(), await createUser({ role: "organizer" })]) {
      await expectStatus(csv(w.event.slug, user), 403);
    }
  });
});
