import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { problems, teams, users } from "#db/schema";
import { db, preparedQuery } from "~/db.server";
import type { Confirmation } from "~/lib/confirm";
import { newId } from "~/lib/ids";
import { changedMeanwhileMessage, changedSince, stampOf } from "~/lib/stamp.server";
import { parseForm, refusedKeepingForm } from "~/lib/forms.server";
import { problemKey } from "~/modules/archive/history";
import { canBeAddedToRoster } from "~/modules/auth/permissions";
import { problemAsText } from "./fields";
import { problemSchema, type ProblemInput } from "./schemas";

/** A problem's stored fields; the owner's account is resolved from an email by readProblemForm first. */
export type ProblemFields = Omit<ProblemInput, "ownerName" | "ownerEmail"> & { ownerName?: string; ownerUserId?: string | null };

const nextPosition = (eventId: string) => sql`(select coalesce(max(p.position), -1) + 1 from problems p where p.event_id = ${eventId})`;

export async function addProblem(eventId: string, input: ProblemFields) {
  const [row] = await db
    .insert(problems)
    .values({ id: newId(), eventId, ...input, position: nextPosition(eventId) })
    .returning();
  return row;
}

const NO_SUCH_OWNER = "No account has this email. Leave it blank and give a name instead.";

/**
 * The owner's account by email, or why it cannot be named: no account has it, or it has not confirmed its address
 * (ADR 028; the owner records the follow-ups of the problem's entries). `current`: the problem's owner now, who stays.
 */
async function ownerAccount(email: string, current: string | null): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
  const [user] = await db.select({ id: users.id, name: users.name, verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.email, email));
  if (!user) return { ok: false, message: NO_SUCH_OWNER };
  if (user.id !== current) {
    const confirmed = canBeAddedToRoster({ name: user.name, emailVerified: user.verifiedAt !== null }, "named as the problem's owner");
    if (!confirmed.ok) return { ok: false, message: confirmed.reason };
  }
  return { ok: true, id: user.id };
}

/**
 * A problem form (add and edit) read whole: the schema's checks, then the owner email → the account id (a blank email
 * clears the account). When the schema refuses other fields, a well-formed owner email is looked up all the same, so a
 * form sent without JavaScript names every problem at once rather than the unknown email only after the rest is fixed.
 * `currentOwner`: the edited problem's owner account, kept even if it could not be named today.
 */
export async function readProblemForm(formData: FormData, currentOwner: string | null = null) {
  const submission = parseForm(formData, { schema: problemSchema });
  if (submission.status !== "success") {
    const email = submission.error?.ownerEmail ? undefined : problemSchema.shape.ownerEmail.safeParse(formData.get("ownerEmail") || undefined).data;
    const owner = email === undefined ? null : await ownerAccount(email, currentOwner);
    return { ok: false as const, submission, result: submission.reply(owner && !owner.ok ? { fieldErrors: { ownerEmail: [owner.message] } } : undefined) };
  }
  const { ownerEmail, ...rest } = submission.value;
  const owner = ownerEmail ? await ownerAccount(ownerEmail, currentOwner) : ({ ok: true, id: null } as const);
  if (!owner.ok) return { ok: false as const, submission, result: submission.reply({ fieldErrors: { ownerEmail: [owner.message] } }) };
  return { ok: true as const, submission, fields: { ...rest, ownerUserId: owner.id } satisfies ProblemFields };
}

/**
 * A problem form refused as a whole (judging started while it was being written): the refusal beside the form, which
 * keeps what was typed, and the same as lines to copy for the error page a browser without JavaScript shows once the
 * page, read again, refuses the form too (ADR 060).
 */
export function refusedProblemForm(formData: FormData, reason: string) {
  const submission = parseForm(formData, { schema: problemSchema });
  return { result: submission.reply({ formErrors: [refusedKeepingForm(reason, "Your text is")] }), kept: problemAsText(submission.payload) };
}

/** A fingerprint of what the edit form shows of a stored problem (ADR 060). */
export function problemStamp(p: typeof problems.$inferSelect): string {
  return stampOf([
    p.title,
    p.summary,
    p.whoHasIt,
    p.costToday,
    p.dataAvailable,
    p.constraints,
    p.metricName,
    p.metricUnit,
    p.metricBaseline,
    p.ownerName,
    p.ownerUserId,
  ]);
}

/**
 * Edits a problem of this event (the event id is part of the WHERE). With the edit form's stamp (`check`: the stamp
 * and the problem as the request read it), a save from a page opened before another organizer's save is refused
 * rather than applied over it, unless it would change nothing (the same form sent twice).
 */
export async function updateProblem(
  eventId: string,
  problemId: string,
  input: ProblemFields,
  check?: { stored: typeof problems.$inferSelect; stamp: string | undefined },
): Promise<{ ok: true } | { ok: false; missing: boolean; message: string }> {
  if (check) {
    const stored = problemStamp(check.stored);
    if (changedSince(check.stamp, stored) && problemStamp({ ...check.stored, ...input }) !== stored)
      return { ok: false, missing: false, message: changedMeanwhileMessage("this problem") };
  }
  const updated = await db
    .update(problems)
    .set(input)
    .where(and(eq(problems.eventId, eventId), eq(problems.id, problemId)))
    .returning({ id: problems.id });
  return updated.length > 0 ? { ok: true } : { ok: false, missing: true, message: "This problem no longer exists." };
}

/** Swaps the problem with its neighbour; positions are renumbered 0…n-1 in the same batch. */
export async function moveProblem(eventId: string, problemId: string, direction: "up" | "down"): Promise<boolean> {
  const rows = await db
    .select({ id: problems.id })
    .from(problems)
    .where(eq(problems.eventId, eventId))
    .orderBy(asc(problems.position), asc(problems.createdAt), asc(problems.id));
  const i = rows.findIndex((r) => r.id === problemId);
  if (i < 0) return false;
  const j = direction === "up" ? i - 1 : i + 1;
  if (j < 0 || j >= rows.length) return true; // already first or last: nothing to do
  const order = rows.map((r) => r.id);
  [order[i], order[j]] = [order[j], order[i]];
  const [first, ...rest] = order.map((id, position) =>
    db
      .update(problems)
      .set({ position })
      .where(and(eq(problems.eventId, eventId), eq(problems.id, id))),
  );
  await db.batch([first, ...rest]);
  return true;
}

async function setProblemRetired(eventId: string, problemId: string, retired: boolean): Promise<boolean> {
  const updated = await db
    .update(problems)
    .set({ retiredAt: retired ? new Date() : null })
    .where(and(eq(problems.eventId, eventId), eq(problems.id, problemId)))
    .returning({ id: problems.id });
  return updated.length > 0;
}

/**
 * Retired problems are no longer offered to new teams; teams that picked one keep it. Only once
 * confirmed: without it, the answer is what retiring changes (the title and the teams on it).
 */
export async function retireProblem(
  eventId: string,
  problemId: string,
  confirmation: Confirmation,
): Promise<{ ok: true } | { ok: false; notFound: true } | { ok: false; confirm: { problemId: string; title: string; teamCount: number } }> {
  if (confirmation.confirmed) return (await setProblemRetired(eventId, problemId, true)) ? { ok: true } : { ok: false, notFound: true };
  const [row] = await db
    .select({ title: problems.title, teamCount: sql<number>`(select count(*) from teams t where t.problem_id = problems.id)`.mapWith(Number) })
    .from(problems)
    .where(and(eq(problems.eventId, eventId), eq(problems.id, problemId)));
  return row ? { ok: false, confirm: { problemId, title: row.title, teamCount: row.teamCount } } : { ok: false, notFound: true };
}

/** Offers a retired problem to new teams again. */
export const restoreProblem = (eventId: string, problemId: string) => setProblemRetired(eventId, problemId, false);

/**
 * The problems an event already has, by their titles' words (`problemKey`, as a problem's history matches them): true
 * for a key only retired problems have. A title without letters or digits has no key and matches nothing.
 */
async function problemKeysOf(eventId: string): Promise<Map<string, boolean>> {
  const rows = await db.select({ title: problems.title, retired: problems.retiredAt }).from(problems).where(eq(problems.eventId, eventId));
  const keys = new Map<string, boolean>();
  for (const r of rows) {
    const key = problemKey(r.title);
    if (key) keys.set(key, (keys.get(key) ?? true) && r.retired !== null);
  }
  return keys;
}

/**
 * Copies the chosen problems of one event to the end of another's list: fresh ids, not retired, no teams. A problem
 * the event already has (the same title's words, retired or not) is left out, as is a second one of the same title.
 */
export async function copyProblems(
  fromEventId: string,
  toEventId: string,
  problemIds: string[],
): Promise<{ copied: number; alreadyHere: number; repeated: number }> {
  const [chosen, here] = await Promise.all([
    db
      .select()
      .from(problems)
      .where(and(eq(problems.eventId, fromEventId), inArray(problems.id, problemIds)))
      .orderBy(asc(problems.position)),
    problemKeysOf(toEventId),
  ]);
  let alreadyHere = 0;
  const ticked = new Set<string>();
  const source = chosen.filter((p) => {
    const key = problemKey(p.title);
    if (!key) return true;
    if (here.has(key)) alreadyHere++;
    else if (!ticked.has(key)) {
      ticked.add(key);
      return true;
    }
    return false;
  });
  const repeated = chosen.length - source.length - alreadyHere;
  if (source.length === 0) return { copied: 0, alreadyHere, repeated };
  const [{ start }] = await db
    .select({ start: sql<number>`coalesce(max(${problems.position}), -1) + 1` })
    .from(problems)
    .where(eq(problems.eventId, toEventId));
  await db.insert(problems).values(problemCopies(source, toEventId, Number(start)));
  return { copied: source.length, alreadyHere, repeated };
}

/** Rows that copy problems to another event from position `start` on: fresh ids, not retired, no teams. */
export function problemCopies(source: (typeof problems.$inferSelect)[], toEventId: string, start: number) {
  return source.map(({ id: _id, eventId: _eventId, createdAt: _createdAt, retiredAt: _retiredAt, position: _position, ...fields }, i) => ({
    ...fields,
    id: newId(),
    eventId: toEventId,
    position: start + i,
  }));
}

const problemsOf = preparedQuery(() =>
  db
    .select({
      id: problems.id,
      title: problems.title,
      summary: problems.summary,
      whoHasIt: problems.whoHasIt,
      metricName: problems.metricName,
      retired: sql<boolean>`${problems.retiredAt} is not null`.mapWith(Boolean),
      teamCount: sql<number>`(select count(*) from teams t where t.problem_id = problems.id)`,
    })
    .from(problems)
    .where(eq(problems.eventId, sql.placeholder("eventId")))
    .orderBy(asc(problems.position), asc(problems.createdAt), asc(problems.id))
    .prepare(),
);

/** An event's problems in its order, with how many teams picked each (the event page and gallery read it every time). */
export function listProblems(eventId: string) {
  return problemsOf().all({ eventId });
}

/**
 * The problems of `eventId` to offer for copying into `toEventId`, with how far teams got on each, and whether that
 * event already has it ("active", or "retired" when only a retired one: offering it again beats a copy).
 * `outcomesShown`: whether this person may see every submitted entry of that event (its gallery's rule,
 * entryListVisibility); before then, how many entries of a problem say "working" is another team's secret, so
 * `workingCount` is null.
 */
export async function listProblemsToCopy(eventId: string, toEventId: string, outcomesShown: boolean) {
  const [rows, here] = await Promise.all([listProblemsOf(eventId), problemKeysOf(toEventId)]);
  return rows.map((p) => {
    const retired = here.get(problemKey(p.title));
    return {
      ...p,
      workingCount: outcomesShown ? p.workingCount : null,
      alreadyHere: retired === undefined ? null : retired ? ("retired" as const) : ("active" as const),
    };
  });
}

/** An event's problems with how far teams got on each, in its order (the copy pickers show them). */
export function listProblemsOf(eventId: string) {
  return db
    .select({
      id: problems.id,
      title: problems.title,
      summary: problems.summary,
      teamCount: sql<number>`(select count(*) from teams t where t.problem_id = problems.id)`,
      workingCount: sql<number>`(select count(*) from entries e join teams t on t.id = e.team_id where t.problem_id = problems.id and e.status = 'submitted' and e.outcome = 'working')`,
      retired: sql<boolean>`${problems.retiredAt} is not null`.mapWith(Boolean),
    })
    .from(problems)
    .where(eq(problems.eventId, eventId))
    .orderBy(asc(problems.position));
}

/** A problem of this event only: the event id is part of the lookup. */
export async function getProblem(eventId: string, problemId: string) {
  const [row] = await db
    .select({ problem: problems, ownerAccountName: users.name, ownerAccountEmail: users.email })
    .from(problems)
    .leftJoin(users, eq(users.id, problems.ownerUserId))
    .where(and(eq(problems.eventId, eventId), eq(problems.id, problemId)));
  if (!row) return null;
  return { ...row.problem, ownerAccountName: row.ownerAccountName, ownerAccountEmail: row.ownerAccountEmail };
}

export function teamsOnProblem(problemId: string) {
  return db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.problemId, problemId)).orderBy(asc(teams.name));
}
