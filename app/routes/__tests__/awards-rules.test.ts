import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { awards, entries, eventJudges } from "#db/schema";
import { db } from "~/db.server";
import { saveEntry } from "~/modules/entries/entries.server";
import { listCriteria } from "~/modules/events/events.server";
import { createTeam } from "~/modules/teams/teams.server";
import { action as awardsAction, loader as awardsLoader } from "~/routes/events.$slug.awards";
import { action as scoreAction } from "~/routes/events.$slug.entries.$entryId.score";
import { action as rubricAction } from "~/routes/events.$slug.rubric";
import { args, createOpenEvent, createUser, expectStatus, movePhase, request, type TestUser } from "~/test/fixtures";

const entryFields = {
  summary: "One line.",
  tags: "",
  demoUrl: "",
  repoUrl: "",
  videoUrl: "",
  approach: "Off-the-shelf model.",
  metricName: "Deflection rate",
  metricUnit: "%",
  metricBaseline: "0",
  metricTarget: "20",
  metricResult: "12",
  pmWorked: "Retrieval.",
  pmDidNotWork: "Tone.",
  pmRootCause: "model-capability" as const,
  pmRootCauseOther: "",
  pmDifferently: "Evaluate earlier.",
  pmNextSteps: "Pilot.",
};

/** An event in judging with one judge and two failed entries: "Alpha" sorts first, "Beta" teaches more. */
async function world() {
  const organizer = await createUser({ role: "organizer" });
  const [judge, alice, bob] = await Promise.all([createUser(), createUser(), createUser()]);
  const { event, problem } = await createOpenEvent(organizer);
  await db.insert(eventJudges).values({ eventId: event.id, userId: judge.id });
  const ids: Record<string, string> = {};
  for (const [user, title] of [
    [alice, "Alpha failure"],
    [bob, "Beta failure"],
  ] as const) {
    const team = await createTeam(event, user.id, { name: `${title} team`, problemId: problem.id });
    if (!team.ok) throw new Error("team setup failed");
    expect((await saveEntry(team.teamId, { ...entryFields, title, outcome: "failed", version: 1 }, true, new Date())).ok).toBe(true);
    ids[title] = (await db.select().from(entries).where(eq(entries.teamId, team.teamId)))[0].id;
  }
  await movePhase(event.id, organizer, "judging");
  return { organizer, judge, event, rubric: await listCriteria(event.id), alpha: ids["Alpha failure"], beta: ids["Beta failure"] };
}
type World = Awaited<ReturnType<typeof world>>;

function sheet(w: World, learnings: number) {
  const form: Record<string, string | number> = { overallComment: "" };
  w.rubric.forEach((c, i) => {
    form[`scores[${i}].criterionId`] = c.id;
    form[`scores[${i}].value`] = c.kind === "learnings" ? learnings : 3;
    form[`scores[${i}].comment`] = "";
  });
  return form;
}

const score = (w: World, user: TestUser, entryId: string, learnings: number) =>
  expectStatus(
    scoreAction(args(request(`/events/${w.event.slug}/entries/${entryId}/score`, { user, form: sheet(w, learnings) }), { slug: w.event.slug, entryId })),
    302,
  );

type Loaded = { awards: { id: string; name: string }[]; suggestion: { id: string; title: string; learnings: number | null } | null };
async function loadAwards(w: World) {
  return (await expectStatus(awardsLoader(args(request(`/events/${w.event.slug}/awards`, { user: w.organizer }), { slug: w.event.slug })), 200)).data as Loaded;
}

const addDefaults = (w: World) =>
  expectStatus(awardsAction(args(request(`/events/${w.event.slug}/awards`, { user: w.organizer, form: { intent: "defaults" } }), { slug: w.event.slug })), 302);

describe("Most valuable failure suggestion", () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  it("suggests the failed entry with the best Learnings mean, with that mean", async () => {
    await score(w, w.judge, w.alpha, 2);
    await score(w, w.judge, w.beta, 5);
    await addDefaults(w);
    const { suggestion } = await loadAwards(w);
    expect(suggestion).toMatchObject({ id: w.beta, title: "Beta failure", learnings: 5 });
  });

  it("keeps working when the Learnings criterion and the award are renamed", async () => {
    const form: Record<string, string> = { intent: "save-rubric" };
    w.rubric.forEach((c, i) => {
      form[`criteria[${i}].id`] = c.id;
      form[`criteria[${i}].name`] = c.name === "Learnings" ? "What the next team takes away" : c.name;
      form[`criteria[${i}].description`] = c.description;
      form[`criteria[${i}].weight`] = String(c.weight);
    });
    await expectStatus(rubricAction(args(request(`/events/${w.event.slug}/rubric`, { user: w.organizer, form }), { slug: w.event.slug })), 302);
    w.rubric = await listCriteria(w.event.id);
    expect(w.rubric.find((c) => c.kind === "learnings")!.name).toBe("What the next team takes away");

    await score(w, w.judge, w.alpha, 2);
    await score(w, w.judge, w.beta, 5);

    await addDefaults(w);
    const before = await loadAwards(w);
    const mvf = before.awards.find((a) => a.name === "Most valuable failure")!;
    await db.update(awards).set({ name: "Best lesson learned" }).where(eq(awards.id, mvf.id));
    // Adding the defaults again does not bring back a second "Most valuable failure".
    await addDefaults(w);
    const after = await loadAwards(w);
    expect(after.awards.map((a) => a.name)).toEqual(["Best overall", "Best lesson learned", "Best AI metric"]);
    expect(after.suggestion).toMatchObject({ id: w.beta, learnings: 5 });
  });
});
