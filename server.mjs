// Production server: Remix behind Express, with the protections that must apply to every request
// (security headers with a per-request CSP nonce, a same-origin check on every non-GET request,
// request-body limits). ADR 005 and ADR 009.
import cluster from "node:cluster";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import url from "node:url";
import zlib from "node:zlib";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import { precompressedFiles } from "./server-static.mjs";
import { machineCores, onStopSignals, runsBackgroundWork, runWorkers, workerCount } from "./server-workers.mjs";

// WEB_CONCURRENCY above 1 (ADR 050): this first process forks that many workers and goes no further; each worker runs
// the rest of this file.
/** @type {number} */
let processes;
try {
  processes = workerCount(process.env.WEB_CONCURRENCY, machineCores());
} catch (error) {
  console.error(`[server] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
if (cluster.isPrimary && processes > 1) await runWorkers(processes);

installGlobals({ nativeFetch: true });

const buildDir = process.env.BUILD_DIR ?? "build";
const build = await import(url.pathToFileURL(path.resolve(buildDir, "server/index.js")).href);
const port = Number(process.env.PORT ?? 3000);

// Bodies are read here, before Remix, and refused with 413 past these sizes (ADR 009). Only the entry
// page takes screenshot uploads (5 MB each, checked again by the app); every other form is text, the
// largest (a full rubric) under 400 KB even in a script whose characters percent-encode to 9 bytes.
const FORM_BODY_LIMIT = 512 * 1024;
const UPLOAD_BODY_LIMIT = 6 * 1024 * 1024;
const UPLOAD_ROUTE = /^\/events\/[^/]+\/teams\/[^/]+\/entry(?:\.data)?\/?$/;
// Mirrors env.server.ts: secure cookies by default in production, and then HSTS too.
const cookieSecure = process.env.COOKIE_SECURE ? process.env.COOKIE_SECURE === "true" : process.env.NODE_ENV === "production";

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY) {
  try {
    app.set("trust proxy", trustProxySetting(process.env.TRUST_PROXY));
  } catch (error) {
    console.error(
      `[server] TRUST_PROXY=${process.env.TRUST_PROXY}: ${error instanceof Error ? error.message : error}. Set the number of proxies in front of the app (e.g. 1) or their addresses (e.g. 10.0.0.5,10.0.0.6 or loopback).`,
    );
    process.exit(1);
  }
}

/**
 * Behind a reverse proxy, req.ip and the host come from X-Forwarded-* headers, but only across as
 * many hops as there are proxies (a number) or only from the proxies' addresses. `true` would believe
 * whatever address a client writes into X-Forwarded-For and let it dodge the per-address rate limits.
 */
/** @param {string} value */
function trustProxySetting(value) {
  const trimmed = value.trim();
  if (/^(true|false|yes|no|on|off)$/i.test(trimmed)) throw new Error("a yes/no value is refused (true would trust any client's X-Forwarded-For)");
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // Express checks each address or subnet when the setting is applied and throws on a bad one.
  return trimmed
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
}

// Signing out of an SSO session posts the sign-out form here and is redirected to the provider's sign-out
// page: browsers check form-action against every redirect of a form submission (ADR 016).
const formAction = ["'self'", process.env.OIDC_ISSUER ? new URL(process.env.OIDC_ISSUER).origin : ""].join(" ").trim();

app.use((req, res, next) => {
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "font-src 'self'",
      // Entry videos play only from these hosts (VIDEO_PLAYER_ORIGINS in app/modules/entries/video.ts).
      "frame-src https://www.youtube-nocookie.com https://player.vimeo.com https://www.loom.com",
      "object-src 'none'",
      "base-uri 'self'",
      `form-action ${formAction}`,
      "frame-ancestors 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  // Secure cookies mean the app is served over https: browsers should never try plain http again.
  if (cookieSecure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
});

// Cross-site request protection on top of SameSite=Lax cookies: a browser always sends Origin on a
// POST; when it names another site, the request is refused before any action runs. The site is the
// request's own host or, behind a proxy that rewrites Host, the configured APP_URL's.
const appHost = process.env.APP_URL ? new URL(process.env.APP_URL).host : null;
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const source = req.get("origin") ?? req.get("referer");
  if (!source) return next();
  let host;
  try {
    host = new URL(source).host;
  } catch {
    host = null;
  }
  if (host && (host === req.get("host") || host === appHost)) return next();
  res.status(403).type("text/plain").send("Cross-site request refused.");
});

// A flood of sign-ins (ADR 039): while too many already wait for a password check, a sign-in form post is refused
// here, before logging, body reading and rendering, so the refusal costs next to nothing and pages keep serving.
// Posts from the app's JavaScript go to /login.data (single fetch), so they reach the sign-in action, which refuses
// them with the message on the form.
/** @type {() => string | null} */
const signInsSaturatedPage = build.entry.module.signInsSaturatedPage ?? (() => null);
app.use((req, res, next) => {
  if (req.method !== "POST" || req.path !== "/login") return next();
  const page = signInsSaturatedPage();
  if (!page) return next();
  res.status(503).set("Retry-After", "5").type("html").send(page);
});

// Vite's hashed files under /assets/ are sent as they were compressed when built, brotli or gzip as the browser
// accepts (ADR 057): the twin is chosen here, before the "fast" setting below narrows Accept-Encoding to gzip.
const assetsDir = path.join(build.assetsBuildDirectory, "assets");
const assets = precompressedFiles(assetsDir);
app.use(`${build.publicPath}assets`, assets.choose);

// Compression (ADR 040, ADR 048): "fast" (the default) spends little CPU per page (gzip level 1) and skips
// files under 1.4 KB, which fit one packet anyway (pages stream, so their size is not known in advance); "balanced"
// is the library's default (gzip 6, brotli 4), which halved a small page's throughput; "off" leaves it to a reverse
// proxy in front, which should then compress instead.
const compressionSetting = process.env.COMPRESSION ?? "fast";
if (!["fast", "balanced", "off"].includes(compressionSetting)) {
  console.error(`[server] COMPRESSION=${compressionSetting}: use fast (the default), balanced or off.`);
  process.exit(1);
}
if (compressionSetting === "fast") {
  // gzip even where brotli is accepted (ADR 048): at its cheapest, brotli made pages no smaller than gzip level 1
  // and cost twice the CPU. Brotli stays for a client that takes nothing else, "balanced" and a proxy's files.
  app.use((req, _res, next) => {
    const gzip = /(?:^|,)\s*gzip\s*(?:;\s*q=([\d.]+))?\s*(?:,|$)/i.exec(req.headers["accept-encoding"] ?? "");
    if (gzip && (gzip[1] === undefined || Number(gzip[1]) > 0)) req.headers["accept-encoding"] = "gzip";
    next();
  });
  app.use(compression({ level: 1, threshold: 1400, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } } }));
}
if (compressionSetting === "balanced") app.use(compression());
// The hashed files are cached for a year; one without a twin is compressed by the middleware above.
app.use(`${build.publicPath}assets`, express.static(assetsDir, { immutable: true, maxAge: "1y", setHeaders: assets.setHeaders }));
// Static files (issue 19): the client build's files outside /assets/ are public/'s, copied there by the build (the
// favicon), and the licenses file (ADR 056), listed once at start (as request paths, percent-encoded). Only those paths
// reach a static handler, so a page does not pay a stat() of the disk for files that are not there.
const publicFiles = new Set(
  fs
    .readdirSync(build.assetsBuildDirectory, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    // Dirent.parentPath is Node 20.12+; `path` is its older name.
    .map((f) =>
      path
        .relative(build.assetsBuildDirectory, path.join(f.parentPath ?? f.path, f.name))
        .split(path.sep)
        .join("/"),
    )
    .filter((f) => !f.startsWith("assets/") && !f.split("/").some((part) => part.startsWith(".")))
    .map((f) => encodeURI(`/${f}`)),
);
const servePublic = express.static(build.assetsBuildDirectory, { maxAge: "1h" });
app.use(build.publicPath, (req, res, next) => (publicFiles.has(req.path) ? servePublic(req, res, next) : next()));
// morgan's "tiny" format, with judge-invite, reset and unsubscribe tokens and team invite codes masked: they are credentials.
morgan.token("masked-url", (/** @type {express.Request} */ req) => maskSecrets(req.originalUrl ?? req.url));
if (process.env.REQUEST_LOG !== "false") app.use(morgan(":method :masked-url :status :res[content-length] - :response-time ms"));

/**
 * Masks /judge-invite/<token>, /reset-password/<token>, /unsubscribe/<token>, /auth/link/<token> and code=<code>, also inside an encoded redirectTo.
 * @param {string} url
 */
function maskSecrets(url) {
  return url
    .replace(/((?:judge-invite|reset-password|unsubscribe|auth(?:\/|%2F)link)(?:\/|%2F))[^/?#&%.]+/gi, "$1***")
    .replace(/((?:[?&]|%3F|%26)code(?:=|%3D))[^&#%]+/gi, "$1***");
}

// Marks a page's own load: a GET or HEAD of the document, not of its data (`.data`, single fetch) and not the
// loaders Remix runs after a form's action, which it calls with a GET of its own. Only such a request is sent on to
// an event's new address from an earlier one (ADR 062, `requireEventAccess`); a form or data request is answered
// there, so an action's answer (a field's error, a refusal with the typed text) is not replaced by a redirect.
// Set here only: a client's own value is dropped.
app.use((req, _res, next) => {
  delete req.headers["x-page-load"];
  if ((req.method === "GET" || req.method === "HEAD") && !req.path.endsWith(".data")) req.headers["x-page-load"] = "1";
  next();
});

/**
 * The 413 page: plain HTML with no script or style (the CSP allows neither inline), and a link back to the page.
 * @param {import("express").Request} req
 * @param {number} limit
 */
function tooLargePage(req, limit) {
  const upload = limit === UPLOAD_BODY_LIMIT;
  const back = (() => {
    try {
      const from = new URL(req.get("referer") ?? "");
      return from.host === req.get("host") ? from.pathname + from.search : null;
    } catch {
      return null;
    }
  })();
  const escape = (/** @type {string} */ text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const what = upload
    ? "A screenshot may be at most 5 MB. Go back, pick a smaller file and upload it again."
    : `A form may send at most ${limit / 1024} KB. Go back and shorten what you typed.`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Too large to send · Problem First</title></head><body><main><h1>Too large to send</h1><p>${what} Nothing was saved.</p>${back ? `<p><a href="${escape(back)}">Back to the page</a></p>` : ""}</main></body></html>`;
}

// Reads the whole body before Remix runs, refusing it with 413 once it passes the route's limit,
// whether the client declared its length or sent it chunked.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const limit = UPLOAD_ROUTE.test(req.path) ? UPLOAD_BODY_LIMIT : FORM_BODY_LIMIT;
  const refuse = () => {
    res.status(413);
    // A browser posting a page itself (no JavaScript) is answered with a page saying what to do; a script, or the
    // app's own data requests, with the line (the entry form checks a screenshot's size before sending it).
    if (!req.path.endsWith(".data") && req.accepts(["text/plain", "text/html"]) === "text/html") res.type("html").send(tooLargePage(req, limit));
    else res.type("text/plain").send(`Request body too large: the limit is ${limit / 1024} KB.`);
    // Hanging up at once would reset the connection before the client reads the answer: drop what
    // still arrives for a moment (nothing is kept), then hang up on a client that keeps sending.
    req.on("data", () => {});
    setTimeout(() => req.complete || req.destroy(), 2000).unref();
  };
  if (Number(req.get("content-length") ?? 0) > limit) return refuse();
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  const collect = (/** @type {Buffer} */ chunk) => {
    size += chunk.length;
    if (size <= limit) return void chunks.push(chunk);
    req.off("data", collect).off("end", done);
    chunks.length = 0;
    refuse();
  };
  const done = () => {
    res.locals.requestBody = Buffer.concat(chunks);
    next();
  };
  // A client that goes away mid-body only closes its own request.
  req
    .on("data", collect)
    .on("end", done)
    .on("error", () => {});
});

const handleRemix = createRequestHandler({
  build,
  mode: process.env.NODE_ENV,
  getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip ?? "unknown" }),
});
// The Express adapter streams the body from the request it is given: give it one that replays the
// body read above, carrying the fields the adapter reads (method, headers, URL, host, protocol, ip).
// Mounted with `use`, not `all("*")`, whose wildcard Express decodes first: an address with a malformed escape
// ("/unsubscribe/%E0%A4%A") got Express's bare "Bad Request" page instead of the app's own answer.
app.use((req, res, next) => {
  const body = res.locals.requestBody;
  if (!body) return handleRemix(req, res, next);
  const replay = Object.assign(Readable.from(body.length > 0 ? [body] : []), {
    method: req.method,
    headers: req.headers,
    url: req.url,
    originalUrl: req.originalUrl,
    hostname: req.hostname,
    protocol: req.protocol,
    ip: req.ip,
    get: (/** @type {string} */ name) => req.get(name),
  });
  // The replay carries every field the adapter reads; it is not a whole express.Request.
  return handleRemix(/** @type {express.Request} */ (/** @type {unknown} */ (replay)), res, next);
});

const server = app.listen(port, () => console.log(`[server] http://localhost:${port}${cluster.isWorker ? ` (process ${process.pid})` : ""}`));
// Work beside requests (the mail sender, ADR 015; the scheduler, ADR 024) runs in one process, a single server's or
// the worker the first process chose (ADR 050), and stops before it exits.
/** @type {() => void} */
let stopBackgroundWork = () => {};
if (runsBackgroundWork(cluster.isWorker, process.env)) {
  if (cluster.isWorker) console.log(`[server] process ${process.pid} runs the mail sender and the scheduler`);
  stopBackgroundWork = build.entry.module.startBackgroundWork?.() ?? stopBackgroundWork;
}
// Finish in-flight requests on SIGTERM/SIGINT, then exit; a second signal exits at once (one within a second is the same
// Ctrl-C: a terminal signals every process of `npm start`, which also passes it on). A worker (ADR 050) is asked by a
// message from the first process; Node's cluster module ends a worker at once when that process is gone.
let stopping = false;
function shutDown() {
  if (stopping) return;
  stopping = true;
  stopBackgroundWork();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
onStopSignals(shutDown, () => process.exit(1));
if (cluster.isWorker) process.on("message", (message) => message === "shutdown" && shutDown());
