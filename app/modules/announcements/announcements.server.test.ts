// Announcements against the real database: who each audience is when it is sent (the same people the event
// page shows it to), sent once however many ticks race for it, caught up after downtime, never after a
// cancel, and with the text as last edited (ADR 025).
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { announcements, awards, events, notifications, outbox, teamMembers, type AnnouncementAudience } from "#db/schema";
import { db } from "~/db.server";
import { newId } from "~/lib/ids";
import { readableAudiences } from "~/modules/auth/permissions";
import { addJudge } from "~/modules/events/events.server";
import { addOrganizer } from "~/modules/events/settings.server";
import { registerAllTasks } from "~/modules/schedule/tasks.server";
import { runDueWork } from "~/modules/schedule/scheduler.server";
import { saveSeekerPost } from "~/modules/teams/team-finder.server";
import { createTeam } from "~/modules/teams/teams.server";
import { accessOf, args, createOpenEvent, createUser, getEvent, request, settle, submittedEntry, type TestUser } from "~/test/fixtures";
import { announcementAudiences } from "./rules";
import {
  announcementsFor,
  cancelAnnouncement,
  CHANGED_MEANWHILE,
  createAnnouncement,
  findScheduled,
  recipients,
  updateAnnouncement,
} from "./announcements.server";

const ORIGIN = "https://hack.example.com";
const HOUR = 3_600_000;

type World = {
  event: Awaited<ReturnType<typeof getEvent>>;
  organizer: TestUser;
  people: Record<"coOrganizer" | "judge" | "winner" | "winnerMate" | "submitter" | "drafter" | "seeker" | "outsider", TestUser>;
};
const w = {} as World;

beforeAll(async () => {
  registerAllTasks();
  const organizer = await createUser({ role: "organizer" });
  const [coOrganizer, judge, winner, winnerMate, submitter, drafter, seeker, outsider] = await Promise.all(
    ["Co", "Judge", "Winner", "Mate", "Submitter", "Drafter", "Seeker", "Outsider"].map((name) => createUser({ name: `${name} Person` })),
  );
  const { event, problem } = await createOpenEvent(organizer);
  await addJudge(event.id, judge.email);
  await addOrganizer(event.id, coOrganizer.email);
  const won = await submittedEntry(event, winner.id, problem.id, { title: "Won it" });
  await db.insert(teamMembers).values({ teamId: won.teamId, eventId: event.id, userId: winnerMate.id });
  await submittedEntry(event, submitter.id, problem.id, { title: "Submitted only" });
  const draft = await createTeam(event, drafter.id, { name: "Still drafting", problemId: problem.id });
  if (!draft.ok) throw new Error("team setup failed");
  await db.insert(awards).values({ id: newId(), eventId: event.id, name: "Best in show", entryId: won.entryId });
  // In the event without a team yet: a "looking for a team" post.
  expect(await saveSeekerPost(event, seeker.id, { skills: "Python, prompt evaluation" })).toEqual({ ok: true });
  Object.assign(w, {
    event: await getEvent(event.id),
    organizer,
    people: { coOrganizer, judge, winner, winnerMate, submitter, drafter, seeker, outsider },
  });
});

const ids = (list: { id: string }[]) => list.map((p) => p.id).sort();
const names = (who: (keyof World["people"])[]) => who.map((k) => w.people[k].id).sort();

async function closeEvent() {
  await db.update(events).set({ phase: "closed" }).where(eq(events.id, w.event.id));
  w.event = await getEvent(w.event.id);
}

const input = (over: Partial<{ title: string; body: string; audience: AnnouncementAudience; sendAt: Date }> = {}) => ({
  title: "Pizza at noon",
  body: "In the **atrium**. See [the map](https://example.com/map).",
  audience: "everyone" as AnnouncementAudience,
  sendAt: new Date(),
  ...over,
});

const noticesOf = (announcementId: string) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.kind, "announcement"), eq(notifications.path, `/events/${w.event.slug}#announcement-${announcementId}`)));

/** A new announcement written (not refused as a repeat of one written a moment before). */
async function written(creating: ReturnType<typeof createAnnouncement>) {
  const created = await creating;
  if (created.repeated) throw new Error("written as a repeat");
  return created;
}

describe("audiences, resolved when sent", () => {
  it("reaches exactly the people each audience names, never its author", async () => {
    const of = (a: AnnouncementAudience) => recipients(w.event.id, a, w.event.phase, w.organizer.id).then(ids);
    expect(await of("everyone")).toEqual(names(["coOrganizer", "judge", "winner", "winnerMate", "submitter", "drafter", "seeker"]));
    expect(await of("teams")).toEqual(names(["winner", "winnerMate", "submitter", "drafter"]));
    expect(await of("submitters")).toEqual(names(["winner", "winnerMate", "submitter"]));
    expect(await of("judges")).toEqual(names(["judge"]));
    // Awards are not public while the event is open: nobody is a winner yet.
    expect(await of("winners")).toEqual([]);
  });

  it("agrees with who the event page shows each audience to, before and after results are published", async () => {
    for (const phase of ["open", "closed"] as const) {
      if (phase === "closed") await closeEvent();
      for (const [key, person] of Object.entries(w.people)) {
        const access = await accessOf(w.event.id, person.id);
        const facts = await db.all<{ s: number; won: number; seeking: number }>(
          sql`select exists(select 1 from entries e where e.team_id = ${access.teamId} and e.status = 'submitted') as s,
            exists(select 1 from entries e join awards a on a.entry_id = e.id where e.team_id = ${access.teamId}) as won,
            exists(select 1 from team_seekers s where s.event_id = ${w.event.id} and s.user_id = ${person.id}) as seeking`,
        );
        const readable = readableAudiences(person, access, {
          teamSubmitted: Boolean(facts[0].s),
          teamWon: Boolean(facts[0].won),
          seeking: Boolean(facts[0].seeking),
        });
        for (const audience of announcementAudiences) {
          const reached = ids(await recipients(w.event.id, audience, phase, w.organizer.id)).includes(person.id);
          // Organizers read every announcement; everyone else exactly those they would be sent.
          expect(key === "coOrganizer" ? true : reached, `${key} ${audience} ${phase}`).toBe(readable.includes(audience));
        }
      }
    }
    expect(ids(await recipients(w.event.id, "winners", "closed", w.organizer.id))).toEqual(names(["winner", "winnerMate"]));
    await db.update(events).set({ phase: "open" }).where(eq(events.id, w.event.id));
    w.event = await getEvent(w.event.id);
  });
});

describe("sending", () => {
  it("sends one due now at once: an in-app notice linking to the event page and a mail with the text", async () => {
    const { id, reached } = await written(
      createAnnouncement(w.event, w.organizer.id, input({ audience: "judges", title: "Judging brief" }), new Date(), ORIGIN),
    );
    expect(reached).toBe(1);
    const notices = await noticesOf(id);
    expect(notices.map((n) => n.userId)).toEqual([w.people.judge.id]);
    expect(notices[0].title).toBe(`${w.event.title}: Judging brief`);
    const [mail] = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.toEmail, w.people.judge.email.toLowerCase()), eq(outbox.kind, "announcement")));
    expect(mail.textBody).toContain("In the atrium. See the map (https://example.com/map).");
    expect(mail.textBody).toContain(`${ORIGIN}/events/${w.event.slug}#announcement-${id}`);
    expect(mail.textBody).not.toContain("**");
  });

  it("sends the same announcement pressed twice once: a repeat within a minute writes nothing and sends nothing", async () => {
    const now = new Date();
    const same = input({ audience: "judges", title: "Pressed twice" });
    const [first, second] = await Promise.all([
      createAnnouncement(w.event, w.organizer.id, same, now, ORIGIN),
      createAnnouncement(w.event, w.organizer.id, same, now, ORIGIN),
    ]);
    expect([first.repeated, second.repeated].sort()).toEqual([false, true]);
    const later = new Date(now.getTime() + 30_000);
    expect(await createAnnouncement(w.event, w.organizer.id, same, later, ORIGIN)).toEqual({ repeated: true });
    expect(await db.select().from(announcements).where(eq(announcements.title, "Pressed twice"))).toHaveLength(1);
    const mails = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.toEmail, w.people.judge.email.toLowerCase()), eq(outbox.kind, "announcement")));
    expect(mails.filter((m) => m.subject.includes("Pressed twice"))).toHaveLength(1);
    // Another message, another audience, another time, or a minute later is another announcement.
    await written(createAnnouncement(w.event, w.organizer.id, { ...same, sendAt: new Date(now.getTime() + HOUR) }, later, ORIGIN));
    await written(createAnnouncement(w.event, w.organizer.id, { ...same, body: "Now with the room number." }, later, ORIGIN));
    await written(createAnnouncement(w.event, w.organizer.id, { ...same, audience: "everyone" }, later, ORIGIN));
    await written(createAnnouncement(w.event, w.organizer.id, same, new Date(now.getTime() + 61_000), ORIGIN));
  });

  it("refuses a change from a page opened before another save of the same announcement, unless it is that save again", async () => {
    const at = new Date(Date.now() + 3 * HOUR);
    const { id } = await written(createAnnouncement(w.event, w.organizer.id, input({ sendAt: at, title: "Room change" }), new Date(), ORIGIN));
    const opened = (await findScheduled(w.event.id, id))!.updatedAt;
    const first = input({ sendAt: at, title: "Room change: B2" });
    expect(await updateAnnouncement(w.event.id, id, first, new Date(opened.getTime() + 1000), ORIGIN, opened)).toEqual({ ok: true, reached: null });
    // A second tab, opened before that save, changes the message.
    const second = input({ sendAt: at, title: "Room change", body: "Now in B3." });
    expect(await updateAnnouncement(w.event.id, id, second, new Date(opened.getTime() + 2000), ORIGIN, opened)).toEqual({
      ok: false,
      message: CHANGED_MEANWHILE,
    });
    expect(await findScheduled(w.event.id, id)).toMatchObject({ title: "Room change: B2" });
    // The first save sent again changes nothing and is not refused; from the page read again, the change is saved.
    expect(await updateAnnouncement(w.event.id, id, first, new Date(opened.getTime() + 3000), ORIGIN, opened)).toEqual({ ok: true, reached: null });
    const now = (await findScheduled(w.event.id, id))!.updatedAt;
    expect(await updateAnnouncement(w.event.id, id, second, new Date(opened.getTime() + 4000), ORIGIN, now)).toEqual({ ok: true, reached: null });
    expect(await findScheduled(w.event.id, id)).toMatchObject({ title: "Room change", body: "Now in B3." });
  });

  it("sends a scheduled one exactly once when two ticks race for it", async () => {
    const at = new Date(Date.now() + HOUR);
    const { id, reached } = await written(createAnnouncement(w.event, w.organizer.id, input({ audience: "teams", sendAt: at }), new Date(), ORIGIN));
    expect(reached).toBeNull();
    await Promise.all([runDueWork(new Date(at.getTime() + 1000)), runDueWork(new Date(at.getTime() + 1000))]);
    expect((await noticesOf(id)).map((n) => n.userId).sort()).toEqual(names(["winner", "winnerMate", "submitter", "drafter"]));
    const [row] = await db.select().from(announcements).where(eq(announcements.id, id));
    expect(row.recipientCount).toBe(4);
    await runDueWork(new Date(at.getTime() + 5000));
    expect(await noticesOf(id)).toHaveLength(4);
  });

  it("waits until its time, and after downtime goes out at the next tick", async () => {
    const at = new Date(Date.now() + 2 * HOUR);
    const { id } = await written(createAnnouncement(w.event, w.organizer.id, input({ audience: "judges", sendAt: at }), new Date(), ORIGIN));
    await runDueWork(new Date(at.getTime() - 60_000));
    expect(await noticesOf(id)).toHaveLength(0);
    // Nothing ran for six hours past its time: the first tick sends it.
    await runDueWork(new Date(at.getTime() + 6 * HOUR));
    expect(await noticesOf(id)).toHaveLength(1);
  });

  it("never sends a cancelled one, and cannot cancel one already sent", async () => {
    const at = new Date(Date.now() + HOUR);
    const { id } = await written(createAnnouncement(w.event, w.organizer.id, input({ sendAt: at }), new Date(), ORIGIN));
    expect(await cancelAnnouncement(w.event.id, id)).toEqual({ ok: true });
    await runDueWork(new Date(at.getTime() + 1000));
    expect(await noticesOf(id)).toHaveLength(0);
    const sent = await written(createAnnouncement(w.event, w.organizer.id, input({ audience: "judges", title: "Sent before the cancel" }), new Date(), ORIGIN));
    expect(await cancelAnnouncement(w.event.id, sent.id)).toEqual({
      ok: false,
      message: `This announcement was sent meanwhile, to ${sent.reached} ${sent.reached === 1 ? "person" : "people"}, so it can no longer be cancelled.`,
    });
    // Cancelled in another tab: the second cancel, and a change, say it was cancelled and reached nobody.
    expect(await cancelAnnouncement(w.event.id, id)).toEqual({
      ok: false,
      message: "This announcement was cancelled meanwhile, so it can no longer be cancelled: nobody received it.",
    });
    expect(await updateAnnouncement(w.event.id, id, input({ sendAt: at }), new Date(), ORIGIN)).toEqual({
      ok: false,
      message: "This announcement was cancelled meanwhile, so it can no longer be changed: nobody received it.",
    });
    expect(await db.select().from(announcements).where(eq(announcements.id, sent.id))).toHaveLength(1);
  });

  it("sends the text and audience as last edited, and refuses to edit one already sent", async () => {
    const at = new Date(Date.now() + HOUR);
    const { id } = await written(createAnnouncement(w.event, w.organizer.id, input({ sendAt: at, title: "Draft wording" }), new Date(), ORIGIN));
    const edited = await updateAnnouncement(w.event.id, id, input({ sendAt: at, title: "Final wording", audience: "submitters" }), new Date(), ORIGIN);
    expect(edited).toEqual({ ok: true, reached: null });
    await runDueWork(new Date(at.getTime() + 1000));
    const notices = await noticesOf(id);
    expect(notices.map((n) => n.userId).sort()).toEqual(names(["winner", "winnerMate", "submitter"]));
    expect(notices.every((n) => n.title.endsWith("Final wording"))).toBe(true);
    expect(await updateAnnouncement(w.event.id, id, input({ title: "Too late" }), new Date(), ORIGIN)).toEqual({
      ok: false,
      message: `This announcement was sent meanwhile, to ${notices.length} people, so it can no longer be changed.`,
    });
  });

  it("marks one with an empty audience sent, reaching nobody", async () => {
    const { id, reached } = await written(createAnnouncement(w.event, w.organizer.id, input({ audience: "winners" }), new Date(), ORIGIN));
    expect(reached).toBe(0);
    const [row] = await db.select().from(announcements).where(eq(announcements.id, id));
    expect(row.sentAt).not.toBeNull();
    expect(row.recipientCount).toBe(0);
  });
});

describe("the event page", () => {
  it("shows a sent announcement to its audience and the organizers, never to anyone else", async () => {
    const { id } = await written(
      createAnnouncement(w.event, w.organizer.id, input({ audience: "judges", title: "Judges only: calibration call" }), new Date(), ORIGIN),
    );
    const { loader } = await import("~/routes/events.$slug._index");
    const page = async (user: TestUser) => {
      const outcome = await settle(loader(args(request(`/events/${w.event.slug}`, { user }), { slug: w.event.slug })));
      expect(outcome.status).toBe(200);
      return JSON.stringify(outcome.data);
    };
    expect(await page(w.people.judge)).toContain("Judges only: calibration call");
    expect(await page(w.organizer)).toContain("Judges only: calibration call");
    expect(await page(w.people.coOrganizer)).toContain(id);
    for (const other of [w.people.winner, w.people.submitter, w.people.drafter, w.people.outsider]) {
      const body = await page(other);
      expect(body).not.toContain("Judges only");
      expect(body).not.toContain(id);
    }
  });

  it("lists what a person may read, newest first", async () => {
    const access = await accessOf(w.event.id, w.people.drafter.id);
    const shown = await announcementsFor(w.people.drafter, w.event, access);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((a) => a.audience === "everyone" || a.audience === "teams")).toBe(true);
    const times = shown.map((a) => new Date(a.sentAt!).getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    expect(shown.every((a) => a.recipientCount === null)).toBe(true);
  });
});
