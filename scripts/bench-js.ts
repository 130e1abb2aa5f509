// `npm run bench:js`: first-load JavaScript of every kind of page, side by side in one run. It starts the built
// production server (BUILD_DIR, default build) on a freshly seeded database of its own and, for each page, sums the
// gzip-9 sizes of the /assets/*.js its HTML references (module scripts and modulepreloads): what a browser fetches
// before the page is interactive, as the server sends it to a browser that accepts gzip (ADR 057). The br column is
// what it sends to one that accepts brotli. With BENCH_JS_BEFORE=<dir> (a checkout of an earlier commit, built) it
// measures that build too, on a copy of the same database, and prints both gzip columns. With BENCH_JS_FILES=1 it
// lists each file of a page over the target, largest first. Prints figures; it asserts nothing.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { bench } from "./bench-lib";

const TARGET_KB = 90;
const before = process.env.BENCH_JS_BEFORE ? path.resolve(process.env.BENCH_JS_BEFORE) : null;
const buildDir = process.env.BUILD_DIR ?? "build";

function freePort() {
  return new Promise<number>((resolve, reject) => {
    const s = net.createServer().listen(0, () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

function prepare(dir: string) {
  const db = path.join(dir, "bench-js.db");
  const env = { ...process.env, DATABASE_URL: `file:${db}` };
  for (const script of ["scripts/migrate.ts", "scripts/seed.ts"]) {
    const r = spawnSync("node_modules/.bin/tsx", [script], { env, stdio: "ignore" });
    if (r.status !== 0) throw new Error(`${script} failed`);
  }
  if (!fs.existsSync(`${buildDir}/server/index.js`)) spawnSync("node_modules/.bin/remix", ["vite:build"], { stdio: "inherit" });
  return db;
}

/** Every page kind, as [label, path, who is signed in]. Paths with ids are found by following the seeded pages' links. */
async function pagePaths(b: ReturnType<typeof bench>, cookies: Record<string, string>) {
  const html = async (p: string, who: string) => (await fetch(b.base + p, { headers: { Cookie: cookies[who] ?? "" } })).text();
  const link = async (p: string, who: string, pattern: RegExp) => {
    const m = pattern.exec(await html(p, who));
    if (!m) throw new Error(`no link ${pattern} on ${p}`);
    return m[1];
  };
  const slugs = [...new Set([...(await html("/", "organizer")).matchAll(/href="\/events\/([a-z0-9-]+)"/g)].map((m) => m[1]))].filter((s) => s !== "new");
  const phaseOf = async (slug: string) => /Submission deadline/.test(await html(`/events/${slug}`, "organizer"));
  const closed = slugs.find((s) => s.startsWith("autumn")) ?? slugs[0];
  const judging = slugs.find((s) => s.startsWith("spring")) ?? slugs[0];
  const open = (await Promise.all(slugs.map(async (s) => ((await phaseOf(s)) && s !== judging ? s : null)))).find(Boolean) ?? slugs[0];
  const entry = await link(`/events/${closed}/entries`, "organizer", /href="(\/events\/[^/"]+\/entries\/[^/"?]+)"/);
  const team = await link(`/events/${closed}`, "participant", /href="(\/events\/[^/"]+\/teams\/[^/"?]+)"/);
  const score = await link(`/events/${judging}/judging`, "judge", /href="(\/events\/[^/"]+\/entries\/[^/"?]+\/score)"/);
  const problem = await link(`/events/${closed}`, "organizer", /href="(\/events\/[^/"]+\/problems\/[^/"?]+)"/);
  const person = await link(entry, "organizer", /href="(\/people\/[^/"?]+)"/);
  const ownEntry = await link(team, "participant", /href="(\/events\/[^/"]+\/entries\/[^/"?]+)"/);
  const openProblem = await link(`/events/${open}`, "organizer", /href="(\/events\/[^/"]+\/problems\/[^/"?]+)"/);
  const pages: [string, string, string][] = [
    ["home", "/", "judge"],
    ["home, signed out", "/", ""],
    ["about", "/about", ""],
    ["login", "/login", ""],
    ["signup", "/signup", ""],
    ["forgot password", "/forgot-password", ""],
    ["event page", `/events/${open}`, "judge"],
    ["event page, closed", `/events/${closed}`, "judge"],
    ["entries gallery", `/events/${closed}/entries`, "judge"],
    ["entry page", entry, "judge"],
    ["team page", team, "participant"],
    ["entry form", `${team}/entry`, "participant"],
    ["new team", `/events/${open}/teams/new`, "admin"],
    ["find a team", `/events/${open}/find-a-team`, "judge"],
    ["problem page", problem, "judge"],
    ["judge queue", `/events/${judging}/judging`, "judge"],
    ["score sheet", score, "judge"],
    ["results", `/events/${closed}/results`, "organizer"],
    ["awards", `/events/${closed}/awards`, "organizer"],
    ["digest", `/events/${closed}/digest`, "organizer"],
    ["people's choice", `/events/${closed}/peoples-choice`, "organizer"],
    ["follow-up", `${ownEntry}/follow-up`, "participant"],
    ["manage", `/events/${open}/manage`, "organizer"],
    ["edit event", `/events/${open}/edit`, "organizer"],
    ["judges", `/events/${open}/judges`, "organizer"],
    ["rubric", `/events/${open}/rubric`, "organizer"],
    ["judging settings", `/events/${open}/judging-settings`, "organizer"],
    ["announcements", `/events/${open}/announcements`, "organizer"],
    ["final round", `/events/${judging}/final-round`, "organizer"],
    ["new problem", `/events/${open}/problems/new`, "organizer"],
    ["edit problem", `${openProblem}/edit`, "organizer"],
    ["copy problems", `/events/${open}/problems/copy`, "organizer"],
    ["new event", "/events/new", "organizer"],
    ["archive", "/archive?q=support", "judge"],
    ["account", "/account", "judge"],
    ["notifications", "/notifications", "judge"],
    ["person", person, "judge"],
    ["admin: users", "/admin/users", "admin"],
    ["admin: outbox", "/admin/outbox", "admin"],
  ];
  return pages;
}

/** A hashed file's compressed sizes, worked out once: most pages share most of their files. */
const sizesOf = new Map<string, Promise<{ gz: number; brotli: number }>>();
function compressedSizes(url: string) {
  let sizes = sizesOf.get(url);
  if (!sizes) {
    sizes = fetch(url)
      .then((res) => res.arrayBuffer())
      .then((body) => ({
        gz: zlib.gzipSync(Buffer.from(body), { level: 9 }).length,
        brotli: zlib.brotliCompressSync(Buffer.from(body), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      }));
    sizesOf.set(url, sizes);
  }
  return sizes;
}

async function firstLoadJs(base: string, pagePath: string, cookie: string) {
  const res = await fetch(base + pagePath, { headers: { Cookie: cookie } });
  if (res.status !== 200) {
    console.error(`${pagePath}: ${res.status}`);
    return null;
  }
  const html = await res.text();
  const urls = new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]));
  let gzip = 0;
  let br = 0;
  const sizes: [string, number][] = [];
  for (const u of urls) {
    const { gz, brotli } = await compressedSizes(base + u);
    sizes.push([u.replace(/^\/assets\//, ""), gz / 1024]);
    gzip += gz;
    br += brotli;
  }
  return { files: urls.size, kB: gzip / 1024, brKB: br / 1024, sizes };
}

async function measure(cwd: string | undefined, db: string, buildEnv: string) {
  const b = bench(await freePort(), db, cwd);
  const server = await b.startServer({ BUILD_DIR: buildEnv });
  try {
    const who = ["judge", "organizer", "participant", "admin"];
    const cookies: Record<string, string> = Object.fromEntries(await Promise.all(who.map(async (w) => [w, await b.signIn(`${w}@example.com`)])));
    const pages = await pagePaths(b, cookies);
    const out = new Map<string, { path: string; js: Awaited<ReturnType<typeof firstLoadJs>> }>();
    for (const [label, p, w] of pages) out.set(label, { path: p, js: await firstLoadJs(b.base, p, cookies[w] ?? "") });
    return out;
  } finally {
    server.kill();
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bench-js-"));
try {
  const db = prepare(tmp);
  let old: Awaited<ReturnType<typeof measure>> | null = null;
  if (before) {
    const copy = path.join(tmp, "before.db");
    fs.copyFileSync(db, copy);
    old = await measure(before, copy, buildDir);
  }
  const now = await measure(undefined, db, buildDir);
  const fmt = (js: { kB: number } | null | undefined) => (js ? js.kB.toFixed(1) : "—").padStart(8);
  console.log(`\nFirst-load JavaScript, kB gzipped (level 9); target ≤ ${TARGET_KB} kB. br: brotli 11, as sent where accepted\n`);
  console.log("page".padEnd(20) + (old ? "before".padStart(8) : "") + "now".padStart(8) + "br".padStart(8) + "files".padStart(7) + "  path");
  for (const [label, { path: p, js }] of now) {
    const over = js && js.kB > TARGET_KB ? "  over" : "";
    const br = (js ? js.brKB.toFixed(1) : "—").padStart(8);
    console.log(label.padEnd(20) + (old ? fmt(old.get(label)?.js) : "") + fmt(js) + br + String(js?.files ?? "—").padStart(7) + `  ${p}${over}`);
    if (js && over && process.env.BENCH_JS_FILES)
      for (const [f, kB] of js.sizes.sort((a, b) => b[1] - a[1])) console.log(`    ${kB.toFixed(2).padStart(6)}  ${f}`);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
