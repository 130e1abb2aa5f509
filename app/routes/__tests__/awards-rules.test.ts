import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { awards, eventJudges, events } from "#db/schema";
import { db } from "~/db.server";
import { listCriteria } from "~/modules/events/events.server";
import { addDefaultAwards, createAward, deleteAward, giveAward } from "~/modules/judging/awards.server";
import { action as awardsAction, loader as awardsLoader } from "~/routes/events.$slug.awards";
import { action as scoreAction } from "~/routes/events.$slug.entries.$entryId.score";
import { action as rubricAction } from "~/routes/events.$slug.rubric";
import { args, createOpenEvent, createUser, expectStatus, movePhase, request, sheetForm, submittedEntry, toastOf, type TestUser } from "~/test/fixtures";

/** An event in judging with one judge and two failed entries: "Alpha" sorts first, "Beta" teaches more. */
async function world() {
  const organizer = await createUser({ role: "organizer" });
  const [judge, alice, bob] = await Promise.all([createUser(), createUser(), createUser()]);
  const { event, problem } = await createOpenEvent(organizer);
  await db.insert(eventJudges).values({ eventId: event.id, userId: judge.id });
  const alpha = await submittedEntry(event, alice.id, problem.id, { title: "Alpha failure", outcome: "failed" });
  const beta = await submittedEntry(event, bob.id, problem.id, { title: "Beta failure", outcome: "failed" });
  await movePhase(event.id, organizer, "judging");
  return { organizer, judge, event, rubric: await listCriteria(event.id), alpha: alpha.entryId, beta: beta.entryId };
}
type World = Awaited<ReturnType<typeof world>>;

const sheet = (w: World, learnings: number) => sheetForm(w.rubric, (_i, c) => (c.kind === "learnings" ? learnings : 3));

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

  it("counts complete sheets only, as the results do: an unfinished sheet's Learnings value is left out", async () => {
    await score(w, w.judge, w.alpha, 2);
    await score(w, w.judge, w.beta, 4);
    // A second judge gives Beta a 1 for Learnings and nothing else: the results leave that sheet out, and so does this.
    const second = await createUser();
    await db.insert(eventJudges).values({ eventId: w.event.id, userId: second.id });
    const learnings = w.rubric.find((c) => c.kind === "learnings")!;
    await expectStatus(
      scoreAction(
        args(
          request(`/events/${w.event.slug}/entries/${w.beta}/score`, { user: second, form: sheetForm(w.rubric, (_i, c) => (c.id === learnings.id ? 1 : "")) }),
          {
            slug: w.event.slug,
            entryId: w.beta,
          },
        ),
      ),
      302,
    );
    expect((await loadAwards(w)).suggestion).toMatchObject({ id: w.beta, learnings: 4 });
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
    // Adding the defaults again does not bring back a second "Most valuable failure", and says so.
    expect(await toastOf(await addDefaults(w))).toEqual({ kind: "success", message: "The default awards are in the list already." });
    const after = await loadAwards(w);
    expect(after.awards.map((a) => a.name)).toEqual(["Best overall", "Best lesson learned", "Best AI metric"]);
    expect(after.suggestion).toMatchObject({ id: w.beta, learnings: 5 });
  });
});

describe("award changes that land just after results were published", () => {
  it("change nothing, and say why: the statements hold the phase themselves", async () => {
    const w = await world();
    await addDefaults(w);
    const [award] = (await loadAwards(w)).awards;
    await score(w, w.judge, w.alpha, 4);
    // A co-organizer publishes while the presses are on their way (the route's check passed before).
    await db.update(events).set({ phase: "closed" }).where(eq(events.id, w.event.id));
    expect(await giveAward(w.event.id, award.id, w.alpha)).toEqual({ ok: false, reason: "published" });
    expect(await deleteAward(w.event.id, award.id)).toBe(false);
    expect(await createAward(w.event.id, { name: "Late prize", description: "" })).toMatchObject({ ok: false, published: true });
    await db.delete(awards).where(eq(awards.id, award.id));
    expect(await addDefaultAwards(w.event.id)).toEqual({ added: 0, published: true });
    const stored = await db.select().from(awards).where(eq(awards.eventId, w.event.id));
    expect(stored.map((a) => a.name)).not.toContain("Late prize");
    expect(stored.map((a) => a.name)).not.toContain(award.name);
  });
});
