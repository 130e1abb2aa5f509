import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { criteria, eventJudges, eventOrganizers, events, phaseChanges, problems } from "#db/schema";
import { db } from "~/db.server";
import { utcToZonedLocal } from "~/lib/zoned-time";
import { defaultRubric } from "~/modules/events/rubric";
import { eventSchema } from "~/modules/events/schemas";
import { addProblem } from "~/modules/problems/problems.server";
import { loader as eventLoader } from "~/routes/events.$slug._index";
import { action as manageAction, loader as manageLoader } from "~/routes/events.$slug.manage";
import { action as newEventAction, loader as newEventLoader } from "~/routes/events.new";
import {
  args,
  createDraftEvent,
  createOpenEvent,
  createUser,
  eventForm,
  expectStatus,
  fieldErrors,
  getEvent,
  problemInput,
  request,
  toastOf,
} from "~/test/fixtures";

const eventCount = async () => (await db.select({ n: count() }).from(events))[0].n;

describe("creating events", () => {
  it("refuses a member with 403 on the loader and the action, and creates nothing", async () => {
    const member = await createUser({ role: "member" });
    const loaded = await expectStatus(newEventLoader(args(request("/events/new", { user: member }))), 403);
    expect(loaded.data).toBe("Only organizers can create events. Ask an admin for the organizer role.");
    const before = await eventCount();
    await expectStatus(newEventAction(args(request("/events/new", { user: member, form: eventForm() }))), 403);
    expect(await eventCount()).toBe(before);
  });

  it("sends a signed-out visitor to sign in", async () => {
    const res = await expectStatus(newEventLoader(args(request("/events/new"))), 302);
    expect(res.response!.headers.get("Location")).toBe("/login?redirectTo=%2Fevents%2Fnew");
  });

  it("lets an organizer create a draft event with the default rubric and makes them its organizer", async () => {
    const organizer = await createUser({ role: "organizer" });
    const form = eventForm({
      title: "Ünïcode Support Hack!",
      timezone: "Europe/Berlin",
      startsAt: "2031-03-01T09:00",
      submissionDeadline: "2031-03-02T17:00",
      judgingDeadline: "2031-03-05T12:00",
      maxTeamSize: 3,
    });
    const res = await expectStatus(newEventAction(args(request("/events/new", { user: organizer, form }))), 302);
    expect(res.response!.headers.get("Location")).toBe("/events/unicode-support-hack/manage");
    expect(res.response!.headers.get("Set-Cookie")).toMatch(/^pf_toast=/);

    const [event] = await db.select().from(events).where(eq(events.slug, "unicode-support-hack"));
    expect(event).toMatchObject({ title: "Ünïcode Support Hack!", phase: "draft", timezone: "Europe/Berlin", maxTeamSize: 3, createdBy: organizer.id });
    // Entered in Berlin local time (CET, UTC+1 in March before DST): stored as UTC.
    expect(event.startsAt.toISOString()).toBe("2031-03-01T08:00:00.000Z");
    expect(event.submissionDeadline.toISOString()).toBe("2031-03-02T16:00:00.000Z");

    const rubric = await db.select().from(criteria).where(eq(criteria.eventId, event.id)).orderBy(criteria.position);
    expect(rubric).toHaveLength(6);
    expect(rubric.map((c) => c.name)).toEqual(defaultRubric.map((c) => c.name));
    expect(rubric.map((c) => c.weight)).toEqual([25, 15, 15, 20, 10, 15]);
    expect(await db.select().from(eventOrganizers).where(eq(eventOrganizers.eventId, event.id))).toEqual([{ eventId: event.id, userId: organizer.id }]);

    // A second event with the same title gets its own slug.
    const again = await expectStatus(newEventAction(args(request("/events/new", { user: organizer, form }))), 302);
    expect(again.response!.headers.get("Location")).toBe("/events/unicode-support-hack-2/manage");
  });

  it("refuses a submission deadline before the start with a message on that field and saves nothing", async () => {
    const organizer = await createUser({ role: "organizer" });
    const before = await eventCount();
    const res = await expectStatus(
      newEventAction(
        args(
          request("/events/new", {
            user: organizer,
            form: eventForm({ startsAt: "2031-03-02T09:00", submissionDeadline: "2031-03-01T09:00", judgingDeadline: "2031-03-05T09:00" }),
          }),
        ),
      ),
      400,
    );
    const errors = fieldErrors(res);
    expect(errors.submissionDeadline).toEqual(["The submission deadline must be after the start"]);
    expect(errors.startsAt).toBeUndefined();
    expect(await eventCount()).toBe(before);
  });

  it("refuses a submission deadline that has passed, in the event's zone, and saves nothing", async () => {
    const organizer = await createUser({ role: "organizer" });
    const before = await eventCount();
    const past = await expectStatus(
      newEventAction(
        args(
          request("/events/new", {
            user: organizer,
            form: eventForm({ startsAt: "2026-05-01T09:00", submissionDeadline: "2026-05-20T17:00", judgingDeadline: "2026-05-30T17:00" }),
          }),
        ),
      ),
      400,
    );
    expect(fieldErrors(past).submissionDeadline).toEqual(["That time has passed, so teams could never submit: pick a deadline in the future"]);
    expect(await eventCount()).toBe(before);
    // Read in the event's zone: an hour from now in UTC is still ahead for an event in Kolkata typed as that wall time.
    const inAnHour = new Date(Date.now() + 3_600_000);
    const kolkata = new Date(inAnHour.getTime() + 5.5 * 3_600_000).toISOString().slice(0, 16);
    const ahead = eventForm({ timezone: "Asia/Kolkata", submissionDeadline: kolkata, judgingDeadline: "2031-03-05T09:00" });
    await expectStatus(newEventAction(args(request("/events/new", { user: organizer, form: ahead }))), 302);
    // …and the same wall time read as UTC would be five and a half hours ahead, so an hour ago in Kolkata is refused.
    const anHourAgo = new Date(Date.now() - 3_600_000 + 5.5 * 3_600_000).toISOString().slice(0, 16);
    const behind = eventForm({ timezone: "Asia/Kolkata", startsAt: "2026-01-01T09:00", submissionDeadline: anHourAgo, judgingDeadline: "2031-03-05T09:00" });
    await expectStatus(newEventAction(args(request("/events/new", { user: organizer, form: behind }))), 400);
  });

  it("refuses a bad timezone, an impossible date and a team size out of range", async () => {
    const organizer = await createUser({ role: "organizer" });
    const res = await expectStatus(
      newEventAction(
        args(request("/events/new", { user: organizer, form: eventForm({ timezone: "Mars/Olympus", startsAt: "2031-02-30T09:00", maxTeamSize: 0 }) })),
      ),
      400,
    );
    const errors = fieldErrors(res);
    expect(errors.timezone).toEqual(["Pick a timezone from the list"]);
    expect(errors.startsAt).toEqual(["Enter the start time as a date and time"]);
    expect(errors.maxTeamSize).toEqual(["A team has at least 1 person"]);
  });
});

describe("seeing and managing an event", () => {
  it("hides a draft event from a member with 404 but shows it to its organizer", async () => {
    const organizer = await createUser({ role: "organizer" });
    const member = await createUser();
    const event = await createDraftEvent(organizer);
    const res = await expectStatus(eventLoader(args(request(`/events/${event.slug}`, { user: member }), { slug: event.slug })), 404);
    expect(res.data).toBe("Event not found");
    // Same answer as for a slug that does not exist, so a draft is not even confirmed to exist.
    const missing = await expectStatus(eventLoader(args(request(`/events/nope`, { user: member }), { slug: "nope" })), 404);
    expect(missing.data).toBe(res.data);

    const own = await expectStatus(eventLoader(args(request(`/events/${event.slug}`, { user: organizer }), { slug: event.slug })), 200);
    expect((own.data as { event: { id: string }; can: { manage: boolean } }).event.id).toBe(event.id);
    expect((own.data as { can: { manage: boolean } }).can.manage).toBe(true);
  });

  it("shows an open event to a member, without manage rights", async () => {
    const organizer = await createUser({ role: "organizer" });
    const member = await createUser();
    const { event } = await createOpenEvent(organizer);
    const res = await expectStatus(eventLoader(args(request(`/events/${event.slug}`, { user: member }), { slug: event.slug })), 200);
    const d = res.data as { can: { manage: boolean; join: { ok: boolean } }; problems: unknown[] };
    expect(d.can.manage).toBe(false);
    expect(d.can.join.ok).toBe(true);
    expect(d.problems).toHaveLength(1);
  });

  it("refuses the manage page to a member and to an organizer of another event (403), and the action changes nothing", async () => {
    const organizer = await createUser({ role: "organizer" });
    const otherOrganizer = await createUser({ role: "organizer" });
    await createDraftEvent(otherOrganizer);
    const member = await createUser();
    const { event } = await createOpenEvent(organizer);
    const path = `/events/${event.slug}/manage`;

    for (const user of [member, otherOrganizer]) {
      const loaded = await expectStatus(manageLoader(args(request(path, { user }), { slug: event.slug })), 403);
      expect(loaded.data).toBe("Only this event's organizers can do that.");
      await expectStatus(manageAction(args(request(path, { user, form: { intent: "phase", to: "judging", confirmed: "on" } }), { slug: event.slug })), 403);
      await expectStatus(manageAction(args(request(path, { user, form: { intent: "add-judge", email: user.email } }), { slug: event.slug })), 403);
    }
    expect((await getEvent(event.id)).phase).toBe("open");
    expect(await db.select().from(eventJudges).where(eq(eventJudges.eventId, event.id))).toHaveLength(0);

    // The event's own organizer gets the page.
    const own = await expectStatus(manageLoader(args(request(path, { user: organizer }), { slug: event.slug })), 200);
    expect((own.data as { rubric: unknown[] }).rubric).toHaveLength(6);
  });

  it("an admin may manage any event", async () => {
    const organizer = await createUser({ role: "organizer" });
    const admin = await createUser({ role: "admin" });
    const event = await createDraftEvent(organizer);
    await expectStatus(manageLoader(args(request(`/events/${event.slug}/manage`, { user: admin }), { slug: event.slug })), 200);
  });

  it("refuses to open an event without a problem, then opens it once it has one", async () => {
    const organizer = await createUser({ role: "organizer" });
    const event = await createDraftEvent(organizer);
    const path = `/events/${event.slug}/manage`;
    const open = () => manageAction(args(request(path, { user: organizer, form: { intent: "phase", to: "open" } }), { slug: event.slug }));

    const refused = await expectStatus(open(), 400);
    expect((refused.data as { intent: string }).intent).toBe("phase");
    expect(fieldErrors(refused).to).toEqual(["Add at least one business problem."]);
    expect((await getEvent(event.id)).phase).toBe("draft");
    expect(await db.select().from(phaseChanges).where(eq(phaseChanges.eventId, event.id))).toHaveLength(0);

    // A retired problem is not offered to teams: it does not count, nor does a deadline already past.
    const retired = await addProblem(event.id, problemInput);
    await db.update(problems).set({ retiredAt: new Date() }).where(eq(problems.id, retired.id));
    expect(fieldErrors(await expectStatus(open(), 400)).to).toEqual(["Every problem is retired: offer one again, or add another."]);
    const deadline = (await getEvent(event.id)).submissionDeadline;
    await db
      .update(events)
      .set({ submissionDeadline: new Date(Date.now() - 60_000) })
      .where(eq(events.id, event.id));
    await addProblem(event.id, problemInput);
    expect(fieldErrors(await expectStatus(open(), 400)).to).toEqual(["The submission deadline has passed: move it with “Edit event” first."]);
    await db.update(events).set({ submissionDeadline: deadline }).where(eq(events.id, event.id));
    const ok = await expectStatus(open(), 302);
    expect(ok.response!.headers.get("Location")).toBe(path);
    expect((await getEvent(event.id)).phase).toBe("open");
    const history = await db.select().from(phaseChanges).where(eq(phaseChanges.eventId, event.id));
    expect(history).toMatchObject([{ fromPhase: "draft", toPhase: "open", changedBy: organizer.id, reason: null }]);

    // A repeated submit of the same step (a second tab, a co-organizer) is refused, not applied twice: the page reloads
    // to where the event stands, with why nothing happened.
    const again = await expectStatus(open(), 302);
    expect(again.response!.headers.get("Location")).toBe(path);
    expect(await toastOf(again)).toEqual({ kind: "error", message: "The event is already in “Open for entries”: someone moved it there just now." });
    expect(await db.select().from(phaseChanges).where(eq(phaseChanges.eventId, event.id))).toHaveLength(1);
  });

  it("needs a confirmation to start judging before the deadline, and then closes submissions at once", async () => {
    const organizer = await createUser({ role: "organizer" });
    const { event } = await createOpenEvent(organizer);
    const path = `/events/${event.slug}/manage`;
    const refused = await expectStatus(
      manageAction(args(request(path, { user: organizer, form: { intent: "phase", to: "judging" } }), { slug: event.slug })),
      400,
    );
    expect(fieldErrors(refused).confirmed).toEqual(["Tick the confirmation to go ahead."]);
    expect((await getEvent(event.id)).phase).toBe("open");

    const before = Date.now();
    await expectStatus(
      manageAction(args(request(path, { user: organizer, form: { intent: "phase", to: "judging", confirmed: "on" } }), { slug: event.slug })),
      302,
    );
    const after = await getEvent(event.id);
    expect(after.phase).toBe("judging");
    expect(after.submissionDeadline.getTime()).toBeLessThanOrEqual(Date.now());
    expect(after.submissionDeadline.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
  });

  it("starts an event that had not started yet when judging starts early, so its dates stay in order and editable", async () => {
    const organizer = await createUser({ role: "organizer" });
    const { event } = await createOpenEvent(organizer);
    await db
      .update(events)
      .set({ startsAt: new Date(Date.now() + 7 * 86_400_000) })
      .where(eq(events.id, event.id));
    const path = `/events/${event.slug}/manage`;
    await expectStatus(
      manageAction(args(request(path, { user: organizer, form: { intent: "phase", to: "judging", confirmed: "on" } }), { slug: event.slug })),
      302,
    );
    const after = await getEvent(event.id);
    expect(after.startsAt.getTime()).toBeLessThanOrEqual(after.submissionDeadline.getTime() - 60_000);
    // The edit form, sent as loaded, is not refused for dates out of order.
    const local = (d: Date) => utcToZonedLocal(d, "UTC");
    const edited = eventSchema.safeParse(
      eventForm({ startsAt: local(after.startsAt), submissionDeadline: local(after.submissionDeadline), judgingDeadline: local(after.judgingDeadline) }),
    );
    expect(edited.error?.issues).toBeUndefined();
  });

  it("adds a judge by email and gives a field error for an unknown email or a repeat", async () => {
    const organizer = await createUser({ role: "organizer" });
    const judge = await createUser({ name: "Jane Judge" });
    const event = await createDraftEvent(organizer);
    const path = `/events/${event.slug}/manage`;
    const add = (email: string) => manageAction(args(request(path, { user: organizer, form: { intent: "add-judge", email } }), { slug: event.slug }));

    const ok = await expectStatus(add(`  ${judge.email.toUpperCase()} `), 302);
    expect(ok.response!.headers.get("Location")).toBe(path);
    expect(await db.select().from(eventJudges).where(eq(eventJudges.eventId, event.id))).toEqual([{ eventId: event.id, userId: judge.id }]);

    const unknown = await expectStatus(add("ghost@example.com"), 400);
    expect((unknown.data as { intent: string }).intent).toBe("add-judge");
    expect(fieldErrors(unknown).email).toEqual([
      "No account has this email. Use “Invite by email” on the Judges and assignments page: the invite reaches them before they sign up.",
    ]);

    const repeat = await expectStatus(add(judge.email), 400);
    expect(fieldErrors(repeat).email).toEqual(["Jane Judge is already a judge of this event."]);

    const invalid = await expectStatus(add("not an email"), 400);
    expect(fieldErrors(invalid).email).toEqual(["Enter a valid email address"]);
    expect(await db.select().from(eventJudges).where(eq(eventJudges.eventId, event.id))).toHaveLength(1);

    const loaded = await expectStatus(manageLoader(args(request(path, { user: organizer }), { slug: event.slug })), 200);
    expect((loaded.data as { judges: { id: string }[] }).judges.map((j) => j.id)).toEqual([judge.id]);
  });

  it("answers an unknown intent with 400", async () => {
    const organizer = await createUser({ role: "organizer" });
    const event = await createDraftEvent(organizer);
    const res = await expectStatus(
      manageAction(args(request(`/events/${event.slug}/manage`, { user: organizer, form: { intent: "explode" } }), { slug: event.slug })),
      400,
    );
    expect(res.data).toBe("Unknown action “explode”. Reload the page and try again.");
  });
});
