// Organizer features through their routes: editing events, co-organizers, problems, rubric, judge invites,
// judge assignment and the dashboard, against the real test database.
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { criteria, entries, eventOrganizers, events, judgeAssignments, judgeInvites, problems, teamMembers, teams, users } from "#db/schema";
import { db } from "~/db.server";
import { utcToZonedLocal } from "~/lib/zoned-time";
import { PAGE_LOAD_HEADER } from "~/modules/events/access.server";
import { addJudge, listCriteria, listJudges, removeJudge } from "~/modules/events/events.server";
import { eventSchema } from "~/modules/events/schemas";
import { updateEvent } from "~/modules/events/settings.server";
import { hashToken } from "~/lib/tokens.server";
import { judgeQueue, saveScores } from "~/modules/judging/judging.server";
import { addProblem, copyProblems } from "~/modules/problems/problems.server";
import { createTeam } from "~/modules/teams/teams.server";
import { loader as eventLoader } from "~/routes/events.$slug._index";
import { action as editAction, loader as editLoader } from "~/routes/events.$slug.edit";
import { action as judgesAction, loader as judgesLoader } from "~/routes/events.$slug.judges";
import { action as manageAction, loader as manageLoader } from "~/routes/events.$slug.manage";
import { action as problemEditAction, loader as problemEditLoader } from "~/routes/events.$slug.problems.$problemId.edit";
import { action as copyAction, loader as copyLoader } from "~/routes/events.$slug.problems.copy";
import { action as newProblemAction } from "~/routes/events.$slug.problems.new";
import { action as rubricAction, loader as rubricLoader } from "~/routes/events.$slug.rubric";
import { loader as newTeamLoader } from "~/routes/events.$slug.teams.new";
import { action as newEventAction } from "~/routes/events.new";
import { action as acceptAction, loader as inviteLoader } from "~/routes/judge-invite.$token";
import {
  args,
  createDraftEvent,
  createOpenEvent,
  createUser,
  eventForm,
  expectStatus,
  fieldErrors,
  getEvent,
  movePhase,
  problemInput,
  request,
  settle,
  toastOf,
  type TestUser,
} from "~/test/fixtures";

/** The rubric page as an organizer loads it: its stamp and criteria. */
type RubricPage = { stamp: string; criteria: { id: string; name: string; description: string; weight: string }[] };
const loadRubric = async (user: TestUser, slug: string) =>
  (await expectStatus(rubricLoader(args(request(`/events/${slug}/rubric`, { user }), { slug })), 200)).data as RubricPage;
/** The rubric form as that page would send it, with `extra` fields typed over it. */
const rubricFormOf = (page: RubricPage, extra: Record<string, string> = {}) => ({
  intent: "save-rubric",
  stamp: page.stamp,
  ...Object.fromEntries(
    page.criteria.flatMap((c, i) => [
      [`criteria[${i}].id`, c.id],
      [`criteria[${i}].name`, c.name],
      [`criteria[${i}].description`, c.description],
      [`criteria[${i}].weight`, c.weight],
    ]),
  ),
  ...extra,
});
const manage = (user: TestUser, slug: string, form: Record<string, string>) => manageAction(args(request(`/events/${slug}/manage`, { user, form }), { slug }));
const judges = (user: TestUser, slug: string, form: Record<string, string>) => judgesAction(args(request(`/events/${slug}/judges`, { user, form }), { slug }));

/** A submitted entry of a new team whose only member is `member`. */
async function submittedEntry(event: Awaited<ReturnType<typeof getEvent>>, member: TestUser, problemId: string, title: string) {
  const team = await createTeam(event, member.id, { name: `Team ${title}`, problemId });
  if (!team.ok) throw new Error(team.message);
  await db.update(entries).set({ status: "submitted", title, outcome: "working" }).where(eq(entries.teamId, team.teamId));
  const [entry] = await db.select().from(entries).where(eq(entries.teamId, team.teamId));
  return entry;
}

async function scoreAll(eventId: string, entryId: string, judgeId: string) {
  const rubric = await listCriteria(eventId);
  await saveScores(
    entryId,
    judgeId,
    rubric.map((c) => ({ criterionId: c.id, value: 3, comment: "" })),
    new Date(),
  );
}

describe("editing an event", () => {
  it("refuses what would break what is under way: a deadline in the past while open, a team size below a team's", async () => {
    const organizer = await createUser({ role: "organizer" });
    const { event, problem } = await createOpenEvent(organizer);
    const [lead, mate, third] = await Promise.all([createUser(), createUser(), createUser()]);
    const team = await createTeam(event, lead.id, { name: "Ramp Rockets", problemId: problem.id });
    if (!team.ok) throw new Error(team.message);
    for (const member of [mate, third]) await db.insert(teamMembers).values({ teamId: team.teamId, userId: member.id, eventId: event.id });
    const path = `/events/${event.slug}/edit`;
    const edit = (form: Record<string, string | number>) =>
      editAction(args(request(path, { user: organizer, form: eventForm({ title: event.title, ...form }) }), { slug: event.slug }));
    const past = utcToZonedLocal(new Date(Date.now() - 1_800_000), "UTC");
    expect(fieldErrors(await expectStatus(edit({ submissionDeadline: past }), 400))).toEqual({
      submissionDeadline: [
        "That time has passed: saving it would close submissions now, without telling the teams. To close them, start judging on the Manage page",
      ],
    });
    expect(fieldErrors(await expectStatus(edit({ maxTeamSize: 2 }), 400))).toEqual({
      maxTeamSize: ["Ramp Rockets has 3 members: the maximum cannot be below 3"],
    });
    const kept = await getEvent(event.id);
    expect(kept).toMatchObject({ maxTeamSize: event.maxTeamSize, submissionDeadline: event.submissionDeadline });
    await expectStatus(edit({ maxTeamSize: 3 }), 302);
    expect((await getEvent(event.id)).maxTeamSize).toBe(3);
  });

  it("keeps a Rules and FAQ section of its own, shown on the event page as safe Markdown, and kept by later edits", async () => {
    const organizer = await createUser({ role: "organizer" });
    const { event } = await createOpenEvent(organizer);
    const path = `/events/${event.slug}/edit`;
    const rules = "**Bring your own data.**\n\n<script>alert(1)</script>\n\n- Ask Dana about access";
    await expectStatus(editAction(args(request(path, { user: organizer, form: eventForm({ title: "Ruled", rules }) }), { slug: event.slug })), 302);
    const saved = await getEvent(event.id);
    expect(saved.rules).toBe(rules);
    const page = (await eventLoader(args(request(`/events/${saved.slug}`, { user: organizer }), { slug: saved.slug }))) as { rulesHtml: string | null };
    expect(page.rulesHtml).toContain("<strong>Bring your own data.</strong>");
    expect(page.rulesHtml).not.toContain("<script");
    // The edit form starts from the saved rules, so saving it again keeps them.
    const form = (await editLoader(args(request(`/events/${saved.slug}/edit`, { user: organizer }), { slug: saved.slug }))) as { event: { rules: string } };
    expect(form.event.rules).toBe(rules);
    // Without rules there is no section.
    await expectStatus(
      editAction(args(request(`/events/${saved.slug}/edit`, { user: organizer, form: eventForm({ title: "Ruled", rules: "" }) }), { slug: saved.slug })),
      302,
    );
    expect(
      ((await eventLoader(args(request(`/events/${saved.slug}`, { user: organizer }), { slug: saved.slug }))) as { rulesHtml: string | null }).rulesHtml,
    ).toBeNull();
  });

  it("saves title, slug, tagline, Markdown description, times in the event's timezone and team size", async () => {
    const organizer = await createUser({ role: "organizer" });
    const event = await createDraftEvent(organizer);
    const form = eventForm({
      title: "Spring Support Hack",
      slug: "spring-support",
      tagline: "Fewer tickets, happier agents",
      description: "## Rules\n\n<script>alert(1)</script>\n\n[docs](javascript:alert(2)) and **bold**",
      timezone: "Asia/Tokyo",
      startsAt: "2031-04-01T09:00",
      submissionDeadline: "2031-04-02T18:00",
      judgingDeadline: "2031-04-05T12:00",
      maxTeamSize: 3,
    });
    const res = await expectStatus(editAction(args(request(`/events/${event.slug}/edit`, { user: organizer, form }), { slug: event.slug })), 302);
    expect(res.response!.headers.get("Location")).toBe("/events/spring-support/manage");
    const saved = await getEvent(event.id);
    expect(saved).toMatchObject({
      title: "Spring Support Hack",
      slug: "spring-support",
      tagline: "Fewer tickets, happier agents",
      timezone: "Asia/Tokyo",
      maxTeamSize: 3,
    });
    expect(saved.startsAt.toISOString()).toBe("2031-04-01T00:00:00.000Z");

    const page = await expectStatus(eventLoader(args(request("/events/spring-support", { user: organizer }), { slug: "spring-support" })), 200);
    const html = (page.data as { descriptionHtml: string }).descriptionHtml;
    expect(html).toContain("<h3>Rules</h3>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).not.toMatch(/<script|javascript:|alert\(1\)/);
    expect(html).toContain('<a rel="noopener noreferrer nofollow">docs</a>');
  });

  it("refuses a slug another event uses, and deadlines out of order, keeping what was saved", async () => {
    const organizer = await createUser({ role: "organizer" });
    const taken = await createDraftEvent(organizer);
    const event = await createDraftEvent(organizer);
    const path = `/events/${event.slug}/edit`;
    const clash = await expectStatus(editAction(args(request(path, { user: organizer, form: eventForm({ slug: taken.slug }) }), { slug: event.slug })), 400);
    expect(fieldErrors(clash).slug).toEqual(["Another event already uses this address: pick another"]);
    const order = await expectStatus(
      editAction(args(request(path, { user: organizer, form: eventForm({ judgingDeadline: eventForm().startsAt as string }) }), { slug: event.slug })),
      400,
    );
    expect(fieldErrors(order).judgingDeadline).toEqual(["The judging deadline must be after the submission deadline"]);
    expect(await getEvent(event.id)).toEqual(event);
  });

  it("refuses a time the clocks skip (a DST gap), beside its field, on a new event and an edited one", async () => {
    const organizer = await createUser({ role: "organizer" });
    const gap = { timezone: "Europe/Berlin", startsAt: "2031-03-30T02:30", submissionDeadline: "2031-04-02T18:00", judgingDeadline: "2031-04-05T18:00" };
    const message = "02:30 on 30 March 2031 does not happen in Europe/Berlin: the clocks go forward then. Pick another time, such as 03:30";
    const created = await expectStatus(newEventAction(args(request("/events/new", { user: organizer, form: eventForm(gap) }))), 400);
    expect(fieldErrors(created)).toEqual({ startsAt: [message] });
    const event = await createDraftEvent(organizer);
    const path = `/events/${event.slug}/edit`;
    const edited = await expectStatus(
      editAction(
        args(
          request(path, {
            user: organizer,
            form: eventForm({ ...gap, startsAt: "2031-03-29T09:00", submissionDeadline: "2031-03-29T18:00", judgingDeadline: "2031-03-30T02:59" }),
          }),
          { slug: event.slug },
        ),
      ),
      400,
    );
    expect(fieldErrors(edited)).toEqual({ judgingDeadline: [message.replace("02:30", "02:59").replace("03:30", "03:59")] });
    expect(await getEvent(event.id)).toEqual(event);
    // The hour before and after the gap, and the hour that happens twice in autumn, save as typed.
    const times = { ...gap, startsAt: "2031-03-30T01:59", submissionDeadline: "2031-03-30T03:00", judgingDeadline: "2031-10-26T02:30" };
    await expectStatus(editAction(args(request(path, { user: organizer, form: eventForm(times) }), { slug: event.slug })), 302);
    expect(await getEvent(event.id)).toMatchObject({
      startsAt: new Date("2031-03-30T00:59:00Z"),
      submissionDeadline: new Date("2031-03-30T01:00:00Z"),
      judgingDeadline: new Date("2031-10-26T00:30:00Z"),
    });
  });

  it("generates a free slug from the title when the slug is left blank", async () => {
    const organizer = await createUser({ role: "organizer" });
    const first = await createDraftEvent(organizer, { title: "Same Title Hack" });
    const second = await createDraftEvent(organizer);
    await expectStatus(
      editAction(
        args(request(`/events/${second.slug}/edit`, { user: organizer, form: eventForm({ title: "Same Title Hack", slug: "" }) }), { slug: second.slug }),
      ),
      302,
    );
    expect(first.slug).toBe("same-title-hack");
    expect((await getEvent(second.id)).slug).toBe("same-title-hack-2");
  });

  it("lets a new event take a typed slug, and refuses a taken one", async () => {
    const organizer = await createUser({ role: "organizer" });
    const res = await expectStatus(newEventAction(args(request("/events/new", { user: organizer, form: eventForm({ slug: "typed-slug-2031" }) }))), 302);
    expect(res.response!.headers.get("Location")).toBe("/events/typed-slug-2031/manage");
    const again = await expectStatus(newEventAction(args(request("/events/new", { user: organizer, form: eventForm({ slug: "typed-slug-2031" }) }))), 400);
    expect(fieldErrors(again).slug).toEqual(["Another event already uses this address: pick another"]);
  });

  it("refuses someone no longer an organizer beside the form, keeping the typing, and creates nothing", async () => {
    const demoted = await createUser();
    const sent = eventForm({ title: "Written before the role went", description: "A long description." });
    const refused = await expectStatus(newEventAction(args(request("/events/new", { user: demoted, form: sent }))), 403);
    expect(refused.thrown).toBe(false);
    expect(fieldErrors(refused)[""]?.[0]).toMatch(/ Your text is still in the form: copy what you need\.$/);
    expect((refused.data as { kept: string[] }).kept.slice(0, 2)).toEqual(["Title: Written before the role went", "Description: A long description."]);
    expect(await db.select().from(events).where(eq(events.title, "Written before the role went"))).toEqual([]);
  });
});

describe("deleting a draft", () => {
  it("deletes a draft with its problems and rubric once its title is typed, and never an event that opened", async () => {
    const organizer = await createUser({ role: "organizer" });
    const event = await createDraftEvent(organizer);
    await addProblem(event.id, problemInput);
    const asked = await expectStatus(manage(organizer, event.slug, { intent: "delete-draft" }), 409);
    expect(asked.data).toMatchObject({ confirmDeleteDraft: { title: event.title, problems: 1, typedWrong: false } });
    const wrong = await expectStatus(manage(organizer, event.slug, { intent: "delete-draft", confirmed: "on", confirmName: "nope" }), 409);
    expect(wrong.data).toMatchObject({ confirmDeleteDraft: { typedWrong: true } });
    expect(await db.select().from(events).where(eq(events.id, event.id))).toHaveLength(1);

    const deleted = await expectStatus(manage(organizer, event.slug, { intent: "delete-draft", confirmed: "on", confirmName: ` ${event.title} ` }), 302);
    expect(deleted.response!.headers.get("Location")).toBe("/");
    expect(await db.select().from(events).where(eq(events.id, event.id))).toHaveLength(0);
    expect(await db.select().from(problems).where(eq(problems.eventId, event.id))).toHaveLength(0);
    expect(await db.select().from(criteria).where(eq(criteria.eventId, event.id))).toHaveLength(0);
    expect(await db.select().from(eventOrganizers).where(eq(eventOrganizers.eventId, event.id))).toHaveLength(0);

    // An open event is refused, typed title or not; someone who does not organize it cannot reach it.
    const { event: open } = await createOpenEvent(organizer);
    await expectStatus(manage(organizer, open.slug, { intent: "delete-draft", confirmed: "on", confirmName: open.title }), 302);
    expect(await db.select().from(events).where(eq(events.id, open.id))).toHaveLength(1);
    const other = await createDraftEvent(organizer);
    const stranger = await createUser({ role: "organizer" });
    await expectStatus(manage(stranger, other.slug, { intent: "delete-draft", confirmed: "on", confirmName: other.title }), 404);
    expect(await db.select().from(events).where(eq(events.id, other.id))).toHaveLength(1);
  });
});

describe("an event's previous web address (ADR 062)", () => {
  const edit = (user: TestUser, slug: string, form: Record<string, string | number>) =>
    editAction(args(request(`/events/${slug}/edit`, { user, form: eventForm(form) }), { slug }));
  const location = (outcome: { response: Response | null }) => outcome.response!.headers.get("Location");
  /** A page's own load, as server.mjs marks it. */
  const pageLoad = (path: string, user: TestUser) => {
    const req = request(path, { user });
    req.headers.set(PAGE_LOAD_HEADER, "1");
    return req;
  };

  it("sends pages at the old address to the new one, applies forms posted to it, and is never generated for another event", async () => {
    const [organizer, stranger] = [await createUser({ role: "organizer" }), await createUser()];
    const event = await createDraftEvent(organizer, { title: `Renamed Hack ${Date.now()}` });
    const old = event.slug;
    await expectStatus(edit(organizer, old, { title: event.title, slug: `${old}-b` }), 302);

    const page = await expectStatus(manageLoader(args(pageLoad(`/events/${old}/manage?tab=problems`, organizer), { slug: old })), 302);
    expect(location(page)).toBe(`/events/${old}-b/manage?tab=problems`);
    // Anything else, such as the page's data or the loaders Remix runs after a form's action, is answered at the old
    // address: a redirect would replace the action's answer.
    const data = await expectStatus(manageLoader(args(request(`/events/${old}/manage`, { user: organizer }), { slug: old })), 200);
    expect((data.data as { event: { slug: string } }).event.slug).toBe(`${old}-b`);
    // A form from a page opened before the change is applied, not refused as "Event not found".
    await expectStatus(newProblemAction(args(request(`/events/${old}/problems/new`, { user: organizer, form: problemInput }), { slug: old })), 302);
    expect(await db.select().from(problems).where(eq(problems.eventId, event.id))).toHaveLength(1);
    // Every lookup by slug takes an earlier one: here, the event to copy problems from.
    const target = await createDraftEvent(organizer);
    const copyFromOld = await expectStatus(
      copyLoader(args(request(`/events/${target.slug}/problems/copy?from=${old}`, { user: organizer }), { slug: target.slug })),
      200,
    );
    expect((copyFromOld.data as { source: { problems: unknown[] } | null }).source?.problems).toHaveLength(1);
    // Someone who may not see the draft learns nothing more from the old address than from the new one.
    const [hidden, hiddenNow] = [
      await settle(manageLoader(args(pageLoad(`/events/${old}/manage`, stranger), { slug: old }))),
      await settle(manageLoader(args(pageLoad(`/events/${old}-b/manage`, stranger), { slug: `${old}-b` }))),
    ];
    expect([hidden.status, hidden.data]).toEqual([hiddenNow.status, hiddenNow.data]);
    expect(hidden.status).not.toBe(302);

    // A new event of the same title does not take the old address over; a typed one may, and then wins.
    const namesake = await createDraftEvent(organizer, { title: event.title });
    expect(namesake.slug).not.toBe(old);
    await expectStatus(edit(organizer, namesake.slug, { title: event.title, slug: old }), 302);
    await expectStatus(manageLoader(args(pageLoad(`/events/${old}/manage`, organizer), { slug: old })), 200);
    // So may a slug typed on the new-event form.
    await expectStatus(edit(organizer, `${old}-b`, { title: event.title, slug: `${old}-c` }), 302);
    const typed = await expectStatus(newEventAction(args(request("/events/new", { user: organizer, form: eventForm({ slug: `${old}-b` }) }))), 302);
    expect(location(typed)).toBe(`/events/${old}-b/manage`);
  });

  it("keeps the address stored at the moment of a change, even when the page read an older one", async () => {
    const organizer = await createUser({ role: "organizer" });
    const event = await createDraftEvent(organizer);
    const [first, second, third] = [event.slug, `${event.slug}-2nd`, `${event.slug}-3rd`];
    await expectStatus(edit(organizer, first, { title: event.title, slug: second }), 302);
    // A second organizer's save read the event before the first rename (no stamp: the race the stamp cannot see).
    expect(await updateEvent(event, eventSchema.parse(eventForm({ title: event.title, slug: third })))).toMatchObject({ ok: true });
    for (const slug of [first, second])
      expect(location(await expectStatus(eventLoader(args(pageLoad(`/events/${slug}`, organizer), { slug })), 302))).toBe(`/events/${third}`);
  });

  it("keeps every earlier address, and an event may go back to one of them", async () => {
    const organizer = await createUser({ role: "organizer" });
    const event = await createDraftEvent(organizer);
    const [first, second, third] = [event.slug, `${event.slug}-second`, `${event.slug}-third`];
    await expectStatus(edit(organizer, first, { title: event.title, slug: second }), 302);
    await expectStatus(edit(organizer, second, { title: event.title, slug: third }), 302);
    for (const slug of [first, second])
      expect(location(await expectStatus(eventLoader(args(pageLoad(`/events/${slug}`, organizer), { slug })), 302))).toBe(`/events/${third}`);
    await expectStatus(edit(organizer, third, { title: event.title, slug: first }), 302);
    expect((await getEvent(event.id)).slug).toBe(first);
    await expectStatus(eventLoader(args(pageLoad(`/events/${first}`, organizer), { slug: first })), 200);
    expect(location(await expectStatus(eventLoader(args(pageLoad(`/events/${third}`, organizer), { slug: third })), 302))).toBe(`/events/${first}`);
  });
});

describe("co-organizers", () => {
  it("adds another account as organizer by email; that person may then manage the event", async () => {
    const organizer = await createUser({ role: "organizer" });
    const colleague = await createUser();
    const event = await createDraftEvent(organizer);
    await expectStatus(manageLoader(args(request(`/events/${event.slug}/manage`, { user: colleague }), { slug: event.slug })), 404);
    const unknown = await expectStatus(manage(organizer, event.slug, { intent: "add-organizer", email: "nobody-here@example.com" }), 400);
    expect(fieldErrors(unknown).email).toEqual(["No account has this email. Ask them to sign up first."]);
    await expectStatus(manage(organizer, event.slug, { intent: "add-organizer", email: colleague.email.toUpperCase() }), 302);
    await expectStatus(manageLoader(args(request(`/events/${event.slug}/manage`, { user: colleague }), { slug: event.slug })), 200);
    const twice = await expectStatus(manage(organizer, event.slug, { intent: "add-organizer", email: colleague.email }), 400);
    expect(fieldErrors(twice).email?.[0]).toMatch(/already an organizer/);

    // Either may step back, once confirmed, but never the last one.
    const asked = await expectStatus(manage(colleague, event.slug, { intent: "remove-organizer", userId: organizer.id }), 409);
    expect(asked.data).toMatchObject({ confirmRemoveOrganizer: { userId: organizer.id, name: organizer.name, self: false } });
    expect(await db.select().from(eventOrganizers).where(eq(eventOrganizers.eventId, event.id))).toHaveLength(2);
    await expectStatus(manage(colleague, event.slug, { intent: "remove-organizer", userId: organizer.id, confirmed: "on" }), 302);
    await expectStatus(manage(colleague, event.slug, { intent: "remove-organizer", userId: colleague.id }), 302);
    await expectStatus(manage(colleague, event.slug, { intent: "remove-organizer", userId: colleague.id, confirmed: "on" }), 302);
    expect(await db.select().from(eventOrganizers).where(eq(eventOrganizers.eventId, event.id))).toEqual([{ eventId: event.id, userId: colleague.id }]);
  });

  it("someone who removes themselves is asked in their own words and then leaves the Manage page", async () => {
    const organizer = await createUser({ role: "organizer" });
    const colleague = await createUser();
    const event = await createDraftEvent(organizer);
    await db.insert(eventOrganizers).values({ eventId: event.id, userId: colleague.id });
    const asked = await expectStatus(manage(colleague, event.slug, { intent: "remove-organizer", userId: colleague.id }), 409);
    expect(asked.data).toMatchObject({ confirmRemoveOrganizer: { userId: colleague.id, self: true } });
    // A draft is seen only by its organizers: home, not "Event not found".
    const gone = await expectStatus(manage(colleague, event.slug, { intent: "remove-organizer", userId: colleague.id, confirmed: "on" }), 302);
    expect(gone.response!.headers.get("Location")).toBe("/");
    await expectStatus(manageLoader(args(request(`/events/${event.slug}/manage`, { user: colleague }), { slug: event.slug })), 404);
    // From an event people can see, its page.
    const { event: open } = await createOpenEvent(organizer);
    await db.insert(eventOrganizers).values({ eventId: open.id, userId: colleague.id });
    const left = await expectStatus(manage(colleague, open.slug, { intent: "remove-organizer", userId: colleague.id, confirmed: "on" }), 302);
    expect(left.response!.headers.get("Location")).toBe(`/events/${open.slug}`);
    await expectStatus(eventLoader(args(request(`/events/${open.slug}`, { user: colleague }), { slug: open.slug })), 200);
    // Confirmed twice (a double click): the second says the person is not an organizer, not that one is needed.
    const twice = await expectStatus(manage(organizer, open.slug, { intent: "remove-organizer", userId: colleague.id, confirmed: "on" }), 302);
    const toast = /pf_toast=([^.;]+)/.exec(twice.response!.headers.get("Set-Cookie") ?? "")?.[1] ?? "";
    expect(Buffer.from(toast, "base64").toString()).toContain("That person is not an organizer of this event.");
  });
});

describe("saves from a page opened before another organizer's save (ADR 060)", () => {
  const CHANGED =
    /^(The|This) .* changed since you opened this page \(another organizer saved, or you did in another tab\)\. Your changes are still in the form/;

  it("refuses an event's details saved over a co-organizer's, keeping the typed values; reloaded, it saves", async () => {
    const [alice, bob] = [await createUser({ role: "organizer" }), await createUser({ role: "organizer" })];
    const event = await createDraftEvent(alice);
    await db.insert(eventOrganizers).values({ eventId: event.id, userId: bob.id });
    const path = `/events/${event.slug}/edit`;
    const stampOf = async (user: TestUser, slug = event.slug) =>
      ((await expectStatus(editLoader(args(request(`/events/${slug}/edit`, { user }), { slug })), 200)).data as { stamp: string }).stamp;
    const [aliceStamp, bobStamp] = [await stampOf(alice), await stampOf(bob)];
    expect(aliceStamp).toBe(bobStamp);
    const aliceForm = { ...eventForm({ slug: event.slug, tagline: "Alice's tagline" }), stamp: aliceStamp };
    await expectStatus(editAction(args(request(path, { user: alice, form: aliceForm }), { slug: event.slug })), 302);
    const refused = await expectStatus(
      editAction(args(request(path, { user: bob, form: { ...eventForm({ slug: event.slug, title: "Bob's title" }), stamp: bobStamp } }), { slug: event.slug })),
      409,
    );
    expect(fieldErrors(refused)[""]?.[0]).toMatch(CHANGED);
    expect((refused.data as { result: { initialValue: Record<string, unknown> } }).result.initialValue.title).toBe("Bob's title");
    expect(await getEvent(event.id)).toMatchObject({ tagline: "Alice's tagline" });
    // The same form sent twice (a double click) changes nothing the second time: not refused.
    await expectStatus(editAction(args(request(path, { user: alice, form: aliceForm }), { slug: event.slug })), 302);
    // A save without a stamp (a page of an earlier version of the app) goes through as before.
    await expectStatus(
      editAction(args(request(path, { user: bob, form: eventForm({ slug: event.slug, tagline: "Alice's tagline" }) }), { slug: event.slug })),
      302,
    );
    // And so does one from a reloaded page.
    await expectStatus(
      editAction(
        args(
          request(path, {
            user: bob,
            form: { ...eventForm({ slug: event.slug, tagline: "Alice's tagline", title: "Bob's title" }), stamp: await stampOf(bob) },
          }),
          {
            slug: event.slug,
          },
        ),
      ),
      302,
    );
    expect(await getEvent(event.id)).toMatchObject({ title: "Bob's title", tagline: "Alice's tagline" });
  });

  it("refuses a problem saved over a co-organizer's edit, keeping the typed values; reloaded, it saves", async () => {
    const [alice, bob] = [await createUser({ role: "organizer" }), await createUser({ role: "organizer" })];
    const { event, problem } = await createOpenEvent(alice);
    await db.insert(eventOrganizers).values({ eventId: event.id, userId: bob.id });
    const path = `/events/${event.slug}/problems/${problem.id}/edit`;
    const params = { slug: event.slug, problemId: problem.id };
    const stampOf = async (user: TestUser) =>
      ((await expectStatus(problemEditLoader(args(request(path, { user }), params)), 200)).data as { stamp: string }).stamp;
    const [aliceStamp, bobStamp] = [await stampOf(alice), await stampOf(bob)];
    await expectStatus(
      problemEditAction(args(request(path, { user: alice, form: { ...problemInput, costToday: "Two people full time", stamp: aliceStamp } }), params)),
      302,
    );
    // Alice's double click: the second save changes nothing, and is not refused.
    await expectStatus(
      problemEditAction(args(request(path, { user: alice, form: { ...problemInput, costToday: "Two people full time", stamp: aliceStamp } }), params)),
      302,
    );
    const refused = await expectStatus(
      problemEditAction(args(request(path, { user: bob, form: { ...problemInput, title: "Bob's wording", stamp: bobStamp } }), params)),
      409,
    );
    expect(fieldErrors(refused)[""]?.[0]).toMatch(CHANGED);
    expect((refused.data as { result: { initialValue: Record<string, unknown> } }).result.initialValue.title).toBe("Bob's wording");
    const [kept] = await db.select().from(problems).where(eq(problems.id, problem.id));
    expect(kept).toMatchObject({ title: problemInput.title, costToday: "Two people full time" });
    await expectStatus(
      problemEditAction(
        args(
          request(path, { user: bob, form: { ...problemInput, costToday: "Two people full time", title: "Bob's wording", stamp: await stampOf(bob) } }),
          params,
        ),
      ),
      302,
    );
    const [saved] = await db.select().from(problems).where(eq(problems.id, problem.id));
    expect(saved).toMatchObject({ title: "Bob's wording", costToday: "Two people full time" });
  });
});

describe("problems", () => {
  it("edits a problem with its owner, by name and by account", async () => {
    const organizer = await createUser({ role: "organizer" });
    const owner = await createUser({ name: "Olga Owner" });
    const { event, problem } = await createOpenEvent(organizer);
    const path = `/events/${event.slug}/problems/${problem.id}/edit`;
    const params = { slug: event.slug, problemId: problem.id };
    const bad = await expectStatus(
      problemEditAction(args(request(path, { user: organizer, form: { ...problemInput, ownerEmail: "ghost@example.com" } }), params)),
      400,
    );
    expect(fieldErrors(bad).ownerEmail?.[0]).toMatch(/No account has this email/);
    await expectStatus(
      problemEditAction(
        args(
          request(path, { user: organizer, form: { ...problemInput, title: "Renamed problem", ownerName: "Head of Support", ownerEmail: owner.email } }),
          params,
        ),
      ),
      302,
    );
    const [row] = await db.select().from(problems).where(eq(problems.id, problem.id));
    expect(row).toMatchObject({ title: "Renamed problem", ownerName: "Head of Support", ownerUserId: owner.id });

    // A problem id of another event is not found through this event.
    const { event: other } = await createOpenEvent(organizer);
    await expectStatus(problemEditAction(args(request(path, { user: organizer, form: problemInput }), { slug: other.slug, problemId: problem.id })), 404);
  });

  it("names an unknown owner email beside the schema's own refusals, on adding and on editing", async () => {
    const organizer = await createUser({ role: "organizer" });
    const { event, problem } = await createOpenEvent(organizer);
    const sent = { ...problemInput, title: "", ownerEmail: "  Ghost@Example.com " };
    const added = await expectStatus(
      newProblemAction(args(request(`/events/${event.slug}/problems/new`, { user: organizer, form: sent }), { slug: event.slug })),
      400,
    );
    const edited = await expectStatus(
      problemEditAction(
        args(request(`/events/${event.slug}/problems/${problem.id}/edit`, { user: organizer, form: sent }), { slug: event.slug, problemId: problem.id }),
      ),
      400,
    );
    for (const refused of [added, edited]) {
      expect(fieldErrors(refused).title).toHaveLength(1);
      expect(fieldErrors(refused).ownerEmail).toEqual(["No account has this email. Leave it blank and give a name instead."]);
    }
    // A known owner, a blank one or a malformed one (which the schema names itself) adds nothing.
    for (const ownerEmail of [organizer.email.toUpperCase(), "", "not-an-email"]) {
      const refused = await expectStatus(
        newProblemAction(args(request(`/events/${event.slug}/problems/new`, { user: organizer, form: { ...sent, ownerEmail } }), { slug: event.slug })),
        400,
      );
      expect(fieldErrors(refused).ownerEmail).toEqual(ownerEmail === "not-an-email" ? ["Enter a valid email address, or leave it blank"] : undefined);
    }
    expect(await db.select().from(problems).where(eq(problems.eventId, event.id))).toHaveLength(1);
  });

  it("refuses an owner whose address is not confirmed, beside the field; an edit keeps the owner the problem has", async () => {
    const organizer = await createUser({ role: "organizer" });
    const { event, problem } = await createOpenEvent(organizer);
    // An account anyone could have made with a colleague's address: it would record the problem's follow-ups.
    const squatted = await createUser({ name: "Not Yet Confirmed" });
    await db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, squatted.id));
    const added = await expectStatus(
      newProblemAction(
        args(request(`/events/${event.slug}/problems/new`, { user: organizer, form: { ...problemInput, ownerEmail: squatted.email } }), { slug: event.slug }),
      ),
      400,
    );
    expect(fieldErrors(added).ownerEmail).toEqual([
      "Not Yet Confirmed has not confirmed their email address yet, so they cannot be named as the problem's owner. Ask them to open the link in their sign-up email.",
    ]);
    expect(await db.select().from(problems).where(eq(problems.eventId, event.id))).toHaveLength(1);
    // A problem already owned by that account (named before this rule) can still be edited without naming someone else.
    await db.update(problems).set({ ownerUserId: squatted.id }).where(eq(problems.id, problem.id));
    const path = `/events/${event.slug}/problems/${problem.id}/edit`;
    const { stamp } = (await expectStatus(problemEditLoader(args(request(path, { user: organizer }), { slug: event.slug, problemId: problem.id })), 200))
      .data as {
      stamp: string;
    };
    const form = { ...problemInput, title: "Kept owner", ownerEmail: squatted.email, stamp };
    await expectStatus(problemEditAction(args(request(path, { user: organizer, form }), { slug: event.slug, problemId: problem.id })), 302);
    expect((await db.select().from(problems).where(eq(problems.id, problem.id)))[0]).toMatchObject({ title: "Kept owner", ownerUserId: squatted.id });
  });

  it("reorders with up and down, retires and offers again", async () => {
    const organizer = await createUser({ role: "organizer" });
    const participant = await createUser();
    const { event, problem: first } = await createOpenEvent(organizer);
    const second = await addProblem(event.id, { ...problemInput, title: "Second" });
    const third = await addProblem(event.id, { ...problemInput, title: "Third" });
    const order = async () =>
      (await db.select({ id: problems.id }).from(problems).where(eq(problems.eventId, event.id)).orderBy(asc(problems.position))).map((r) => r.id);

    await expectStatus(manage(organizer, event.slug, { intent: "move-problem", problemId: third.id, direction: "up" }), 302);
    expect(await order()).toEqual([first.id, third.id, second.id]);
    await expectStatus(manage(organizer, event.slug, { intent: "move-problem", problemId: first.id, direction: "up" }), 302);
    expect(await order()).toEqual([first.id, third.id, second.id]);
    await expectStatus(manage(organizer, event.slug, { intent: "move-problem", problemId: first.id, direction: "down" }), 302);
    expect(await order()).toEqual([third.id, first.id, second.id]);
    await expectStatus(manage(organizer, event.slug, { intent: "move-problem", problemId: first.id, direction: "sideways" }), 400);

    // A team on the problem keeps it after retiring; new teams are not offered it and cannot pick it.
    const team = await createTeam(event, participant.id, { name: "Keepers", problemId: second.id });
    expect(team.ok).toBe(true);
    await expectStatus(manage(organizer, event.slug, { intent: "retire-problem", problemId: second.id, confirmed: "on" }), 302);
    const newcomer = await createUser();
    const offered = await expectStatus(newTeamLoader(args(request(`/events/${event.slug}/teams/new`, { user: newcomer }), { slug: event.slug })), 200);
    expect((offered.data as { problems: { value: string }[] }).problems.map((p) => p.value)).toEqual([third.id, first.id]);
    expect(await createTeam(event, newcomer.id, { name: "Latecomers", problemId: second.id })).toMatchObject({ ok: false, field: "problemId" });
    expect((await db.select({ problemId: teams.problemId }).from(teams).where(eq(teams.name, "Keepers")))[0].problemId).toBe(second.id);

    await expectStatus(manage(organizer, event.slug, { intent: "restore-problem", problemId: second.id }), 302);
    expect((await db.select().from(problems).where(eq(problems.id, second.id)))[0].retiredAt).toBeNull();
    await expectStatus(manage(organizer, event.slug, { intent: "retire-problem", problemId: "not-a-problem" }), 404);
  });

  it("cannot be added, edited, reordered or retired once judging starts", async () => {
    const organizer = await createUser({ role: "organizer" });
    const { event, problem } = await createOpenEvent(organizer);
    await movePhase(event.id, organizer, "judging");
    // Up, Down, Retire and Offer again from a page read before judging started: the page is read again with why.
    for (const intent of ["retire-problem", "restore-problem", "move-problem"]) {
      const refused = await expectStatus(manage(organizer, event.slug, { intent, problemId: problem.id, direction: "down" }), 302);
      expect(await toastOf(refused)).toEqual({ kind: "error", message: "Problems can be changed only while the event is a draft or open." });
    }
    // Someone who does not organize the event is refused as before.
    const stranger = await createUser();
    await expectStatus(manage(stranger, event.slug, { intent: "retire-problem", problemId: problem.id }), 403);
    // A problem being written when judging started: refused beside the form, which keeps it, and as lines to copy for
    // the error page a browser without JavaScript shows once the page is read again.
    const added = await expectStatus(
      newProblemAction(args(request(`/events/${event.slug}/problems/new`, { user: organizer, form: problemInput }), { slug: event.slug })),
      403,
    );
    const edited = await expectStatus(
      problemEditAction(args(request("/", { user: organizer, form: problemInput }), { slug: event.slug, problemId: problem.id })),
      403,
    );
    for (const late of [added, edited]) {
      expect(late.thrown).toBe(false);
      expect(fieldErrors(late)[""]).toEqual([
        "Problems can be changed only while the event is a draft or open. Your text is still in the form: copy what you need.",
      ]);
      expect((late.data as { kept: string[] }).kept).toEqual([
        "Title: Support tickets pile up",
        "Summary: Agents answer the same questions every day.",
        "Who has the problem: Tier-1 support agents",
        "What it costs today: 3 FTE on repeated questions",
        "Data available: Two years of tickets with resolutions",
        "Metric name: Deflection rate",
        "Unit: %",
        "Baseline: 0",
      ]);
    }
    // Someone who does not manage the event still gets an error page.
    const participant = await createUser();
    expect((await expectStatus(newProblemAction(args(request("/", { user: participant, form: problemInput }), { slug: event.slug })), 403)).thrown).toBe(true);
    expect((await db.select().from(problems).where(eq(problems.id, problem.id)))[0].retiredAt).toBeNull();
    expect(await db.select().from(problems).where(eq(problems.eventId, event.id))).toHaveLength(1);
  });

  it("says beside the list, keeping the ticks, that judging started while problems were being ticked to copy", async () => {
    const organizer = await createUser({ role: "organizer" });
    const { event: past, problem } = await createOpenEvent(organizer);
    await movePhase(past.id, organizer, "judging");
    await movePhase(past.id, organizer, "closed");
    const { event: target } = await createOpenEvent(organizer);
    await movePhase(target.id, organizer, "judging");
    const refused = await expectStatus(
      copyAction(
        args(request(`/events/${target.slug}/problems/copy`, { user: organizer, form: { from: past.slug, problemIds: problem.id } }), { slug: target.slug }),
      ),
      403,
    );
    expect(refused.thrown).toBe(false);
    expect(fieldErrors(refused)[""]).toEqual(["Problems can be changed only while the event is a draft or open."]);
    expect((refused.data as { result: { initialValue: { problemIds: string } } }).result.initialValue.problemIds).toBe(problem.id);
    // Someone who does not organize the event still gets the error page.
    const participant = await createUser();
    expect(
      (
        await expectStatus(
          copyAction(
            args(request(`/events/${target.slug}/problems/copy`, { user: participant, form: { from: past.slug, problemIds: problem.id } }), {
              slug: target.slug,
            }),
          ),
          403,
        )
      ).thrown,
    ).toBe(true);
  });

  it("copies selected problems from a past event, and only from an event the organizer can see", async () => {
    const organizer = await createUser({ role: "organizer" });
    const stranger = await createUser({ role: "organizer" });
    const { event: past, problem: unsolved } = await createOpenEvent(organizer);
    const solvedElsewhere = await addProblem(past.id, { ...problemInput, title: "Solved one", ownerName: "Pat" });
    await movePhase(past.id, organizer, "judging");
    await movePhase(past.id, organizer, "closed");
    const target = await createDraftEvent(organizer);
    const hidden = await createDraftEvent(stranger);
    await addProblem(hidden.id, { ...problemInput, title: "Secret draft problem" });

    const picked = await expectStatus(
      copyLoader(args(request(`/events/${target.slug}/problems/copy?from=${past.slug}`, { user: organizer }), { slug: target.slug })),
      200,
    );
    const d = picked.data as { others: { slug: string }[]; source: { problems: { id: string; workingCount: number }[] } };
    expect(d.others.map((e) => e.slug)).toContain(past.slug);
    expect(d.others.map((e) => e.slug)).not.toContain(hidden.slug);
    expect(d.source.problems.map((p) => p.id)).toEqual([unsolved.id, solvedElsewhere.id]);
    expect(d.source.problems.map((p) => p.workingCount)).toEqual([0, 0]);
    // Another organizer's event before its deadline: how many of its entries say "working" is its teams' own business.
    const { event: running } = await createOpenEvent(stranger);
    const early = await expectStatus(
      copyLoader(args(request(`/events/${target.slug}/problems/copy?from=${running.slug}`, { user: organizer }), { slug: target.slug })),
      200,
    );
    expect((early.data as typeof d).source.problems.map((p) => p.workingCount)).toEqual([null]);

    const path = `/events/${target.slug}/problems/copy`;
    await expectStatus(copyAction(args(request(path, { user: organizer, form: { from: past.slug, problemIds: unsolved.id } }), { slug: target.slug })), 302);
    const copied = await db.select().from(problems).where(eq(problems.eventId, target.id));
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatchObject({ title: unsolved.title, summary: unsolved.summary, metricName: unsolved.metricName, retiredAt: null, position: 0 });
    expect(copied[0].id).not.toBe(unsolved.id);

    const none = await expectStatus(copyAction(args(request(path, { user: organizer, form: { from: past.slug } }), { slug: target.slug })), 400);
    expect(fieldErrors(none).problemIds).toEqual(["Tick at least one problem to copy"]);
    const secret = await db.select().from(problems).where(eq(problems.eventId, hidden.id));
    const refused = await expectStatus(
      copyAction(args(request(path, { user: organizer, form: { from: hidden.slug, problemIds: secret[0].id } }), { slug: target.slug })),
      400,
    );
    expect(fieldErrors(refused).from).toEqual(["Pick an event you can see, other than this one"]);
    // An id of another event's problem is ignored, not copied.
    const foreign = await expectStatus(
      copyAction(args(request(path, { user: organizer, form: { from: past.slug, problemIds: secret[0].id } }), { slug: target.slug })),
      400,
    );
    expect(fieldErrors(foreign).problemIds).toEqual(["Tick problems of the event you picked"]);
    expect(await db.select().from(problems).where(eq(problems.eventId, target.id))).toHaveLength(1);

    // A problem the event already has (its title's words, letter case and punctuation aside) is marked and not copied
    // again; the others of the same request are.
    const again = await expectStatus(
      copyLoader(args(request(`/events/${target.slug}/problems/copy?from=${past.slug}`, { user: organizer }), { slug: target.slug })),
      200,
    );
    expect((again.data as { source: { problems: { id: string; alreadyHere: boolean }[] } }).source.problems).toEqual([
      expect.objectContaining({ id: unsolved.id, alreadyHere: "active" }),
      expect.objectContaining({ id: solvedElsewhere.id, alreadyHere: null }),
    ]);
    // Ticked on a page read before it was copied (a second press, another organizer): said on the Manage page.
    const twice = await expectStatus(
      copyAction(args(request(path, { user: organizer, form: { from: past.slug, problemIds: unsolved.id } }), { slug: target.slug })),
      302,
    );
    expect(twice.response?.headers.get("Location")).toBe(`/events/${target.slug}/manage`);
    expect(await toastOf(twice)).toEqual({ kind: "success", message: `${target.title} already has this problem, copied meanwhile: nothing more was copied.` });
    expect(await db.select().from(problems).where(eq(problems.eventId, target.id))).toHaveLength(1);
    const mixed = await copyAction(
      args(request(path, { user: organizer, form: { from: past.slug, problemIds: [unsolved.id, solvedElsewhere.id] } }), { slug: target.slug }),
    );
    expect(mixed).toBeInstanceOf(Response);
    expect((mixed as Response).status).toBe(302);
    expect((await db.select({ title: problems.title }).from(problems).where(eq(problems.eventId, target.id))).map((p) => p.title)).toEqual([
      unsolved.title,
      "Solved one",
    ]);
    await db.update(problems).set({ title: "  SOLVED one! " }).where(eq(problems.id, solvedElsewhere.id));
    expect(await copyProblems(past.id, target.id, [solvedElsewhere.id])).toEqual({ copied: 0, alreadyHere: 1, repeated: 0 });
    // Two ticked problems of one title: the first is copied, the second left out as a repeat, not as "already here".
    const twin = await addProblem(past.id, { ...problemInput, title: "Month-end close is slow" });
    const twin2 = await addProblem(past.id, { ...problemInput, title: "Month-end close is slow." });
    expect(await copyProblems(past.id, target.id, [twin.id, twin2.id])).toEqual({ copied: 1, alreadyHere: 0, repeated: 1 });
    // A retired problem of the event is named as such; a title without words matches nothing.
    await db
      .update(problems)
      .set({ retiredAt: new Date() })
      .where(and(eq(problems.eventId, target.id), eq(problems.title, "Month-end close is slow")));
    const marks = (
      (await expectStatus(copyLoader(args(request(`/events/${target.slug}/problems/copy?from=${past.slug}`, { user: organizer }), { slug: target.slug })), 200))
        .data as { source: { problems: { id: string; alreadyHere: string | null }[] } }
    ).source.problems;
    expect(marks.find((p) => p.id === twin.id)?.alreadyHere).toBe("retired");
    const noWords = await addProblem(past.id, { ...problemInput, title: "???" });
    const noWords2 = await addProblem(past.id, { ...problemInput, title: "!!!" });
    expect(await copyProblems(past.id, target.id, [noWords.id, noWords2.id])).toEqual({ copied: 2, alreadyHere: 0, repeated: 0 });
  });
});

describe("rubric", () => {
  it("renames, reweights, adds and removes criteria with level texts, and changes the scale", async () => {
    const organizer = await createUser({ role: "organizer" });
    const event = await createDraftEvent(organizer);
    const [first, second] = await listCriteria(event.id);
    const path = `/events/${event.slug}/rubric`;
    const form = {
      intent: "save-rubric",
      "criteria[0].id": second.id,
      "criteria[0].name": "Beyond the chat window",
      "criteria[0].description": second.description,
      "criteria[0].weight": "30",
      "criteria[0].levels[0]": "A chatbot by reflex",
      "criteria[0].levels[4]": "The interface is the job",
      "criteria[1].id": first.id,
      "criteria[1].name": first.name,
      "criteria[1].description": first.description,
      "criteria[1].weight": "40",
      "criteria[2].name": "Security",
      "criteria[2].description": "Keeps customer data safe.",
      "criteria[2].weight": "5",
    };
    await expectStatus(rubricAction(args(request(path, { user: organizer, form }), { slug: event.slug })), 302);
    const rubric = await listCriteria(event.id);
    expect(rubric.map((c) => [c.name, c.weight, c.position])).toEqual([
      ["Beyond the chat window", 30, 0],
      [first.name, 40, 1],
      ["Security", 5, 2],
    ]);
    expect(rubric[0].id).toBe(second.id);
    expect(JSON.parse(rubric[0].levels)).toEqual(["A chatbot by reflex", "", "", "", "The interface is the job"]);
    expect(rubric[1].levels).toBe("[]");

    await expectStatus(
      rubricAction(args(request(path, { user: organizer, form: { intent: "save-rubric", changeScale: "yes", scaleMax: "10" } }), { slug: event.slug })),
      200,
    );
    expect((await getEvent(event.id)).scaleMax).toBe(10);
    expect(JSON.parse((await listCriteria(event.id))[0].levels)).toHaveLength(10);
    await expectStatus(
      rubricAction(args(request(path, { user: organizer, form: { intent: "save-rubric", changeScale: "yes", scaleMax: "7" } }), { slug: event.slug })),
      400,
    );

    const empty = await expectStatus(rubricAction(args(request(path, { user: organizer, form: { intent: "save-rubric" } }), { slug: event.slug })), 400);
    expect(Object.values(fieldErrors(empty)).flat()).toContain("The rubric needs at least one criterion");
    expect(await listCriteria(event.id)).toHaveLength(3);
  });

  it("takes a weight of 0 in a draft, and refuses it beside the field once the event is open", async () => {
    const organizer = await createUser({ role: "organizer" });
    const event = await createDraftEvent(organizer);
    const [first] = await listCriteria(event.id);
    const path = `/events/${event.slug}/rubric`;
    const form = {
      intent: "save-rubric",
      "criteria[0].id": first.id,
      "criteria[0].name": first.name,
      "criteria[0].description": first.description,
      "criteria[0].weight": "0",
      "criteria[1].name": "Security",
      "criteria[1].description": "Keeps customer data safe.",
      "criteria[1].weight": "5",
    };
    const save = () => rubricAction(args(request(path, { user: organizer, form }), { slug: event.slug }));
    await expectStatus(save(), 302);
    expect((await listCriteria(event.id)).map((c) => c.weight)).toEqual([0, 5]);
    await db.update(criteria).set({ weight: 10 }).where(eq(criteria.id, first.id));
    await addProblem(event.id, problemInput);
    await movePhase(event.id, organizer, "open");
    const refused = await expectStatus(save(), 400);
    expect(fieldErrors(refused)).toEqual({
      "": ["Nothing was saved: every criterion needs a weight above 0 once the event has opened."],
      "criteria[0].weight": ["Use 1 to 100: the event has opened, and a weight of 0 would leave this criterion out of every total"],
    });
    expect((await listCriteria(event.id)).map((c) => c.weight)).toEqual([10, 5]);
  });

  it("refuses a save from a page opened before another organizer's save, keeping both their work", async () => {
    const [alice, bob] = [await createUser({ role: "organizer" }), await createUser({ role: "organizer" })];
    const event = await createDraftEvent(alice);
    await db.insert(eventOrganizers).values({ eventId: event.id, userId: bob.id });
    const path = `/events/${event.slug}/rubric`;
    const load = () => loadRubric(alice, event.slug);
    const rubricForm = rubricFormOf;
    // Both open the page; Alice adds a criterion and saves first.
    const [alicePage, bobPage] = [await load(), await load()];
    const n = alicePage.criteria.length;
    const added = { [`criteria[${n}].name`]: "Security", [`criteria[${n}].description`]: "Keeps customer data safe.", [`criteria[${n}].weight`]: "5" };
    await expectStatus(rubricAction(args(request(path, { user: alice, form: rubricForm(alicePage, added) }), { slug: event.slug })), 302);
    const afterAlice = await listCriteria(event.id);
    // Bob's page still has the old rubric: his save would delete Alice's criterion, so it is refused with his text kept.
    const reweighted = { "criteria[0].weight": "50" };
    const refused = await expectStatus(rubricAction(args(request(path, { user: bob, form: rubricForm(bobPage, reweighted) }), { slug: event.slug })), 409);
    expect(fieldErrors(refused)[""]).toEqual([
      "The rubric changed since you opened this page (another organizer saved, or you did in another tab). Your changes are still in the form: copy what you need, reload to see the saved version, and save again.",
    ]);
    expect(await listCriteria(event.id)).toEqual(afterAlice);
    // Reloaded, his save goes through.
    await expectStatus(rubricAction(args(request(path, { user: bob, form: rubricForm(await load(), reweighted) }), { slug: event.slug })), 302);
    expect((await listCriteria(event.id)).map((c) => [c.name, c.weight]).at(-1)).toEqual(["Security", 5]);
    expect((await listCriteria(event.id))[0].weight).toBe(50);
    // Another scale changes the stamp too: levels are kept per scale.
    const beforeScale = await load();
    await expectStatus(
      rubricAction(
        args(request(path, { user: alice, form: { intent: "save-rubric", changeScale: "yes", scaleMax: "10", stamp: beforeScale.stamp } }), {
          slug: event.slug,
        }),
      ),
      200,
    );
    const afterScale = await expectStatus(rubricAction(args(request(path, { user: bob, form: rubricForm(beforeScale) }), { slug: event.slug })), 409);
    expect(fieldErrors(afterScale)[""]?.[0]).toMatch(/^The rubric changed since you opened this page/);
  });

  it("Change scale keeps the criteria as typed, unsaved, over the new scale; Save rubric applies a picked scale too", async () => {
    const organizer = await createUser({ role: "organizer" });
    const event = await createDraftEvent(organizer);
    const path = `/events/${event.slug}/rubric`;
    const load = () => loadRubric(organizer, event.slug);
    const formOf = rubricFormOf;
    const page = await load();
    const typed = { "criteria[0].name": "Typed, not saved yet", "criteria[0].levels[0]": "Nobody asked for it", "criteria[1].name": "" };
    const changed = await expectStatus(
      rubricAction(args(request(path, { user: organizer, form: formOf(page, { ...typed, changeScale: "yes", scaleMax: "10" }) }), { slug: event.slug })),
      200,
    );
    const answer = changed.data as { scaleSet: number; result: { initialValue: { criteria: { name: string; levels: string[] }[] }; error?: unknown } };
    expect(answer.scaleSet).toBe(10);
    expect(answer.result.initialValue.criteria[0]).toMatchObject({ name: "Typed, not saved yet", levels: ["Nobody asked for it"] });
    // An unfinished criterion (a blank name) is not marked: the scale change is not a save.
    expect(answer.result.error).toBeUndefined();
    expect((await getEvent(event.id)).scaleMax).toBe(10);
    expect((await listCriteria(event.id)).map((c) => c.name)).toEqual(page.criteria.map((c) => c.name));

    // Another organizer saved the rubric meanwhile: the typed criteria would go back over theirs, so it is refused.
    const stale = await load();
    await expectStatus(rubricAction(args(request(path, { user: organizer, form: formOf(stale, { "criteria[0].weight": "7" }) }), { slug: event.slug })), 302);
    const refused = await expectStatus(
      rubricAction(args(request(path, { user: organizer, form: formOf(stale, { changeScale: "yes", scaleMax: "5" }) }), { slug: event.slug })),
      409,
    );
    expect(fieldErrors(refused)[""]?.[0]).toMatch(/^The rubric changed since you opened this page/);
    expect((await getEvent(event.id)).scaleMax).toBe(10);

    // A scale picked and saved with Save rubric is applied, not dropped, in the same write as the criteria: their level
    // texts are sized to it.
    const picked = formOf(await load(), { scaleMax: "5", "criteria[0].levels[0]": "Barely", "criteria[0].levels[9]": "Beyond the scale" });
    await expectStatus(rubricAction(args(request(path, { user: organizer, form: picked }), { slug: event.slug })), 302);
    expect((await getEvent(event.id)).scaleMax).toBe(5);
    expect((await listCriteria(event.id))[0].levels).toBe(JSON.stringify(["Barely", "", "", "", ""]));
  });

  it("a zero weight blocks opening the event, with the reason on the manage page", async () => {
    const organizer = await createUser({ role: "organizer" });
    const event = await createDraftEvent(organizer);
    await addProblem(event.id, problemInput);
    const [c] = await listCriteria(event.id);
    await db.update(criteria).set({ weight: 0 }).where(eq(criteria.id, c.id));
    const loaded = await expectStatus(manageLoader(args(request(`/events/${event.slug}/manage`, { user: organizer }), { slug: event.slug })), 200);
    expect((loaded.data as { steps: { blockers: string[] }[] }).steps[0].blockers).toEqual(["Every rubric criterion needs a positive weight."]);
    const refused = await expectStatus(manage(organizer, event.slug, { intent: "phase", to: "open" }), 400);
    expect(fieldErrors(refused).to).toEqual(["Every rubric criterion needs a positive weight."]);
  });

  it("locks once the first score is saved: the page says so and saving is refused", async () => {
    const organizer = await createUser({ role: "organizer" });
    const [judge, participant] = await Promise.all([createUser(), createUser()]);
    const { event, problem } = await createOpenEvent(organizer);
    await addJudge(event.id, judge.email);
    const entry = await submittedEntry(event, participant, problem.id, "Scored entry");
    await movePhase(event.id, organizer, "judging");
    const path = `/events/${event.slug}/rubric`;
    const before = await expectStatus(rubricLoader(args(request(path, { user: organizer }), { slug: event.slug })), 200);
    expect((before.data as { locked: boolean }).locked).toBe(false);

    await scoreAll(event.id, entry.id, judge.id);
    const after = await expectStatus(rubricLoader(args(request(path, { user: organizer }), { slug: event.slug })), 200);
    expect((after.data as { locked: boolean }).locked).toBe(true);
    const rubricBefore = await listCriteria(event.id);
    // Refused beside the form, which keeps what the organizer typed (a page opened before the first score).
    const refused = await expectStatus(
      rubricAction(args(request(path, { user: organizer, form: { intent: "save-rubric", changeScale: "yes", scaleMax: "10" } }), { slug: event.slug })),
      409,
    );
    const message = (outcome: { data: unknown }) => (outcome.data as { result: { error?: Record<string, string[]> } }).result.error?.[""]?.[0];
    expect(message(refused)).toBe("The rubric is locked: judges have started scoring with it. Your changes are still in the form: copy what you need.");
    const form = { intent: "save-rubric", "criteria[0].name": "Edited after the lock", "criteria[0].description": "Typed.", "criteria[0].weight": "1" };
    const saveRefused = await expectStatus(rubricAction(args(request(path, { user: organizer, form }), { slug: event.slug })), 409);
    expect(message(saveRefused)).toMatch(/^The rubric is locked/);
    expect((saveRefused.data as { result: { initialValue?: unknown } }).result.initialValue).toMatchObject({ criteria: [{ name: "Edited after the lock" }] });
    // Anyone who does not run the event still gets an error page.
    await expectStatus(rubricAction(args(request(path, { user: participant, form }), { slug: event.slug })), 403);
    expect(await listCriteria(event.id)).toEqual(rubricBefore);
    expect((await getEvent(event.id)).scaleMax).toBe(5);
  });
});

describe("judge invite links", () => {
  it("stores only the token's hash; a signed-in user who opens a valid link becomes judge", async () => {
    const organizer = await createUser({ role: "organizer" });
    const invitee = await createUser({ name: "Ines Invitee" });
    const { event } = await createOpenEvent(organizer);
    const created = await expectStatus(judges(organizer, event.slug, { intent: "create-invite", days: "3" }), 200);
    const url = (created.data as { inviteUrl: string }).inviteUrl;
    const token = url.split("/judge-invite/")[1];
    expect(token.length).toBeGreaterThanOrEqual(40);
    const [stored] = await db.select().from(judgeInvites).where(eq(judgeInvites.eventId, event.id));
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    // Signed out: the page names the event and offers sign-up or sign-in, both coming back here.
    const anon = await expectStatus(inviteLoader(args(request(`/judge-invite/${token}`), { token })), 200);
    const back = encodeURIComponent(`/judge-invite/${token}`);
    expect(anon.data).toMatchObject({ invite: { title: event.title }, signIn: { signIn: `/login?redirectTo=${back}`, signUp: `/signup?redirectTo=${back}` } });
    const page = await expectStatus(inviteLoader(args(request(`/judge-invite/${token}`, { user: invitee }), { token })), 200);
    expect((page.data as { invite: { title: string } }).invite.title).toBe(event.title);
    const accepted = await expectStatus(acceptAction(args(request(`/judge-invite/${token}`, { user: invitee, form: {} }), { token })), 302);
    expect(accepted.response!.headers.get("Location")).toBe(`/events/${event.slug}`);
    const list = await expectStatus(manageLoader(args(request(`/events/${event.slug}/manage`, { user: organizer }), { slug: event.slug })), 200);
    expect((list.data as { judges: { id: string }[] }).judges.map((j) => j.id)).toEqual([invitee.id]);

    const bad = await expectStatus(inviteLoader(args(request("/judge-invite/x", { user: invitee }), { token: `${token}x` })), 404);
    expect(bad.data).toMatch(/not valid/);
  });

  it("stops working when revoked or expired", async () => {
    const organizer = await createUser({ role: "organizer" });
    const invitee = await createUser();
    const { event } = await createOpenEvent(organizer);
    const created = await expectStatus(judges(organizer, event.slug, { intent: "create-invite", days: "1" }), 200);
    const token = (created.data as { inviteUrl: string }).inviteUrl.split("/judge-invite/")[1];
    const [invite] = await db.select().from(judgeInvites).where(eq(judgeInvites.eventId, event.id));

    await db
      .update(judgeInvites)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(judgeInvites.id, invite.id));
    await expectStatus(acceptAction(args(request("/", { user: invitee, form: {} }), { token })), 404);
    await db
      .update(judgeInvites)
      .set({ expiresAt: new Date(Date.now() + 86_400_000) })
      .where(eq(judgeInvites.id, invite.id));

    // Revoking needs the event: an organizer of another event cannot revoke it through their own event.
    const { event: other } = await createOpenEvent(organizer);
    await expectStatus(judges(organizer, other.slug, { intent: "revoke-invite", inviteId: invite.id, confirmed: "on" }), 302);
    expect((await db.select().from(judgeInvites).where(eq(judgeInvites.id, invite.id)))[0].revokedAt).toBeNull();

    await expectStatus(judges(organizer, event.slug, { intent: "revoke-invite", inviteId: invite.id, confirmed: "on" }), 302);
    await expectStatus(inviteLoader(args(request("/", { user: invitee }), { token })), 404);
    await expectStatus(acceptAction(args(request("/", { user: invitee, form: {} }), { token })), 404);
    const loaded = await expectStatus(judgesLoader(args(request("/", { user: organizer }), { slug: event.slug })), 200);
    expect((loaded.data as { invites: { state: string }[] }).invites.map((i) => i.state)).toEqual(["revoked"]);
    await expectStatus(judges(organizer, event.slug, { intent: "create-invite", days: "90" }), 400);
  });
});

describe("judge assignment", () => {
  async function eventWithEntries(judgeCount: number, entryCount: number) {
    const organizer = await createUser({ role: "organizer" });
    const { event, problem } = await createOpenEvent(organizer);
    const judgeUsers = await Promise.all(Array.from({ length: judgeCount }, () => createUser()));
    for (const j of judgeUsers) await addJudge(event.id, j.email);
    const entryRows = [];
    for (let i = 0; i < entryCount; i++) entryRows.push(await submittedEntry(event, await createUser(), problem.id, `Entry ${i + 1}`));
    return { organizer, event, problem, judgeUsers, entryRows };
  }
  const assignmentsOf = (eventId: string) => db.select().from(judgeAssignments).where(eq(judgeAssignments.eventId, eventId));

  it("assigns N judges per entry with balanced load, and the judge queue follows", async () => {
    const { organizer, event, judgeUsers, entryRows } = await eventWithEntries(3, 4);
    await expectStatus(judges(organizer, event.slug, { intent: "set-mode", mode: "per-entry", judgesPerEntry: "2" }), 302);
    expect((await getEvent(event.id)).judgesPerEntry).toBe(2);
    const rows = await assignmentsOf(event.id);
    expect(rows).toHaveLength(8);
    for (const e of entryRows) expect(rows.filter((r) => r.entryId === e.id)).toHaveLength(2);
    const loads = judgeUsers.map((j) => rows.filter((r) => r.judgeId === j.id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    const queue = await judgeQueue(await getEvent(event.id), judgeUsers[0].id);
    expect(queue.map((q) => q.id).sort()).toEqual(
      rows
        .filter((r) => r.judgeId === judgeUsers[0].id)
        .map((r) => r.entryId)
        .sort(),
    );

    await expectStatus(judges(organizer, event.slug, { intent: "set-mode", mode: "all" }), 302);
    expect((await getEvent(event.id)).judgesPerEntry).toBeNull();
    expect(await judgeQueue(await getEvent(event.id), judgeUsers[0].id)).toHaveLength(4);
  });

  it("refuses more judges per entry than the pool has, with a clear message, and saves nothing", async () => {
    const { organizer, event } = await eventWithEntries(2, 2);
    const refused = await expectStatus(judges(organizer, event.slug, { intent: "set-mode", mode: "per-entry", judgesPerEntry: "3" }), 400);
    expect(fieldErrors(refused).judgesPerEntry).toEqual([
      "Each entry needs 3 judges, but the event has only 2. Add judges or lower the number of judges per entry.",
    ]);
    expect((await getEvent(event.id)).judgesPerEntry).toBeNull();
    expect(await assignmentsOf(event.id)).toHaveLength(0);
    const missing = await expectStatus(judges(organizer, event.slug, { intent: "set-mode", mode: "per-entry" }), 400);
    expect(fieldErrors(missing).judgesPerEntry).toEqual(["Enter how many judges score each entry"]);
  });

  it("never assigns a judge to their own team's entry", async () => {
    const { organizer, event, problem, judgeUsers } = await eventWithEntries(2, 0);
    const own = await submittedEntry(event, judgeUsers[0], problem.id, "Judge's own");
    await expectStatus(judges(organizer, event.slug, { intent: "set-mode", mode: "per-entry", judgesPerEntry: "1" }), 302);
    expect((await assignmentsOf(event.id)).map((r) => [r.entryId, r.judgeId])).toEqual([[own.id, judgeUsers[1].id]]);
    const refused = await expectStatus(judges(organizer, event.slug, { intent: "add-assignment", entryId: own.id, judgeId: judgeUsers[0].id }), 400);
    expect(fieldErrors(refused).judgeId).toEqual(["This judge is in the entry's team and cannot score it."]);
  });

  it("recomputes when judges change, keeping manual assignments and never dropping one with scores", async () => {
    const { organizer, event, judgeUsers, entryRows } = await eventWithEntries(2, 2);
    const [a, b] = judgeUsers;
    await expectStatus(judges(organizer, event.slug, { intent: "set-mode", mode: "per-entry", judgesPerEntry: "1" }), 302);
    let rows = await assignmentsOf(event.id);
    const aEntry = rows.find((r) => r.judgeId === a.id)!.entryId;
    const bEntry = rows.find((r) => r.judgeId === b.id)!.entryId;

    // b scores; a gets a manual extra assignment.
    await movePhase(event.id, organizer, "judging");
    await scoreAll(event.id, bEntry, b.id);
    await expectStatus(judges(organizer, event.slug, { intent: "add-assignment", entryId: bEntry, judgeId: a.id }), 302);
    const removeScored = await expectStatus(judges(organizer, event.slug, { intent: "remove-assignment", entryId: bEntry, judgeId: b.id }), 302);
    expect(removeScored.response!.headers.get("Set-Cookie")).toBeTruthy();

    // b leaves the panel: the scored assignment stays; a new judge c picks up nothing a already has.
    // Removing asks first and says what it changes: b's started sheet stays, b's assignments move.
    const asked = await expectStatus(manage(organizer, event.slug, { intent: "remove-judge", userId: b.id }), 409);
    expect(asked.data).toEqual({
      intent: "remove-judge",
      confirmRemoveJudge: { userId: b.id, name: b.name, round: 1, startedSheets: 1, assignedEntries: 1, onlyFinalJudge: false },
    });
    expect((await listJudges(event.id)).map((j) => j.id)).toContain(b.id);
    await expectStatus(manage(organizer, event.slug, { intent: "remove-judge", userId: b.id, confirmed: "on" }), 302);
    rows = await assignmentsOf(event.id);
    expect(rows.some((r) => r.entryId === bEntry && r.judgeId === b.id)).toBe(true);
    expect(rows.find((r) => r.entryId === bEntry && r.judgeId === a.id)?.manual).toBe(true);
    expect(rows.some((r) => r.entryId === aEntry && r.judgeId === a.id)).toBe(true);

    const c = await createUser();
    await expectStatus(manage(organizer, event.slug, { intent: "add-judge", email: c.email }), 302);
    await expectStatus(judges(organizer, event.slug, { intent: "recompute" }), 302);
    rows = await assignmentsOf(event.id);
    expect(rows.some((r) => r.entryId === bEntry && r.judgeId === b.id)).toBe(true);
    expect(rows.some((r) => r.entryId === bEntry && r.judgeId === a.id && r.manual)).toBe(true);
    // Every entry still has at least one current judge, and c's load is balanced in.
    for (const e of entryRows) expect(rows.some((r) => r.entryId === e.id && r.judgeId !== b.id)).toBe(true);

    // An unscored assignment can be removed by hand.
    const removable = rows.find((r) => r.judgeId !== b.id && !(r.entryId === bEntry && r.judgeId === a.id))!;
    await expectStatus(judges(organizer, event.slug, { intent: "remove-assignment", entryId: removable.entryId, judgeId: removable.judgeId }), 302);
    expect(
      await db
        .select()
        .from(judgeAssignments)
        .where(and(eq(judgeAssignments.entryId, removable.entryId), eq(judgeAssignments.judgeId, removable.judgeId))),
    ).toHaveLength(0);
  });
});

describe("removing a judge once results are published", () => {
  it("is refused, with why, and the assignments stay as they were judged; also a removal confirmed just before", async () => {
    const organizer = await createUser({ role: "organizer" });
    const [a, b, alice, bob] = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
    const { event, problem } = await createOpenEvent(organizer);
    for (const [user, title] of [
      [alice, "Alpha"],
      [bob, "Beta"],
    ] as const)
      await submittedEntry(await getEvent(event.id), user, problem.id, title);
    for (const judge of [a, b]) await addJudge(event.id, judge.email);
    await expectStatus(judges(organizer, event.slug, { intent: "set-mode", mode: "per-entry", judgesPerEntry: "1" }), 302);
    await movePhase(event.id, organizer, "judging");
    await movePhase(event.id, organizer, "closed");
    const before = (await db.select().from(judgeAssignments).where(eq(judgeAssignments.eventId, event.id))).map((r) => `${r.entryId}:${r.judgeId}`).sort();
    const published = "Results are published, so the judges stay as they judged: reopen the event for judging to remove a judge.";
    const loaded = (await expectStatus(manageLoader(args(request(`/events/${event.slug}/manage`, { user: organizer }), { slug: event.slug })), 200)).data;
    expect(loaded).toMatchObject({ canRemoveJudges: false });
    // A page read before publishing: asked or confirmed, it is read again with why.
    for (const form of [{ userId: b.id }, { userId: b.id, round: "1", confirmed: "on" }] as Record<string, string>[])
      expect(await toastOf(await expectStatus(manage(organizer, event.slug, { intent: "remove-judge", ...form }), 302))).toEqual({
        kind: "error",
        message: published,
      });
    // The statement holds it too, for a press whose check ran before the results were published.
    expect(await removeJudge(event.id, b.id, 1)).toEqual({ ok: false, reason: "published" });
    expect((await listJudges(event.id)).map((j) => j.id).sort()).toEqual([a.id, b.id].sort());
    expect((await db.select().from(judgeAssignments).where(eq(judgeAssignments.eventId, event.id))).map((r) => `${r.entryId}:${r.judgeId}`).sort()).toEqual(
      before,
    );
  });
});

describe("organizer dashboard", () => {
  it("shows entries by outcome, judging progress, deadlines and what blocks the next phase", async () => {
    const { organizer, event, problem, judgeUsers } = await (async () => {
      const organizer = await createUser({ role: "organizer" });
      const { event, problem } = await createOpenEvent(organizer);
      const judgeUsers = [await createUser(), await createUser()];
      for (const j of judgeUsers) await addJudge(event.id, j.email);
      return { organizer, event, problem, judgeUsers };
    })();
    const working = await submittedEntry(event, await createUser(), problem.id, "Works");
    const failed = await submittedEntry(event, await createUser(), problem.id, "Fails");
    await db.update(entries).set({ outcome: "failed" }).where(eq(entries.id, failed.id));
    await createTeam(event, (await createUser()).id, { name: "Still drafting", problemId: problem.id });
    await movePhase(event.id, organizer, "judging");
    await scoreAll(event.id, working.id, judgeUsers[0].id);

    const res = await expectStatus(manageLoader(args(request(`/events/${event.slug}/manage`, { user: organizer }), { slug: event.slug })), 200);
    const d = res.data as {
      dashboard: { outcomes: Record<string, number>; progress: { done: number; due: number }; deadlines: { label: string; at: string }[] };
      steps: { to: string; confirmation: string | null }[];
      teams: unknown[];
    };
    expect(d.teams).toHaveLength(3);
    expect(d.dashboard.outcomes).toEqual({ working: 1, partial: 0, failed: 1, none: 0, drafts: 1 });
    // 2 entries × 2 judges × 6 criteria due; one judge scored one entry.
    expect(d.dashboard.progress).toEqual({ done: 6, due: 24 });
    expect(d.dashboard.deadlines.map((x) => x.label)).toEqual(["Start", "Submission deadline", "Judging deadline"]);
    expect(d.dashboard.deadlines[0].at).toMatch(/UTC/);
    expect(d.steps[0].confirmation).toBe(
      "Judging is not complete: 1 of 4 expected score sheets are complete. Publish anyway; results count only the scores saved.",
    );

    // Refusals come back next to the field that caused them.
    const close = await expectStatus(manage(organizer, event.slug, { intent: "phase", to: "closed" }), 400);
    expect(fieldErrors(close).confirmed).toEqual(["Tick the confirmation to go ahead."]);
    await expectStatus(manage(organizer, event.slug, { intent: "phase", to: "closed", confirmed: "on" }), 302);
    // Published before the judging deadline: the dashboard no longer counts down to it.
    const published = await expectStatus(manageLoader(args(request(`/events/${event.slug}/manage`, { user: organizer }), { slug: event.slug })), 200);
    expect((published.data as { dashboard: { deadlines: { label: string; relative: string; past: boolean }[] } }).dashboard.deadlines[2]).toMatchObject({
      label: "Judging deadline",
      relative: "not needed: results are published",
      past: true,
    });
    const reopen = await expectStatus(manage(organizer, event.slug, { intent: "phase", to: "judging" }), 400);
    expect(fieldErrors(reopen).reason).toEqual(["Say why the event is reopened."]);
    expect((await db.select({ phase: events.phase }).from(events).where(eq(events.id, event.id)))[0].phase).toBe("closed");
  });
});
