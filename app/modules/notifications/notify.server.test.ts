// A notice lands in the person's in-app list and, unless they turned that kind off or unsubscribed, in the
// outbox, in the same batch as the change it reports; security mail ignores both (ADR 024).
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { notifications, outbox } from "#db/schema";
import { db } from "~/db.server";
import { optOut } from "~/modules/mail/outbox.server";
import { addJudge } from "~/modules/events/events.server";
import { createOpenEvent, createUser, type TestUser } from "~/test/fixtures";
import { optionalKinds } from "./kinds";
import {
  emailPreferences,
  listNotifications,
  markAllRead,
  markRead,
  notify,
  notifyStatementsIfChanged,
  setEmailPreferences,
  unreadCount,
  type Notice,
} from "./notify.server";

const ORIGIN = "https://hack.example.com";
const mailTo = (email: string) => db.select().from(outbox).where(eq(outbox.toEmail, email.toLowerCase()));

const announcement = (to: TestUser, title = "Pizza at noon"): Notice => ({
  to,
  title,
  body: "In the atrium.",
  path: "/events/winter",
  mail: { kind: "announcement", subject: title, greeting: `Hello ${to.name},`, paragraphs: ["In the atrium."] },
});

describe("notify", () => {
  it("puts the notice in the list, unread, and queues its mail", async () => {
    const person = await createUser();
    await notify([announcement(person)], ORIGIN);
    const { rows, total } = await listNotifications(person.id);
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({ kind: "announcement", title: "Pizza at noon", path: "/events/winter", readAt: null });
    expect(await unreadCount(person.id)).toBe(1);
    const mails = await mailTo(person.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: "announcement", subject: "Pizza at noon" });
  });

  it("lists the newest first, and notices of one millisecond in the order they were written", async () => {
    const person = await createUser();
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2026-12-05T10:00:00Z"));
      for (const title of ["First", "Second", "Third"]) await notify([announcement(person, title)], ORIGIN);
      vi.setSystemTime(new Date("2026-12-05T09:00:00Z"));
      await notify([announcement(person, "Earlier")], ORIGIN);
    } finally {
      vi.useRealTimers();
    }
    expect((await listNotifications(person.id)).rows.map((r) => r.title)).toEqual(["Third", "Second", "First", "Earlier"]);
  });

  it("skips the mail, not the notice, for a kind the person turned off, and only that kind", async () => {
    const person = await createUser();
    expect(Object.values(await emailPreferences(person.id)).every(Boolean)).toBe(true);
    await setEmailPreferences(person.id, new Set(optionalKinds.filter((k) => k !== "announcement")));
    expect((await emailPreferences(person.id)).announcement).toBe(false);
    expect((await emailPreferences(person.id))["judge-added"]).toBe(true);
    await notify([announcement(person)], ORIGIN);
    expect(await unreadCount(person.id)).toBe(1);
    expect(await mailTo(person.email)).toHaveLength(0);

    const someoneElse = await createUser();
    await notify([announcement(someoneElse)], ORIGIN);
    expect(await mailTo(someoneElse.email)).toHaveLength(1);
  });

  it("always mails security notices, even to people who turned everything off and unsubscribed", async () => {
    const person = await createUser();
    await setEmailPreferences(person.id, new Set());
    await optOut(person.email);
    await notify([{ ...announcement(person), mail: { kind: "password-reset", subject: "Reset", greeting: "Hi", paragraphs: [] } }], ORIGIN);
    expect(await mailTo(person.email)).toHaveLength(1);
  });

  it("writes nothing when the change it hangs on changed nothing", async () => {
    const person = await createUser();
    const told = await notifyStatementsIfChanged([announcement(person)], ORIGIN);
    // An UPDATE that matches no row, then the notice hanging on it.
    await db.batch([db.run(sql`update users set name = name where id = 'nobody'`), ...told]);
    expect(await unreadCount(person.id)).toBe(0);
    expect(await mailTo(person.email)).toHaveLength(0);
    const again = await notifyStatementsIfChanged([announcement(person)], ORIGIN);
    await db.batch([db.run(sql`update users set name = name where id = ${person.id}`), ...again]);
    expect(await unreadCount(person.id)).toBe(1);
    expect(await mailTo(person.email)).toHaveLength(1);
  });

  it("tells a judge in-app and by mail when they are added, once", async () => {
    const organizer = await createUser({ role: "organizer" });
    const { event } = await createOpenEvent(organizer);
    const judge = await createUser();
    await addJudge(event.id, judge.email, ORIGIN);
    await addJudge(event.id, judge.email, ORIGIN);
    const { rows } = await listNotifications(judge.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "judge-added", title: `You are a judge of ${event.title}`, path: `/events/${event.slug}` });
    expect(await mailTo(judge.email)).toHaveLength(1);
  });

  it("marks only the person's own notices read", async () => {
    const person = await createUser();
    const other = await createUser();
    await notify([announcement(person, "One"), announcement(person, "Two"), announcement(other)], ORIGIN);
    const [{ id: otherId }] = await db.select({ id: notifications.id }).from(notifications).where(eq(notifications.userId, other.id));
    expect(await markRead(person.id, otherId)).toBeNull();
    expect(await unreadCount(other.id)).toBe(1);

    const { rows } = await listNotifications(person.id);
    expect(await markRead(person.id, rows[0].id)).toBe("/events/winter");
    expect(await unreadCount(person.id)).toBe(1);
    expect(await markAllRead(person.id, (await listNotifications(person.id)).seen)).toEqual({ newer: 0 });
    expect(await unreadCount(person.id)).toBe(0);
    expect(await unreadCount(other.id)).toBe(1);
  });

  it("marks all read only up to the newest notice when the page was read: one written since stays unread, and is counted", async () => {
    const person = await createUser();
    await notify([announcement(person, "Seen")], ORIGIN);
    const { seen } = await listNotifications(person.id);
    // Written after the page was read, though stamped earlier (a notice's time is taken before its batch commits).
    await notify([announcement(person, "Arrived since")], ORIGIN);
    await db
      .update(notifications)
      .set({ createdAt: new Date(0) })
      .where(and(eq(notifications.userId, person.id), eq(notifications.title, "Arrived since")));
    expect(await markAllRead(person.id, seen)).toEqual({ newer: 1 });
    const { rows } = await listNotifications(person.id);
    expect(rows.map((r) => [r.title, r.readAt === null])).toEqual([
      ["Seen", false],
      ["Arrived since", true],
    ]);
  });
});
