import { and, asc, eq, sql, type SQLWrapper } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { entries, problems, teams } from "#db/schema";
import { db, preparedQueries, preparedQuery } from "~/db.server";
import { pageWindow } from "~/lib/paging";
import type { EntryVisibility } from "~/modules/auth/permissions";
import { configuredOrigin } from "~/lib/urls.server";
import { notifyStatementsIfChanged } from "~/modules/notifications/notify.server";
import { eventOpenSql, submissionsClosedReason } from "~/modules/events/submissions-open.server";
import { entrySubmittedNotices } from "~/modules/teams/notices.server";
import { conflictMessage, differingFields } from "./conflict";
import { answersFor, listQuestions } from "./questions.server";
import { normalizeTag, normalizeTags, type EntryWithAnswers } from "./schemas";

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

export type SaveResult = { ok: true; version: number } | { ok: false; conflict: true; message: string } | { ok: false; closed: true; message: string };

/**
 * Saves the team's entry if nobody saved since `input.version` was read.
 * The version check is in the UPDATE itself, so two members saving at once cannot overwrite each other.
 * Submitting a draft tells the team (ADR 024): the notices hang on a first UPDATE that changes a row only on
 * the move from draft to submitted at this version, so a later save or a repeated submit tells nobody.
 * Answers to the event's questions (ADR 036) go in the same batch, each written only while the entry is still at
 * this version and only for a question of the entry's own event: a stale save changes no answer either.
 * Every statement also holds that the event still takes entries (eventOpenSql): a save that lands just after an
 * organizer started judging changes nothing, and says why (`closed`).
 */
export async function saveEntry(teamId: string, input: EntryWithAnswers, submit: boolean, now: Date, origin = configuredOrigin()): Promise<SaveResult> {
  const { version, answers = {}, ...fields } = input;
  // A Submit holds that every required question of the event is among those this form answered: one an organizer
  // added between the route's check and this batch would otherwise be submitted unanswered, and then locked (ADR 072).
  const answered = Object.entries(answers).flatMap(([id, value]) => (String(value ?? "").trim() ? [id] : []));
  const requiredAnswered = (eventId: SQLWrapper) =>
    submit
      ? sql`not exists (select 1 from submission_questions rq where rq.event_id = ${eventId} and rq.required = 1${
          answered.length
            ? sql` and rq.id not in (${sql.join(
                answered.map((id) => sql`${id}`),
                sql`, `,
              )})`
            : sql``
        })`
      : sql`1`;
  const atVersion = and(eq(entries.teamId, teamId), eq(entries.version, version), eventOpenSql(entries.eventId), requiredAnswered(entries.eventId));
  const answerWrites = Object.entries(answers).map(([questionId, value]) =>
    db.run(sql`insert into entry_answers (entry_id, question_id, value)
      select e.id, q.id, ${value} from entries e join submission_questions q on q.event_id = e.event_id and q.id = ${questionId}
      where e.team_id = ${teamId} and e.version = ${version} and ${eventOpenSql(sql`e.event_id`)} and ${requiredAnswered(sql`e.event_id`)}
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
    const [saved] = await db.select().from(entries).where(eq(entries.teamId, teamId));
    const closed = saved ? await submissionsClosedReason(saved.eventId, now) : null;
    if (closed) return { ok: false, closed: true, message: closed };
    const unanswered = saved && submit ? await requiredUnanswered(saved.eventId, answered) : [];
    if (unanswered.length)
      return {
        ok: false,
        conflict: true,
        message: `Not submitted, and your changes are not saved: ${unanswered.map((l) => `“${l}”`).join(", ")} must be answered, added as required since you opened this page. Copy what you need, reload, answer it and submit again.`,
      };
    // Where to look: the fields in which the saved entry differs from this form (the teammate's edits and this
    // person's own, since the version they opened is not kept), as the UPDATE stores them ("other" text only with the
    // "other" root cause).
    const typed = {
      ...fields,
      tags: normalizeTags(fields.tags),
      postMortemRootCauseOther: fields.postMortemRootCause === "other" ? fields.postMortemRootCauseOther : "",
    };
    const differing = saved ? differingFields(saved, typed) : [];
    // The same form sent again (a double press whose first press saved it, or Submit pressed twice): what is stored is
    // what was sent, so it is saved, and the form takes the stored version (ADR 072).
    if (saved && !differing.length && (!submit || saved.status === "submitted")) {
      const stored = await answersFor(saved.id);
      if (Object.entries(answers).every(([id, value]) => (stored[id] ?? "").trim() === String(value ?? "").trim())) return { ok: true, version: saved.version };
    }
    return { ok: false, conflict: true, message: conflictMessage(differing) };
  }
  return { ok: true, version: updated[0].version };
}

/** The labels of the event's required questions not among `answered`. */
async function requiredUnanswered(eventId: string, answered: string[]): Promise<string[]> {
  return (await listQuestions(eventId)).filter((q) => q.required && !answered.includes(q.id)).map((q) => q.label);
}

export type GalleryFilters = { problemId?: string | null; outcome?: string | null; tag?: string | null };

/** Which of the gallery's filters apply ("p" problem, "o" outcome, "t" tag), and the values the queries bind. */
function galleryFilterValues(eventId: string, filters: GalleryFilters) {
  const outcome = filters.outcome === "working" || filters.outcome === "partial" || filters.outcome === "failed" ? filters.outcome : null;
  // Tags are stored normalized as "a, b, c"; the filter is read the same way.
  const wanted = normalizeTag(filters.tag ?? "");
  const tag = wanted ? `%, ${wanted.replace(/[\\%_]/g, (c) => "\\" + c)},%` : null;
  return {
    shape: `${filters.problemId ? "p" : ""}${outcome ? "o" : ""}${tag ? "t" : ""}`,
    values: { eventId, problemId: filters.problemId ?? null, outcome, tag },
  };
}

/** The WHERE of an event's submitted entries under the filters a shape names, with placeholders for their values. */
function submittedWhere(shape: string) {
  const conditions = [eq(entries.eventId, sql.placeholder("eventId")), eq(entries.status, "submitted")];
  if (shape.includes("p")) conditions.push(eq(teams.problemId, sql.placeholder("problemId")));
  if (shape.includes("o")) conditions.push(eq(entries.outcome, sql.placeholder("outcome")));
  if (shape.includes("t")) conditions.push(sql`(', ' || ${entries.tags} || ',') like ${sql.placeholder("tag")} escape '\\'`);
  return and(...conditions);
}

const cardColumns = {
  id: entries.id,
  title: entries.title,
  summary: entries.summary,
  outcome: entries.outcome,
  tags: entries.tags,
  teamId: entries.teamId,
  teamName: teams.name,
  problemTitle: problems.title,
};

const allSubmittedOf = preparedQuery(() =>
  db
    .select(cardColumns)
    .from(entries)
    .innerJoin(teams, eq(teams.id, entries.teamId))
    .innerJoin(problems, eq(problems.id, teams.problemId))
    .where(submittedWhere(""))
    .orderBy(asc(entries.title), asc(entries.id))
    .prepare(),
);

/** Every submitted entry of an event, in the gallery's order (the awards page picks winners from them). */
export function listSubmittedEntries(eventId: string) {
  return allSubmittedOf().all({ eventId });
}

/**
 * The gallery's three queries for a shape of filters and visibility ("all", "team": only the person's team, "none"),
 * each built once (ADR 064): the event page and the gallery read them on every visit.
 */
const galleryQueries = preparedQueries((shape: `${string}:${"all" | "team" | "none"}`) => {
  const [filterShape, visibility] = shape.split(":");
  const matching = submittedWhere(filterShape);
  const where = visibility === "all" ? matching : visibility === "team" ? and(matching, eq(entries.teamId, sql.placeholder("teamId"))) : sql`0`;
  return {
    count: db
      .select({ n: sql<number>`count(*)` })
      .from(entries)
      .innerJoin(teams, eq(teams.id, entries.teamId))
      .where(where)
      .prepare(),
    rows: db
      .select(cardColumns)
      .from(entries)
      .innerJoin(teams, eq(teams.id, entries.teamId))
      .innerJoin(problems, eq(problems.id, teams.problemId))
      .where(where)
      .orderBy(asc(entries.title), asc(entries.id))
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"))
      .prepare(),
    // One row of every distinct tag list: handing 300 rows to JavaScript cost 0.8 ms of a gallery request (issue 19).
    tags: db
      .select({ tags: sql<string | null>`group_concat(distinct ${entries.tags})` })
      .from(entries)
      .innerJoin(teams, eq(teams.id, entries.teamId))
      .where(where)
      .prepare(),
  };
});

/**
 * One page of an event's submitted entries that the person may see (entryListVisibility), in the gallery's order
 * (title), counted and cut in SQL: a 300-entry event reads one page of cards, not 300 (ADR 041). With `withTags`,
 * the tags of every visible entry under the filters, for the tag filter. `othersHidden`: other teams' entries are
 * not shown to this person yet (before the deadline), said whether or not any exist: whether some matched the filters
 * would tell what another team submitted (its problem, outcome or tags).
 */
export async function submittedEntriesPage(
  eventId: string,
  filters: GalleryFilters,
  visibility: EntryVisibility,
  requested: string | null,
  size: number,
  opts: { withTags?: boolean } = {},
) {
  const { shape, values } = galleryFilterValues(eventId, filters);
  const teamId = visibility.all ? null : visibility.teamId;
  const seen = galleryQueries(`${shape}:${visibility.all ? "all" : teamId ? "team" : "none"}`);
  const bound = { ...values, teamId };
  const countOf = async (query: typeof seen.count) => {
    const [{ n }] = await query.all(bound);
    return Number(n);
  };
  const total = await countOf(seen.count);
  const span = pageWindow(total, requested, size);
  const [rows, tagRows] = await Promise.all([
    total === 0 ? Promise.resolve([]) : seen.rows.all({ ...bound, limit: size, offset: span.offset }),
    opts.withTags && total > 0 ? seen.tags.all(bound) : Promise.resolve([]),
  ]);
  const { offset: _offset, ...page } = span;
  const tags = [...new Set(tagRows.flatMap((r) => (r.tags ?? "").split(",").map((t) => t.trim())).filter(Boolean))].sort();
  return { rows, page, tags, othersHidden: !visibility.all };
}
