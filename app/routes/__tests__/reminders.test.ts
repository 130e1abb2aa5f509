// The judges page's Remind button through its route: organizers only, during judging, once an hour per judge.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications } from "#db/schema";
import { db } from "~/db.server";
import { addJudge } from "~/modules/events/events.server";
import { action, loader } from "~/routes/events.$slug.judges";
import { args, createOpenEvent, createUser, expectStatus, fieldErrors, movePhase, request, submittedEntry } from "~/test/fixtures";

async function judgingWorld() {
  const organizer = await createUser({ role: "organizer" });
  const [judge, lead] = await Promise.all([createUser({ name: "Rita Reminded" }), createUser()]);
  const { event, problem } = await createOpenEvent(organizer);
  await submittedEntry(event, lead.id, problem.id, { title: "Waiting entry" });
  await addJudge(event.id, judge.email);
  return { organizer, judge, event };
}

const press = (slug: string, user: { cookie: string }, judgeId: string) =>
  action(args(request(`/events/${slug}/judges`, { user, form: { intent: "remind-judge", judgeId } }), { slug }));
const reminders = (userId: string) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, "judge-reminder")));

describe("the Remind button", () => {
  it("sends at once, and a second press within the hour is refused with when it works again", async () => {
    const { organizer, judge, event } = await judgingWorld();
    await movePhase(event.id, organizer, "judging");
    const page = await expectStatus(loader(args(request(`/events/${event.slug}/judges`, { user: organizer }), { slug: event.slug })), 200);
    expect((page.data as { reminders: { judges: { name: string; remindAgainAt: string | null }[]; nobody: string | null } }).reminders).toEqual({
      judges: [expect.objectContaining({ name: "Rita Reminded", remindAgainAt: null })],
      nobody: null,
    });

    const sent = await expectStatus(press(event.slug, organizer, judge.id), 302);
    expect(sent.response?.headers.get("Location")).toBe(`/events/${event.slug}/judges#reminders`);
    const again = await expectStatus(press(event.slug, organizer, judge.id), 429);
    expect(fieldErrors(again)[""]?.[0]).toMatch(/Rita Reminded was reminded at .*once an hour: try again from/);
    expect(await reminders(judge.id)).toHaveLength(1);

    const after = await expectStatus(loader(args(request(`/events/${event.slug}/judges`, { user: organizer }), { slug: event.slug })), 200);
    expect((after.data as { reminders: { judges: { remindAgainAt: string | null }[] } }).reminders.judges[0].remindAgainAt).not.toBeNull();
  });

  it("is refused before judging, for a non-judge, and to anyone but the organizers", async () => {
    const { organizer, judge, event } = await judgingWorld();
    await expectStatus(press(event.slug, organizer, judge.id), 409);
    await movePhase(event.id, organizer, "judging");
    await expectStatus(press(event.slug, organizer, organizer.id), 404);
    await expectStatus(press(event.slug, organizer, ""), 400);
    await expectStatus(press(event.slug, judge, judge.id), 403);
    expect(await reminders(judge.id)).toHaveLength(0);
  });
});
