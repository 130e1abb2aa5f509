// patches/@remix-run+server-runtime+*.patch (ADR 059) passes a loader the request as it came when there is no
// `index`, `_data` or `_routes` parameter to strip, instead of a copy per loader: so every loader of a page gets the
// same Request, and what is kept per request (the session read once, session.server.ts) is read once. These tests
// check that the patch is applied, that a page's loaders share one request, and that a parameter is still stripped.
import fs from "node:fs";
import { createRequire } from "node:module";
import type * as ServerRuntime from "@remix-run/server-runtime";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
// The CommonJS build is the one the server loads (Remix's packages have no ESM entry for Node).
const runtime = require("@remix-run/server-runtime") as typeof ServerRuntime;

/** A two-route app (a root and a page under it) whose loaders write down the request each one got. */
function appSeeing(seen: Request[], action?: (args: { request: Request }) => Promise<unknown>) {
  const loader = ({ request }: { request: Request }) => {
    seen.push(request);
    return { ok: true };
  };
  const route = (id: string, parentId: string | undefined, path: string, index = false) => ({
    id,
    parentId,
    path,
    index,
    caseSensitive: false,
    module: { loader, action: id === "page" ? action : undefined, default: () => null },
  });
  const build = {
    mode: "production",
    entry: { module: { default: () => new Response("") } },
    routes: { root: route("root", undefined, ""), page: route("page", "root", "events"), home: route("home", "root", "", true) },
    assets: { routes: {}, entry: { module: "", imports: [] }, url: "/manifest.js", version: "1" },
    publicPath: "/",
    assetsBuildDirectory: "",
    basename: undefined,
    future: { v3_singleFetch: true, v3_lazyRouteDiscovery: true },
    isSpaMode: false,
  };
  return runtime.createRequestHandler(build as unknown as ServerRuntime.ServerBuild, "production");
}

describe("the one-request-per-page patch", () => {
  it("is applied to the copy the server loads", () => {
    const source = fs.readFileSync(require.resolve("@remix-run/server-runtime/dist/data.js"), "utf8");
    expect(source).toContain('if (!url.searchParams.has("index")) return request;');
    expect(source).toContain('if (!url.searchParams.has("_routes")) return request;');
  });

  it("gives every loader of a page the same request", async () => {
    const seen: Request[] = [];
    const response = await appSeeing(seen)(new Request("http://localhost/events.data"));
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
    expect(new URL(seen[0].url).pathname).toBe("/events");
  });

  it("lets an action still read its body", async () => {
    let sent = "";
    const handler = appSeeing([], async ({ request }) => {
      sent = String((await request.formData()).get("title"));
      return { saved: true };
    });
    const response = await handler(new Request("http://localhost/events.data", { method: "POST", body: new URLSearchParams({ title: "Dispute radar" }) }));
    expect(response.status).toBe(200);
    expect(sent).toBe("Dispute radar");
  });

  it("still strips what it strips: an empty index parameter and the routes a data request names", async () => {
    const seen: Request[] = [];
    await appSeeing(seen)(new Request("http://localhost/_root.data?index=&_routes=root,home&q=x"));
    expect(seen.length).toBeGreaterThan(0);
    for (const request of seen) expect(new URL(request.url).search).toBe("?q=x");
  });
});
