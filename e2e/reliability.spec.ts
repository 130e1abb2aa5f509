import fs from "node:fs";
import { createClient } from "@libsql/client";
import { expect } from "@playwright/test";
import { test } from "./helpers";
import { HttpClient, signInOver, signUpConfirmedOver, signUpOver } from "./http-client";
import { childrenOf, freePort, prepareDatabase, roundRobin, startApp } from "./servers";

// Each test runs its own app processes on its own database file; they are CPU-heavy, so one at a time.
test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

const local = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString().slice(0, 16);
const DAY = 86_400_000;
const location = (res: Response) => res.headers.get("location") ?? "";

async function openEventWithEntry(http: HttpClient, participant: HttpClient, maxTeamSize = 5) {
  const created = await http.post("/events/new", {
    title: `Reliability ${Date.now()}`,
    description: "",
    timezone: "UTC",
    startsAt: local(-DAY),
    submissionDeadline: local(3 * DAY),
    judgingDeadline: local(6 * DAY),
    maxTeamSize: String(maxTeamSize),
  });
  expect(created.status).toBe(302);
  const slug = location(created).split("/")[2];
  const problem = await http.post(`/events/${slug}/problems/new`, {
    title: "Load problem",
    summary: "A problem for load tests.",
    whoHasIt: "Everyone",
    costToday: "Time",
    dataAvailable: "Logs",
    metricName: "Minutes saved",
  });
  expect(problem.status).toBe(302);
  const problemId = location(problem).split("/").pop()!;
  expect((await http.post(`/events/${slug}/manage`, { intent: "phase", to: "open" })).status).toBe(302);
  const team = await participant.post(`/events/${slug}/teams/new`, { name: `Team ${Date.now()}`, problemId });
  expect(team.status).toBe(302);
  const teamId = location(team).split("/").pop()!;
  const entry = await participant.post(`/events/${slug}/teams/${teamId}/entry`, {
    intent: "submit",
    version: "1",
    title: "Load entry",
    summary: "An entry under load.",
    outcome: "failed",
    approach: "Many requests.",
    metricName: "Minutes saved",
    metricBaseline: "0",
    postMortemWorked: "Setup",
    postMortemDidNotWork: "Everything else",
    postMortemRootCause: "scope-or-time",
    postMortemDifferently: "Less",
    postMortemNextSteps: "More",
  });
  expect(entry.status).toBe(302);
  return { slug, teamId };
}

test("two app processes share one database: sessions work on both and concurrent writes are all kept", async () => {
  const file = "data/reliability-scale.db";
  prepareDatabase(file);
  const a = await startApp(await freePort(), file);
  const b = await startApp(await freePort(), file);
  const proxy = await roundRobin(await freePort(), [a.port, b.port]);
  try {
    const http = new HttpClient(proxy.url);
    await signInOver(http, "participant@example.com"); // answered by one process…
    for (let i = 0; i < 4; i++) expect((await http.get("/archive")).status).toBe(200); // …and the session holds on both

    const emails = Array.from({ length: 30 }, (_, i) => `scale-${i}-${Date.now()}@example.com`);
    const results = await Promise.all(emails.map((email, i) => signUpOver(new HttpClient(proxy.url), `Scale ${i}`, email)));
    // Sign-up answers "check your email" (200) for a new address (ADR 028).
    const acknowledged = emails.filter((_, i) => results[i].status === 200);
    expect(acknowledged.length).toBe(emails.length);
    const db = createClient({ url: `file:${file}` });
    const stored = (await db.execute({ sql: `select email from users where email like 'scale-%'`, args: [] })).rows.map((r) => r.email);
    db.close();
    expect(stored.sort()).toEqual([...acknowledged].sort());
  } finally {
    await proxy.close();
    await a.stop();
    await b.stop();
  }
});

test("20 judges saving scores at once: every acknowledged score is stored; concurrent joins never exceed the team size", async () => {
  const file = "data/reliability-judges.db";
  prepareDatabase(file);
  const app = await startApp(await freePort(), file);
  try {
    const organizer = new HttpClient(app.url);
    await signInOver(organizer, "organizer@example.com");
    const participant = new HttpClient(app.url);
    await signUpConfirmedOver(participant, "Load Participant", `load-participant-${Date.now()}@example.com`, file);
    const { slug, teamId } = await openEventWithEntry(organizer, participant, 3);

    // Ten people race for the two free places of a team of at most three.
    const joiners = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const c = new HttpClient(app.url);
        await signUpConfirmedOver(c, `Joiner ${i}`, `joiner-${i}-${Date.now()}@example.com`, file);
        return c;
      }),
    );
    const db = createClient({ url: `file:${file}` });
    const [{ invite_code: code }] = (await db.execute({ sql: "select invite_code from teams where id = ?", args: [teamId] })).rows as unknown as {
      invite_code: string;
    }[];
    const joins = await Promise.all(joiners.map((c) => c.post("/join", { code })));
    expect(joins.filter((r) => r.status === 302)).toHaveLength(2);
    expect(joins.filter((r) => r.status === 409)).toHaveLength(8);
    const [{ n }] = (await db.execute({ sql: "select count(*) as n from team_members where team_id = ?", args: [teamId] })).rows as unknown as { n: number }[];
    expect(Number(n)).toBe(3);

    const judges = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const c = new HttpClient(app.url);
        const email = `judge-${i}-${Date.now()}@example.com`;
        await signUpConfirmedOver(c, `Judge ${i}`, email, file);
        return { c, email };
      }),
    );
    for (const j of judges) expect((await organizer.post(`/events/${slug}/manage`, { intent: "add-judge", email: j.email })).status).toBe(302);
    expect((await organizer.post(`/events/${slug}/manage`, { intent: "phase", to: "judging", confirmed: "on" })).status).toBe(302);

    const [{ id: entryId, event_id: eventId }] = (await db.execute({ sql: "select id, event_id from entries where team_id = ?", args: [teamId] }))
      .rows as unknown as { id: string; event_id: string }[];
    const criteria = (await db.execute({ sql: "select id from criteria where event_id = ? order by position", args: [eventId] })).rows.map((r) => String(r.id));
    const saves = await Promise.all(
      judges.map(({ c }, j) => {
        const form: Record<string, string> = {};
        criteria.forEach((id, i) => {
          form[`scores[${i}].criterionId`] = id;
          form[`scores[${i}].value`] = String(((i + j) % 5) + 1);
          form[`scores[${i}].comment`] = `judge ${j} on ${i}`;
        });
        return c.post(`/events/${slug}/entries/${entryId}/score`, form);
      }),
    );
    const acknowledged = saves.filter((r) => r.status === 302).length;
    expect(acknowledged).toBe(20);
    const [{ scores }] = (await db.execute({ sql: "select count(*) as scores from scores where entry_id = ?", args: [entryId] })).rows as unknown as {
      scores: number;
    }[];
    expect(Number(scores)).toBe(acknowledged * criteria.length);
    db.close();
  } finally {
    await app.stop();
  }
});

test("kill -9 while writing: after a restart the database is intact and every acknowledged write is there", async () => {
  const file = "data/reliability-crash.db";
  prepareDatabase(file);
  const port = await freePort();
  let app = await startApp(port, file);
  const acknowledged: string[] = [];
  let stop = false;
  const writer = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const email = `crash-${w}-${i}-${Date.now()}@example.com`;
      try {
        const res = await signUpOver(new HttpClient(app.url), `Crash ${w} ${i}`, email);
        if (res.status === 200) acknowledged.push(email);
      } catch {
        // the server died mid-request: this write was never acknowledged
      }
    }
  };
  const writers = Promise.all([0, 1, 2, 3].map(writer));
  // Kill once writes are flowing (waiting on that, not on a fixed time, holds on a slow machine too).
  for (const deadline = Date.now() + 60_000; acknowledged.length < 8 && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 50));
  await app.stop("SIGKILL");
  stop = true;
  await writers;
  expect(acknowledged.length).toBeGreaterThan(0);

  app = await startApp(port, file);
  try {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const db = createClient({ url: `file:${file}` });
    expect((await db.execute("PRAGMA integrity_check")).rows[0][0]).toBe("ok");
    const stored = new Set((await db.execute("select email from users where email like 'crash-%'")).rows.map((r) => String(r.email)));
    db.close();
    expect(acknowledged.filter((e) => !stored.has(e))).toEqual([]);
  } finally {
    await app.stop();
  }
});

test("WEB_CONCURRENCY=2: two processes serve one port, one runs the background work, one killed is replaced, and a stop ends them all", async () => {
  const file = "data/reliability-workers.db";
  prepareDatabase(file);
  const app = await startApp(await freePort(), file, { WEB_CONCURRENCY: "2" });
  const listening = () => (app.output().match(/\(process \d+\)/g) ?? []).length;
  // Which processes ran the mail sender and the scheduler, in the order they started.
  const background = () => [...app.output().matchAll(/process (\d+) runs the mail sender and the scheduler/g)].map((m) => Number(m[1]));
  try {
    const pid = app.child.pid!;
    await expect.poll(listening, { timeout: 60_000 }).toBe(2);
    const workers = childrenOf(pid);
    expect(workers).toHaveLength(2);
    // One of the two runs the work beside requests, not both.
    expect(background()).toHaveLength(1);
    const [runner] = background();
    expect(workers).toContain(runner);
    const http = new HttpClient(app.url);
    await signInOver(http, "participant@example.com"); // answered by one worker…
    for (let i = 0; i < 6; i++) expect((await http.get("/archive")).status).toBe(200); // …the session holds on both

    process.kill(runner, "SIGKILL");
    // The other keeps serving: connections kept open to the killed one fail, and a browser would send again. One the
    // first process had just handed to the killed worker may never be answered, so each try gives up after 10 s.
    const again = async (tries = 5): Promise<number> => {
      try {
        return (await http.get("/archive", 10_000)).status;
      } catch (error) {
        if (tries === 1) throw error;
        return again(tries - 1);
      }
    };
    for (let i = 0; i < 4; i++) expect(await again()).toBe(200);
    await expect.poll(listening, { timeout: 60_000 }).toBe(3); // and a new one starts
    const now = childrenOf(pid);
    expect(now).toHaveLength(2);
    expect(now).toContain(workers.find((w) => w !== runner));
    expect(now).not.toContain(runner);
    expect(app.output()).toContain(`worker ${runner} died (SIGKILL); starting another`);
    // Its replacement took the work over.
    expect(background()).toHaveLength(2);
    expect(now).toContain(background()[1]);

    await app.stop("SIGTERM");
    expect(app.child.exitCode).toBe(0);
    for (const worker of now) expect(fs.existsSync(`/proc/${worker}`)).toBe(false);
  } finally {
    await app.stop("SIGKILL");
  }
  await expect(startApp(await freePort(), file, { WEB_CONCURRENCY: "two" })).rejects.toThrow(/WEB_CONCURRENCY=two: use a whole number/);
  // Workers that cannot start (here a refused setting) stop the server rather than being replaced forever.
  const refused = await startApp(await freePort(), file, { WEB_CONCURRENCY: "2", TRUST_PROXY: "true" }).then(
    () => "started",
    (error: Error) => error.message,
  );
  expect(refused).toMatch(/exited with 1[\s\S]*TRUST_PROXY=true[\s\S]*could not start \(exit code 1\); stopping the others/);
  expect(refused).not.toContain("starting another");
});
