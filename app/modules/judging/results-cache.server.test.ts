// The results cache against a real database: an event's computed results are served again until something
// they show changes, and every kind of change moves the event's results version in the same statement
// (triggers, ADR 033 and ADR 044), whether it goes through a module or straight to the database.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { criteria, entries, finalists, finalJudges, teamMembers, teams } from "#db/schema";
import { db } from "~/db.server";
import { addJudge, listCriteria, removeJudge } from "~/modules/events/events.server";
import { addAssignment, removeAssignment, setJudgesPerEntry } from "~/modules/events/assignments.server";
import { saveRubric, setScale } from "~/modules/events/rubric.server";
import { updateProblem } from "~/modules/problems/problems.server";
import { createOpenEvent, createUser, getEvent, movePhase, problemInput, submittedEntry } from "~/test/fixtures";
import { declareConflict, eventResults, saveScores, withdrawConflict } from "./judging.server";
import { cachedResults, RESULTS_CACHE_WEIGHT, resultsCacheHeld, resultsVersion } from "./results-cache.server";

/** An event in judging: two judges (every judge scores every entry), two submitted entries, one complete sheet. */
async function world(opts: { scored?: boolean } = {}) {
  const organizer = await createUser({ role: "organizer" });
  const [j1, j2, alice, bob] = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
  const { event, problem } = await createOpenEvent(organizer);
  for (const j of [j1, j2]) await addJudge(event.id, j.email);
  const a = await submittedEntry(event, alice.id, problem.id, { title: "Alpha" });
  const b = await submittedEntry(event, bob.id, problem.id, { title: "Beta" });
  await movePhase(event.id, organizer, "judging");
  const rubric = await listCriteria(event.id);
  const sheet = (value: number) => rubric.map((c) => ({ criterionId: c.id, value, comment: "" }));
  if (opts.scored !== false) await saveScores(a.entryId, j1.id, sheet(4), new Date());
  return { organizer, j1, j2, alice, bob, event, problem, rubric, sheet, a, b };
}
type World = Awaited<ReturnType<typeof world>>;

/** Results as a request computes them: from the event row as it is now. */
const results = async (w: World, view?: "raw" | "normalized") => eventResults(await getEvent(w.event.id), view);
const row = async (w: World, entryId: string) => (await results(w)).rows.find((r) => r.entryId === entryId)!;
const row2 = async (w: World, entryId: string) => (await eventResults(await getEvent(w.event.id), undefined, 2)).rows.find((r) => r.entryId === entryId)!;

describe("results cache", () => {
  it("serves the same computed results again while nothing changed, and a new computation after a score is saved", async () => {
    const w = await world();
    const first = await results(w);
    expect(await results(w)).toBe(first);
    expect(first.rows.find((r) => r.entryId === w.a.entryId)!.score).toBe(75);
    await saveScores(w.a.entryId, w.j2.id, w.sheet(2), new Date());
    const after = await results(w);
    expect(after).not.toBe(first);
    expect(after.rows.find((r) => r.entryId === w.a.entryId)!.score).toBe(50); // (75 + 25) / 2
    expect(await results(w)).toBe(after);
  });

  it("sees a score changed outside the app's modules (another process, a script), because the trigger moves the version", async () => {
    const w = await world();
    await results(w);
    await db.run(sql`update scores set value = 1 where entry_id = ${w.a.entryId}`);
    expect((await row(w, w.a.entryId)).score).toBe(0);
    await db.run(sql`delete from scores where entry_id = ${w.a.entryId}`);
    expect((await row(w, w.a.entryId)).score).toBeNull();
  });

  it("keeps another event's cached results when a score of this event is saved", async () => {
    const [w, other] = [await world(), await world()];
    const otherFirst = await results(other);
    const versionBefore = await resultsVersion(other.event.id);
    await saveScores(w.a.entryId, w.j2.id, w.sheet(5), new Date());
    expect(await resultsVersion(other.event.id)).toBe(versionBefore);
    expect(await results(other)).toBe(otherFirst);
  });

  it("follows a declared conflict (its scores stop counting) and its withdrawal", async () => {
    const w = await world();
    expect((await row(w, w.a.entryId)).score).toBe(75);
    expect(await declareConflict(w.event.id, w.a.entryId, w.j1.id, "My former team", { confirmed: true, typedName: "" })).toEqual({ ok: true });
    expect((await row(w, w.a.entryId)).score).toBeNull();
    expect((await row(w, w.a.entryId)).missingJudges).toEqual([w.j2.id]);
    await withdrawConflict(w.event.id, w.a.entryId, w.j1.id);
    expect((await row(w, w.a.entryId)).missingJudges.sort()).toEqual([w.j1.id, w.j2.id].sort());
  });

  it("follows judges added and removed, and assignments", async () => {
    const w = await world();
    const j3 = await createUser();
    expect((await row(w, w.b.entryId)).missingJudges).toHaveLength(2);
    await addJudge(w.event.id, j3.email);
    expect((await row(w, w.b.entryId)).missingJudges).toContain(j3.id);
    await removeJudge(w.event.id, j3.id, 1);
    expect((await row(w, w.b.entryId)).missingJudges).not.toContain(j3.id);
    // One judge per entry: the settings change is part of the key, the assignments move the version.
    const perEntry = await setJudgesPerEntry(await getEvent(w.event.id), 1);
    expect(perEntry.ok).toBe(true);
    const assigned = (await row(w, w.b.entryId)).missingJudges;
    expect(assigned).toHaveLength(1);
    const other = assigned[0] === w.j1.id ? w.j2.id : w.j1.id;
    expect(await addAssignment(w.event.id, w.b.entryId, other)).toEqual({ ok: true });
    expect((await row(w, w.b.entryId)).missingJudges.sort()).toEqual([w.j1.id, w.j2.id].sort());
    expect(await removeAssignment(w.event.id, w.b.entryId, other)).toEqual({ ok: true });
    expect((await row(w, w.b.entryId)).missingJudges).toEqual(assigned);
  });

  it("follows what the table shows of entries, teams and problems", async () => {
    const w = await world();
    expect((await row(w, w.a.entryId)).entry).toMatchObject({ title: "Alpha", problemTitle: problemInput.title });
    await db.update(entries).set({ title: "Alpha, renamed" }).where(eq(entries.id, w.a.entryId));
    expect((await row(w, w.a.entryId)).entry.title).toBe("Alpha, renamed");
    await db.update(teams).set({ name: "The Renamed" }).where(eq(teams.id, w.a.teamId));
    expect((await row(w, w.a.entryId)).entry.teamName).toBe("The Renamed");
    expect(await updateProblem(w.event.id, w.problem.id, { ...problemInput, title: "Tickets pile up faster" })).toEqual({ ok: true });
    expect((await row(w, w.a.entryId)).entry.problemTitle).toBe("Tickets pile up faster");
    // An entry no longer submitted leaves the results.
    await db.update(entries).set({ status: "draft" }).where(eq(entries.id, w.b.entryId));
    expect((await results(w)).rows.map((r) => r.entryId)).toEqual([w.a.entryId]);
  });

  it("follows team membership: a team's own member is never expected to judge its entry", async () => {
    const w = await world();
    const versionBefore = (await resultsVersion(w.event.id))!;
    expect((await row(w, w.b.entryId)).missingJudges).toContain(w.j2.id);
    // Written directly: the app refuses it (ADR 010), but rows from before that rule exist.
    await db.insert(teamMembers).values({ teamId: w.b.teamId, userId: w.j2.id, eventId: w.event.id });
    expect(await resultsVersion(w.event.id)).toBeGreaterThan(versionBefore);
    expect((await row(w, w.b.entryId)).missingJudges).not.toContain(w.j2.id);
  });

  it("follows the final round: its finalists, its judges and its rubric (ADR 038)", async () => {
    const w = await world();
    const finalRound = async () => eventResults(await getEvent(w.event.id), undefined, 2);
    const first = await finalRound();
    expect(first.rows).toEqual([]);
    expect(await finalRound()).toBe(first);
    await db.insert(finalists).values({ eventId: w.event.id, entryId: w.a.entryId, decision: "top", decidedAt: new Date() });
    expect((await finalRound()).rows.map((r) => r.entryId)).toEqual([w.a.entryId]);
    await db.insert(criteria).values({ id: "live-demo", eventId: w.event.id, round: 2, name: "Live demo", description: "", weight: 1, position: 0 });
    expect((await finalRound()).rubric.map((c) => c.id)).toEqual(["live-demo"]);
    await db.insert(finalJudges).values({ eventId: w.event.id, userId: w.j2.id });
    expect((await row2(w, w.a.entryId)).missingJudges).toEqual([w.j2.id]);
    await db.delete(finalJudges).where(eq(finalJudges.eventId, w.event.id));
    expect((await row2(w, w.a.entryId)).missingJudges).toEqual([]);
    await db.update(finalists).set({ decision: "removed" }).where(eq(finalists.entryId, w.a.entryId));
    expect((await finalRound()).rows).toEqual([]);
    // Round 1's cached results are another key: they stay as they were.
    expect((await row(w, w.a.entryId)).score).toBe(75);
  });

  it("follows the rubric, the scale and the official ranking", async () => {
    const w = await world({ scored: false });
    const rubric = w.rubric.map((c) => ({ id: c.id, name: c.name, description: c.description, weight: c.weight }));
    expect((await results(w)).rubric).toHaveLength(6);
    expect(await saveRubric(w.event.id, 5, { criteria: rubric.slice(0, 2) })).toEqual({ ok: true });
    expect((await results(w)).rubric.map((c) => c.id)).toEqual(rubric.slice(0, 2).map((c) => c.id));
    expect(await setScale(w.event.id, 10)).toEqual({ ok: true });
    const sheet = w.rubric.slice(0, 2).map((c) => ({ criterionId: c.id, value: 10, comment: "" }));
    await saveScores(w.a.entryId, w.j1.id, sheet, new Date());
    expect((await row(w, w.a.entryId)).score).toBe(100);
    expect((await results(w)).official).toBe("raw");
    await db.run(sql`update events set normalize_scores = 1 where id = ${w.event.id}`);
    expect((await results(w)).official).toBe("normalized");
    expect((await results(w, "raw")).official).toBe("normalized");
  });
});

describe("results cache bookkeeping", () => {
  const value =
    (v: string, weight = 1) =>
    async () => ({ value: v, weight });

  it("shares one computation between requests that arrive together, and keeps no failure", async () => {
    let calls = 0;
    const compute = async () => ({ value: ++calls, weight: 1 });
    expect(await Promise.all([cachedResults("k", 1, compute), cachedResults("k", 1, compute)])).toEqual([1, 1]);
    await expect(cachedResults("f", 1, () => Promise.reject(new Error("database busy")))).rejects.toThrow("database busy");
    expect(await cachedResults("f", 1, value("fine"))).toBe("fine");
  });

  it("never lets a request that read an older version replace the newer version's value; caches nothing without a version", async () => {
    expect(await cachedResults("v", 5, value("new"))).toBe("new");
    expect(await cachedResults("v", 4, value("old"))).toBe("old");
    expect(await cachedResults("v", 5, value("again"))).toBe("new");
    expect(await cachedResults("none", null, value("a"))).toBe("a");
    expect(await cachedResults("none", null, value("b"))).toBe("b");
  });

  it(`holds at most ${RESULTS_CACHE_WEIGHT} score rows of results, dropping the least recently used`, async () => {
    const half = RESULTS_CACHE_WEIGHT / 2;
    await cachedResults("big1", 1, value("one", half));
    await cachedResults("big2", 1, value("two", half - 10));
    expect(await cachedResults("big1", 1, value("recomputed"))).toBe("one"); // now the most recently used
    await cachedResults("big3", 1, value("three", 100));
    expect(resultsCacheHeld().weight).toBeLessThanOrEqual(RESULTS_CACHE_WEIGHT);
    expect(await cachedResults("big1", 1, value("recomputed"))).toBe("one");
    expect(await cachedResults("big2", 1, value("recomputed", 1))).toBe("recomputed");
  });
});
