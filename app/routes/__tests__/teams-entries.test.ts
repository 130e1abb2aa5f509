import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { entries, problems, teamMembers, teams } from "#db/schema";
import { db } from "~/db.server";
import { addProblem } from "~/modules/problems/problems.server";
import { createTeam, joinTeam } from "~/modules/teams/teams.server";
import { loader as entryViewLoader } from "~/routes/events.$slug.entries.$entryId._index";
import { action as entryAction, loader as entryLoader } from "~/routes/events.$slug.teams.$teamId.entry";
import { loader as teamLoader } from "~/routes/events.$slug.teams.$teamId._index";
import { action as newTeamAction } from "~/routes/events.$slug.teams.new";
import { action as joinAction, loader as joinLoader } from "~/routes/join";
import {
  args,
  createOpenEvent,
  createUser,
  expectStatus,
  fieldErrors,
  movePhase,
  problemInput,
  request,
  setSubmissionDeadline,
  toastOf,
  type TestUser,
} from "~/test/fixtures";

async function teamRow(id: string) {
  const [row] = await db.select().from(teams).where(eq(teams.id, id));
  return row;
}
async function entryOf(teamId: string) {
  const [row] = await db.select().from(entries).where(eq(entries.teamId, teamId));
  return row;
}
async function membersOf(teamId: string) {
  return (await db.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, teamId))).map((r) => r.userId).sort();
}

/** An open event with a team of `creator`. */
async function setup(opts: { maxTeamSize?: number } = {}) {
  const organizer = await createUser({ role: "organizer" });
  const creator = await createUser();
  const { event, problem } = await createOpenEvent(organizer, opts);
  const created = await createTeam(event, creator.id, { name: "Deflectors", problemId: problem.id });
  if (!created.ok) throw new Error(created.message);
  return { organizer, creator, event, problem, teamId: created.teamId };
}

const completeFailedEntry = {
  title: "Ticket auto-answer",
  summary: "Tried to answer tier-1 tickets from past resolutions.",
  outcome: "failed",
  tags: "Support, Retrieval , support",
  demoUrl: "",
  repoUrl: "https://git.example.com/deflectors",
  videoUrl: "",
  approach: "RAG over two years of tickets with an off-the-shelf model.",
  metricName: "Deflection rate",
  metricUnit: "%",
  metricBaseline: "0",
  metricTarget: "20",
  metricResult: "",
  postMortemWorked: "Retrieval found similar tickets.",
  postMortemDidNotWork: "Answers missed customer-specific context.",
  postMortemRootCause: "data-missing-context",
  postMortemRootCauseOther: "",
  postMortemDifferently: "Pull account data into the context first.",
  postMortemNextSteps: "Pilot with account context for one product line.",
};

describe("teams", () => {
  it("creates a team with its creator as member and an empty draft entry", async () => {
    const organizer = await createUser({ role: "organizer" });
    const alice = await createUser();
    const { event, problem } = await createOpenEvent(organizer);
    const res = await expectStatus(
      newTeamAction(
        args(request(`/events/${event.slug}/teams/new`, { user: alice, form: { name: "  Retrievers ", problemId: problem.id } }), { slug: event.slug }),
      ),
      302,
    );
    const [team] = await db.select().from(teams).where(eq(teams.eventId, event.id));
    expect(res.response!.headers.get("Location")).toBe(`/events/${event.slug}/teams/${team.id}`);
    expect(team).toMatchObject({ name: "Retrievers", problemId: problem.id, leadId: alice.id });
    expect(team.inviteCode).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    expect(await membersOf(team.id)).toEqual([alice.id]);
    expect(await entryOf(team.id)).toMatchObject({ status: "draft", version: 1, eventId: event.id, title: "" });
  });

  it("refuses a second team for the same person and a problem of another event", async () => {
    const { event, creator, problem, organizer } = await setup();
    const path = `/events/${event.slug}/teams/new`;
    const second = await expectStatus(
      newTeamAction(args(request(path, { user: creator, form: { name: "Second", problemId: problem.id } }), { slug: event.slug })),
      403,
    );
    // Said beside the form (a page opened before joining a team in another tab), not as an error page.
    expect(second.thrown).toBe(false);
    expect(fieldErrors(second)[""]).toEqual(["You are already in a team for this event: one team per person per event."]);
    // Without JavaScript the page read again refuses the form: its error page lists the name sent, to copy.
    expect((second.data as { kept: string[] }).kept).toEqual(["Team name: Second"]);
    // The module refuses too, even when called past the route's check.
    const direct = await createTeam(event, creator.id, { name: "Second", problemId: problem.id });
    expect(direct).toEqual({ ok: false, field: "name", message: "You are already in a team for this event." });
    expect(await db.select().from(teams).where(eq(teams.eventId, event.id))).toHaveLength(1);

    const bob = await createUser();
    const { problem: foreign } = await createOpenEvent(organizer);
    const wrongProblem = await expectStatus(
      newTeamAction(args(request(path, { user: bob, form: { name: "Bobs", problemId: foreign.id } }), { slug: event.slug })),
      400,
    );
    expect(fieldErrors(wrongProblem).problemId).toEqual(["Pick a problem of this event"]);
    // A problem retired since the page was opened is named, and refused.
    const retiring = await addProblem(event.id, { ...problemInput, title: "Retired meanwhile" });
    await db.update(problems).set({ retiredAt: new Date() }).where(eq(problems.id, retiring.id));
    const retired = await expectStatus(
      newTeamAction(args(request(path, { user: bob, form: { name: "Bobs", problemId: retiring.id } }), { slug: event.slug })),
      400,
    );
    expect(fieldErrors(retired).problemId).toEqual(["“Retired meanwhile” was retired since this page was opened. Pick another problem."]);
    // The page is read again for the list of problems now (shouldRevalidate), not after other refusals.
    expect(retired.data).toMatchObject({ problemsChanged: true });
    const sameName = await expectStatus(
      newTeamAction(args(request(path, { user: bob, form: { name: "Deflectors", problemId: problem.id } }), { slug: event.slug })),
      400,
    );
    expect(fieldErrors(sameName).name).toEqual(["Another team of this event has this name. Pick another."]);
    expect(sameName.data).toMatchObject({ problemsChanged: false });
    const casedName = await expectStatus(
      newTeamAction(args(request(path, { user: bob, form: { name: "DEFLECTORS", problemId: problem.id } }), { slug: event.slug })),
      400,
    );
    expect(fieldErrors(casedName).name).toEqual(["Another team of this event is called “Deflectors”. Pick a name that differs by more than capitals."]);
    expect(await db.select().from(teams).where(eq(teams.eventId, event.id))).toHaveLength(1);
    expect(
      await db
        .select()
        .from(teamMembers)
        .where(and(eq(teamMembers.eventId, event.id), eq(teamMembers.userId, bob.id))),
    ).toHaveLength(0);
  });

  it("joins a team with its invite code (case and spaces forgiven)", async () => {
    const { event, teamId, creator } = await setup();
    const bob = await createUser();
    const code = (await teamRow(teamId)).inviteCode;

    const shown = await expectStatus(joinLoader(args(request(`/join?code=${code.toLowerCase()}`, { user: bob }))), 200);
    expect(shown.data).toMatchObject({ team: { name: "Deflectors" }, refusal: null, alreadyHere: false });

    const res = await expectStatus(joinAction(args(request("/join", { user: bob, form: { code: ` ${code.toLowerCase()} ` } }))), 302);
    expect(res.response!.headers.get("Location")).toBe(`/events/${event.slug}/teams/${teamId}`);
    expect(await membersOf(teamId)).toEqual([creator.id, bob.id].sort());

    // A second join is refused by the policy; the membership stays single.
    // Said beside the button (a page opened before joining, in another tab), not as an error page.
    const again = await expectStatus(joinAction(args(request("/join", { user: bob, form: { code } }))), 403);
    expect(again.thrown).toBe(false);
    expect(again.data).toEqual({ error: "You are already in a team for this event: one team per person per event." });
    expect(await membersOf(teamId)).toEqual([creator.id, bob.id].sort());
  });

  it("answers a malformed or unknown invite code clearly", async () => {
    const bob = await createUser();
    const bad = await expectStatus(joinAction(args(request("/join", { user: bob, form: { code: "abc" } }))), 400);
    expect(bad.data).toEqual({ error: "An invite code has 8 letters and digits" });
    // The page posts the code it was opened with: one no team has now is a code that changed since.
    const unknown = await expectStatus(joinAction(args(request("/join", { user: bob, form: { code: "ZZZZZZZZ" } }))), 404);
    expect((unknown.data as { error: string }).error).toMatch(/^This invite link stopped working since you opened it/);
  });

  it("refuses to join a full team through the route with 409", async () => {
    const { teamId } = await setup({ maxTeamSize: 1 });
    const bob = await createUser();
    const code = (await teamRow(teamId)).inviteCode;
    const res = await expectStatus(joinAction(args(request("/join", { user: bob, form: { code } }))), 409);
    expect(res.data).toEqual({ error: "This team is full (at most 1 person)." });
    expect(await membersOf(teamId)).toHaveLength(1);
  });

  it("enforces the team size under concurrency: 5 people racing for the last place, exactly one gets it", async () => {
    const { event, teamId, creator } = await setup({ maxTeamSize: 2 });
    const racers = await Promise.all(Array.from({ length: 5 }, () => createUser()));
    const results = await Promise.all(racers.map((u) => joinTeam({ id: teamId, eventId: event.id }, u.id, event.maxTeamSize)));
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) expect(r).toEqual({ ok: false, field: "code", message: "This team is full (at most 2 people)." });
    const members = await membersOf(teamId);
    expect(members).toHaveLength(2);
    expect(members).toContain(creator.id);
    const winner = racers[results.findIndex((r) => r.ok)];
    expect(members).toContain(winner.id);
  });

  it("keeps one team per person per event under concurrency too", async () => {
    const { event, problem } = await setup();
    const carol = await createUser();
    const results = await Promise.all(["Alpha", "Beta", "Gamma"].map((name) => createTeam(event, carol.id, { name, problemId: problem.id })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(
      await db
        .select()
        .from(teamMembers)
        .where(and(eq(teamMembers.eventId, event.id), eq(teamMembers.userId, carol.id))),
    ).toHaveLength(1);
    // The failed attempts leave no orphan team or entry behind.
    expect(await db.select().from(teams).where(eq(teams.leadId, carol.id))).toHaveLength(1);
  });

  it("shows a team page only to its members and the organizers", async () => {
    const { event, teamId, creator, organizer } = await setup();
    const stranger = await createUser();
    const path = `/events/${event.slug}/teams/${teamId}`;
    const mine = await expectStatus(teamLoader(args(request(path, { user: creator }), { slug: event.slug, teamId })), 200);
    expect((mine.data as { inviteUrl: string }).inviteUrl).toMatch(/^http:\/\/localhost\/join\?code=[A-Z0-9]{8}$/);
    const org = await expectStatus(teamLoader(args(request(path, { user: organizer }), { slug: event.slug, teamId })), 200);
    expect((org.data as { inviteUrl: string | null }).inviteUrl).toBeNull();
    const refused = await expectStatus(teamLoader(args(request(path, { user: stranger }), { slug: event.slug, teamId })), 403);
    expect(refused.data).toBe("Only the team's members can see this team.");
  });
});

/** The message a refused save shows above the entry form. */
const formMessage = (outcome: { data: unknown }) => (outcome.data as { result: { error?: Record<string, string[]> } }).result.error?.[""]?.[0];

describe("entries", () => {
  const entryPath = (slug: string, teamId: string) => `/events/${slug}/teams/${teamId}/entry`;
  const save = (user: TestUser, slug: string, teamId: string, form: Record<string, string | number>) =>
    entryAction(args(request(entryPath(slug, teamId), { user, form }), { slug, teamId }));

  it("refuses a non-member with 403 on the loader and the action, and leaves the entry alone", async () => {
    const { event, teamId } = await setup();
    const stranger = await createUser();
    const before = await entryOf(teamId);
    const loaded = await expectStatus(entryLoader(args(request(entryPath(event.slug, teamId), { user: stranger }), { slug: event.slug, teamId })), 403);
    expect(loaded.data).toBe("Only the team's members can see this team.");
    await expectStatus(save(stranger, event.slug, teamId, { intent: "save", version: 1, title: "Hijacked" }), 403);
    expect(await entryOf(teamId)).toEqual(before);
  });

  it("refuses the organizer's edits (they may look, not write)", async () => {
    const { event, teamId, organizer } = await setup();
    const loaded = await expectStatus(entryLoader(args(request(entryPath(event.slug, teamId), { user: organizer }), { slug: event.slug, teamId })), 200);
    expect((loaded.data as { refusal: string }).refusal).toBe("Only the team's members can edit its entry.");
    await expectStatus(save(organizer, event.slug, teamId, { intent: "save", version: 1, title: "Organizer edit" }), 403);
    expect((await entryOf(teamId)).title).toBe("");
  });

  it("saves a nearly empty draft, validates only what is there", async () => {
    const { event, teamId, creator } = await setup();
    const res = await expectStatus(save(creator, event.slug, teamId, { intent: "save", version: 1, title: "Working title" }), 302);
    expect(res.response!.headers.get("Location")).toBe(entryPath(event.slug, teamId));
    expect(await entryOf(teamId)).toMatchObject({ title: "Working title", status: "draft", version: 2, outcome: null, submittedAt: null });

    const badLink = await expectStatus(
      save(creator, event.slug, teamId, { intent: "save", version: 2, title: "Changed", demoUrl: "javascript:alert(1)" }),
      400,
    );
    expect(fieldErrors(badLink).demoUrl).toEqual(["Enter a full link starting with https:// or http://"]);
    expect(await entryOf(teamId)).toMatchObject({ title: "Working title", version: 2, demoUrl: "" });
  });

  it("refuses to submit an incomplete entry, listing the missing fields, and saves nothing", async () => {
    const { event, teamId, creator } = await setup();
    const res = await expectStatus(save(creator, event.slug, teamId, { intent: "submit", version: 1, title: "Only a title", outcome: "working" }), 400);
    const errors = fieldErrors(res);
    // At the top of the form, where a page without JavaScript opens: the text on screen is not saved.
    expect(errors[""]).toEqual([
      "Not submitted, and your changes are not saved: fix “One-line summary”, “Approach: models, tools and data used”, “Metric name” and 7 more (each message is next to its field), then submit again.",
    ]);
    expect(Object.keys(errors).sort()).toEqual(
      [
        "",
        "summary",
        "approach",
        "metricName",
        "metricBaseline",
        "metricResult",
        "postMortemWorked",
        "postMortemDidNotWork",
        "postMortemRootCause",
        "postMortemDifferently",
        "postMortemNextSteps",
      ].sort(),
    );
    expect(errors.metricResult).toEqual(["Give the measured result (only a failed attempt may leave it empty)"]);
    expect(errors.postMortemRootCause).toEqual(["Pick the root cause"]);
    expect(await entryOf(teamId)).toMatchObject({ status: "draft", version: 1, title: "" });
  });

  it("accepts a complete failed attempt without a measured result, then guards versions and the deadline", async () => {
    const { event, teamId, creator } = await setup();
    const res = await expectStatus(save(creator, event.slug, teamId, { intent: "submit", version: 1, ...completeFailedEntry }), 302);
    expect(res.response!.headers.get("Location")).toBe(`/events/${event.slug}/teams/${teamId}`);
    const submitted = await entryOf(teamId);
    expect(submitted).toMatchObject({
      status: "submitted",
      version: 2,
      outcome: "failed",
      metricResult: "",
      postMortemRootCause: "data-missing-context",
      tags: "support, retrieval",
      title: "Ticket auto-answer",
    });
    expect(submitted.submittedAt).toBeInstanceOf(Date);

    // A teammate's form still based on version 1: 409, row unchanged.
    const stale = await expectStatus(save(creator, event.slug, teamId, { intent: "save", version: 1, ...completeFailedEntry, title: "Overwritten" }), 409);
    expect(fieldErrors(stale)[""]?.[0]).toMatch(/^A teammate saved this entry after you opened it/);
    expect(await entryOf(teamId)).toEqual(submitted);

    // A submitted entry stays complete: a save that empties what submitting needs is refused beside the field.
    const emptied = await expectStatus(save(creator, event.slug, teamId, { intent: "save", version: 2, ...completeFailedEntry, postMortemNextSteps: "" }), 400);
    expect(fieldErrors(emptied).postMortemNextSteps).toHaveLength(1);
    expect(await entryOf(teamId)).toEqual(submitted);
    // From a page of an earlier version the teammate's save is what the form is told about, not the empty field.
    const staleEmptied = await expectStatus(
      save(creator, event.slug, teamId, { intent: "save", version: 1, ...completeFailedEntry, postMortemNextSteps: "" }),
      409,
    );
    expect(fieldErrors(staleEmptied)[""]?.[0]).toMatch(/^A teammate saved this entry after you opened it/);

    // Editing with the current version still works before the deadline.
    await expectStatus(save(creator, event.slug, teamId, { intent: "submit", version: 2, ...completeFailedEntry, title: "Ticket auto-answer v2" }), 302);
    // Save draft on a submitted entry changes it at once, and says so rather than "Draft saved".
    const saved = await expectStatus(
      save(creator, event.slug, teamId, { intent: "save", version: 3, ...completeFailedEntry, title: "Ticket auto-answer v2" }),
      302,
    );
    expect((await toastOf(saved))?.message).toMatch(/^Changes saved to your submitted entry \d\d:\d\d \S+\.$/);
    const edited = await entryOf(teamId);
    expect(edited).toMatchObject({ title: "Ticket auto-answer v2", version: 4, status: "submitted" });

    // After the deadline: 403 with the reason beside the form (which keeps the text), and the row stays as it was.
    await setSubmissionDeadline(event.id, new Date(Date.now() - 60_000));
    const late = await expectStatus(save(creator, event.slug, teamId, { intent: "submit", version: 4, ...completeFailedEntry, title: "Too late" }), 403);
    expect(formMessage(late)).toMatch(/^Submissions are closed: the submission deadline has passed\. Your text is still in the form/);
    expect(await entryOf(teamId)).toEqual(edited);
    const loaded = await expectStatus(entryLoader(args(request(entryPath(event.slug, teamId), { user: creator }), { slug: event.slug, teamId })), 200);
    expect((loaded.data as { refusal: string }).refusal).toBe("Submissions are closed: the submission deadline has passed.");
  });

  it("refuses edits once the event is in judging, even before the original deadline", async () => {
    const { event, teamId, creator, organizer } = await setup();
    await expectStatus(save(creator, event.slug, teamId, { intent: "submit", version: 1, ...completeFailedEntry }), 302);
    await movePhase(event.id, organizer, "judging");
    const before = await entryOf(teamId);
    const res = await expectStatus(save(creator, event.slug, teamId, { intent: "save", version: 2, title: "Sneaky" }), 403);
    expect(formMessage(res)).toMatch(/^Submissions are closed: the event has moved to judging\. Your text is still in the form/);
    expect(await entryOf(teamId)).toEqual(before);
  });

  it("keeps a submitted entry from other participants until the deadline", async () => {
    const { event, teamId, creator, problem } = await setup();
    await expectStatus(save(creator, event.slug, teamId, { intent: "submit", version: 1, ...completeFailedEntry }), 302);
    const entry = await entryOf(teamId);
    const rival = await createUser();
    const rivalTeam = await createTeam(event, rival.id, { name: "Rivals", problemId: problem.id });
    expect(rivalTeam.ok).toBe(true);
    const view = (user: TestUser) =>
      entryViewLoader(args(request(`/events/${event.slug}/entries/${entry.id}`, { user }), { slug: event.slug, entryId: entry.id }));

    // The team's own page of the entry leads back to its form while submissions are open.
    const own = await expectStatus(view(creator), 200);
    expect((own.data as { editHref: string | null }).editHref).toBe(`/events/${event.slug}/teams/${teamId}/entry`);
    const hidden = await expectStatus(view(rival), 403);
    expect(hidden.data).toBe("Entries become visible to other participants after the submission deadline.");
    // The event page does not list it for the rival either.
    const { loader: eventLoader } = await import("~/routes/events.$slug._index");
    const page = await expectStatus(eventLoader(args(request(`/events/${event.slug}`, { user: rival }), { slug: event.slug })), 200);
    expect((page.data as { entries: unknown[] }).entries).toEqual([]);
    // The team itself sees it.
    await expectStatus(view(creator), 200);

    await setSubmissionDeadline(event.id, new Date(Date.now() - 1000));
    const shown = await expectStatus(view(rival), 200);
    expect(shown.data).toMatchObject({ entry: { id: entry.id, title: "Ticket auto-answer" }, teamName: "Deflectors", feedback: [], editHref: null });
    // Submissions closed: the team no longer gets the way to its form either.
    expect(((await expectStatus(view(creator), 200)).data as { editHref: string | null }).editHref).toBeNull();
  });

  it("never shows a draft entry to other participants, even after the deadline", async () => {
    const { event, teamId, creator } = await setup();
    await expectStatus(save(creator, event.slug, teamId, { intent: "save", version: 1, title: "Half done" }), 302);
    const entry = await entryOf(teamId);
    await setSubmissionDeadline(event.id, new Date(Date.now() - 1000));
    const rival = await createUser();
    const res = await expectStatus(
      entryViewLoader(args(request(`/events/${event.slug}/entries/${entry.id}`, { user: rival }), { slug: event.slug, entryId: entry.id })),
      403,
    );
    expect(res.data).toBe("This entry is still a draft.");
  });
});
