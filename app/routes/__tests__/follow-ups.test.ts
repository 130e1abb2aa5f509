// Follow-ups against the real database (ADR 030): the scheduled asks (30 and 90 days after the close, once, nothing
// stale, only for closed events), who may record an answer, and where answers show: the archive's "Went to
// production" filter and home figures, the problem's history and the learnings digest.
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { notifications, outbox, problems } from "#db/schema";
import { db } from "~/db.server";
import { loadDigest } from "~/modules/archive/digest.server";
import { digestMarkdown } from "~/modules/archive/digest";
import { problemHistory } from "~/modules/archive/history.server";
import { filtersFromUrl, searchLearnings } from "~/modules/archive/search.server";
import { addProblem } from "~/modules/problems/problems.server";
import { runDueWork } from "~/modules/schedule/scheduler.server";
import { registerAllTasks } from "~/modules/schedule/tasks.server";
import { createTeam, joinTeam } from "~/modules/teams/teams.server";
import { loader as archiveLoader } from "~/routes/archive._index";
import { action as followUpAction, loader as followUpLoader } from "~/routes/events.$slug.entries.$entryId.follow-up";
import { loader as entryLoader } from "~/routes/events.$slug.entries.$entryId._index";
import {
  args,
  createOpenEvent,
  createUser,
  expectStatus,
  fieldErrors,
  getEvent,
  movePhase,
  problemInput,
  request,
  submittedEntry,
  type TestUser,
} from "~/test/fixtures";
import { ANSWERED_MEANWHILE, deleteFollowUp, eventClosedAt, followUpsOf, latestFollowUps, recordFollowUp } from "~/modules/follow-ups/follow-ups.server";

const DAY = 86_400_000;

beforeAll(() => registerAllTasks());

let worlds = 0;

/**
 * A closed event: team A (lead + member) and team B with submitted entries, team C with a draft, on a problem whose
 * owner has an account. Its close is moved back to its own year, so no two worlds' asks are ever due at once.
 */
async function closedEventWorld(opts: { title?: string } = {}) {
  const organizer = await createUser({ role: "organizer" });
  const [lead, member, other, drafter, owner, outsider] = await Promise.all([
    createUser({ name: "Lena Lead" }),
    createUser({ name: "Max Member" }),
    createUser({ name: "Olga Other" }),
    createUser(),
    createUser({ name: "Oscar Owner" }),
    createUser(),
  ]);
  const { event, problem } = await createOpenEvent(organizer);
  await db
    .update(problems)
    .set({ ownerUserId: owner.id, title: opts.title ?? problemInput.title })
    .where(eq(problems.id, problem.id));
  const aTitle = `Quokka queue ${worlds}`;
  const a = await submittedEntry(event, lead.id, problem.id, { title: aTitle, outcome: "working", teamName: "Team A" });
  const joined = await joinTeam({ id: a.teamId, eventId: event.id }, member.id, 5);
  if (!joined.ok) throw new Error("setup");
  const b = await submittedEntry(event, other.id, problem.id, { title: `Wombat router ${worlds}`, outcome: "failed", teamName: "Team B" });
  const c = await createTeam(event, drafter.id, { name: "Team C", problemId: problem.id });
  if (!c.ok) throw new Error("setup");
  await movePhase(event.id, organizer, "judging");
  await movePhase(event.id, organizer, "closed");
  const closedAt = new Date(Date.UTC(2000 + worlds++, 0, 1));
  await db.run(sql`update phase_changes set created_at = ${closedAt.getTime() / 1000} where event_id = ${event.id} and to_phase = 'closed'`);
  return { organizer, event: await getEvent(event.id), problem, a, aTitle, b, lead, member, other, drafter, owner, outsider, closedAt };
}
type World = Awaited<ReturnType<typeof closedEventWorld>>;

const after = (w: World, days: number) => new Date(w.closedAt.getTime() + days * DAY);

async function asksTo(users: TestUser[]) {
  return db
    .select()
    .from(notifications)
    .where(
      and(
        inArray(
          notifications.userId,
          users.map((u) => u.id),
        ),
        eq(notifications.kind, "follow-up-ask"),
      ),
    );
}
async function mailsTo(user: TestUser) {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toEmail, user.email.toLowerCase()), eq(outbox.kind, "follow-up-ask")));
}

const answer = { status: "adopted" as const, why: "Tier-1 uses it every day.", metricValue: "84" };

describe("the follow-up asks", () => {
  it("reach each team's members and the problem's owner 30 and 90 days after the close, each once", async () => {
    const w = await closedEventWorld();
    expect(await eventClosedAt(w.event.id)).toEqual(w.closedAt);
    const everyone = [w.lead, w.member, w.other, w.drafter, w.owner, w.outsider];

    await runDueWork(new Date(after(w, 30).getTime() - 1));
    expect(await asksTo(everyone)).toHaveLength(0);

    await runDueWork(after(w, 30));
    const first = await asksTo(everyone);
    // The owner is asked about both entries on their problem; the draft team and outsiders are not asked.
    expect(first.map((n) => n.userId).sort()).toEqual([w.lead.id, w.member.id, w.other.id, w.owner.id, w.owner.id].sort());
    const leads = first.find((n) => n.userId === w.lead.id)!;
    expect(leads).toMatchObject({
      eventId: w.event.id,
      path: `/events/${w.event.slug}/entries/${w.a.entryId}/follow-up`,
      title: `30 days after ${w.event.title}: what became of ${w.aTitle}?`,
    });
    const [mail] = await mailsTo(w.member);
    expect(mail.subject).toContain("what became of Quokka queue");
    expect(mail.textBody).toContain(`/events/${w.event.slug}/entries/${w.a.entryId}/follow-up`);
    expect(await mailsTo(w.owner)).toHaveLength(2);
    expect(await mailsTo(w.drafter)).toHaveLength(0);

    await runDueWork(after(w, 31));
    await runDueWork(after(w, 59));
    expect(await asksTo(everyone)).toHaveLength(5);

    await runDueWork(after(w, 90));
    const both = await asksTo(everyone);
    expect(both).toHaveLength(10);
    expect(both.filter((n) => n.title.startsWith("90 days after"))).toHaveLength(5);

    await runDueWork(after(w, 100));
    await runDueWork(after(w, 400));
    expect(await asksTo(everyone)).toHaveLength(10);
  });

  it("catch up after downtime with the 90-day ask only, and send nothing stale", async () => {
    const down = await closedEventWorld();
    await runDueWork(after(down, 95));
    const asks = await asksTo([down.lead, down.member, down.other, down.owner]);
    expect(asks).toHaveLength(5);
    expect(asks.every((n) => n.title.startsWith("90 days after"))).toBe(true);

    const stale = await closedEventWorld();
    await runDueWork(after(stale, 70));
    await runDueWork(after(stale, 130));
    expect(await asksTo([stale.lead, stale.member, stale.other, stale.owner])).toHaveLength(0);
  });

  it("go out once when three processes run the same tick at once", async () => {
    const w = await closedEventWorld();
    const at = after(w, 30);
    await Promise.all([runDueWork(at), runDueWork(at), runDueWork(at)]);
    expect(await asksTo([w.lead, w.member, w.other, w.owner])).toHaveLength(5);
    expect(await mailsTo(w.lead)).toHaveLength(1);
  });

  it("are not sent while the event is reopened for judging", async () => {
    const w = await closedEventWorld();
    await movePhase(w.event.id, w.organizer, "judging", "A score was entered twice.");
    await runDueWork(after(w, 30));
    expect(await asksTo([w.lead, w.member, w.other, w.owner])).toHaveLength(0);
    expect(await eventClosedAt(w.event.id)).toBeNull();
  });
});

describe("recording a follow-up", () => {
  let w: World;
  beforeAll(async () => {
    w = await closedEventWorld();
  });
  const params = () => ({ slug: w.event.slug, entryId: w.a.entryId });
  const path = () => `/events/${w.event.slug}/entries/${w.a.entryId}/follow-up`;

  it("lets a team member and the problem's owner record, and nobody else", async () => {
    expect(await recordFollowUp(w.a.entryId, w.member.id, answer, new Date())).toEqual({ ok: true });
    expect(await recordFollowUp(w.a.entryId, w.owner.id, { ...answer, status: "piloted" }, new Date())).toEqual({ ok: true });
    expect(await recordFollowUp(w.a.entryId, w.other.id, answer, new Date())).toMatchObject({ ok: false });
    expect(await recordFollowUp(w.a.entryId, w.outsider.id, answer, new Date())).toMatchObject({ ok: false });

    await expectStatus(followUpLoader(args(request(path(), { user: w.lead }), params())), 200);
    await expectStatus(followUpLoader(args(request(path(), { user: w.owner }), params())), 200);
    for (const user of [w.other, w.outsider, w.organizer]) await expectStatus(followUpLoader(args(request(path(), { user }), params())), 403);
    for (const user of [w.other, w.organizer])
      expect((await expectStatus(followUpAction(args(request(path(), { user, form: answer }), params())), 403)).thrown).toBe(true);
  });

  it("answers bad input with a message next to the field and stores nothing", async () => {
    const [{ n: before }] = await db.all<{ n: number }>(sql`select count(*) as n from follow_ups`);
    const bad = await expectStatus(
      followUpAction(args(request(path(), { user: w.lead, form: { status: "shipped", why: "x", metricValue: "9".repeat(101) } }), params())),
      400,
    );
    expect(fieldErrors(bad)).toEqual({
      status: ["Choose what happened to the entry"],
      why: ["Say why, in a sentence or two"],
      metricValue: ["Use at most 100 characters"],
    });
    const [{ n: afterBad }] = await db.all<{ n: number }>(sql`select count(*) as n from follow_ups`);
    expect(afterBad).toBe(before);
  });

  it("saves through the form and shows the latest answer with its date on the entry page", async () => {
    const saved = await expectStatus(
      followUpAction(args(request(path(), { user: w.lead, form: { status: "dropped", why: "The vendor tool won.", metricValue: "" } }), params())),
      302,
    );
    expect(saved.response?.headers.get("Location")).toBe(`/events/${w.event.slug}/entries/${w.a.entryId}#follow-up-h`);
    const page = await expectStatus(entryLoader(args(request(`/events/${w.event.slug}/entries/${w.a.entryId}`, { user: w.outsider }), params())), 200);
    const { followUp } = page.data as { followUp: { latest: { status: string; why: string; recordedOn: string; recordedBy: string }; canRecord: boolean } };
    expect(followUp.latest).toMatchObject({ status: "dropped", why: "The vendor tool won.", recordedBy: "Lena Lead" });
    expect(followUp.latest.recordedOn).toMatch(/\d{4}$/);
    expect(followUp.canRecord).toBe(false);
    const mine = await expectStatus(entryLoader(args(request(`/events/${w.event.slug}/entries/${w.a.entryId}`, { user: w.member }), params())), 200);
    expect((mine.data as { followUp: { canRecord: boolean } }).followUp.canRecord).toBe(true);
  });

  it("is refused once the event is reopened, by the route and by the INSERT itself", async () => {
    const r = await closedEventWorld();
    await movePhase(r.event.id, r.organizer, "judging", "A score was entered twice.");
    expect(await recordFollowUp(r.a.entryId, r.lead.id, answer, new Date())).toMatchObject({ ok: false });
    await expectStatus(followUpLoader(args(request("/x", { user: r.lead }), { slug: r.event.slug, entryId: r.a.entryId })), 403);
    // A form opened before the reopening: the refusal is said beside it, which keeps the answer.
    const late = await expectStatus(followUpAction(args(request("/x", { user: r.lead, form: answer }), { slug: r.event.slug, entryId: r.a.entryId })), 403);
    expect(late.thrown).toBe(false);
    expect(fieldErrors(late)[""]?.[0]).toMatch(
      /^What happened next is recorded once the event is closed.* Your answer is still in the form: copy what you need\.$/,
    );
    expect((late.data as { result: { initialValue?: unknown } }).result.initialValue).toMatchObject({ status: answer.status });
    // Also as lines to copy, for the error page a browser without JavaScript shows once the page is read again.
    expect((late.data as { kept: string[] }).kept).toEqual([
      "What happened: Adopted in production",
      "Why: “Tier-1 uses it every day.”",
      "The AI metric now: 84",
    ]);
  });
});

describe("an answer from a page read before the answers changed", () => {
  it("is refused beside the form, which keeps it, and the page read again records it over what it now shows", async () => {
    const w = await closedEventWorld();
    const params = { slug: w.event.slug, entryId: w.a.entryId };
    const path = `/events/${w.event.slug}/entries/${w.a.entryId}/follow-up`;
    // The lead opens the page while it has no answer; a teammate then records one.
    const opened = await expectStatus(followUpLoader(args(request(path, { user: w.lead }), params)), 200);
    expect((opened.data as { answers: unknown[] }).answers).toEqual([]);
    expect(await recordFollowUp(w.a.entryId, w.member.id, { ...answer, newest: 0 }, new Date())).toEqual({ ok: true });
    const [teammates] = await followUpsOf(w.a.entryId);

    const mine = { status: "parked", why: "Waiting for the data team.", metricValue: "" };
    const late = await expectStatus(followUpAction(args(request(path, { user: w.lead, form: { ...mine, newest: "0" } }), params)), 409);
    expect(late.thrown).toBe(false);
    expect(late.data).toMatchObject({ answeredMeanwhile: true });
    expect(fieldErrors(late)[""]).toEqual([ANSWERED_MEANWHILE]);
    expect((late.data as { result: { initialValue?: unknown } }).result.initialValue).toMatchObject({ why: mine.why, status: "parked" });
    expect((await followUpsOf(w.a.entryId)).map((a) => a.id)).toEqual([teammates.id]);

    // Sent again from the page read again, which shows the teammate's answer: recorded as the newest.
    await expectStatus(followUpAction(args(request(path, { user: w.lead, form: { ...mine, newest: String(teammates.id) } }), params)), 302);
    expect((await followUpsOf(w.a.entryId)).map((a) => a.why)).toEqual([mine.why, answer.why]);
  });

  it("is refused too when the newest answer was deleted meanwhile, and a page without the field records as before", async () => {
    const w = await closedEventWorld();
    await recordFollowUp(w.a.entryId, w.lead.id, answer, new Date());
    await recordFollowUp(w.a.entryId, w.member.id, { ...answer, status: "piloted" }, new Date());
    const [newest, first] = await followUpsOf(w.a.entryId);
    expect(await deleteFollowUp(w.a.entryId, newest.id, w.member.id)).toEqual({ ok: true });
    expect(await recordFollowUp(w.a.entryId, w.lead.id, { ...answer, why: "Seen the pilot.", newest: newest.id }, new Date())).toMatchObject({
      ok: false,
      answeredMeanwhile: true,
    });
    expect(await recordFollowUp(w.a.entryId, w.lead.id, { ...answer, why: "Seen the first.", newest: first.id }, new Date())).toEqual({ ok: true });
    expect(await recordFollowUp(w.a.entryId, w.lead.id, { ...answer, why: "No field sent." }, new Date())).toEqual({ ok: true });
    expect((await followUpsOf(w.a.entryId)).map((a) => a.why)).toEqual(["No field sent.", "Seen the first.", answer.why]);
  });

  it("sent twice (a double press without JavaScript) is recorded once, and both presses are answered as saved", async () => {
    const w = await closedEventWorld();
    const params = { slug: w.event.slug, entryId: w.a.entryId };
    const path = `/events/${w.event.slug}/entries/${w.a.entryId}/follow-up`;
    const form = { ...answer, newest: "0" };
    await expectStatus(followUpAction(args(request(path, { user: w.lead, form }), params)), 302);
    await expectStatus(followUpAction(args(request(path, { user: w.lead, form }), params)), 302);
    expect(await followUpsOf(w.a.entryId)).toHaveLength(1);
    // The same words from someone else are their answer, not a repeat: refused as recorded meanwhile.
    expect(await recordFollowUp(w.a.entryId, w.member.id, { ...answer, newest: 0 }, new Date())).toMatchObject({ answeredMeanwhile: true });
    // A different answer by the same person from the same page is refused too: they have not seen the first.
    expect(await recordFollowUp(w.a.entryId, w.lead.id, { ...answer, metricValue: "85", newest: 0 }, new Date())).toMatchObject({
      answeredMeanwhile: true,
    });
  });
});

describe("deleting a follow-up answer recorded by mistake", () => {
  it("deletes only the author's own answer, after a confirm step, and the one before becomes the latest again", async () => {
    const w = await closedEventWorld();
    const params = { slug: w.event.slug, entryId: w.a.entryId };
    const path = `/events/${w.event.slug}/entries/${w.a.entryId}/follow-up`;
    await recordFollowUp(w.a.entryId, w.member.id, { status: "piloted", why: "Two teams use it.", metricValue: "40" }, new Date());
    await recordFollowUp(w.a.entryId, w.lead.id, { status: "adopted", why: "Typo in the value.", metricValue: "400" }, new Date());
    const [wrong, earlier] = await followUpsOf(w.a.entryId);

    // Someone else's answer: refused by the DELETE itself, and the route offers it to its author only.
    expect(await deleteFollowUp(w.a.entryId, earlier.id, w.lead.id)).toMatchObject({ ok: false });
    const page = await expectStatus(followUpLoader(args(request(path, { user: w.lead }), params)), 200);
    expect((page.data as { answers: { id: number; mine: boolean }[] }).answers.map((a) => [a.id, a.mine])).toEqual([
      [wrong.id, true],
      [earlier.id, false],
    ]);

    const form = { intent: "delete-answer", answerId: String(wrong.id) };
    const asked = await expectStatus(followUpAction(args(request(path, { user: w.lead, form }), params)), 409);
    expect(asked.data).toEqual({ confirmDelete: wrong.id });
    expect((await followUpsOf(w.a.entryId)).length).toBe(2);

    await expectStatus(followUpAction(args(request(path, { user: w.lead, form: { ...form, confirmed: "on" } }), params)), 302);
    expect((await latestFollowUps([w.a.entryId])).get(w.a.entryId)).toMatchObject({ id: earlier.id, status: "piloted", metricValue: "40" });
    // Twice: the second finds nothing, and says so beside the list.
    const again = await expectStatus(followUpAction(args(request(path, { user: w.lead, form: { ...form, confirmed: "on" } }), params)), 409);
    expect(again.data).toMatchObject({ deleteError: expect.stringMatching(/can no longer be deleted/) });
  });

  it("is refused to someone who left the team and once the event is reopened", async () => {
    const w = await closedEventWorld();
    await recordFollowUp(w.a.entryId, w.lead.id, answer, new Date());
    const [mine] = await followUpsOf(w.a.entryId);
    await movePhase(w.event.id, w.organizer, "judging", "A score was entered twice.");
    expect(await deleteFollowUp(w.a.entryId, mine.id, w.lead.id)).toMatchObject({ ok: false });
    expect(await followUpsOf(w.a.entryId)).toHaveLength(1);
  });
});

describe("where follow-ups show", () => {
  it("the archive's Went to production filter takes the latest answer, with or without words", async () => {
    const w = await closedEventWorld();
    await recordFollowUp(w.a.entryId, w.lead.id, answer, new Date());
    await recordFollowUp(w.b.entryId, w.other.id, { ...answer, status: "piloted" }, new Date());
    const search = (params: Record<string, string>) => searchLearnings(filtersFromUrl(new URLSearchParams({ event: w.event.slug, ...params })));

    const adopted = await search({ production: "true" });
    expect(adopted.learnings.map((l) => l.id)).toEqual([w.a.entryId]);
    expect(adopted.learnings[0].followUpStatus).toBe("adopted");
    expect((await search({ production: "true", q: "wombat" })).total).toBe(0);
    expect((await search({ production: "true", q: "quokka" })).learnings.map((l) => l.id)).toEqual([w.a.entryId]);
    expect((await search({})).learnings.find((l) => l.id === w.b.entryId)?.followUpStatus).toBe("piloted");
    // Without an event filter, words and the filter are answered by the search index alone (its facet, ADR 067): the
    // count is of those that went to production too.
    const anywhere = async (params: Record<string, string>) => {
      const found = await searchLearnings(filtersFromUrl(new URLSearchParams(params)));
      expect(found.total).toBe(found.learnings.length);
      return found.learnings.map((l) => l.id);
    };
    expect(await anywhere({ production: "true", q: "quokka" })).toContain(w.a.entryId);
    expect(await anywhere({ production: "true", q: "quokka" })).not.toContain(w.b.entryId);

    // "Followed up, not in production": a follow-up that says anything but adopted; none at all is not one.
    expect((await search({ production: "no" })).learnings.map((l) => l.id)).toEqual([w.b.entryId]);
    expect(await anywhere({ production: "no", q: "wombat" })).toContain(w.b.entryId);
    expect(await anywhere({ production: "no", q: "quokka" })).not.toContain(w.a.entryId);

    // A later answer replaces the earlier one: dropped since, so no longer in production.
    await recordFollowUp(w.a.entryId, w.member.id, { ...answer, status: "dropped" }, new Date());
    expect((await search({ production: "true" })).total).toBe(0);
    expect(await anywhere({ production: "true", q: "quokka" })).not.toContain(w.a.entryId);
    expect(await anywhere({ production: "no", q: "quokka" })).toContain(w.a.entryId);
  });

  it("the archive home counts attempts that reached production and, by root cause, those that did not", async () => {
    const user = await createUser();
    const home = async () => {
      const out = await expectStatus(archiveLoader(args(request("/archive", { user }))), 200);
      return (out.data as { overview: { production: { answered: number; reached: number; notReachedByCause: { rootCause: string; n: number }[] } } }).overview
        .production;
    };
    const before = await home();
    const w = await closedEventWorld();
    await recordFollowUp(w.a.entryId, w.lead.id, answer, new Date());
    await recordFollowUp(w.b.entryId, w.other.id, { ...answer, status: "parked" }, new Date());
    const now = await home();
    expect(now.answered - before.answered).toBe(2);
    expect(now.reached - before.reached).toBe(1);
    const cause = (p: typeof now) => p.notReachedByCause.find((c) => c.rootCause === "model-capability")?.n ?? 0;
    expect(cause(now) - cause(before)).toBe(1);
    // Each count links to the learnings it counts: followed up, not in production, of that root cause.
    const linked = await searchLearnings(filtersFromUrl(new URLSearchParams({ rootCause: "model-capability", production: "no" })));
    expect(linked.total).toBe(cause(now));
  });

  it("the learnings digest lists each entry's latest answer, on the page and in the Markdown", async () => {
    const w = await closedEventWorld();
    await recordFollowUp(w.a.entryId, w.lead.id, { status: "piloted", why: "First try.", metricValue: "" }, new Date());
    await recordFollowUp(w.a.entryId, w.member.id, answer, new Date());
    const digest = await loadDigest(w.event);
    const a = digest.entries.find((e) => e.id === w.a.entryId)!;
    expect(a.followUp).toMatchObject({ status: "adopted", why: answer.why, metricValue: "84" });
    expect(digest.entries.find((e) => e.id === w.b.entryId)?.followUp).toBeNull();
    const md = digestMarkdown(digest, "https://pf.example");
    expect(md).toContain(
      `- **${a.title}** (Team A): Adopted in production (recorded ${a.followUp!.recordedOn}). Tier-1 uses it every day. AI metric today: 84 %.`,
    );
  });

  it("the problem's history marks each attempt with what happened next and counts those in production", async () => {
    const w = await closedEventWorld({ title: "Refund fraud slips through" });
    await recordFollowUp(w.a.entryId, w.lead.id, answer, new Date());
    const again = await createOpenEvent(w.organizer);
    const posted = await addProblem(again.event.id, { ...problemInput, title: "Refund fraud slips through" });
    const history = (await problemHistory(posted))!;
    expect(history.reachedProduction).toBe(1);
    expect(Object.fromEntries(history.attempts.map((x) => [x.id, x.followUpStatus]))).toEqual({ [w.a.entryId]: "adopted", [w.b.entryId]: null });
  });

  it("the problem's best AI metric result so far counts a value recorded in a follow-up after the event", async () => {
    const w = await closedEventWorld({ title: "Refunds take a week" });
    const again = await createOpenEvent(w.organizer);
    const posted = await addProblem(again.event.id, { ...problemInput, title: "Refunds take a week" });
    // Both measured 12 toward 20 at the event; B's team measured 18 since, in a follow-up without a value after it.
    await recordFollowUp(w.b.entryId, w.other.id, { status: "piloted", why: "Piloting in one region.", metricValue: "18" }, new Date());
    await recordFollowUp(w.b.entryId, w.other.id, { status: "piloted", why: "Still piloting.", metricValue: "" }, new Date());
    const { best } = (await problemHistory(posted))!;
    expect(best).toMatchObject({ id: w.b.entryId, metricResult: "18", metricToday: "18" });
  });
});
