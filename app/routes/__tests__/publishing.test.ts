// Publishing and awards never hide incomplete judging: missing and incomplete score sheets are counted per entry
// and per judge, and publishing or giving an award past them needs an explicit confirmation.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { awards, entries, events, judgingSettingChanges, scores } from "#db/schema";
import { db } from "~/db.server";
import { addJudge, listCriteria, listVisibleEvents } from "~/modules/events/events.server";
import { eventWhen } from "~/modules/events/phases";
import { loadDigest } from "~/modules/archive/digest.server";
import { formatDateRange } from "~/lib/time";
import { loader as eventLoader } from "~/routes/events.$slug._index";
import { saveScores } from "~/modules/judging/judging.server";
import { createTeam } from "~/modules/teams/teams.server";
import { action as awardsAction, loader as awardsLoader } from "~/routes/events.$slug.awards";
import { action as manageAction, loader as manageLoader } from "~/routes/events.$slug.manage";
import { action as settingsAction } from "~/routes/events.$slug.judging-settings";
import { args, createOpenEvent, createUser, expectStatus, fieldErrors, getEvent, movePhase, request, toastOf, type TestUser } from "~/test/fixtures";

/** An event in judging with two judges and two submitted entries; Ana completes both sheets, Ben one of two. */
async function world() {
  const organizer = await createUser({ role: "organizer" });
  const ana = await createUser({ name: "Ana Judge" });
  const ben = await createUser({ name: "Ben Judge" });
  const { event, problem } = await createOpenEvent(organizer);
  for (const j of [ana, ben]) await addJudge(event.id, j.email);
  const ids: string[] = [];
  for (const title of ["Invoice bot", "Ticket triage"]) {
    const team = await createTeam(event, (await createUser()).id, { name: `Team ${title}`, problemId: problem.id });
    if (!team.ok) throw new Error(team.message);
    await db.update(entries).set({ status: "submitted", title, outcome: "failed" }).where(eq(entries.teamId, team.teamId));
    ids.push((await db.select().from(entries).where(eq(entries.teamId, team.teamId)))[0].id);
  }
  await movePhase(event.id, organizer, "judging");
  const rubric = await listCriteria(event.id);
  const sheet = (n: number) => rubric.slice(0, n).map((c) => ({ criterionId: c.id, value: 3, comment: "" }));
  await saveScores(ids[0], ana.id, sheet(6), new Date());
  await saveScores(ids[1], ana.id, sheet(6), new Date());
  await saveScores(ids[0], ben.id, sheet(6), new Date());
  await saveScores(ids[1], ben.id, sheet(2), new Date());
  return { organizer, ana, ben, event: await getEvent(event.id), invoice: ids[0], triage: ids[1], sheet };
}

const manage = (user: TestUser, slug: string, form: Record<string, string>) => manageAction(args(request(`/events/${slug}/manage`, { user, form }), { slug }));

describe("publishing with incomplete judging", () => {
  it("counts the incomplete sheet although every entry has a score, and asks before publishing", async () => {
    const w = await world();
    const loaded = (await expectStatus(manageLoader(args(request(`/events/${w.event.slug}/manage`, { user: w.organizer }), { slug: w.event.slug })), 200))
      .data as {
      steps: { to: string; confirmation: string | null; details: { heading: string; items: string[] }[] }[];
      dashboard: { sheets: { expected: number; complete: number; byJudge: { name: string; done: number; assigned: number }[] } };
    };
    expect(loaded.dashboard.sheets).toMatchObject({ expected: 4, complete: 3 });
    expect(loaded.dashboard.sheets.byJudge.map((j) => [j.name, j.done, j.assigned])).toEqual([
      ["Ana Judge", 2, 2],
      ["Ben Judge", 1, 2],
    ]);
    const [step] = loaded.steps;
    expect(step.confirmation).toBe("Judging is not complete: 3 of 4 expected score sheets are complete. Publish anyway; results count only the scores saved.");
    expect(step.details).toEqual([
      { heading: "Entries with missing or incomplete score sheets", items: ["Ticket triage: incomplete from Ben Judge (2 of 6 criteria)"] },
      { heading: "Judges with sheets to finish", items: ["Ben Judge: 1 of 2 sheets complete (1 incomplete)"] },
    ]);

    const refused = await expectStatus(manage(w.organizer, w.event.slug, { intent: "phase", to: "closed" }), 400);
    expect(fieldErrors(refused).confirmed).toEqual(["Tick the confirmation to go ahead."]);
    expect((await getEvent(w.event.id)).phase).toBe("judging");
    await expectStatus(manage(w.organizer, w.event.slug, { intent: "phase", to: "closed", confirmed: "on" }), 302);
    expect((await getEvent(w.event.id)).phase).toBe("closed");
  });

  it("publishes without a confirmation once every expected sheet is complete", async () => {
    const w = await world();
    await saveScores(w.triage, w.ben.id, w.sheet(6), new Date());
    await expectStatus(manage(w.organizer, w.event.slug, { intent: "phase", to: "closed" }), 302);
    expect((await db.select({ phase: events.phase }).from(events).where(eq(events.id, w.event.id)))[0].phase).toBe("closed");
  });

  it("says a past event ran until its results were published, before its judging deadline, which stays as set", async () => {
    const w = await world();
    const before = await getEvent(w.event.id);
    expect(before.judgingDeadline.getTime()).toBeGreaterThan(Date.now() + 86_400_000);
    await expectStatus(manage(w.organizer, w.event.slug, { intent: "phase", to: "closed", confirmed: "on" }), 302);
    const after = await getEvent(w.event.id);
    // The deadline is kept: a reopened event's judges still see it.
    expect(after.judgingDeadline).toEqual(before.judgingDeadline);
    const until = formatDateRange(after.startsAt, new Date(), after.timezone);
    const page = await expectStatus(eventLoader(args(request(`/events/${w.event.slug}`, { user: w.organizer }), { slug: w.event.slug })), 200);
    expect((page.data as { dates: { ran: string } }).dates.ran).toBe(until);
    const listed = (await listVisibleEvents({ id: w.organizer.id, role: "organizer" })).find((e) => e.id === w.event.id)!;
    expect(eventWhen(listed)).toBe(`Ran ${until}`);
    // The learnings digest says the same days.
    expect((await loadDigest(after)).event.dates).toBe(until);
    // Reopened, it has not ended: its deadline is what the list says again.
    await movePhase(w.event.id, w.organizer, "judging", "A judge's scores were missing");
    const reopened = (await listVisibleEvents({ id: w.organizer.id, role: "organizer" })).find((e) => e.id === w.event.id)!;
    expect(eventWhen(reopened)).toMatch(/^Judging ends /);
  });
});

describe("judging settings once results are published", () => {
  const settings = (w: Awaited<ReturnType<typeof world>>, form: Record<string, string>) =>
    settingsAction(args(request(`/events/${w.event.slug}/judging-settings`, { user: w.organizer, form }), { slug: w.event.slug }));

  it("keep the official ranking as published; the other settings still change", async () => {
    const w = await world();
    await expectStatus(manage(w.organizer, w.event.slug, { intent: "phase", to: "closed", confirmed: "on" }), 302);
    const refused = await expectStatus(settings(w, { normalizeScores: "on" }), 409);
    expect(fieldErrors(refused)[""]).toEqual([
      "Results are published, and this would change the official ranking everyone sees: reopen the event for judging first.",
    ]);
    expect((await getEvent(w.event.id)).normalizeScores).toBe(false);
    await expectStatus(settings(w, { showJudgeNames: "on" }), 302);
    expect((await getEvent(w.event.id)).showJudgeNames).toBe(true);
    // Reopened for judging, it may change again.
    await movePhase(w.event.id, w.organizer, "judging", "Rank by normalized scores");
    await expectStatus(settings(w, { normalizeScores: "on" }), 302);
    expect((await getEvent(w.event.id)).normalizeScores).toBe(true);
    // The Manage page's history says who changed what, newest first (this test's steps share a second, so only the
    // settings' own order is checked); the refused change and a save that changed nothing left no line.
    await expectStatus(settings(w, { normalizeScores: "on" }), 302);
    const loaded = (await expectStatus(manageLoader(args(request(`/events/${w.event.slug}/manage`, { user: w.organizer }), { slug: w.event.slug })), 200))
      .data as { history: { by: string; what: string }[] };
    const lines = loaded.history.map((h) => `${h.by} ${h.what}`);
    // One line per setting switched (the two of the last save in either order), after the one before the reopen.
    const settingLines = lines.filter((l) => !l.includes(" moved "));
    expect([...settingLines.slice(0, 2)].sort()).toEqual([
      `${w.organizer.name} hid judge names from teams`,
      `${w.organizer.name} made the normalized ranking official`,
    ]);
    expect(settingLines.slice(2)).toEqual([`${w.organizer.name} showed judge names to teams`]);
    // Two saves of the same change at once (a double click) switch it once, and say so once.
    await Promise.all([settings(w, { normalizeScores: "on", blindJudging: "on" }), settings(w, { normalizeScores: "on", blindJudging: "on" })]);
    const twice = await db.select().from(judgingSettingChanges).where(eq(judgingSettingChanges.eventId, w.event.id));
    expect(twice.filter((c) => c.setting === "blind_judging")).toHaveLength(1);
    expect(lines).toContain(`${w.organizer.name} moved Results published → Judging`);
  });
});

describe("awards for entries without a complete score sheet", () => {
  const give = (w: Awaited<ReturnType<typeof world>>, form: Record<string, string>) =>
    awardsAction(args(request(`/events/${w.event.slug}/awards`, { user: w.organizer, form: { intent: "give", ...form } }), { slug: w.event.slug }));

  it("asks for a confirmation that names the entry, and gives the award only once confirmed", async () => {
    const w = await world();
    await expectStatus(
      awardsAction(args(request(`/events/${w.event.slug}/awards`, { user: w.organizer, form: { intent: "defaults" } }), { slug: w.event.slug })),
      302,
    );
    const { awards: list } = (
      await expectStatus(awardsLoader(args(request(`/events/${w.event.slug}/awards`, { user: w.organizer }), { slug: w.event.slug })), 200)
    ).data as {
      awards: { id: string; kind: string }[];
    };
    const mvf = list.find((a) => a.kind === "most-valuable-failure")!;
    // Ticket triage keeps only Ben's partial sheet.
    const onlyPartial = w.triage;
    await db.delete(scores).where(and(eq(scores.entryId, onlyPartial), eq(scores.judgeId, w.ana.id)));

    const asked = await expectStatus(give(w, { awardId: mvf.id, entryId: onlyPartial }), 409);
    expect(asked.data).toEqual({
      confirmGive: {
        awardId: mvf.id,
        entryId: onlyPartial,
        awardName: "Most valuable failure",
        entryTitle: "Ticket triage",
        message: "“Ticket triage” has no complete score sheet: no judge has scored it on every criterion.",
      },
    });
    expect((await db.select().from(awards).where(eq(awards.id, mvf.id)))[0].entryId).toBeNull();
    await expectStatus(give(w, { awardId: mvf.id, entryId: onlyPartial, confirmed: "on" }), 302);
    expect((await db.select().from(awards).where(eq(awards.id, mvf.id)))[0].entryId).toBe(onlyPartial);
    // An entry with a complete sheet needs no confirmation; taking the award back needs none either.
    await expectStatus(give(w, { awardId: mvf.id, entryId: w.invoice }), 302);
    await expectStatus(give(w, { awardId: mvf.id, entryId: "" }), 302);
  });
});

describe("no silent changes to awards", () => {
  const post = (w: Awaited<ReturnType<typeof world>>, form: Record<string, string>) =>
    awardsAction(args(request(`/events/${w.event.slug}/awards`, { user: w.organizer, form }), { slug: w.event.slug }));
  const load = async (w: Awaited<ReturnType<typeof world>>) =>
    (await expectStatus(awardsLoader(args(request(`/events/${w.event.slug}/awards`, { user: w.organizer }), { slug: w.event.slug })), 200)).data as {
      locked: string | null;
      awards: { id: string; kind: string; name: string }[];
    };

  it("deletes an award only after a confirm step that names what is lost", async () => {
    const w = await world();
    await expectStatus(post(w, { intent: "defaults" }), 302);
    const best = (await load(w)).awards.find((a) => a.kind === "best-overall")!;
    await expectStatus(post(w, { intent: "give", awardId: best.id, entryId: w.invoice }), 302);
    const asked = await expectStatus(post(w, { intent: "delete", awardId: best.id }), 409);
    expect(asked.data).toEqual({ confirmDelete: { awardId: best.id, name: "Best overall", entryTitle: "Invoice bot" } });
    expect(await db.select().from(awards).where(eq(awards.id, best.id))).toHaveLength(1);
    await expectStatus(post(w, { intent: "delete", awardId: best.id, confirmed: "on" }), 302);
    expect(await db.select().from(awards).where(eq(awards.id, best.id))).toHaveLength(0);
  });

  it("refuses award changes once results are published, until the event is reopened", async () => {
    const w = await world();
    await expectStatus(post(w, { intent: "defaults" }), 302);
    const best = (await load(w)).awards.find((a) => a.kind === "best-overall")!;
    await movePhase(w.event.id, w.organizer, "closed");
    expect((await load(w)).locked).toBe("Results are published: reopen the event for judging (with a reason) to change its awards.");
    // A page opened before publishing: giving or deleting reads the page again with why; a new award keeps its text.
    const locked = "Results are published: reopen the event for judging (with a reason) to change its awards.";
    for (const form of [
      { intent: "give", awardId: best.id, entryId: w.invoice } as Record<string, string>,
      { intent: "delete", awardId: best.id, confirmed: "on" },
    ])
      expect(await toastOf(await expectStatus(post(w, form), 302))).toEqual({ kind: "error", message: locked });
    const created = await expectStatus(post(w, { intent: "create", name: "Late prize", description: "For the best late idea" }), 403);
    expect(created.data).toMatchObject({
      result: {
        initialValue: { name: "Late prize", description: "For the best late idea" },
        error: { "": [`${locked} Your text is still in the form: copy what you need.`] },
      },
    });
    expect((await db.select().from(awards).where(eq(awards.id, best.id)))[0].entryId).toBeNull();
    expect((await db.select().from(awards).where(eq(awards.eventId, w.event.id))).map((a) => a.name)).not.toContain("Late prize");
    await movePhase(w.event.id, w.organizer, "judging", "An award went to the wrong entry");
    expect((await load(w)).locked).toBeNull();
    await expectStatus(post(w, { intent: "give", awardId: best.id, entryId: w.invoice }), 302);
  });
});
