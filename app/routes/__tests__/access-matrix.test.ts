// The access-control matrix: every route's loader and action × every kind of visitor, generated from
// the route files. It fails on any unexpected allow (and on a route missing from the rules below),
// and prints the whole table.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entries, events, teams } from "#db/schema";
import { db } from "~/db.server";
import { createAnnouncement } from "~/modules/announcements/announcements.server";
import { addJudge } from "~/modules/events/events.server";
import { saveEntry } from "~/modules/entries/entries.server";
import { addScreenshot } from "~/modules/entries/screenshots.server";
import { createTeam } from "~/modules/teams/teams.server";
import { realPng } from "~/test/images";
import { createOpenEvent, createUser, movePhase, request, sessionCookie, settle, type TestUser } from "~/test/fixtures";

process.env.UPLOADS_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "pf-matrix-"));
afterAll(() => fs.rmSync(process.env.UPLOADS_DIR!, { recursive: true, force: true }));

const visitors = ["anonymous", "member", "otherTeamMember", "otherEventJudge", "otherEventOrganizer", "admin", "teamMember", "organizer"] as const;
type Visitor = (typeof visitors)[number];
type Rule = readonly Visitor[];

const signedIn: Rule = visitors.filter((v) => v !== "anonymous");
const everyone: Rule = visitors;
const nobody: Rule = [];
const organizers: Rule = ["organizer", "admin"];
const team: Rule = ["teamMember", "organizer", "admin"];

/**
 * Who may use each route in the test world: an OPEN event with a team whose entry is a DRAFT.
 * Loader rules say who gets the page; action rules say who gets past the permission check.
 */
const rules: Record<string, { loader?: Rule; action?: Rule }> = {
  _index: { loader: everyone },
  // An address no other route has: "Not found" for everyone.
  $: { loader: nobody, action: nobody },
  // Signed-in visitors are sent home from these: a redirect, not access to anything.
  login: { loader: everyone, action: everyone },
  signup: { loader: everyone, action: everyone },
  logout: { loader: everyone, action: everyone },
  healthz: { loader: everyone },
  about: { loader: everyone },
  account: { loader: signedIn, action: signedIn },
  // Everyone signed in has a list; each query carries their id (someone else's notice id is a 404: notifications.test.ts).
  notifications: { loader: signedIn, action: signedIn },
  "admin.users": { loader: ["admin"], action: ["admin"] },
  // Sends an admin to the accounts page; the redirect is the admin's only.
  "admin._index": { loader: ["admin"] },
  "admin.outbox": { loader: ["admin"] },
  // Signed-in visitors are sent home from the request form; the reset link is the permission, and the matrix has none.
  "forgot-password": { loader: everyone, action: everyone },
  "reset-password.$token": { loader: nobody, action: nobody },
  // The signed link is the permission; the matrix has none.
  "unsubscribe.$token": { loader: nobody, action: nobody },
  // Everyone here has a confirmed address, so the page sends them home; "Send the link again" answers the same.
  "verify-email": { loader: signedIn, action: signedIn },
  // The mailed confirmation link is the permission; the matrix has none (ADR 028).
  "verify-email_.$token": { loader: nobody, action: nobody },
  // The link mailed to the new address is the permission; the matrix has none (ADR 065).
  "email-change.$token": { loader: nobody, action: nobody },
  "archive._index": { loader: signedIn },
  // Resource routes of the archive (ADR 023): suggestions for the search box, related learnings for a problem and typed text.
  "archive.suggest": { loader: signedIn },
  "events.$slug.problems.$problemId.related": { loader: signedIn },
  // A redirect to the home page, where the events are listed.
  "events._index": { loader: everyone },
  "events.new": { loader: ["otherEventOrganizer", "admin", "organizer"], action: ["otherEventOrganizer", "admin", "organizer"] },
  "events.$slug._index": { loader: signedIn },
  "events.$slug.manage": { loader: organizers, action: organizers },
  "events.$slug.problems.new": { loader: organizers, action: organizers },
  "events.$slug.problems.$problemId._index": { loader: signedIn },
  "events.$slug.teams.new": {
    loader: ["member", "otherEventJudge", "otherEventOrganizer", "admin", "organizer"],
    action: ["member", "otherEventJudge", "otherEventOrganizer", "admin", "organizer"],
  },
  "events.$slug.teams.$teamId._index": { loader: team, action: ["teamMember"] },
  "events.$slug.teams.$teamId.entry": { loader: team, action: ["teamMember"] },
  "events.$slug.entries._index": { loader: signedIn },
  // The entry page's one action is the people's choice vote (ADR 031): nobody's here, where the event holds no vote
  // and the entry is a draft (the vote's own rules are in peoples-choice.test.ts).
  "events.$slug.entries.$entryId._index": { loader: team, action: nobody },
  // The vote's settings: the organizers'.
  "events.$slug.peoples-choice": { loader: organizers, action: organizers },
  "events.$slug.entries.$entryId.score": { loader: nobody, action: nobody },
  // What happened next (ADR 030): the entry's team and its problem's owner, once the event is closed; this one is open.
  "events.$slug.entries.$entryId.follow-up": { loader: nobody, action: nobody },
  "events.$slug.judging": { loader: nobody, action: nobody },
  // Results open to organizers in judging and to everyone once closed; this event is still open.
  "events.$slug.results": { loader: nobody },
  "events.$slug.results[.]csv": { loader: organizers },
  // The digest is part of the archive: nobody gets it before results are published; this event is still open.
  "events.$slug.digest": { loader: nobody },
  "events.$slug.digest[.]md": { loader: nobody },
  "events.$slug.scores[.]csv": { loader: organizers },
  // Teams and members with their email addresses: organizers only, in every phase.
  "events.$slug.teams[.]csv": { loader: organizers },
  "events.$slug.awards": { loader: organizers, action: organizers },
  "events.$slug.judging-settings": { loader: organizers, action: organizers },
  "events.$slug.edit": { loader: organizers, action: organizers },
  "events.$slug.rubric": { loader: organizers, action: organizers },
  "events.$slug.judges": { loader: organizers, action: organizers },
  // The final round (ADR 038) is chosen in judging, after round 1: nobody's page in an open event. An organizer's start
  // from a page left open is sent to Manage with why (a redirect, not a start: judging-rounds.test.ts), and who gets it
  // in judging (organizers and admins; not judges or teams) is there too.
  "events.$slug.final-round": { loader: nobody, action: organizers },
  "events.$slug.announcements": { loader: organizers, action: organizers },
  "events.$slug.problems.copy": { loader: organizers, action: organizers },
  "events.$slug.problems.$problemId.edit": { loader: organizers, action: organizers },
  // The link is the permission; the matrix has no valid token, so nobody gets in.
  "judge-invite.$token": { loader: nobody, action: nobody },
  // Single sign-on is not configured in the matrix world: both answer 404 (the flow's own checks are in sso.test.ts).
  "auth.sso._index": { loader: nobody },
  "auth.sso.callback": { loader: nobody },
  // A one-time sign-in link: the link is the permission, and the matrix has none.
  "auth.link.$token": { loader: nobody, action: nobody },
  join: {
    loader: signedIn,
    action: ["member", "otherEventJudge", "otherEventOrganizer", "admin", "organizer"],
  },
  "screenshots.$screenshotId": { loader: team },
  // A portfolio (ADR 029): anyone signed in reads it; only its person hides or shows an entry on it.
  "people.$userId": { loader: signedIn, action: ["teamMember"] },
  // Finding a team (ADR 032): anyone signed in reads the open event's lists; each intent has its own rule below.
  "events.$slug.find-a-team": { loader: signedIn, action: signedIn },
};

/** Intents with a narrower rule than their route's action: the team lead's (teamMember leads the matrix team). */
const intentRules: { route: string; form: Record<string, string>; action: Rule }[] = [
  { route: "events.$slug.teams.$teamId._index", form: { intent: "new-invite-code" }, action: ["teamMember"] },
  { route: "events.$slug.teams.$teamId._index", form: { intent: "allow-rejoin", userId: "nobody" }, action: ["teamMember"] },
  { route: "events.$slug.teams.$teamId._index", form: { intent: "remove-member", userId: "nobody" }, action: ["teamMember"] },
  // The judges page's Remind button: the organizers' only (refused with a reason outside judging, as here).
  { route: "events.$slug.judges", form: { intent: "remind-judge", judgeId: "nobody" }, action: organizers },
  // Judges invited by email (ADR 027): the organizers' only.
  { route: "events.$slug.judges", form: { intent: "invite-by-email", email: "matrix-invitee@example.com" }, action: organizers },
  { route: "events.$slug.judges", form: { intent: "resend-invite", inviteId: "nobody" }, action: organizers },
  { route: "events.$slug.judges", form: { intent: "withdraw-invite", inviteId: "nobody" }, action: organizers },
  // Finding a team (ADR 032): the lead's intents act on the lead's own team, so both leads pass; withdrawing someone
  // else's request is nobody's. Posting and asking depend on who joined a team earlier in this run (the join route
  // lets several visitors in), so their rule is checked in find-a-team.test.ts.
  ...["save-opening", "accept", "decline", "invite"].map((intent) => ({
    route: "events.$slug.find-a-team",
    form: { intent, needs: "A designer", requestId: "nobody", userId: "nobody" },
    action: ["teamMember", "otherTeamMember"] as Rule,
  })),
  { route: "events.$slug.find-a-team", form: { intent: "withdraw", requestId: "nobody" }, action: nobody },
  // An invitation is answered only by the person invited, for a team that exists: nobody has one from "nobody".
  ...["accept-invite", "decline-invite"].map((intent) => ({ route: "events.$slug.find-a-team", form: { intent, teamId: "nobody" }, action: nobody })),
  // Custom submission questions (ADR 036): the organizers', while no entry is submitted (the matrix entry is a draft).
  { route: "events.$slug.manage", form: { intent: "save-questions", "questions[0].label": "Track?", "questions[0].kind": "short-text" }, action: organizers },
];

type Outcome = "allowed" | "login" | "denied" | "bad-input" | "error";

function classify(status: number, location: string | null): Outcome {
  if (status === 302 && location?.startsWith("/login")) return "login";
  if (status === 403 || status === 404 || status === 405) return "denied";
  if (status === 400 || status === 409 || status === 429) return "bad-input";
  if (status >= 500) return "error";
  return "allowed";
}

const world = {} as {
  users: Record<Visitor, TestUser | null>;
  params: Record<string, string>;
  search: Record<string, string>;
  /** Action bodies where the body itself names the resource (the invite code names the team). */
  forms: Record<string, Record<string, string>>;
};

beforeAll(async () => {
  const organizer = await createUser({ role: "organizer" });
  const otherEventOrganizer = await createUser({ role: "organizer" });
  const [member, teamMember, otherTeamMember, otherEventJudge, admin] = await Promise.all([
    createUser(),
    createUser(),
    createUser(),
    createUser(),
    createUser({ role: "admin" }),
  ]);
  const { event, problem } = await createOpenEvent(organizer);
  const { event: other } = await createOpenEvent(otherEventOrganizer);
  await addJudge(other.id, otherEventJudge.email);
  const mine = await createTeam(event, teamMember.id, { name: "Matrix team", problemId: problem.id });
  const theirs = await createTeam(event, otherTeamMember.id, { name: "Other team", problemId: problem.id });
  if (!mine.ok || !theirs.ok) throw new Error("team setup failed");
  const [entry] = await db.select().from(entries).where(eq(entries.teamId, mine.teamId));
  const [teamRow] = await db.select().from(teams).where(eq(teams.id, mine.teamId));
  const shot = await addScreenshot(entry.id, await realPng(), "");
  if (!shot.ok) throw new Error("screenshot setup failed");
  world.users = { anonymous: null, member, otherTeamMember, otherEventJudge, otherEventOrganizer, admin, teamMember, organizer };
  world.params = { slug: event.slug, teamId: mine.teamId, entryId: entry.id, problemId: problem.id, screenshotId: shot.id, userId: teamMember.id };
  world.search = { join: `?code=${teamRow.inviteCode}` };
  world.forms = {
    join: { code: teamRow.inviteCode },
    "people.$userId": { intent: "hide", entryId: entry.id },
    "events.$slug.entries.$entryId._index": { intent: "vote" },
  };
});

const routeFiles = fs
  .readdirSync(path.resolve("app/routes"))
  .filter((f) => f.endsWith(".tsx"))
  .map((f) => f.replace(/\.tsx$/, ""));

function paramsFor(routeId: string) {
  const params: Record<string, string> = {};
  for (const m of routeId.matchAll(/\$(\w+)/g)) params[m[1]] = world.params[m[1]] ?? "missing";
  return params;
}

function urlFor(routeId: string, params: Record<string, string>) {
  const pathname =
    "/" +
    routeId
      .replace(/_index$/, "")
      .replace(/\$(\w+)/g, (_, p) => params[p])
      .replace(/\./g, "/")
      .replace(/\/$/, "");
  return (pathname === "/" ? "/" : pathname) + (world.search[routeId] ?? "");
}

async function call(routeId: string, kind: "loader" | "action", visitor: Visitor, form = world.forms[routeId] ?? {}): Promise<Outcome> {
  const mod = await import(`../${routeId}.tsx`);
  const fn = mod[kind];
  const params = paramsFor(routeId);
  const user = world.users[visitor];
  // A fresh session per call: the logout action ends the one it is given.
  const cookie = user ? await sessionCookie(user.id) : undefined;
  const req = request(urlFor(routeId, params), { cookie, ...(kind === "action" ? { form } : {}) });
  try {
    const outcome = await settle(fn({ request: req, params, context: { clientIp: `10.8.${visitors.indexOf(visitor)}.1` } }));
    return classify(outcome.status, outcome.response?.headers.get("Location") ?? null);
  } catch {
    return "error";
  }
}

describe("access-control matrix", () => {
  it("covers every route file", () => {
    expect(routeFiles.filter((r) => !(r in rules))).toEqual([]);
  });

  it("allows no visitor a route the rules do not give them, and gives loaders to whom they should", async () => {
    const table: string[] = [];
    const problems: string[] = [];
    // Every loader first: actions that pass (a join, say) change the world the loaders are judged in.
    for (const kind of ["loader", "action"] as const) {
      for (const routeId of routeFiles.sort()) {
        const mod = await import(`../${routeId}.tsx`);
        if (typeof mod[kind] !== "function") continue;
        const allowedVisitors = rules[routeId]?.[kind];
        if (!allowedVisitors) {
          problems.push(`${routeId} ${kind}: no rule`);
          continue;
        }
        const row: string[] = [];
        for (const visitor of visitors) {
          const got = await call(routeId, kind, visitor);
          const expectedAllow = allowedVisitors.includes(visitor);
          row.push(`${visitor}=${got}`);
          if (got === "error") problems.push(`${routeId} ${kind} ${visitor}: server error`);
          else if (!expectedAllow && (got === "allowed" || got === "bad-input")) problems.push(`${routeId} ${kind} ${visitor}: unexpected ${got}`);
          else if (expectedAllow && kind === "loader" && got !== "allowed") problems.push(`${routeId} ${kind} ${visitor}: expected allowed, got ${got}`);
        }
        table.push(`${(routeId + " " + kind).padEnd(48)} ${row.join("  ")}`);
      }
    }
    console.log(`\nAccess-control matrix (open event, draft entry)\n${table.join("\n")}\n`);
    expect(problems).toEqual([]);
    // Every route times every visitor: it grows with the product, and on a busy 2-core machine outgrew 20 s.
  }, 90_000);

  it("gives intents with their own rule only to whom it names", async () => {
    const problems: string[] = [];
    for (const { route, form, action } of intentRules) {
      for (const visitor of visitors) {
        const got = await call(route, "action", visitor, form);
        const label = `${route} ${form.intent} ${visitor}`;
        if (got === "error") problems.push(`${label}: server error`);
        else if (!action.includes(visitor) && (got === "allowed" || got === "bad-input")) problems.push(`${label}: unexpected ${got}`);
        else if (action.includes(visitor) && (got === "denied" || got === "login")) problems.push(`${label}: expected to pass, got ${got}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

// Blind judging: a judge of a blind event in judging gets no team name, member or team id from ANY loader's data.
describe("blind judging across every loader", () => {
  const submittedEntry = {
    ...{ summary: "One line.", tags: "", demoUrl: "", repoUrl: "", videoUrl: "", approach: "A model.", outcome: "partial" as const },
    ...{ metricName: "Deflection", metricUnit: "%", metricBaseline: "0", metricTarget: "20", metricResult: "12" },
    ...{
      postMortemWorked: "Retrieval.",
      postMortemDidNotWork: "Tone.",
      postMortemRootCause: "model-capability" as const,
      postMortemRootCauseOther: "",
      postMortemDifferently: "Earlier.",
      postMortemNextSteps: "Pilot.",
    },
  };
  const blind = {} as { judge: TestUser; organizer: TestUser; params: Record<string, string>; secrets: string[] };

  beforeAll(async () => {
    const organizer = await createUser({ role: "organizer" });
    const [judge, lead] = await Promise.all([createUser(), createUser({ name: "Quillon Member" })]);
    const { event, problem } = await createOpenEvent(organizer);
    await addJudge(event.id, judge.email);
    const made = await createTeam(event, lead.id, { name: "Zephyr Blindfold Crew", problemId: problem.id });
    if (!made.ok) throw new Error("team setup failed");
    const saved = await saveEntry(made.teamId, { ...submittedEntry, title: "Blind entry", version: 1 }, true, new Date());
    if (!saved.ok) throw new Error("entry setup failed");
    await db.update(events).set({ blindJudging: true }).where(eq(events.id, event.id));
    await movePhase(event.id, organizer, "judging");
    const [entry] = await db.select().from(entries).where(eq(entries.teamId, made.teamId));
    Object.assign(blind, {
      judge,
      organizer,
      params: { slug: event.slug, teamId: made.teamId, entryId: entry.id, problemId: problem.id, screenshotId: "none", token: "none" },
      // The team's id too: an id seen elsewhere (the Find a team page while the event was open) names the team.
      secrets: ["Zephyr Blindfold Crew", lead.name, lead.email, made.teamId],
    });
  });

  async function loaded(routeId: string, user: TestUser) {
    const fn = (await import(`../${routeId}.tsx`)).loader;
    if (typeof fn !== "function") return null;
    const params = Object.fromEntries([...routeId.matchAll(/\$(\w+)/g)].map((m) => [m[1], blind.params[m[1]]]));
    const pathname =
      "/" +
      routeId
        .replace(/_index$/, "")
        .replace(/\$(\w+)/g, (_, p) => params[p])
        .replace(/\./g, "/")
        .replace(/\/$/, "");
    const outcome = await settle(fn({ request: request(pathname, { user }), params, context: { clientIp: "10.9.0.1" } }));
    if (outcome.status !== 200) return null;
    return JSON.stringify(outcome.data) + (outcome.response ? await outcome.response.clone().text() : "");
  }

  it("strips team names and members from the judge's loader data; the organizers keep them", async () => {
    const leaks: string[] = [];
    const seen: string[] = [];
    for (const routeId of routeFiles) {
      const body = await loaded(routeId, blind.judge);
      if (body === null) continue;
      seen.push(routeId);
      for (const secret of blind.secrets) if (body.includes(secret)) leaks.push(`${routeId}: ${secret}`);
    }
    expect(leaks).toEqual([]);
    // The pages a judge reads during judging were all checked.
    expect(seen).toEqual(
      expect.arrayContaining([
        "events.$slug._index",
        "events.$slug.entries._index",
        "events.$slug.problems.$problemId._index",
        "events.$slug.entries.$entryId._index",
        "events.$slug.entries.$entryId.score",
        "events.$slug.judging",
      ]),
    );
    for (const routeId of [
      "events.$slug._index",
      "events.$slug.entries._index",
      "events.$slug.problems.$problemId._index",
      "events.$slug.entries.$entryId._index",
    ]) {
      expect(await loaded(routeId, blind.organizer), routeId).toContain("Zephyr Blindfold Crew");
    }
  });
});

// Announcement audiences never leak: an announcement to the judges appears in no loader's data for a team member
// or someone who has not joined; the judge and the organizers read it on the event page (ADR 025).
describe("announcement audiences across every loader", () => {
  const secret = "Calibration call for judges, Quokka room";
  const world = {} as { judge: TestUser; organizer: TestUser; member: TestUser; outsider: TestUser; params: Record<string, string> };

  beforeAll(async () => {
    const organizer = await createUser({ role: "organizer" });
    const [judge, member, outsider] = await Promise.all([createUser(), createUser(), createUser()]);
    const { event, problem } = await createOpenEvent(organizer);
    await addJudge(event.id, judge.email);
    const made = await createTeam(event, member.id, { name: "Audience team", problemId: problem.id });
    if (!made.ok) throw new Error("team setup failed");
    const [entry] = await db.select().from(entries).where(eq(entries.teamId, made.teamId));
    const input = { title: secret, body: "Only for judges.", audience: "judges" as const, sendAt: new Date() };
    await createAnnouncement(event, organizer.id, input, new Date(), "http://localhost");
    Object.assign(world, {
      judge,
      organizer,
      member,
      outsider,
      params: { slug: event.slug, teamId: made.teamId, entryId: entry.id, problemId: problem.id, screenshotId: "none", token: "none" },
    });
  });

  async function loaded(routeId: string, user: TestUser) {
    const fn = (await import(`../${routeId}.tsx`)).loader;
    if (typeof fn !== "function") return null;
    const params = Object.fromEntries([...routeId.matchAll(/\$(\w+)/g)].map((m) => [m[1], world.params[m[1]]]));
    const pathname =
      "/" +
      routeId
        .replace(/_index$/, "")
        .replace(/\$(\w+)/g, (_, p) => params[p])
        .replace(/\./g, "/")
        .replace(/\/$/, "");
    const outcome = await settle(fn({ request: request(pathname, { user }), params, context: { clientIp: "10.9.1.1" } }));
    if (outcome.status !== 200) return null;
    return JSON.stringify(outcome.data) + (outcome.response ? await outcome.response.clone().text() : "");
  }

  it("keeps an announcement to the judges out of every loader for people outside its audience", async () => {
    const leaks: string[] = [];
    for (const routeId of routeFiles) {
      for (const [who, user] of [
        ["member", world.member],
        ["outsider", world.outsider],
      ] as const) {
        const body = await loaded(routeId, user);
        if (body?.includes(secret)) leaks.push(`${routeId}: ${who}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(await loaded("events.$slug._index", world.judge)).toContain(secret);
    expect(await loaded("events.$slug._index", world.organizer)).toContain(secret);
  });
});
