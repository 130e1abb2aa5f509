// The people's choice vote through its routes (ADR 031): the organizers' settings, the entry page's vote, and
// counts that no page shows before results are published.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { notifications } from "#db/schema";
import { db } from "~/db.server";
import { utcToZonedLocal } from "~/lib/zoned-time";
import { changePhase, phaseStepsFor } from "~/modules/events/events.server";
import { action as entryAction, loader as entryLoader } from "~/routes/events.$slug.entries.$entryId._index";
import { loader as galleryLoader } from "~/routes/events.$slug.entries._index";
import { action as settingsAction, loader as settingsLoader } from "~/routes/events.$slug.peoples-choice";
import { loader as resultsLoader } from "~/routes/events.$slug.results";
import {
  args,
  createOpenEvent,
  createUser,
  expectStatus,
  fieldErrors,
  getEvent,
  movePhase,
  request,
  setSubmissionDeadline,
  submittedEntry,
  type TestUser,
} from "~/test/fixtures";

const world = {} as {
  organizer: TestUser;
  alice: TestUser;
  bob: TestUser;
  voter: TestUser;
  slug: string;
  eventId: string;
  alpha: string;
  beta: string;
};

beforeAll(async () => {
  const organizer = await createUser({ role: "organizer" });
  const [alice, bob, voter] = await Promise.all([createUser(), createUser(), createUser()]);
  const { event, problem } = await createOpenEvent(organizer);
  const alpha = await submittedEntry(event, alice.id, problem.id, { title: "Alpha" });
  const beta = await submittedEntry(event, bob.id, problem.id, { title: "Beta" });
  await setSubmissionDeadline(event.id, new Date(Date.now() - 60_000));
  Object.assign(world, { organizer, alice, bob, voter, slug: event.slug, eventId: event.id, alpha: alpha.entryId, beta: beta.entryId });
});

const settings = (user: TestUser, form: Record<string, string>) =>
  settingsAction(args(request(`/events/${world.slug}/peoples-choice`, { user, form }), { slug: world.slug }));
const vote = (user: TestUser, entryId: string, form: Record<string, string> = { intent: "vote" }) =>
  entryAction(args(request(`/events/${world.slug}/entries/${entryId}`, { user, form }), { slug: world.slug, entryId }));
const entryPage = async (user: TestUser, entryId: string) =>
  (await expectStatus(entryLoader(args(request(`/events/${world.slug}/entries/${entryId}`, { user }), { slug: world.slug, entryId })), 200)).data as {
    vote: { box: { kind: string; reason?: string }; myVote: { title: string } | null; sentence: string } | null;
  };
const results = async (user: TestUser) =>
  (await expectStatus(resultsLoader(args(request(`/events/${world.slug}/results`, { user }), { slug: world.slug })), 200)).data as {
    peoplesChoice: { hidden: string | null; tally?: { rows: { title: string; votes: number }[] } } | null;
  };

describe("people's choice through the pages", () => {
  it("organizers turn the vote on with a closing time; a bad time gets a message next to the field", async () => {
    const inAnHour = utcToZonedLocal(new Date(Date.now() + 3_600_000), "UTC");
    await expectStatus(settings(world.alice, { enabled: "on", closesAt: inAnHour }), 403);
    const early = await expectStatus(settings(world.organizer, { enabled: "on", closesAt: "2020-01-01T10:00" }), 400);
    expect(fieldErrors(early)).toEqual({ closesAt: ["The vote opens at the submission deadline: pick a closing time after it"] });
    expect(fieldErrors(await expectStatus(settings(world.organizer, { enabled: "on" }), 400))).toEqual({
      closesAt: ["Enter when the vote closes, as a date and time"],
    });
    expect((await getEvent(world.eventId)).peoplesChoiceEnabled).toBe(false);
    await expectStatus(settings(world.organizer, { enabled: "on", closesAt: inAnHour }), 302);
    const page = await expectStatus(
      settingsLoader(args(request(`/events/${world.slug}/peoples-choice`, { user: world.organizer }), { slug: world.slug })),
      200,
    );
    expect(page.data).toMatchObject({ locked: null, settings: { enabled: true, closesAt: inAnHour } });
  });

  it("a person votes, sees 'Your vote', and moves the vote with one press", async () => {
    expect((await entryPage(world.voter, world.alpha)).vote?.box).toEqual({ kind: "can-vote", changing: false });
    const first = await expectStatus(vote(world.voter, world.alpha), 302);
    expect(first.response?.headers.get("Location")).toBe(`/events/${world.slug}/entries/${world.alpha}`);
    expect((await entryPage(world.voter, world.alpha)).vote).toMatchObject({ box: { kind: "your-vote" }, myVote: { title: "Alpha" } });
    expect((await entryPage(world.voter, world.beta)).vote?.box).toEqual({ kind: "can-vote", changing: true });
    await expectStatus(vote(world.voter, world.beta), 302);
    expect((await entryPage(world.voter, world.beta)).vote?.box).toEqual({ kind: "your-vote" });
    const gallery = await expectStatus(galleryLoader(args(request(`/events/${world.slug}/entries`, { user: world.voter }), { slug: world.slug })), 200);
    expect(gallery.data).toMatchObject({ vote: { state: "open", myVote: { title: "Beta" } } });
  });

  it("refuses a vote for one's own team beside the button, and an unknown action with a 400", async () => {
    expect((await entryPage(world.alice, world.alpha)).vote?.box).toEqual({
      kind: "refused",
      reason: "You cannot vote for your own team's entry.",
      yourVoteHere: false,
    });
    const refused = await expectStatus(vote(world.alice, world.alpha), 403);
    expect(refused.data).toEqual({ voteError: "You cannot vote for your own team's entry." });
    await expectStatus(vote(world.alice, world.beta, { intent: "unvote" }), 400);
    await expectStatus(vote(world.alice, world.beta), 302);
  });

  it("keeps counts from everyone, organizers included, until results are published; then shows them", async () => {
    await movePhase(world.eventId, world.organizer, "judging");
    const preview = await results(world.organizer);
    expect(preview.peoplesChoice).toMatchObject({ hidden: "Vote counts are hidden from everyone, organizers included, until results are published." });
    expect(preview.peoplesChoice).not.toHaveProperty("tally");
    // The vote is still open: publishing asks first, with the votes that count so far, and is refused unconfirmed.
    const judging = await getEvent(world.eventId);
    const [publish] = await phaseStepsFor(judging, new Date());
    expect(publish.confirmation).toMatch(/ The People's choice vote is open until .*: publishing now ends it early, with the 2 votes cast so far\.$/);
    expect(await changePhase(judging, world.organizer.id, { to: "closed", confirmed: false, reason: "" }, new Date())).toMatchObject({ ok: false });
    expect((await getEvent(world.eventId)).phase).toBe("judging");
    await movePhase(world.eventId, world.organizer, "closed");
    const published = await results(world.voter);
    expect(published.peoplesChoice?.tally?.rows.map((r) => [r.title, r.votes])).toEqual([
      ["Beta", 2],
      ["Alpha", 0],
    ]);
    expect(published.peoplesChoice).toMatchObject({ award: { name: "People's choice", entryTitle: "Beta" } });
    // The winning team is told, as for every award, though the award is given in the publishing batch itself.
    const told = await db.select({ title: notifications.title }).from(notifications).where(eq(notifications.userId, world.bob.id));
    expect(told.map((n) => n.title)).toContainEqual(expect.stringMatching(/ won People's choice$/));
    const toldAlice = await db.select({ title: notifications.title }).from(notifications).where(eq(notifications.userId, world.alice.id));
    expect(toldAlice.map((n) => n.title)).not.toContainEqual(expect.stringMatching(/ won /));
    // Closed: the vote and its settings no longer change.
    expect((await expectStatus(vote(world.voter, world.alpha), 403)).data).toEqual({ voteError: "The people's choice vote is closed." });
    // From a page opened before publishing: the reason beside the form, which keeps what was picked.
    const late = await expectStatus(settings(world.organizer, { enabled: "on", closesAt: "2030-01-01T10:00" }), 403);
    expect(late.data).toMatchObject({
      result: {
        initialValue: { enabled: "on", closesAt: "2030-01-01T10:00" },
        error: {
          "": [
            "Results are published: reopen the event for judging (with a reason) to change its people's choice vote. Your changes are still in the form: copy what you need.",
          ],
        },
      },
    });
  });
});
