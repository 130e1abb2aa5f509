// Custom submission questions (ADR 036): organizers set them until the first submission; answers are saved with the
// draft at its version, required ones block submitting, and they show on the entry page and in the results CSV.
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { entries, entryAnswers, submissionQuestions } from "#db/schema";
import { db } from "~/db.server";
import { saveEntry } from "~/modules/entries/entries.server";
import { listQuestions } from "~/modules/entries/questions.server";
import { newId } from "~/lib/ids";
import { createTeam } from "~/modules/teams/teams.server";
import { loader as entryPageLoader } from "~/routes/events.$slug.entries.$entryId._index";
import { action as manageAction, loader as manageLoader } from "~/routes/events.$slug.manage";
import { loader as resultsCsvLoader } from "~/routes/events.$slug.results[.]csv";
import { action as entryAction } from "~/routes/events.$slug.teams.$teamId.entry";
import { args, createOpenEvent, createUser, entryFields, expectStatus, fieldErrors, request, type TestUser } from "~/test/fixtures";

const NOT_SUBMITTED = "Not submitted, and your changes are not saved: fix “Did you use customer data?” (its message is next to it), then submit again.";

async function world() {
  const organizer = await createUser({ role: "organizer" });
  const member = await createUser();
  const { event, problem } = await createOpenEvent(organizer);
  const team = await createTeam(event, member.id, { name: "Deflectors", problemId: problem.id });
  if (!team.ok) throw new Error(team.message);
  const [entry] = await db.select().from(entries).where(eq(entries.teamId, team.teamId));
  return { organizer, member, event, problem, teamId: team.teamId, entryId: entry.id };
}

const questionsForm = {
  intent: "save-questions",
  "questions[0].label": "Did you use customer data?",
  "questions[0].kind": "yes-no",
  "questions[0].required": "on",
  "questions[1].label": "Track",
  "questions[1].kind": "choice",
  "questions[1].options": "Support\nSales\nLegal",
  "questions[2].label": "Anything else?",
  "questions[2].kind": "long-text",
};

const manage = (slug: string, user: TestUser, form: Record<string, string>) => manageAction(args(request(`/events/${slug}/manage`, { user, form }), { slug }));
const entryPost = (slug: string, teamId: string, user: TestUser, form: Record<string, string | number>) =>
  entryAction(args(request(`/events/${slug}/teams/${teamId}/entry`, { user, form }), { slug, teamId }));

async function withQuestions() {
  const w = await world();
  await expectStatus(manage(w.event.slug, w.organizer, questionsForm), 302);
  const [data, track, other] = await listQuestions(w.event.id);
  return { ...w, data, track, other };
}

async function storedAnswers(entryId: string) {
  const rows = await db.select().from(entryAnswers).where(eq(entryAnswers.entryId, entryId));
  return Object.fromEntries(rows.map((r) => [r.questionId, r.value]));
}

describe("organizers' questions", () => {
  it("saves up to five questions in order, with options for one of a list", async () => {
    const w = await withQuestions();
    expect([w.data, w.track, w.other]).toMatchObject([
      { kind: "yes-no", label: "Did you use customer data?", required: true, options: [] },
      { kind: "choice", label: "Track", required: false, options: ["Support", "Sales", "Legal"] },
      { kind: "long-text", required: false },
    ]);
  });

  it("puts a bad question's message next to its field and keeps the stored ones", async () => {
    const w = await withQuestions();
    const bad = await expectStatus(
      manage(w.event.slug, w.organizer, {
        intent: "save-questions",
        "questions[0].label": "Track",
        "questions[0].kind": "choice",
        "questions[0].options": "Only",
      }),
      400,
    );
    expect(fieldErrors(bad)).toEqual({ "questions[0].options": ["Give 2 to 10 different options, one a line"] });
    expect(await listQuestions(w.event.id)).toHaveLength(3);
  });

  it("refuses team members", async () => {
    const w = await world();
    await expectStatus(manage(w.event.slug, w.member, questionsForm), 403);
    expect(await listQuestions(w.event.id)).toEqual([]);
  });

  it("locks the questions once an entry is submitted, with the reason on the page", async () => {
    const w = await withQuestions();
    await db.update(entries).set({ status: "submitted" }).where(eq(entries.id, w.entryId));
    // A page opened before the lock: refused beside the form, which keeps the organizer's edits.
    const refused = await expectStatus(manage(w.event.slug, w.organizer, { ...questionsForm }), 409);
    const result = (refused.data as { result: { error?: Record<string, string[]>; initialValue?: unknown } }).result;
    expect(result.error?.[""]?.[0]).toBe(
      "The questions are locked: a team has submitted its entry with these answers. Your changes are still in the form: copy what you need.",
    );
    expect(JSON.stringify(result.initialValue)).toContain("Did you use customer data?");
    expect(await listQuestions(w.event.id)).toHaveLength(3);
    const page = await expectStatus(manageLoader(args(request(`/events/${w.event.slug}/manage`, { user: w.organizer }), { slug: w.event.slug })), 200);
    expect((page.data as { questionsLockedReason: string }).questionsLockedReason).toBe(
      "The questions are locked: a team has submitted its entry with these answers.",
    );
  });
});

describe("removing a question", () => {
  /** The stored questions as the editor sends them back, without the ones left out. */
  const keeping = (...kept: { id: string; label: string; kind: string; required: boolean; options: string[] }[]) => ({
    intent: "save-questions",
    ...Object.fromEntries(
      kept.flatMap((q, i) => [
        [`questions[${i}].id`, q.id],
        [`questions[${i}].label`, q.label],
        [`questions[${i}].kind`, q.kind],
        ...(q.required ? [[`questions[${i}].required`, "on"]] : []),
        [`questions[${i}].options`, q.options.join("\n")],
      ]),
    ),
  });

  it("asks first, saying how many teams' draft answers go with it, and only the confirmed save deletes them", async () => {
    const w = await withQuestions();
    // Two teams answer the track, one of them the last question too; a third leaves both empty.
    const others = await Promise.all([createUser(), createUser()]);
    const [second, third] = await Promise.all(others.map((m, i) => createTeam(w.event, m.id, { name: `Team ${i}`, problemId: w.problem.id })));
    if (!second.ok || !third.ok) throw new Error("teams");
    await expectStatus(
      entryPost(w.event.slug, w.teamId, w.member, { intent: "save", version: 1, [`answers.${w.track.id}`]: "Sales", [`answers.${w.other.id}`]: "Yes" }),
      302,
    );
    await expectStatus(entryPost(w.event.slug, second.teamId, others[0], { intent: "save", version: 1, [`answers.${w.track.id}`]: "Legal" }), 302);
    await expectStatus(entryPost(w.event.slug, third.teamId, others[1], { intent: "save", version: 1 }), 302);

    const form = { ...keeping({ ...w.data, label: "Did you use customer data? (any)" }) };
    const asked = await expectStatus(manage(w.event.slug, w.organizer, form), 409);
    expect(asked.data).toEqual({
      intent: "save-questions",
      confirmRemoveQuestions: {
        labels: ["Track", "Anything else?"],
        teamCount: 2,
        fields: {
          "questions[0].id": w.data.id,
          "questions[0].label": "Did you use customer data? (any)",
          "questions[0].kind": "yes-no",
          "questions[0].required": "on",
          removing: `${w.track.id},${w.other.id}`,
        },
      },
    });
    // Nothing changed yet: not the questions, not the edit beside the removal, not the answers.
    expect((await listQuestions(w.event.id)).map((q) => q.label)).toEqual(["Did you use customer data?", "Track", "Anything else?"]);
    expect(await storedAnswers(w.entryId)).toMatchObject({ [w.track.id]: "Sales", [w.other.id]: "Yes" });

    // The confirm step sends the same fields again, confirmed.
    const { fields } = (asked.data as { confirmRemoveQuestions: { fields: Record<string, string> } }).confirmRemoveQuestions;
    await expectStatus(manage(w.event.slug, w.organizer, { intent: "save-questions", ...fields, confirmed: "on" }), 302);
    expect(await listQuestions(w.event.id)).toMatchObject([{ id: w.data.id, label: "Did you use customer data? (any)", required: true }]);
    expect(await storedAnswers(w.entryId)).toEqual({ [w.data.id]: "" });
  });

  it("keeping the question goes back to the editor with the other unsaved edits and the question in its place", async () => {
    const w = await withQuestions();
    const edited = { ...w.other, label: "Anything else we should know?" };
    const asked = await expectStatus(manage(w.event.slug, w.organizer, keeping(w.data, edited)), 409);
    const { fields } = (asked.data as { confirmRemoveQuestions: { fields: Record<string, string> } }).confirmRemoveQuestions;
    // The keep button sends the step's fields with `keep` (and the step's `confirmed`): nothing is saved or removed.
    const kept = await expectStatus(manage(w.event.slug, w.organizer, { intent: "save-questions", ...fields, confirmed: "on", keep: "on" }), 200);
    expect(kept.data).toEqual({
      intent: "save-questions",
      keptQuestions: {
        questions: [
          { id: w.data.id, label: w.data.label, kind: "yes-no", required: true, options: "" },
          { id: w.track.id, label: "Track", kind: "choice", required: false, options: "Support\nSales\nLegal" },
          { id: w.other.id, label: "Anything else we should know?", kind: "long-text", required: false, options: "" },
        ],
        restored: ["Track"],
        // No stamp sent (a form without one is saved as before), none kept.
        stamp: null,
      },
    });
    expect((await listQuestions(w.event.id)).map((q) => q.label)).toEqual(["Did you use customer data?", "Track", "Anything else?"]);
  });

  it("keeping can give back more questions than may be saved, and once a team submitted it only goes back to the page", async () => {
    const w = await withQuestions();
    // Two new questions beside the removal of one: keeping it gives back six, one over the limit, which the page says.
    const form = {
      ...keeping(w.data, w.track),
      "questions[2].label": "Team size?",
      "questions[2].kind": "short-text",
      "questions[3].label": "Which tools?",
      "questions[3].kind": "short-text",
      "questions[4].label": "Demo link?",
      "questions[4].kind": "short-text",
    };
    const asked = await expectStatus(manage(w.event.slug, w.organizer, form), 409);
    const { fields } = (asked.data as { confirmRemoveQuestions: { fields: Record<string, string> } }).confirmRemoveQuestions;
    const kept = await expectStatus(manage(w.event.slug, w.organizer, { intent: "save-questions", ...fields, keep: "on" }), 200);
    expect((kept.data as { keptQuestions: { questions: { label: string }[] } }).keptQuestions.questions.map((q) => q.label)).toEqual([
      "Did you use customer data?",
      "Track",
      "Anything else?",
      "Team size?",
      "Which tools?",
      "Demo link?",
    ]);
    // A team submits while the confirm step is open: keeping changes nothing and goes back to the page, which says why.
    await db.update(entries).set({ status: "submitted" }).where(eq(entries.id, w.entryId));
    const back = await expectStatus(manage(w.event.slug, w.organizer, { intent: "save-questions", ...fields, keep: "on" }), 302);
    expect(back.response!.headers.get("Location")).toBe(`/events/${w.event.slug}/manage#questions`);
    await expectStatus(manage(w.event.slug, w.member, { intent: "save-questions", ...fields, keep: "on" }), 403);
    expect(await listQuestions(w.event.id)).toHaveLength(3);
  });

  it("asks again, naming it, when another organizer added a question after the confirm step was shown", async () => {
    const w = await withQuestions();
    const asked = await expectStatus(manage(w.event.slug, w.organizer, keeping(w.data, w.track)), 409);
    const { fields } = (asked.data as { confirmRemoveQuestions: { fields: Record<string, string> } }).confirmRemoveQuestions;
    // Meanwhile a colleague saves the three questions and a new one.
    const all = keeping(w.data, w.track, w.other);
    await expectStatus(manage(w.event.slug, w.organizer, { ...all, "questions[3].label": "Team size?", "questions[3].kind": "short-text" }), 302);
    // The first organizer's confirmation named one question; saving would now remove two, so it asks again.
    const again = await expectStatus(manage(w.event.slug, w.organizer, { intent: "save-questions", ...fields, confirmed: "on" }), 409);
    expect(again.data).toMatchObject({ confirmRemoveQuestions: { labels: ["Anything else?", "Team size?"] } });
    expect((await listQuestions(w.event.id)).map((q) => q.label)).toEqual(["Did you use customer data?", "Track", "Anything else?", "Team size?"]);
  });

  it("refuses a save from an editor read before another organizer's save, keeping the edits; the stamp goes with the confirm step", async () => {
    const w = await withQuestions();
    const stampNow = async () =>
      (
        (await expectStatus(manageLoader(args(request(`/events/${w.event.slug}/manage`, { user: w.organizer }), { slug: w.event.slug })), 200)).data as {
          questionStamp: string;
        }
      ).questionStamp;
    const read = await stampNow();
    // A colleague makes the first question optional and saves.
    const colleague = keeping(w.data, w.track, w.other);
    delete colleague["questions[0].required"];
    await expectStatus(manage(w.event.slug, w.organizer, { ...colleague, stamp: read }), 302);
    // The page read before that fixes a typo in the second: refused, the edit kept, the colleague's save stands.
    const stale = { ...keeping(w.data, w.track, w.other), "questions[1].label": "Track (pick one)", stamp: read };
    const refused = await expectStatus(manage(w.event.slug, w.organizer, stale), 409);
    expect(fieldErrors(refused)[""]).toEqual([expect.stringMatching(/^The submission questions changed since you opened this page/)]);
    expect((refused.data as { result: { initialValue: Record<string, unknown> } }).result.initialValue).toMatchObject({
      questions: expect.arrayContaining([expect.objectContaining({ label: "Track (pick one)" })]),
    });
    expect((await listQuestions(w.event.id)).map((q) => [q.label, q.required])).toEqual([
      ["Did you use customer data?", false],
      ["Track", false],
      ["Anything else?", false],
    ]);
    // With the page read now, a removal asks first and its confirm step carries the stamp, so it saves.
    const asked = await expectStatus(manage(w.event.slug, w.organizer, { ...keeping(w.data, w.track), stamp: await stampNow() }), 409);
    const { fields } = (asked.data as { confirmRemoveQuestions: { fields: Record<string, string> } }).confirmRemoveQuestions;
    expect(fields.stamp).toBe(await stampNow());
    // "Keep the question" gives the edits back with that stamp, so their save is still checked against the page read.
    const kept = await expectStatus(manage(w.event.slug, w.organizer, { intent: "save-questions", ...fields, keep: "on" }), 200);
    expect((kept.data as { keptQuestions: { stamp: string } }).keptQuestions.stamp).toBe(fields.stamp);
    await expectStatus(manage(w.event.slug, w.organizer, { intent: "save-questions", ...fields, confirmed: "on" }), 302);
    expect(await listQuestions(w.event.id)).toHaveLength(2);
  });

  it("asks also when no team has answered it, and saving every stored question asks nothing", async () => {
    const w = await withQuestions();
    const asked = await expectStatus(manage(w.event.slug, w.organizer, keeping(w.data, w.track)), 409);
    expect(asked.data).toMatchObject({ confirmRemoveQuestions: { labels: ["Anything else?"], teamCount: 0 } });
    expect(await listQuestions(w.event.id)).toHaveLength(3);
    // Reordering and adding remove nothing, so they save at once.
    const reordered = keeping(w.other, w.track, w.data);
    await expectStatus(manage(w.event.slug, w.organizer, { ...reordered, "questions[3].label": "Team size?", "questions[3].kind": "short-text" }), 302);
    expect((await listQuestions(w.event.id)).map((q) => q.label)).toEqual(["Anything else?", "Track", "Did you use customer data?", "Team size?"]);
  });
});

describe("answers on the entry form", () => {
  it("saves answers with the draft, and a stale save changes none of them", async () => {
    const w = await withQuestions();
    await expectStatus(entryPost(w.event.slug, w.teamId, w.member, { intent: "save", version: 1, title: "Mine", [`answers.${w.track.id}`]: "Sales" }), 302);
    expect(await storedAnswers(w.entryId)).toEqual({ [w.data.id]: "", [w.track.id]: "Sales", [w.other.id]: "" });
    await expectStatus(
      entryPost(w.event.slug, w.teamId, w.member, { intent: "autosave", version: 2, [`answers.${w.data.id}`]: "no", [`answers.${w.track.id}`]: "Sales" }),
      200,
    );
    const stale = await expectStatus(entryPost(w.event.slug, w.teamId, w.member, { intent: "save", version: 2, [`answers.${w.track.id}`]: "Legal" }), 409);
    // The conflict is said above the form, which keeps the person's answer.
    expect(fieldErrors(stale)[""]?.[0]).toMatch(/^A teammate saved this entry after you opened it/);
    expect((stale.data as { result: { initialValue: { answers: Record<string, string> } } }).result.initialValue.answers).toEqual({ [w.track.id]: "Legal" });
    expect(await storedAnswers(w.entryId)).toMatchObject({ [w.data.id]: "no", [w.track.id]: "Sales" });
  });

  it("puts a wrong answer's message next to its question and saves nothing", async () => {
    const w = await withQuestions();
    const bad = await expectStatus(
      entryPost(w.event.slug, w.teamId, w.member, { intent: "save", version: 1, title: "Mine", [`answers.${w.track.id}`]: "Marketing" }),
      400,
    );
    expect(fieldErrors(bad)).toEqual({
      "": ["Your changes are not saved: fix “Track” (its message is next to it), then save again."],
      [`answers.${w.track.id}`]: ["Pick one of the listed options"],
    });
    expect(await storedAnswers(w.entryId)).toEqual({});
  });

  it("needs a required answer to submit, then shows the answers on the entry page", async () => {
    const w = await withQuestions();
    const complete = { ...entryFields, title: "Mine", outcome: "working" };
    const refused = await expectStatus(entryPost(w.event.slug, w.teamId, w.member, { intent: "submit", version: 1, ...complete }), 400);
    expect(fieldErrors(refused)).toEqual({ "": [NOT_SUBMITTED], [`answers.${w.data.id}`]: ["Answer this question to submit the entry"] });
    await expectStatus(entryPost(w.event.slug, w.teamId, w.member, { intent: "submit", version: 1, ...complete, [`answers.${w.data.id}`]: "yes" }), 302);
    const page = await expectStatus(
      entryPageLoader(args(request(`/events/${w.event.slug}/entries/${w.entryId}`, { user: w.member }), { slug: w.event.slug, entryId: w.entryId })),
      200,
    );
    expect((page.data as { answers: unknown }).answers).toEqual([{ id: w.data.id, kind: "yes-no", label: "Did you use customer data?", value: "yes" }]);
  });

  it("says so when a required question added since the page loaded stops the submission", async () => {
    const w = await withQuestions();
    const complete = { ...entryFields, title: "Mine", outcome: "working" };
    // The page was loaded before the organizers added "Did you use customer data?" (required): it shows the other two.
    const shown = { shownQuestions: [w.track.id, w.other.id].join(",") };
    const refused = await expectStatus(entryPost(w.event.slug, w.teamId, w.member, { intent: "submit", version: 1, ...complete, ...shown }), 400);
    expect(fieldErrors(refused)[""]).toEqual([
      NOT_SUBMITTED,
      "The organizers added a question since you opened this page (“Did you use customer data?”). Save your draft, then reload the page to answer it.",
    ]);
    // A page that showed it gets the message next to the field only.
    const all = { shownQuestions: [w.data.id, w.track.id, w.other.id].join(",") };
    const beside = await expectStatus(entryPost(w.event.slug, w.teamId, w.member, { intent: "submit", version: 1, ...complete, ...all }), 400);
    expect(fieldErrors(beside)).toEqual({ "": [NOT_SUBMITTED], [`answers.${w.data.id}`]: ["Answer this question to submit the entry"] });
  });

  it("does not submit when a required question was added between the route's check and the save, and writes nothing", async () => {
    const w = await withQuestions();
    const input = { ...entryFields, title: "Raced", outcome: "working" as const, version: 1, answers: { [w.data.id]: "no", [w.track.id]: "Sales" } };
    // The route validated against the three questions; an organizer adds a required one before the batch runs.
    await db.insert(submissionQuestions).values({ id: newId(), eventId: w.event.id, position: 3, kind: "short-text", label: "Budget owner", required: true });
    const refused = await saveEntry(w.teamId, input, true, new Date());
    expect(refused).toMatchObject({
      ok: false,
      conflict: true,
      message: expect.stringMatching(/^Not submitted, and your changes are not saved: “Budget owner” must be answered/),
    });
    expect((await db.select().from(entries).where(eq(entries.id, w.entryId)))[0]).toMatchObject({ status: "draft", version: 1, title: "" });
    expect(await storedAnswers(w.entryId)).toEqual({});
    // Saving a draft is not held by it.
    expect(await saveEntry(w.teamId, input, false, new Date())).toMatchObject({ ok: true });
  });

  it("ignores an answer to another event's question", async () => {
    const w = await withQuestions();
    const elsewhere = await withQuestions();
    await expectStatus(entryPost(w.event.slug, w.teamId, w.member, { intent: "save", version: 1, [`answers.${elsewhere.track.id}`]: "Sales" }), 302);
    expect(await storedAnswers(w.entryId)).not.toHaveProperty(elsewhere.track.id);
  });
});

describe("results CSV", () => {
  it("has a column per question with each entry's answer, formulas neutralised", async () => {
    const w = await withQuestions();
    const complete = { ...entryFields, title: "Mine", outcome: "working" };
    await expectStatus(
      entryPost(w.event.slug, w.teamId, w.member, {
        intent: "submit",
        version: 1,
        ...complete,
        [`answers.${w.data.id}`]: "yes",
        [`answers.${w.other.id}`]: "=1+1",
      }),
      302,
    );
    const res = await expectStatus(resultsCsvLoader(args(request(`/events/${w.event.slug}/results.csv`, { user: w.organizer }), { slug: w.event.slug })), 200);
    const [header, row] = parse(await res.response!.text()) as string[][];
    expect(header.slice(-3)).toEqual(["question: Did you use customer data?", "question: Track", "question: Anything else?"]);
    expect(row.slice(-3)).toEqual(["Yes", "", "'=1+1"]);
  });
});
