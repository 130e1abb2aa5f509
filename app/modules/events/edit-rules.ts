// What an edit of an event's details may not do to what is already under way: close submissions without a word, put a
// published event's dates in the future, end a People's choice vote before it opens, or leave teams over the size
// limit. Pure: the caller reads the facts (largest team, the vote's close) and gives the new times in UTC.
import type { EventPhase } from "#db/schema";
import { formatInZone } from "~/lib/time";

type Times = { startsAt: Date; submissionDeadline: Date; judgingDeadline: Date };
export type EditedEvent = Times & { phase: EventPhase; timezone: string; peoplesChoiceEnabled: boolean; peoplesChoiceClosesAt: Date | null };
export type EditFacts = { largestTeam: { name: string; members: number } | null };
export type EditRefusal = { field: "startsAt" | "submissionDeadline" | "judgingDeadline" | "maxTeamSize"; message: string };

const changed = (a: Date, b: Date) => a.getTime() !== b.getTime();

/** A submission deadline at or after a People's choice vote's close would end the vote before it opens (ADR 031). */
export const voteClosesFirstMessage = (closesAt: Date, timezone: string) =>
  `The People's choice vote opens at the submission deadline and closes ${formatInZone(closesAt, timezone)}: pick an earlier deadline, or move the vote's close first`;

export function checkEventEdit(before: EditedEvent, after: Times & { timezone: string; maxTeamSize: number }, facts: EditFacts, now: Date): EditRefusal | null {
  if (
    before.phase === "open" &&
    changed(before.submissionDeadline, after.submissionDeadline) &&
    after.submissionDeadline <= now &&
    before.submissionDeadline > now
  )
    return {
      field: "submissionDeadline",
      message: "That time has passed: saving it would close submissions now, without telling the teams. To close them, start judging on the Manage page",
    };
  if (before.phase === "closed") {
    for (const field of ["startsAt", "submissionDeadline", "judgingDeadline"] as const)
      if (changed(before[field], after[field]) && after[field] > now)
        return { field, message: "Results are published, so the event has happened: its dates cannot be in the future" };
  }
  if (
    before.phase !== "closed" &&
    before.peoplesChoiceEnabled &&
    before.peoplesChoiceClosesAt &&
    changed(before.submissionDeadline, after.submissionDeadline) &&
    after.submissionDeadline >= before.peoplesChoiceClosesAt
  )
    return {
      field: "submissionDeadline",
      message: voteClosesFirstMessage(before.peoplesChoiceClosesAt, after.timezone),
    };
  if (facts.largestTeam && after.maxTeamSize < facts.largestTeam.members)
    return {
      field: "maxTeamSize",
      message: `${facts.largestTeam.name} has ${facts.largestTeam.members} members: the maximum cannot be below ${facts.largestTeam.members}`,
    };
  return null;
}
