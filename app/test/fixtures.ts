// Helpers for integration tests: real accounts, sessions, events and requests against the test database.
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { entries, events, type GlobalRole } from "#db/schema";
import { db } from "~/db.server";
import { readToast } from "~/lib/toast.server";
import { utcToZonedLocal } from "~/lib/zoned-time";
import { createAccount } from "~/modules/auth/accounts.server";
import { saveEntry } from "~/modules/entries/entries.server";
import { startSession } from "~/modules/auth/session.server";
import { changePhase, createEvent, loadEventAccess, type EventRow } from "~/modules/events/events.server";
import { addProblem } from "~/modules/problems/problems.server";
import { createTeam } from "~/modules/teams/teams.server";

export const PASSWORD = "correct horse battery staple";

export type TestUser = { id: string; email: string; name: string; role: GlobalRole; cookie: string };

let counter = 0;
const unique = () => `${Date.now().toString(36)}-${++counter}`;

/** A real account with a signed-in session; `cookie` is ready for a Cookie header. */
export async function createUser(opts: { role?: GlobalRole; name?: string; email?: string } = {}): Promise<TestUser> {
  const role = opts.role ?? "member";
  const email = opts.email ?? `${role}-${unique()}@example.com`;
  const name = opts.name ?? `${role[0].toUpperCase()}${role.slice(1)} ${counter}`;
  const created = await createAccount({ name, email, password: PASSWORD, role });
  if (!created.ok) throw new Error(`createUser failed: ${created.message}`);
  return { id: created.userId, email, name, role, cookie: await sessionCookie(created.userId) };
}

/** Turns a Set-Cookie header ("pf_session=abc; Path=/; HttpOnly…") into a Cookie header value ("pf_session=abc"). */
export function cookieHeader(setCookie: string): string {
  return setCookie.split(";")[0].trim();
}

export async function sessionCookie(userId: string): Promise<string> {
  return cookieHeader(await startSession(userId));
}

/** Form fields; an array is sent as the field repeated (checkbox groups). */
type FormInput = Record<string, string | number | boolean | undefined | null | readonly string[]>;

export function request(path: string, opts: { user?: Pick<TestUser, "cookie"> | null; cookie?: string; method?: string; form?: FormInput } = {}): Request {
  const headers = new Headers();
  const cookie = opts.cookie ?? opts.user?.cookie;
  if (cookie) headers.set("Cookie", cookie);
  let body: string | undefined;
  if (opts.form) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(opts.form))
      for (const one of Array.isArray(v) ? v : [v]) if (one !== undefined && one !== null) params.append(k, String(one));
    body = params.toString();
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  const method = opts.method ?? (opts.form ? "POST" : "GET");
  return new Request(new URL(path, "http://localhost"), { method, headers, body });
}

/** Route function arguments the way Remix passes them. */
export function args(req: Request, params: Record<string, string> = {}) {
  return { request: req, params, context: {} };
}

/** Local "YYYY-MM-DDTHH:mm" in UTC, `hours` from now. */
function localIn(hours: number): string {
  return utcToZonedLocal(new Date(Date.now() + hours * 3_600_000), "UTC");
}

export function eventForm(overrides: FormInput = {}): FormInput {
  return {
    title: `Support deflection ${unique()}`,
    description: "Cut the support queue.",
    timezone: "UTC",
    startsAt: localIn(-1),
    submissionDeadline: localIn(48),
    judgingDeadline: localIn(96),
    maxTeamSize: 5,
    ...overrides,
  };
}

export const problemInput = {
  title: "Support tickets pile up",
  summary: "Agents answer the same questions every day.",
  whoHasIt: "Tier-1 support agents",
  costToday: "3 FTE on repeated questions",
  dataAvailable: "Two years of tickets with resolutions",
  constraints: "",
  metricName: "Deflection rate",
  metricUnit: "%",
  metricBaseline: "0",
};

export async function getEvent(id: string): Promise<EventRow> {
  const [row] = await db.select().from(events).where(eq(events.id, id));
  return row;
}

/** A draft event created by `organizer`, with default rubric. */
export async function createDraftEvent(organizer: TestUser, opts: { maxTeamSize?: number; title?: string } = {}) {
  return createEvent(organizer, {
    title: opts.title ?? `Hack ${unique()}`,
    description: "",
    timezone: "UTC",
    startsAt: localIn(-1),
    submissionDeadline: localIn(48),
    judgingDeadline: localIn(96),
    maxTeamSize: opts.maxTeamSize ?? 5,
  });
}

/** An open event with one problem. */
export async function createOpenEvent(organizer: TestUser, opts: { maxTeamSize?: number } = {}) {
  const event = await createDraftEvent(organizer, opts);
  const problem = await addProblem(event.id, problemInput);
  const changed = await changePhase(event, organizer.id, { to: "open", confirmed: false, reason: "" }, new Date());
  if (!changed.ok) throw new Error(`could not open event: ${changed.message}`);
  return { event: await getEvent(event.id), problem };
}

/** Moves the event on by one phase (confirming any warning). */
export async function movePhase(eventId: string, actor: TestUser, to: EventRow["phase"], reason = "") {
  const changed = await changePhase(await getEvent(eventId), actor.id, { to, confirmed: true, reason }, new Date());
  if (!changed.ok) throw new Error(`could not move to ${to}: ${changed.message}`);
  return getEvent(eventId);
}

/** A complete entry's fields apart from its title and outcome, for tests that need submitted entries. */
export const entryFields = {
  summary: "One line.",
  tags: "",
  demoUrl: "",
  repoUrl: "",
  videoUrl: "",
  approach: "Off-the-shelf model.",
  metricName: "Deflection rate",
  metricUnit: "%",
  metricBaseline: "0",
  metricTarget: "20",
  metricResult: "12",
  postMortemWorked: "Retrieval.",
  postMortemDidNotWork: "Tone.",
  postMortemRootCause: "model-capability" as const,
  postMortemRootCauseOther: "",
  postMortemDifferently: "Evaluate earlier.",
  postMortemNextSteps: "Pilot.",
};

/** A team ("<title> team" unless named) led by `leadId` on the problem, with a submitted entry of this title and outcome. */
export async function submittedEntry(
  event: { id: string },
  leadId: string,
  problemId: string,
  entry: { title: string; outcome?: "working" | "partial" | "failed"; teamName?: string },
): Promise<{ teamId: string; entryId: string }> {
  const team = await createTeam(event, leadId, { name: entry.teamName ?? `${entry.title} team`, problemId });
  if (!team.ok) throw new Error(`team setup failed: ${team.message}`);
  const saved = await saveEntry(team.teamId, { ...entryFields, title: entry.title, outcome: entry.outcome ?? "working", version: 1 }, true, new Date());
  if (!saved.ok) throw new Error("entry setup failed");
  const [row] = await db.select({ id: entries.id }).from(entries).where(eq(entries.teamId, team.teamId));
  return { teamId: team.teamId, entryId: row.id };
}

type Criterion = { id: string; kind?: string | null };

/** The score form for a whole rubric: `value(i, criterion)` per criterion, with optional comments and overall comment. */
export function sheetForm(
  rubric: Criterion[],
  value: (i: number, criterion: Criterion) => number | "",
  opts: { comment?: (i: number) => string; overall?: string; extra?: Record<string, string> } = {},
): Record<string, string | number> {
  const form: Record<string, string | number> = { overallComment: opts.overall ?? "", ...opts.extra };
  rubric.forEach((c, i) => {
    form[`scores[${i}].criterionId`] = c.id;
    form[`scores[${i}].value`] = value(i, c);
    form[`scores[${i}].comment`] = opts.comment?.(i) ?? "";
  });
  return form;
}

export async function setSubmissionDeadline(eventId: string, at: Date) {
  await db.update(events).set({ submissionDeadline: at }).where(eq(events.id, eventId));
}

export async function accessOf(eventId: string, userId: string) {
  return (await loadEventAccess({ id: eventId }, userId))!.access;
}

type DataLike = { type?: string; data: unknown; init: ResponseInit | null };

function isDataLike(v: unknown): v is DataLike {
  return typeof v === "object" && v !== null && "data" in v && "init" in v && !(v instanceof Response);
}

export type Outcome = { status: number; data: unknown; response: Response | null; thrown: boolean };

/** Runs a loader/action and normalises whatever it returns or throws: Response, data() result or plain object. */
export async function settle(promise: Promise<unknown>): Promise<Outcome> {
  let value: unknown;
  let thrown = false;
  try {
    value = await promise;
  } catch (e) {
    value = e;
    thrown = true;
  }
  if (value instanceof Response) return { status: value.status, data: null, response: value, thrown };
  if (isDataLike(value)) return { status: value.init?.status ?? 200, data: value.data, response: null, thrown };
  if (thrown) throw value; // a real error, not a refusal
  return { status: 200, data: value, response: null, thrown };
}

/** Asserts the status of a loader/action outcome (returned or thrown) and returns the outcome. */
export async function expectStatus(promise: Promise<unknown>, status: number): Promise<Outcome> {
  const outcome = await settle(promise);
  expect(outcome.status, `expected status ${status}, got ${outcome.status}: ${JSON.stringify(outcome.data)}`).toBe(status);
  return outcome;
}

/** Field errors of a conform reply in `{ result }` action data. */
export function fieldErrors(outcome: Outcome): Record<string, string[]> {
  const d = outcome.data as { result?: { error?: Record<string, string[] | null> } } | null;
  const errors: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(d?.result?.error ?? {})) if (v) errors[k] = v;
  return errors;
}

/** The toast a redirect carries (kind and message), as the next page reads it. */
export async function toastOf(outcome: Outcome) {
  // The toast's cookie among the response's (a password change also sets the new session's).
  const cookie = (outcome.response?.headers.getSetCookie() ?? []).find((c) => c.startsWith("pf_toast="))?.split(";")[0] ?? "";
  return (await readToast(new Request("http://localhost/", { headers: { Cookie: cookie } }))).toast;
}

export function setCookies(response: Response): string[] {
  return response.headers.getSetCookie();
}
