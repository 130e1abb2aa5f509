// Production server: Remix behind Express, with the protections that must apply to every request
// (security headers with a per-request CSP nonce, a same-origin check on every non-GET request).
import crypto from "node:crypto";
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";

installGlobals({ nativeFetch: true });

const buildDir = process.env.BUILD_DIR ?? "build";
const build = await import(url.pathToFileURL(path.resolve(buildDir, "server/index.js")).href);
const port = Number(process.env.PORT ?? 3000);

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy, TRUST_PROXY=1 makes req.ip and the host come from X-Forwarded-* headers.
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY === "true" ? true : Number(process.env.TRUST_PROXY) || process.env.TRUST_PROXY);

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
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  next();
});

// Cross-site request protection on top of SameSite=Lax cookies: a browser always sends Origin on a
// POST; when it names another site, the request is refused before any action runs.
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
  if (host && host === req.get("host")) return next();
  res.status(403).type("text/plain").send("Cross-site request refused.");
});

app.use(compression());
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
if (process.env.REQUEST_LOG !== "false") app.use(morgan("tiny"));
app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip ?? "unknown" }),
  }),
);

const server = app.listen(port, () => console.log(`[server] http://localhost:${port}`));
// Finish in-flight requests on SIGTERM/SIGINT, then exit; a second signal exits at once.
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
    process.once(signal, () => process.exit(1));
  });
}
