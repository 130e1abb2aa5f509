// What the pages show of the people's choice vote (ADR 031): the entry page's vote box, the gallery's line, the
// results' tally, the organizers' settings. Counts leave the database only through `canSeeVoteCounts`.
import { canSeeVoteCounts, canVote, type Actor, type EntryRef, type EventAccess } from "~/modules/auth/permissions";
import type { EventRow } from "~/modules/events/events.server";
import { listAwards } from "~/modules/judging/awards.server";
import { PEOPLES_CHOICE } from "~/modules/judging/awards";
import { utcToZonedLocal } from "~/lib/zoned-time";
import { tallyVotes, voteBoxState, voteToast, voteWindow, windowSentence, withdrawToast } from "./rules";
import { castVote, myVote, voteCounts, voteSettingsOf, withdrawVote } from "./votes.server";

type VoteEvent = Pick<EventRow, "id" | "phase" | "submissionDeadline" | "timezone" | "peoplesChoiceEnabled" | "peoplesChoiceClosesAt" | "peoplesChoiceShownAt">;

const windowOf = (event: VoteEvent, now: Date) => voteWindow(voteSettingsOf(event), event, now);

/** The entry page's vote box: null when the event holds no vote. */
export async function entryVoteBox(event: VoteEvent, actor: Actor, access: EventAccess, entry: EntryRef & { id: string }, now: Date) {
  const window = windowOf(event, now);
  if (window.state === "off") return null;
  const mine = await myVote(event.id, actor.id);
  return {
    sentence: windowSentence(window, event.timezone, now),
    myVote: mine,
    box: voteBoxState(window, canVote(actor, access, entry, window), mine?.entryId ?? null, entry.id),
  };
}

/** The gallery's line about the vote and which entry has the person's vote: null when the event holds no vote. */
export async function galleryVoteLine(event: VoteEvent, actor: Actor, now: Date) {
  const window = windowOf(event, now);
  if (window.state === "off") return null;
  return { state: window.state, sentence: windowSentence(window, event.timezone, now), myVote: await myVote(event.id, actor.id) };
}

type VoteOutcome = { ok: true; message: string } | { ok: false; status: 403 | 404 | 409; message: string };

/** A vote from the entry page: the policy first (its reason shown beside the button), then the guarded upsert. */
export async function voteFor(
  event: VoteEvent,
  actor: Actor,
  access: EventAccess,
  entry: EntryRef & { id: string; title: string },
  now: Date,
): Promise<VoteOutcome> {
  const allowed = canVote(actor, access, entry, windowOf(event, now));
  if (!allowed.ok) return { ok: false, status: allowed.status, message: allowed.reason };
  const cast = await castVote(event.id, actor, entry.id, now);
  if (!cast.ok) return { ok: false, status: 409, message: cast.reason };
  return { ok: true, message: voteToast(entry.title, entry.id, cast.previous) };
}

/** Withdrawing one's vote from the entry page it is for: only while the vote is open; nothing to withdraw is said. */
export async function withdrawVoteFrom(event: VoteEvent, actor: Actor, entry: { id: string }, now: Date): Promise<VoteOutcome> {
  const window = windowOf(event, now);
  if (window.state !== "open")
    return { ok: false, status: 409, message: "The people's choice vote is not open, so votes cannot be withdrawn now: yours stays as cast." };
  const withdrawn = await withdrawVote(event.id, actor.id, entry.id, now);
  if (!withdrawn) {
    const mine = await myVote(event.id, actor.id);
    return {
      ok: false,
      status: 409,
      message: mine
        ? `Your vote is for “${mine.title || "Untitled entry"}” now, not this entry: nothing was withdrawn.`
        : "You have no vote to withdraw in this event.",
    };
  }
  return { ok: true, message: withdrawToast(withdrawn.title) };
}

/**
 * The results page's people's choice section: the tally and the award once results are published, or after a reopen
 * while the vote stays as publishing left it (only organizers see results then); otherwise only that counts are
 * hidden (organizers preview results while judging). Null when the event holds no vote.
 */
export async function resultsVoteSection(event: VoteEvent, actor: Actor, access: EventAccess, now: Date) {
  const window = windowOf(event, now);
  if (window.state === "off") return null;
  const counts = canSeeVoteCounts(actor, access, countsShownBefore(event, now));
  if (!counts.ok) return { hidden: counts.reason, sentence: windowSentence(window, event.timezone, now) };
  const [tally, awards] = await Promise.all([voteCounts(event.id).then(tallyVotes), listAwards(event.id)]);
  const award = awards.find((a) => a.kind === PEOPLES_CHOICE) ?? null;
  const titleOf = new Map(tally.rows.map((r) => [r.entryId, r.title]));
  return {
    hidden: null,
    tally,
    tied: tally.tiedIds.map((id) => titleOf.get(id) ?? ""),
    award: award ? { name: award.name, entryId: award.entryId, entryTitle: award.entryTitle } : null,
  };
}

/**
 * Whether an event reopened after publishing still shows the vote's counts to its organizers: publishing showed them,
 * and the vote is still closed as that publishing left it (changing the vote's settings hides them until the next
 * publishing, `saveVoteSettings`).
 */
export function countsShownBefore(event: VoteEvent, now: Date): boolean {
  return event.phase !== "closed" && event.peoplesChoiceShownAt !== null && windowOf(event, now).state === "closed";
}

/** The organizers' settings form's values and where the vote stands. */
export function settingsView(event: VoteEvent, now: Date) {
  return {
    enabled: event.peoplesChoiceEnabled,
    closesAt: event.peoplesChoiceClosesAt ? utcToZonedLocal(event.peoplesChoiceClosesAt, event.timezone) : "",
    sentence: windowSentence(windowOf(event, now), event.timezone, now),
  };
}
