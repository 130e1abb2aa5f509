import { and, asc, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { entries, problems, teams } from "#db/schema";
import { db } from "~/db.server";
import { configuredOrigin } from "~/lib/urls.server";
import { notifyStatementsIfChanged } from "~/modules/notifications/notify.server";
import { entrySubmittedNotices } from "~/modules/teams/notices.server";
import { normalizeTags, type EntryWithAnswers } from "./schemas";

export async function getTeamEntry(teamId: string) {
  const [row] = await db.select().from(entries).where(eq(entries.teamId, teamId));
  return row ?? null;
}

/** What the permission policy needs to know about an entry. */
export async function getEntryRef(entryId: string) {
  const [row] = await db
    .select({ id: entries.id, eventId: entries.eventId, teamId: entries.teamId, status: entries.status })
    .from(entries)
    .where(eq(entries.id, entryId));
  return row ?? null;
}

/** An entry with its team and problem, looked up within one event. */
export async function getEntry(eventId: string, entryId: string) {
  const [row] = await db
    .select({
      entry: entries,
      teamName: teams.name,
      problemId: problems.id,
      problemTitle: problems.title,
    })
    .from(entries)
    .innerJoin(teams, eq(teams.id, entries.teamId))
    .innerJoin(problems, eq(problems.id, teams.problemId))
    .where(and(eq(entries.eventId, eventId), eq(entries.id, entryId)));
  return row ?? null;
}

export type SaveResult = { ok: true; version: number } | { ok: false; conflict: true; message: string };

/**
 * Saves the team's entry if nobody saved since `input.version` was read.
 * The version check is in the UPDATE itself, so two members saving at once cannot overwrite each other.
 * Submitting a draft tells the team (ADR 024): the notices hang on a first UPDATE that changes a row only on
 * the move from draft to submitted at this version, so a later save or a repeated submit tells nobody.
 * Answers to the event's questions (ADR 036) go in the same batch, each written only while the entry is still at
 * this version and only for a question of the entry's own event: a stale save changes no answer either.
 */
export async function saveEntry(teamId: string, input: EntryWithAnswers, submit: boolean, now: Date, origin = configuredOrigin()): Promise<SaveResult> {
  const { version, answers = {}, ...fields } = input;
  const atVersion = and(eq(entries.teamId, teamId), eq(entries.version, version));
  const answerWrites = Object.entries(answers).map(([questionId, value]) =>
    db.run(sql`insert into entry_answers (entry_id, question_id, value)
      select e.id, q.id, ${value} from entries e join submission_questions q on q.event_id = e.event_id and q.id = ${questionId}
      where e.team_id = ${teamId} and e.version = ${version}
      on conflict (entry_id, question_id) do update set value = excluded.value`),
  );
  const told = submit
    ? [
        db
          .update(entries)
          .set({ status: "submitted", submittedAt: now })
          .where(and(atVersion, eq(entries.status, "draft"))),
        ...(await notifyStatementsIfChanged(await entrySubmittedNotices(teamId, fields.title, origin), origin)),
      ]
    : [];
  const save = db
    .update(entries)
    .set({
      ...fields,
      outcome: fields.outcome ?? null,
      postMortemRootCause: fields.postMortemRootCause ?? null,
      postMortemRootCauseOther: fields.postMortemRootCause === "other" ? fields.postMortemRootCauseOther : "",
      tags: normalizeTags(fields.tags),
      version: version + 1,
      updatedAt: now,
      ...(submit ? { status: "submitted" as const, submittedAt: now } : {}),
    })
    .where(atVersion)
    .returning({ version: entries.version });
  const results = (await db.batch([...answerWrites, ...told, save] as unknown as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]])) as unknown[];
  const updated = results[results.length - 1] as { version: number }[];
  if (updated.length === 0) {
    return {
      ok: false,
      conflict: true,
      message:
        "A teammate saved this entry after you opened it. Your text is still in the form: copy what you need, reload to see their version, and save again.",
    };
  }
  return { ok: true, version: updated[0].version };
}

export type GalleryFilters = { problemId?: string | null; outcome?: string | null; tag?: string | null };

/** Submitted entries of an event, for galleries and judging, optionally filtered. */
export function listSubmittedEntries(eventId: string, filters: GalleryFilters = {}) {
  const conditions = [eq(entries.eventId, eventId), eq(entries.status, "submitted")];
  if (filters.problemId) conditions.push(eq(teams.problemId, filters.problemId));
  if (filters.outcome === "working" || filters.outcome === "partial" || filters.outcome === "failed") conditions.push(eq(entries.outcome, filters.outcome));
  // Tags are stored normalized as "a, b, c".
  if (filters.tag) {
    const tag = filters.tag
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => "\\" + c);
    conditions.push(sql`(', ' || ${entries.tags} || ',') like ${`%, ${tag},%`} escape '\\'`);
  }
  return db
    .select({
      id: entries.id,
      title: entries.title,
      summary: entries.summary,
      outcome: entries.outcome,
      tags: entries.tags,
      teamId: entries.teamId,
      teamName: teams.name,
      problemTitle: problems.title,
    })
    .from(entries)
    .innerJoin(teams, eq(teams.id, entries.teamId))
    .innerJoin(problems, eq(problems.id, teams.problemId))
    .where(and(...conditions))
    .orderBy(asc(entries.title));
}
