// The announcements page through its loader and action: messages next to the fields, a preview that saves
// nothing, a cancel that asks first, and the organizers' only (ADR 025).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { announcements } from "#db/schema";
import { db } from "~/db.server";
import { utcToZonedLocal } from "~/lib/zoned-time";
import { createTeam } from "~/modules/teams/teams.server";
import { action, loader } from "~/routes/events.$slug.announcements";
import { args, createOpenEvent, createUser, expectStatus, request, type TestUser } from "~/test/fixtures";

const w = {} as { organizer: TestUser; member: TestUser; slug: string; eventId: string };

beforeAll(async () => {
  const organizer = await createUser({ role: "organizer" });
  const member = await createUser();
  const { event, problem } = await createOpenEvent(organizer);
  const team = await createTeam(event, member.id, { name: "Listeners", problemId: problem.id });
  if (!team.ok) throw new Error("team setup failed");
  Object.assign(w, { organizer, member, slug: event.slug, eventId: event.id });
});

const post = (user: TestUser, form: Record<string, string>) => action(args(request(`/events/${w.slug}/announcements`, { user, form }), { slug: w.slug }));
const valid = { intent: "save", title: "Pizza", body: "At **noon**.", audience: "teams", when: "later" };
const inHours = (h: number) => utcToZonedLocal(new Date(Date.now() + h * 3_600_000), "UTC");
type Reply = { result: { error: Record<string, string[]> } };

describe("the announcements page", () => {
  it("is the organizers' only", async () => {
    await expectStatus(loader(args(request(`/events/${w.slug}/announcements`, { user: w.member }), { slug: w.slug })), 403);
    await expectStatus(post(w.member, { ...valid, sendAt: inHours(1) }), 403);
  });

  it("says how many people each audience reaches now", async () => {
    const page = await expectStatus(loader(args(request(`/events/${w.slug}/announcements`, { user: w.organizer }), { slug: w.slug })), 200);
    expect((page.data as { sizes: Record<string, number> }).sizes).toEqual({ everyone: 1, teams: 1, submitters: 0, judges: 0, winners: 0 });
  });

  it("puts a message next to the field for a past time or an empty message, and saves nothing", async () => {
    const past = (await expectStatus(post(w.organizer, { ...valid, sendAt: inHours(-1) }), 400)).data as Reply;
    expect(past.result.error.sendAt).toEqual(["Pick a time in the future, or send it now"]);
    const empty = (await expectStatus(post(w.organizer, { ...valid, body: "", sendAt: inHours(1) }), 400)).data as Reply;
    expect(empty.result.error.body).toEqual(["Write the announcement"]);
    expect(await db.select().from(announcements).where(eq(announcements.eventId, w.eventId))).toHaveLength(0);
  });

  it("previews the Markdown as it will be shown, without saving, keeping what was typed", async () => {
    const done = await expectStatus(post(w.organizer, { ...valid, intent: "preview", body: "At **noon**. <script>alert(1)</script>" }), 200);
    const data = done.data as { preview: string; result: { initialValue: Record<string, string> } };
    expect(data.preview).toContain("<strong>noon</strong>");
    expect(data.preview).not.toContain("script");
    expect(data.result.initialValue.title).toBe("Pizza");
    expect(await db.select().from(announcements).where(eq(announcements.eventId, w.eventId))).toHaveLength(0);
  });

  it("keeps the time a change was opened with through a preview, so a save after another organizer's is refused", async () => {
    const sendAt = inHours(5);
    await expectStatus(post(w.organizer, { ...valid, title: "Stand-up", sendAt }), 302);
    const [row] = await db.select().from(announcements).where(eq(announcements.title, "Stand-up"));
    const page = await expectStatus(loader(args(request(`/events/${w.slug}/announcements?edit=${row.id}`, { user: w.organizer }), { slug: w.slug })), 200);
    const { seen } = (page.data as { editing: { seen: string } }).editing;
    // Another organizer saves it; this page previews its own change first: the preview hands back the time it was opened with.
    await expectStatus(post(w.organizer, { ...valid, id: row.id, title: "Stand-up at ten", sendAt, seen }), 302);
    const previewed = await expectStatus(post(w.organizer, { ...valid, intent: "preview", id: row.id, title: "Stand-up", body: "Mine.", sendAt, seen }), 200);
    expect((previewed.data as { seen: string }).seen).toBe(seen);
    const refused = await expectStatus(post(w.organizer, { ...valid, id: row.id, title: "Stand-up", body: "Mine.", sendAt, seen }), 409);
    expect((refused.data as Reply).result.error[""][0]).toMatch(/^This announcement was changed since you opened it/);
    expect((await db.select().from(announcements).where(eq(announcements.id, row.id)))[0].title).toBe("Stand-up at ten");
    await db.delete(announcements).where(eq(announcements.id, row.id)); // the tests below count this event's announcements
  });

  it("says so when a change is previewed after its announcement was sent meanwhile, keeping the text", async () => {
    await expectStatus(post(w.organizer, { ...valid, title: "Lunch", sendAt: inHours(2) }), 302);
    const [row] = await db.select().from(announcements).where(eq(announcements.title, "Lunch"));
    // The scheduler sends it while the change is being typed.
    await db.update(announcements).set({ sentAt: new Date(), recipientCount: 3 }).where(eq(announcements.id, row.id));
    const previewed = await expectStatus(post(w.organizer, { ...valid, intent: "preview", id: row.id, title: "Lunch", body: "At one." }), 200);
    const reply = (previewed.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
    expect(reply.error[""]).toEqual([
      "This announcement was sent meanwhile, to 3 people, so it can no longer be changed. Your text is still in the form, now as a new announcement.",
    ]);
    expect(reply.initialValue.body).toBe("At one.");
    await db.delete(announcements).where(eq(announcements.id, row.id)); // the tests below count this event's announcements
  });

  it("cancels a scheduled one only after a confirmation", async () => {
    await expectStatus(post(w.organizer, { ...valid, sendAt: inHours(2) }), 302);
    const [row] = await db.select().from(announcements).where(eq(announcements.eventId, w.eventId));
    const asked = await expectStatus(post(w.organizer, { intent: "cancel", id: row.id }), 409);
    expect(asked.data).toMatchObject({ confirmCancel: { id: row.id, title: "Pizza" } });
    expect(await db.select().from(announcements).where(eq(announcements.id, row.id))).toHaveLength(1);
    const done = await expectStatus(post(w.organizer, { intent: "cancel", id: row.id, confirmed: "on" }), 302);
    expect(done.response?.headers.get("Location")).toBe(`/events/${w.slug}/announcements`);
    expect(await db.select().from(announcements).where(eq(announcements.id, row.id))).toHaveLength(0);
  });

  it("comes back to the change of another announcement being typed when one is cancelled", async () => {
    await expectStatus(post(w.organizer, { ...valid, title: "Kept", sendAt: inHours(2) }), 302);
    await expectStatus(post(w.organizer, { ...valid, title: "Gone", sendAt: inHours(3) }), 302);
    const rows = await db.select().from(announcements).where(eq(announcements.eventId, w.eventId));
    const kept = rows.find((r) => r.title === "Kept")!;
    const gone = rows.find((r) => r.title === "Gone")!;
    const cancelFrom = (search: string, id: string) =>
      action(
        args(request(`/events/${w.slug}/announcements${search}`, { user: w.organizer, form: { intent: "cancel", id, confirmed: "on" } }), { slug: w.slug }),
      );
    const done = await expectStatus(cancelFrom(`?edit=${kept.id}`, gone.id), 302);
    expect(done.response?.headers.get("Location")).toBe(`/events/${w.slug}/announcements?edit=${kept.id}`);
    // Cancelling the one being changed leaves the change.
    const own = await expectStatus(cancelFrom(`?edit=${kept.id}`, kept.id), 302);
    expect(own.response?.headers.get("Location")).toBe(`/events/${w.slug}/announcements`);
  });

  it("sends one now and says how many it reached", async () => {
    const sent = await expectStatus(post(w.organizer, { ...valid, when: "now" }), 302);
    expect(sent.response?.headers.get("Set-Cookie")).toBeTruthy();
    const [row] = await db.select().from(announcements).where(eq(announcements.eventId, w.eventId));
    expect(row.sentAt).not.toBeNull();
    expect(row.recipientCount).toBe(1);
  });
});
