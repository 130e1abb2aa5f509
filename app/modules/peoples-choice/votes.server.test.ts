// The people's choice vote against the real database (ADR 031): concurrent votes, the guards in the statement
// itself, and the award recorded with the publishing of results.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { awards, events, peoplesChoiceVotes, teamMembers, users } from "#db/schema";
import { db } from "~/db.server";
import { formatInZone } from "~/lib/time";
import { managePage } from "~/modules/events/manage.server";
import { createAward, giveAward, listAwards } from "~/modules/judging/awards.server";
import { accessOf, createOpenEvent, createUser, movePhase, setSubmissionDeadline, submittedEntry, type TestUser } from "~/test/fixtures";
import { peoplesChoiceSettingsSchema } from "./rules";
import { resultsVoteSection, settingsView } from "./views.server";
import { castVote, myVote, peoplesChoiceStamp, saveVoteSettings, voteCounts, voteSettingsOf, withdrawVote } from "./votes.server";

const HOUR = 3_600_000;
const actor = (u: TestUser) => ({ id: u.id, role: u.role });

/** An event whose submission deadline passed a minute ago, with `n` submitted entries and the vote open for an hour. */
async function votingEvent(n: number) {
  const organizer = await createUser({ role: "organizer" });
  const { event, problem } = await createOpenEvent(organizer);
  const leads = await Promise.all(Array.from({ length: n }, () => createUser()));
  const entries = [];
  for (const [i, lead] of leads.entries()) entries.push({ ...(await submittedEntry(event, lead.id, problem.id, { title: `Entry ${i}` })), lead });
  await setSubmissionDeadline(event.id, new Date(Date.now() - 60_000));
  expect(await saveVoteSettings(event.id, { enabled: true, closesAt: new Date(Date.now() + HOUR) }, organizer.id)).toBe(true);
  return { organizer, event, entries };
}

const rows = (eventId: string) => db.select().from(peoplesChoiceVotes).where(eq(peoplesChoiceVotes.eventId, eventId));
const countsOf = async (eventId: string) => Object.fromEntries((await voteCounts(eventId)).map((r) => [r.title, r.votes]));

describe("many people voting at once", () => {
  it("lose no vote and never count one twice, first votes and changed votes alike", async () => {
    const { event, entries } = await votingEvent(3);
    const voters = await Promise.all(Array.from({ length: 30 }, () => createUser()));
    const now = new Date();

    // Everyone at once: voter i for entry i % 3.
    const first = await Promise.all(voters.map((v, i) => castVote(event.id, actor(v), entries[i % 3].entryId, now)));
    expect(first.every((r) => r.ok)).toBe(true);
    expect(await rows(event.id)).toHaveLength(30);
    expect(await countsOf(event.id)).toEqual({ "Entry 0": 10, "Entry 1": 10, "Entry 2": 10 });

    // Again at once: the first 15 move their vote on by one entry, the other 15 vote for the same entry again.
    const second = await Promise.all(voters.map((v, i) => castVote(event.id, actor(v), entries[(i + (i < 15 ? 1 : 0)) % 3].entryId, now)));
    expect(second.every((r) => r.ok)).toBe(true);
    expect(await rows(event.id)).toHaveLength(30);
    // Voters 0–14 moved: 5 each from entry 0→1, 1→2, 2→0; the counts stay 10 each, but every row says its new entry.
    expect(await countsOf(event.id)).toEqual({ "Entry 0": 10, "Entry 1": 10, "Entry 2": 10 });
    for (const [i, v] of voters.entries()) expect((await myVote(event.id, v.id))?.entryId).toBe(entries[(i + (i < 15 ? 1 : 0)) % 3].entryId);

    // One person pressing on every entry at once keeps one vote, for one of them.
    const eager = await createUser();
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => castVote(event.id, actor(eager), entries[i % 3].entryId, now)));
    expect(burst.every((r) => r.ok)).toBe(true);
    expect((await rows(event.id)).filter((r) => r.voterId === eager.id)).toHaveLength(1);
    const counts = await voteCounts(event.id);
    expect(counts.reduce((sum, r) => sum + r.votes, 0)).toBe(31);
  });

  it("moves 20 votes from one entry to another at once with an exact tally", async () => {
    const { event, entries } = await votingEvent(2);
    const voters = await Promise.all(Array.from({ length: 20 }, () => createUser()));
    const now = new Date();
    await Promise.all(voters.map((v) => castVote(event.id, actor(v), entries[0].entryId, now)));
    expect(await countsOf(event.id)).toEqual({ "Entry 0": 20, "Entry 1": 0 });
    const moved = await Promise.all(voters.slice(0, 13).map((v) => castVote(event.id, actor(v), entries[1].entryId, now)));
    expect(moved.every((r) => r.ok && r.previous?.entryId === entries[0].entryId)).toBe(true);
    expect(await countsOf(event.id)).toEqual({ "Entry 0": 7, "Entry 1": 13 });
  });
});

describe("the vote statement's own guards", () => {
  const world = {} as Awaited<ReturnType<typeof votingEvent>> & { voter: TestUser };
  beforeAll(async () => {
    Object.assign(world, await votingEvent(2), { voter: await createUser() });
  });

  it("refuses a vote for one's own team, even when called without the policy", async () => {
    const [mine, theirs] = world.entries;
    const refused = await castVote(world.event.id, actor(mine.lead), mine.entryId, new Date());
    expect(refused).toEqual({ ok: false, reason: "You cannot vote for your own team's entry." });
    expect((await rows(world.event.id)).filter((r) => r.voterId === mine.lead.id)).toEqual([]);
    expect(await castVote(world.event.id, actor(mine.lead), theirs.entryId, new Date())).toMatchObject({ ok: true });
  });

  it("refuses before the submission deadline and from the closing time on", async () => {
    const [entry] = world.entries;
    const [row] = await db.select().from(events).where(eq(events.id, world.event.id));
    expect(await castVote(world.event.id, actor(world.voter), entry.entryId, new Date(row.submissionDeadline.getTime() - 1000))).toEqual({
      ok: false,
      reason: "The people's choice vote opens at the submission deadline.",
    });
    expect(await castVote(world.event.id, actor(world.voter), entry.entryId, row.peoplesChoiceClosesAt!)).toEqual({
      ok: false,
      reason: "The people's choice vote is closed.",
    });
    expect(await myVote(world.event.id, world.voter.id)).toBeNull();
  });

  it("refuses an entry of another event and a vote the organizers turned off", async () => {
    const other = await votingEvent(1);
    expect(await castVote(world.event.id, actor(world.voter), other.entries[0].entryId, new Date())).toEqual({
      ok: false,
      reason: "That entry is not part of this event.",
    });
    await saveVoteSettings(other.event.id, { enabled: false, closesAt: null }, other.organizer.id);
    expect(await castVote(other.event.id, actor(world.voter), other.entries[0].entryId, new Date())).toEqual({
      ok: false,
      reason: "This event has no people's choice vote.",
    });
  });

  it("does not count a vote whose voter later joined the entry's team", async () => {
    const { event, entries } = await votingEvent(2);
    const [a, b] = await Promise.all([createUser(), createUser()]);
    await castVote(event.id, actor(a), entries[0].entryId, new Date());
    await castVote(event.id, actor(b), entries[0].entryId, new Date());
    await db.insert(teamMembers).values({ teamId: entries[0].teamId, eventId: event.id, userId: a.id });
    expect(await countsOf(event.id)).toEqual({ "Entry 0": 1, "Entry 1": 0 });
  });
});

describe("withdrawVote", () => {
  it("takes the person's vote back while the vote is open, and only theirs", async () => {
    const { event, entries } = await votingEvent(2);
    const [a, b] = await Promise.all([createUser(), createUser()]);
    await castVote(event.id, actor(a), entries[0].entryId, new Date());
    await castVote(event.id, actor(b), entries[0].entryId, new Date());
    // A withdrawal from another entry's page (a stale tab) leaves the vote.
    expect(await withdrawVote(event.id, a.id, entries[1].entryId, new Date())).toBeNull();
    expect(await withdrawVote(event.id, a.id, entries[0].entryId, new Date())).toEqual({ entryId: entries[0].entryId, title: "Entry 0" });
    expect(await myVote(event.id, a.id)).toBeNull();
    expect(await countsOf(event.id)).toEqual({ "Entry 0": 1, "Entry 1": 0 });
    // Nothing left to withdraw; voting again works.
    expect(await withdrawVote(event.id, a.id, entries[0].entryId, new Date())).toBeNull();
    expect(await castVote(event.id, actor(a), entries[1].entryId, new Date())).toEqual({ ok: true, previous: null });
  });

  it("leaves the vote counted from the closing time on and once results are published", async () => {
    const { event, entries } = await votingEvent(1);
    const voter = await createUser();
    await castVote(event.id, actor(voter), entries[0].entryId, new Date());
    const [row] = await db.select().from(events).where(eq(events.id, event.id));
    expect(await withdrawVote(event.id, voter.id, entries[0].entryId, row.peoplesChoiceClosesAt!)).toBeNull();
    await db.update(events).set({ phase: "closed" }).where(eq(events.id, event.id));
    expect(await withdrawVote(event.id, voter.id, entries[0].entryId, new Date())).toBeNull();
    expect(await countsOf(event.id)).toEqual({ "Entry 0": 1 });
  });
});

describe("publishing results", () => {
  const award = async (eventId: string) => (await listAwards(eventId)).find((a) => a.kind === "peoples-choice");

  it("gives the People's choice award to the entry with the most votes, in the same step, and closes the vote", async () => {
    const { organizer, event, entries } = await votingEvent(3);
    const voters = await Promise.all(Array.from({ length: 5 }, () => createUser()));
    await Promise.all(voters.map((v, i) => castVote(event.id, actor(v), entries[i < 3 ? 2 : 0].entryId, new Date())));
    expect((await award(event.id))?.entryId).toBeNull();
    await movePhase(event.id, organizer, "judging");
    expect((await award(event.id))?.entryId).toBeNull();
    await movePhase(event.id, organizer, "closed");
    expect((await award(event.id))?.entryId).toBe(entries[2].entryId);
    const late = await castVote(event.id, actor(await createUser()), entries[1].entryId, new Date());
    expect(late).toEqual({ ok: false, reason: "The people's choice vote is closed." });
    // Reopening judging to fix a score does not reopen the vote: its counts were shown.
    await movePhase(event.id, organizer, "judging", "A score was entered wrongly");
    const [reopened] = await db.select().from(events).where(eq(events.id, event.id));
    expect(reopened.peoplesChoiceClosesAt!.getTime()).toBeLessThanOrEqual(Date.now());
    const afterReopen = await castVote(event.id, actor(await createUser()), entries[1].entryId, new Date());
    expect(afterReopen).toEqual({ ok: false, reason: "The people's choice vote is closed." });
    await movePhase(event.id, organizer, "closed");
    expect((await award(event.id))?.entryId).toBe(entries[2].entryId);
  });

  it("leaves the award as the organizers set it when the top is a tie", async () => {
    const { organizer, event, entries } = await votingEvent(3);
    const voters = await Promise.all(Array.from({ length: 4 }, () => createUser()));
    await Promise.all(voters.map((v, i) => castVote(event.id, actor(v), entries[i % 2].entryId, new Date())));
    await giveAward(event.id, (await award(event.id))!.id, entries[1].entryId, { confirmedWithoutCompleteSheet: true });
    await movePhase(event.id, organizer, "judging");
    await movePhase(event.id, organizer, "closed");
    expect((await award(event.id))?.entryId).toBe(entries[1].entryId);
  });

  it("keeps the counts on the organizers' results after a reopen, so a tie can be settled, until the vote moves again", async () => {
    const { organizer, event, entries } = await votingEvent(3);
    const voters = await Promise.all(Array.from({ length: 4 }, () => createUser()));
    await Promise.all(voters.map((v, i) => castVote(event.id, actor(v), entries[i % 2].entryId, new Date())));
    const hidden = { hidden: "Vote counts are hidden from everyone, organizers included, until results are published." };
    const section = async (who = organizer, now = new Date()) => {
      const [row] = await db.select().from(events).where(eq(events.id, event.id));
      return resultsVoteSection(row, actor(who), await accessOf(event.id, who.id), now);
    };
    await movePhase(event.id, organizer, "judging");
    expect(await section()).toMatchObject(hidden);
    await movePhase(event.id, organizer, "closed");
    expect((await award(event.id))?.entryId).toBeNull();
    await movePhase(event.id, organizer, "judging", "Settle the people's choice tie");
    expect(await section()).toMatchObject({ hidden: null, tied: ["Entry 0", "Entry 1"] });
    // Only the organizers: a team member asking the same is refused.
    expect(await section(entries[0].lead)).toMatchObject(hidden);
    // Saving the vote as the form shows it (to the minute; publishing closed it at its own second) keeps them shown; a
    // later closing time opens the vote again, and its counts stay hidden until the next publishing, also once that
    // time has passed.
    const [row] = await db.select().from(events).where(eq(events.id, event.id));
    const asShown = peoplesChoiceSettingsSchema(row).parse({ enabled: true, closesAt: settingsView(row, new Date()).closesAt });
    expect(await saveVoteSettings(event.id, asShown, organizer.id)).toBe(true);
    expect(await section()).toMatchObject({ hidden: null });
    expect(await saveVoteSettings(event.id, { enabled: true, closesAt: new Date(Date.now() + HOUR) }, organizer.id)).toBe(true);
    expect(await section()).toMatchObject(hidden);
    expect(await section(organizer, new Date(Date.now() + 2 * HOUR))).toMatchObject(hidden);
    await movePhase(event.id, organizer, "closed");
    await movePhase(event.id, organizer, "judging", "Once more");
    expect(await section()).toMatchObject({ hidden: null });
  });

  it("never shows the counts of a vote that was off when results were published, once turned on after a reopen", async () => {
    const { organizer, event, entries } = await votingEvent(2);
    await castVote(event.id, actor(await createUser()), entries[0].entryId, new Date());
    const [before] = await db.select().from(events).where(eq(events.id, event.id));
    expect(await saveVoteSettings(event.id, { enabled: false, closesAt: null }, organizer.id)).toBe(true);
    await movePhase(event.id, organizer, "judging");
    await movePhase(event.id, organizer, "closed");
    // Publishing showed no counts: nothing marks them shown.
    expect((await db.select().from(events).where(eq(events.id, event.id)))[0].peoplesChoiceShownAt).toBeNull();
    await movePhase(event.id, organizer, "judging", "Hold the vote after all");
    // On again with the closing time publishing moved to the past: closed, but its counts were never shown.
    const [moved] = await db.select().from(events).where(eq(events.id, event.id));
    expect(moved.peoplesChoiceClosesAt!.getTime()).toBeLessThan(before.peoplesChoiceClosesAt!.getTime());
    expect(await saveVoteSettings(event.id, { enabled: true, closesAt: moved.peoplesChoiceClosesAt }, organizer.id)).toBe(true);
    const [row] = await db.select().from(events).where(eq(events.id, event.id));
    expect(await resultsVoteSection(row, actor(organizer), await accessOf(event.id, organizer.id), new Date())).toMatchObject({
      hidden: "Vote counts are hidden from everyone, organizers included, until results are published.",
    });
  });
});

describe("saveVoteSettings", () => {
  it("adds the People's choice award once, or makes the organizers' own award of that name the vote's", async () => {
    const organizer = await createUser({ role: "organizer" });
    const { event } = await createOpenEvent(organizer);
    await createAward(event.id, { name: "People's choice", description: "Ours" });
    const closesAt = new Date(Date.now() + 72 * HOUR);
    await saveVoteSettings(event.id, { enabled: true, closesAt }, organizer.id);
    await saveVoteSettings(event.id, { enabled: true, closesAt }, organizer.id);
    const list = await listAwards(event.id);
    expect(list.map((a) => [a.name, a.kind, a.description])).toEqual([["People's choice", "peoples-choice", "Ours"]]);
  });

  it("records in the Manage page's history what each save changed, and nothing for a save that changed nothing", async () => {
    const { organizer, event } = await votingEvent(1);
    const history = async () =>
      (await managePage((await db.select().from(events).where(eq(events.id, event.id)))[0], new Date())).history
        .filter((h) => h.what.includes("people's choice"))
        .map((h) => `${h.by} ${h.what}`);
    const [opened] = await db.select().from(events).where(eq(events.id, event.id));
    const shown = (d: Date) => formatInZone(d, event.timezone);
    expect(await history()).toEqual([`${organizer.name} turned the people's choice vote on, closing ${shown(opened.peoplesChoiceClosesAt!)}`]);
    // The same minute again, as the form sends it back: no change, no line.
    expect(
      await saveVoteSettings(
        event.id,
        { enabled: true, closesAt: new Date(Math.floor(opened.peoplesChoiceClosesAt!.getTime() / 60_000) * 60_000) },
        organizer.id,
      ),
    ).toBe(true);
    expect(await history()).toHaveLength(1);
    const later = new Date(opened.peoplesChoiceClosesAt!.getTime() + 2 * HOUR);
    expect(await saveVoteSettings(event.id, { enabled: true, closesAt: later }, organizer.id)).toBe(true);
    expect((await history())[0]).toBe(`${organizer.name} moved the close of the people's choice vote to ${shown(later)}`);
    // Switched off, with another closing time in the form: one line, the vote off.
    expect(await saveVoteSettings(event.id, { enabled: false, closesAt: new Date(later.getTime() + HOUR) }, organizer.id)).toBe(true);
    expect(await saveVoteSettings(event.id, { enabled: false, closesAt: null }, organizer.id)).toBe(true);
    expect(await history()).toHaveLength(3);
    expect((await history())[0]).toBe(`${organizer.name} turned the people's choice vote off`);
    // A co-organizer's account deleted since: the line stays, without the name.
    const other = await createUser({ role: "organizer" });
    expect(await saveVoteSettings(event.id, { enabled: true, closesAt: later }, other.id)).toBe(true);
    await db.delete(users).where(eq(users.id, other.id));
    expect((await history())[0]).toBe(`A former organizer turned the people's choice vote on, closing ${shown(later)}`);
    // Refused once results are published: no line.
    await movePhase(event.id, organizer, "judging");
    await movePhase(event.id, organizer, "closed");
    expect(await saveVoteSettings(event.id, { enabled: false, closesAt: null }, organizer.id)).toBe("published");
    expect(await saveVoteSettings(event.id, { enabled: true, closesAt: new Date(later.getTime() + 5 * HOUR) }, organizer.id)).toBe("published");
    expect(await history()).toHaveLength(4);
  });

  it("refuses a save from a page opened before another organizer's save, unless it changes nothing", async () => {
    const { organizer, event } = await votingEvent(1);
    const read = async () => voteSettingsOf((await db.select().from(events).where(eq(events.id, event.id)))[0]);
    const opened = await read();
    const pageStamp = peoplesChoiceStamp(opened);
    // A co-organizer turns the vote off.
    const other = await createUser({ role: "organizer" });
    expect(await saveVoteSettings(event.id, { enabled: false, closesAt: null }, other.id, { stamp: pageStamp, stored: opened })).toBe(true);
    // The first page, still showing it on, moves its closing time: refused, the vote stays off, no history line.
    const later = new Date(opened.closesAt!.getTime() + 2 * HOUR);
    const now = await read();
    expect(await saveVoteSettings(event.id, { enabled: true, closesAt: later }, organizer.id, { stamp: pageStamp, stored: now })).toBe("changed");
    expect(await read()).toEqual(now);
    // The same page sending what is saved now changes nothing, and is not refused.
    expect(await saveVoteSettings(event.id, { enabled: false, closesAt: null }, organizer.id, { stamp: pageStamp, stored: now })).toBe(true);
    // In the statement too: a request that read the settings before another save landed writes nothing.
    expect(await saveVoteSettings(event.id, { enabled: true, closesAt: later }, organizer.id, { stamp: pageStamp, stored: opened })).toBe("changed");
    expect(await read()).toEqual(now);
    expect((await db.select().from(awards).where(eq(awards.eventId, event.id))).length).toBe(1);
    // A page read after the change saves.
    expect(await saveVoteSettings(event.id, { enabled: true, closesAt: later }, organizer.id, { stamp: peoplesChoiceStamp(now), stored: now })).toBe(true);
    expect(await read()).toMatchObject({ enabled: true });
  });

  it("keeps the closing time when the vote is turned off, and changes nothing once results are published", async () => {
    const { organizer, event } = await votingEvent(1);
    const [before] = await db.select().from(events).where(eq(events.id, event.id));
    expect(await saveVoteSettings(event.id, { enabled: false, closesAt: null }, organizer.id)).toBe(true);
    const [off] = await db.select().from(events).where(eq(events.id, event.id));
    expect(off).toMatchObject({ peoplesChoiceEnabled: false, peoplesChoiceClosesAt: before.peoplesChoiceClosesAt });
    await movePhase(event.id, organizer, "judging");
    await movePhase(event.id, organizer, "closed");
    expect(await saveVoteSettings(event.id, { enabled: true, closesAt: new Date(Date.now() + HOUR) }, organizer.id)).toBe("published");
    const [after] = await db.select().from(events).where(eq(events.id, event.id));
    expect(after.peoplesChoiceEnabled).toBe(false);
    expect(
      await db
        .select()
        .from(awards)
        .where(and(eq(awards.eventId, event.id), eq(awards.kind, "peoples-choice"))),
    ).toHaveLength(1);
  });
});
