// "New event from this one" (ADR 035) through the new-event route, against the real test database.
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { awards, criteria, eventJudges, eventOrganizers, events, problems, submissionQuestions, teams } from "#db/schema";
import { db } from "~/db.server";
import { addJudge } from "~/modules/events/events.server";
import { addProblem, retireProblem } from "~/modules/problems/problems.server";
import { action as newEventAction, loader as newEventLoader } from "~/routes/events.new";
import { args, createOpenEvent, createUser, eventForm, expectStatus, fieldErrors, problemInput, request, submittedEntry, type TestUser } from "~/test/fixtures";

const create = (user: TestUser, form: NonNullable<Parameters<typeof request>[1]>["form"]) => newEventAction(args(request("/events/new", { user, form })));
const preview = (user: TestUser, from: string) => newEventLoader(args(request(`/events/new?from=${from}`, { user })));

async function richSource() {
  const organizer = await createUser({ role: "organizer" });
  const { event, problem } = await createOpenEvent(organizer);
  const second = await addProblem(event.id, { ...problemInput, title: "Invoices are matched by hand" });
  const retired = await addProblem(event.id, { ...problemInput, title: "A retired problem" });
  await retireProblem(event.id, retired.id, { confirmed: true, typedName: "" });
  await db
    .update(events)
    .set({ judgesPerEntry: 2, blindJudging: true, normalizeScores: true, description: "Our **spring** hackathon.", rules: "No customer data." })
    .where(eq(events.id, event.id));
  await db
    .update(criteria)
    .set({ levels: JSON.stringify(["weak", "", "", "", "strong"]) })
    .where(eq(criteria.eventId, event.id));
  const participant = await createUser();
  const { entryId } = await submittedEntry(event, participant.id, problem.id, { title: "Deflector" });
  await db.insert(awards).values([
    { id: `aw-${entryId}`, eventId: event.id, name: "Best overall", description: "The best one", entryId, position: 0 },
    // Comes with a vote that is not copied, so it stays behind.
    { id: `pc-${entryId}`, eventId: event.id, name: "People's choice", kind: "peoples-choice", position: 1 },
  ]);
  await db.insert(submissionQuestions).values([
    { id: `q1-${entryId}`, eventId: event.id, position: 0, kind: "short-text", label: "Which team at the company?", required: true },
    { id: `q2-${entryId}`, eventId: event.id, position: 1, kind: "choice", label: "Data used", options: JSON.stringify(["Tickets", "Invoices"]) },
  ]);
  const judge = await createUser();
  await addJudge(event.id, judge.id);
  return { organizer, event, problem, second, retired, participant };
}

describe("a new event from an earlier one", () => {
  it("copies the ticked problems, rubric, unawarded awards, submission questions, judging settings and description; never teams, judges or phase", async () => {
    const { organizer, event, problem, second, retired } = await richSource();
    const shown = (await preview(organizer, event.slug)) as Awaited<ReturnType<typeof newEventLoader>>;
    expect(shown.template?.problems.map((p) => [p.title, p.workingCount])).toEqual([
      [problem.title, 1],
      ["Invoices are matched by hand", 0],
    ]);
    expect(shown.defaults).toMatchObject({ description: "Our **spring** hackathon.", rules: "No customer data." });
    // The People's choice award is not in the list of awards that come along, and the page says why.
    expect(shown.template).toMatchObject({ awards: ["Best overall"], hadPeoplesChoice: true, questions: ["Which team at the company?", "Data used"] });

    const sent = eventForm({ title: "Autumn rerun", description: "Our **autumn** hackathon.", from: event.slug, problemIds: [second.id, retired.id] });
    const response = (await create(organizer, sent)) as Response;
    expect(response.status).toBe(302);
    const [made] = await db.select().from(events).where(eq(events.title, "Autumn rerun"));
    expect(made).toMatchObject({ phase: "draft", description: "Our **autumn** hackathon.", judgesPerEntry: 2, blindJudging: true, normalizeScores: true });
    expect(response.headers.get("Location")).toBe(`/events/${made.slug}/manage`);

    // Only the ticked, unretired problem, as a fresh copy.
    const copied = await db.select().from(problems).where(eq(problems.eventId, made.id));
    expect(copied.map((p) => [p.title, p.retiredAt, p.position])).toEqual([["Invoices are matched by hand", null, 0]]);
    expect(copied[0].id).not.toBe(second.id);

    // The rubric as it was, levels and kinds included.
    const rubric = (id: string) =>
      db
        .select({ name: criteria.name, weight: criteria.weight, levels: criteria.levels, kind: criteria.kind, position: criteria.position })
        .from(criteria)
        .where(eq(criteria.eventId, id))
        .orderBy(asc(criteria.position));
    expect(await rubric(made.id)).toEqual(await rubric(event.id));

    // Awards without their winners.
    expect(
      await db.select({ name: awards.name, description: awards.description, entryId: awards.entryId }).from(awards).where(eq(awards.eventId, made.id)),
    ).toEqual([{ name: "Best overall", description: "The best one", entryId: null }]);
    // The submission questions as they were, as fresh rows.
    const questions = (id: string) =>
      db
        .select({
          label: submissionQuestions.label,
          kind: submissionQuestions.kind,
          required: submissionQuestions.required,
          options: submissionQuestions.options,
          position: submissionQuestions.position,
        })
        .from(submissionQuestions)
        .where(eq(submissionQuestions.eventId, id))
        .orderBy(asc(submissionQuestions.position));
    expect(await questions(made.id)).toEqual(await questions(event.id));
    expect(await questions(made.id)).toHaveLength(2);
    expect(await db.select().from(teams).where(eq(teams.eventId, made.id))).toEqual([]);
    expect(await db.select().from(eventJudges).where(eq(eventJudges.eventId, made.id))).toEqual([]);
    expect((await db.select().from(eventOrganizers).where(eq(eventOrganizers.eventId, made.id))).map((o) => o.userId)).toEqual([organizer.id]);
  });

  it("copies no problem when none is ticked, and never another event's problem", async () => {
    const { organizer, event } = await richSource();
    const other = await createOpenEvent(organizer);
    await create(organizer, eventForm({ title: "No problems rerun", from: event.slug, problemIds: [other.problem.id] }));
    const [made] = await db.select().from(events).where(eq(events.title, "No problems rerun"));
    expect(await db.select().from(problems).where(eq(problems.eventId, made.id))).toEqual([]);
    expect((await db.select().from(criteria).where(eq(criteria.eventId, made.id))).length).toBe(6);
  });

  it("keeps the ticks and says what is wrong when the new event's fields are refused", async () => {
    const { organizer, event, second } = await richSource();
    const outcome = await expectStatus(create(organizer, eventForm({ title: "", from: event.slug, problemIds: [second.id] })), 400);
    const answer = outcome.data as { result: { error: Record<string, string[]> }; ticked: string[] };
    expect(answer.result.error.title).toBeDefined();
    expect(answer.ticked).toEqual([second.id]);
    // More problems ticked than one copy takes (a big event's, all ticked at first): said as such, with the ticks.
    const many = Array.from({ length: 101 }, (_, i) => `problem-${i}`);
    const tooMany = await expectStatus(create(organizer, eventForm({ title: "Big rerun", from: event.slug, problemIds: many })), 400);
    const refused = tooMany.data as { result: { error: Record<string, string[]> }; ticked: string[] };
    expect(refused.result.error[""]).toEqual(["Copy at most 100 problems at once: untick some."]);
    expect(refused.ticked).toEqual(many);
  });

  it("is only for the earlier event's organizers and admins", async () => {
    const { event, participant } = await richSource();
    const stranger = await createUser({ role: "organizer" });
    await expectStatus(preview(stranger, event.slug), 403);
    // Refused beside the form, which keeps what was typed (an organizer removed from the earlier event meanwhile), and as
    // lines to copy for the error page a browser without JavaScript shows.
    const refused = await expectStatus(create(stranger, eventForm({ title: "Stolen", from: event.slug })), 403);
    expect(refused.thrown).toBe(false);
    expect(fieldErrors(refused)[""]?.[0]).toMatch(/ Your text is still in the form: copy what you need\.$/);
    expect((refused.data as { kept: string[] }).kept).toContain("Title: Stolen");
    await expectStatus(preview(participant, event.slug), 403);
    expect(await db.select().from(events).where(eq(events.title, "Stolen"))).toEqual([]);
    const admin = await createUser({ role: "admin" });
    expect(((await preview(admin, event.slug)) as { template: unknown }).template).not.toBeNull();
  });

  it("refuses an unknown event to start from, without creating anything", async () => {
    const organizer = await createUser({ role: "organizer" });
    const outcome = await expectStatus(create(organizer, eventForm({ title: "From nowhere", from: "no-such-event" })), 400);
    expect(JSON.stringify(outcome.data)).toContain("The event to start from was not found");
    expect(await db.select().from(events).where(eq(events.title, "From nowhere"))).toEqual([]);
    // A mistyped link to the page shows the plain new-event form.
    expect(((await preview(organizer, "no-such-event")) as { template: unknown }).template).toBeNull();
  });
});
