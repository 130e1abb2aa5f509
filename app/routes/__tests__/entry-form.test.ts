import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { entries, entryAnswers, events, submissionQuestions } from "#db/schema";
import { db } from "~/db.server";
import { newId } from "~/lib/ids";
import { autosaveEntry } from "~/modules/entries/autosave.server";
import { saveEntry } from "~/modules/entries/entries.server";
import { addProblem } from "~/modules/problems/problems.server";
import { createTeam, joinTeam, removeMember } from "~/modules/teams/teams.server";
import { action as entryAction, loader as entryLoader } from "~/routes/events.$slug.teams.$teamId.entry";
import { loader as newTeamLoader } from "~/routes/events.$slug.teams.new";
import {
  args,
  createOpenEvent,
  createUser,
  entryFields,
  expectStatus,
  movePhase,
  problemInput,
  request,
  setSubmissionDeadline,
  fieldErrors,
  toastOf,
  type TestUser,
} from "~/test/fixtures";

async function entryOf(teamId: string) {
  const [row] = await db.select().from(entries).where(eq(entries.teamId, teamId));
  return row;
}

async function setup() {
  const organizer = await createUser({ role: "organizer" });
  const creator = await createUser();
  const { event, problem } = await createOpenEvent(organizer);
  const created = await createTeam(event, creator.id, { name: "Deflectors", problemId: problem.id });
  if (!created.ok) throw new Error(created.message);
  return { organizer, creator, event, problem, teamId: created.teamId };
}

const complete = {
  title: "Ticket auto-answer",
  summary: "Tried to answer tier-1 tickets from past resolutions.",
  outcome: "failed",
  approach: "RAG over two years of tickets.",
  metricName: "Deflection rate",
  metricBaseline: "0",
  postMortemWorked: "Retrieval found similar tickets.",
  postMortemDidNotWork: "Answers missed customer-specific context.",
  postMortemRootCause: "data-missing-context",
  postMortemDifferently: "Pull account data into the context first.",
  postMortemNextSteps: "Pilot with account context.",
};

const path = (slug: string, teamId: string) => `/events/${slug}/teams/${teamId}/entry`;
const post = (user: TestUser, slug: string, teamId: string, form: Record<string, string | number>) =>
  entryAction(args(request(path(slug, teamId), { user, form }), { slug, teamId }));

type Autosave = { autosave: { ok: boolean; version?: number; savedAt?: string; reason?: string; message?: string } };

describe("entry form autosave", () => {
  it("saves the draft and answers with the new version, never submitting, even when the form names every field", async () => {
    const { event, teamId, creator } = await setup();
    const res = await expectStatus(post(creator, event.slug, teamId, { intent: "autosave", version: 1, ...complete }), 200);
    expect((res.data as Autosave).autosave).toMatchObject({ ok: true, version: 2 });
    expect(await entryOf(teamId)).toMatchObject({ title: "Ticket auto-answer", status: "draft", version: 2, submittedAt: null });
  });

  it("says when the draft was saved in the event's zone, as the page's other times are, not the browser's", async () => {
    const { event, teamId, creator } = await setup();
    await db.update(events).set({ timezone: "Asia/Kolkata" }).where(eq(events.id, event.id));
    const res = await expectStatus(post(creator, event.slug, teamId, { intent: "autosave", version: 1, title: "Zoned" }), 200);
    const savedAt = (res.data as Autosave).autosave.savedAt ?? "";
    expect(savedAt).toMatch(/^\d\d:\d\d GMT\+5:30$/);
    const inKolkata = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Kolkata", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    const [before, after] = [new Date(Date.now() - 60_000), new Date(Date.now() + 60_000)].map((d) => inKolkata.format(d));
    expect([before, inKolkata.format(new Date()), after]).toContain(savedAt.slice(0, 5));
  });

  it("never overwrites a teammate's save: a stale version is a conflict and the row stays", async () => {
    const { event, teamId, creator } = await setup();
    await expectStatus(post(creator, event.slug, teamId, { intent: "autosave", version: 1, title: "Theirs" }), 200);
    const before = await entryOf(teamId);
    const stale = await expectStatus(post(creator, event.slug, teamId, { intent: "autosave", version: 1, title: "Mine" }), 409);
    expect((stale.data as Autosave).autosave).toMatchObject({ ok: false, reason: "conflict" });
    expect((stale.data as Autosave).autosave.message).toMatch(
      /^A teammate saved this entry after you opened it\. The saved entry differs from your form in: Title\. /,
    );
    expect(await entryOf(teamId)).toEqual(before);
  });

  it("names the field it could not save and writes nothing", async () => {
    const { event, teamId, creator } = await setup();
    const bad = await expectStatus(post(creator, event.slug, teamId, { intent: "autosave", version: 1, title: "Kept?", demoUrl: "not a link" }), 400);
    expect((bad.data as Autosave).autosave).toEqual({
      ok: false,
      reason: "invalid",
      message: "Demo link: Enter a full link starting with https:// or http://",
    });
    expect(await entryOf(teamId)).toMatchObject({ title: "", version: 1 });
  });

  it("keeps a submitted entry complete: half-typed edits are not autosaved over it", async () => {
    const { event, teamId, creator } = await setup();
    await expectStatus(post(creator, event.slug, teamId, { intent: "submit", version: 1, ...complete }), 302);
    const submitted = await entryOf(teamId);
    const half = await expectStatus(post(creator, event.slug, teamId, { intent: "autosave", version: 2, ...complete, title: "" }), 400);
    expect((half.data as Autosave).autosave.message).toMatch(
      /^Title: Give the entry a title \(a submitted entry is saved automatically only while it stays complete\)/,
    );
    expect(await entryOf(teamId)).toEqual(submitted);
    await expectStatus(post(creator, event.slug, teamId, { intent: "autosave", version: 2, ...complete, title: "Better title" }), 200);
    expect(await entryOf(teamId)).toMatchObject({ title: "Better title", status: "submitted", version: 3 });
  });

  it("answers a closed entry with the reason as data (the page keeps its text), and writes nothing", async () => {
    const { event, teamId, creator, organizer } = await setup();
    await setSubmissionDeadline(event.id, new Date(Date.now() - 60_000));
    const late = await expectStatus(post(creator, event.slug, teamId, { intent: "autosave", version: 1, title: "Too late" }), 403);
    expect(late.thrown).toBe(false);
    expect((late.data as Autosave).autosave).toMatchObject({ ok: false, reason: "closed" });
    expect((late.data as Autosave).autosave.message).toMatch(/^Submissions are closed: the submission deadline has passed\./);
    // Save draft and Submit are refused the same way: as data beside the form, which keeps the text.
    for (const intent of ["save", "submit"]) {
      const pressed = await expectStatus(post(creator, event.slug, teamId, { intent, version: 1, ...complete, title: "Too late" }), 403);
      expect(pressed.thrown).toBe(false);
      const result = (pressed.data as { result: { error?: Record<string, string[]> } }).result;
      expect(result.error?.[""]?.[0]).toMatch(/^Submissions are closed: the submission deadline has passed\..* Your text is still in the form/);
    }
    // So are the screenshot buttons: the reason goes next to them.
    const shot = await expectStatus(post(creator, event.slug, teamId, { intent: "delete-screenshot", screenshotId: "none" }), 403);
    expect(shot.thrown).toBe(false);
    expect((shot.data as { screenshotError: string }).screenshotError).toMatch(/^Submissions are closed: the submission deadline has passed\./);
    // Anyone outside the team is refused too.
    const outsider = await expectStatus(post(organizer, event.slug, teamId, { intent: "autosave", version: 1, title: "Organizer" }), 403);
    expect((outsider.data as Autosave).autosave.message).toMatch(/^Only the team's members can edit its entry\./);
    expect(await entryOf(teamId)).toMatchObject({ title: "", version: 1 });
    await movePhase(event.id, organizer, "judging");
    const judging = await expectStatus(post(creator, event.slug, teamId, { intent: "autosave", version: 1, title: "Sneaky" }), 403);
    expect((judging.data as Autosave).autosave.message).toMatch(/the event has moved to judging/);
    expect(await entryOf(teamId)).toMatchObject({ title: "", version: 1 });
  });
});

describe("the same form sent twice", () => {
  it("is not taken as submitted when only saved: a stale Submit of the same text as a stored draft is refused", async () => {
    const { event, teamId, creator } = await setup();
    await expectStatus(post(creator, event.slug, teamId, { intent: "save", version: 1, ...complete }), 302);
    await expectStatus(post(creator, event.slug, teamId, { intent: "submit", version: 1, ...complete }), 409);
    expect(await entryOf(teamId)).toMatchObject({ status: "draft", version: 2 });
  });

  it("keeps “other” text out of the comparison when another root cause is picked, as the save stores it", async () => {
    const { event, teamId, creator } = await setup();
    const withOther = { ...complete, postMortemRootCauseOther: "Left over from trying other" };
    await expectStatus(post(creator, event.slug, teamId, { intent: "save", version: 1, ...withOther }), 302);
    await expectStatus(post(creator, event.slug, teamId, { intent: "save", version: 1, ...withOther }), 302);
  });

  it("is saved both times (a double press of Save draft or Submit), while a stale form that differs is refused", async () => {
    const { event, teamId, creator } = await setup();
    for (const intent of ["save", "submit"]) {
      const version = (await entryOf(teamId)).version;
      const first = await expectStatus(post(creator, event.slug, teamId, { intent, version, ...complete }), 302);
      const second = await expectStatus(post(creator, event.slug, teamId, { intent, version, ...complete }), 302);
      // The same words ("Draft saved 14:02."): the time is left out, as the two may straddle a minute.
      const words = async (r: typeof first) => (await toastOf(r))?.message.replace(/\d{1,2}:\d\d.*$/, "");
      expect(await words(second)).toBe(await words(first));
    }
    expect(await entryOf(teamId)).toMatchObject({ status: "submitted", title: complete.title });
    // A stale form that differs (its title) is a teammate's save it has not seen: refused.
    const stale = await expectStatus(post(creator, event.slug, teamId, { intent: "save", version: 1, ...complete, title: "Changed since" }), 409);
    expect(fieldErrors(stale)[""]?.[0]).toMatch(/^A teammate saved this entry after you opened it\. The saved entry differs from your form in: Title/);
    // The same fields with another answer to a question differ too.
    const questionId = newId();
    await db.insert(submissionQuestions).values({ id: questionId, eventId: event.id, position: 0, kind: "short-text", label: "Track" });
    const version = (await entryOf(teamId)).version;
    await expectStatus(post(creator, event.slug, teamId, { intent: "save", version, ...complete, [`answers.${questionId}`]: "Sales" }), 302);
    await expectStatus(post(creator, event.slug, teamId, { intent: "save", version, ...complete, [`answers.${questionId}`]: "Support" }), 409);
  });
});

describe("a save that lands just after an organizer started judging", () => {
  it("changes neither the entry nor its answers, and says why, though the route's check had passed", async () => {
    const { event, teamId } = await setup();
    const questionId = newId();
    await db.insert(submissionQuestions).values({ id: questionId, eventId: event.id, position: 0, kind: "short-text", label: "Track" });
    // The route read the event while it was open; the phase moves before the save's statements run.
    await db.update(events).set({ phase: "judging" }).where(eq(events.id, event.id));
    const input = { ...entryFields, title: "Too late", outcome: "working" as const, version: 1, answers: { [questionId]: "Sales" } };
    for (const submit of [false, true])
      expect(await saveEntry(teamId, input, submit, new Date())).toEqual({
        ok: false,
        closed: true,
        message: "Submissions are closed: the event has moved to judging.",
      });
    const form = new FormData();
    for (const [k, v] of Object.entries({ title: "Typed", version: "1" })) form.set(k, v);
    expect(await autosaveEntry({ id: teamId }, { status: "draft" }, { ok: true }, form, new Date(), event.timezone)).toMatchObject({
      ok: false,
      reason: "closed",
      message: expect.stringMatching(/^Submissions are closed: the event has moved to judging\..* Your text is still in the form/),
    });
    expect(await entryOf(teamId)).toMatchObject({ title: "", version: 1, status: "draft" });
    expect(await db.select().from(entryAnswers)).not.toContainEqual(expect.objectContaining({ questionId }));
  });
});

describe("the entry form of someone no longer in the team", () => {
  it("hears its saves refused as data, so the page keeps the text, and writes nothing", async () => {
    const { event, teamId, creator } = await setup();
    const member = await createUser();
    expect((await joinTeam({ id: teamId, eventId: event.id }, member.id, event.maxTeamSize)).ok).toBe(true);
    const team = { id: teamId, leadId: creator.id };
    expect((await removeMember(team, member.id, { confirmed: true, typedName: "" })).ok).toBe(true);
    const autosave = await expectStatus(post(member, event.slug, teamId, { intent: "autosave", version: 1, title: "Typed before" }), 403);
    expect(autosave.thrown).toBe(false);
    expect((autosave.data as Autosave).autosave).toMatchObject({ ok: false, reason: "closed" });
    expect((autosave.data as Autosave).autosave.message).toMatch(/^Only the team's members can edit its entry\..* Your text is still in the form/);
    for (const intent of ["save", "submit"]) {
      const pressed = await expectStatus(post(member, event.slug, teamId, { intent, version: 1, ...complete }), 403);
      expect(pressed.thrown).toBe(false);
      const result = (pressed.data as { result: { error?: Record<string, string[]> } }).result;
      expect(result.error?.[""]?.[0]).toMatch(/^Only the team's members can edit its entry\..* Your text is still in the form/);
    }
    expect(await entryOf(teamId)).toMatchObject({ title: "", version: 1, status: "draft" });
  });

  it("is refused with an error page for anything else, and any body but the form's before it is read", async () => {
    const { event, teamId } = await setup();
    const stranger = await createUser();
    const shot = await expectStatus(post(stranger, event.slug, teamId, { intent: "delete-screenshot", screenshotId: "none" }), 403);
    expect(shot.thrown).toBe(true);
    const unknown = await expectStatus(post(stranger, event.slug, teamId, { intent: "rename" }), 403);
    expect(unknown.thrown).toBe(true);
    const upload = new Request(`http://localhost${path(event.slug, teamId)}`, {
      method: "POST",
      headers: { Cookie: stranger.cookie, "Content-Type": "Multipart/Form-Data; boundary=unread" },
      body: "never read",
    });
    const refused = await expectStatus(entryAction(args(upload, { slug: event.slug, teamId })), 403);
    expect(refused.thrown).toBe(true);
    // Nor any other kind of body: refused before it is read, never a failed parse.
    const plain = new Request(`http://localhost${path(event.slug, teamId)}`, {
      method: "POST",
      headers: { Cookie: stranger.cookie, "Content-Type": "text/plain" },
      body: "intent=save",
    });
    expect((await expectStatus(entryAction(args(plain, { slug: event.slug, teamId })), 403)).thrown).toBe(true);
  });
});

describe("entry form defaults", () => {
  it("fills the AI metric from the team's problem until the entry has its own", async () => {
    const { event, teamId, creator } = await setup();
    const load = async () =>
      (await expectStatus(entryLoader(args(request(`/events/${event.slug}/teams/${teamId}/entry`, { user: creator }), { slug: event.slug, teamId })), 200))
        .data as { entry: { metricName: string; metricUnit: string; metricBaseline: string }; metricNote: string | null };
    expect(await load()).toMatchObject({
      entry: { metricName: "Deflection rate", metricUnit: "%", metricBaseline: "0" },
      metricNote: expect.stringMatching(/^Filled in from your problem’s suggested metric\./),
    });
    // Nothing is stored until the team saves.
    expect(await entryOf(teamId)).toMatchObject({ metricName: "", metricUnit: "" });
    await expectStatus(
      entryAction(
        args(request(`/events/${event.slug}/teams/${teamId}/entry`, { user: creator, form: { intent: "save", version: 1, metricName: "Tickets closed" } }), {
          slug: event.slug,
          teamId,
        }),
      ),
      302,
    );
    expect(await load()).toMatchObject({ entry: { metricName: "Tickets closed", metricUnit: "", metricBaseline: "" }, metricNote: null });
  });
});

describe("create-team page", () => {
  it("shows past attempts once a problem of this event is chosen, and ignores any other problem", async () => {
    const organizer = await createUser({ role: "organizer" });
    const person = await createUser();
    const { event, problem } = await createOpenEvent(organizer);
    const { event: other } = await createOpenEvent(organizer);
    const foreign = await addProblem(other.id, { ...problemInput, title: "Someone else's problem" });
    const load = async (search: string) =>
      (await expectStatus(newTeamLoader(args(request(`/events/${event.slug}/teams/new${search}`, { user: person }), { slug: event.slug })), 200)).data as {
        chosen: { id: string; title: string } | null;
        related: unknown[];
        teamName: string;
      };
    expect(await load("")).toMatchObject({ chosen: null, related: [], teamName: "" });
    expect(await load(`?problem=${problem.id}`)).toMatchObject({ chosen: { id: problem.id, title: problemInput.title } });
    expect(await load(`?name=Deflectors&problemId=${problem.id}`)).toMatchObject({ chosen: { id: problem.id }, teamName: "Deflectors" });
    expect(await load(`?problem=${foreign.id}`)).toMatchObject({ chosen: null, related: [] });
  });
});
