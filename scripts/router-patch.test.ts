// patches/@remix-run+router+*.patch (ADR 049) caches route matching in the server's copy of the router, which
// `npm install` applies through patch-package. These tests check that it is applied and that matching still answers
// as React Router documents: each variant of a pattern compiled on its own, each route tree ranked on its own.
import fs from "node:fs";
import { createRequire } from "node:module";
import type * as Router from "@remix-run/router";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
// The CommonJS build is the one the server loads (Remix's packages have no ESM entry for Node).
const router = require("@remix-run/router") as typeof Router;

describe("the route-matching patch", () => {
  it("is applied to the copy the server loads", () => {
    const source = fs.readFileSync(require.resolve("@remix-run/router"), "utf8");
    expect(source).toContain("const rankedBranches = new WeakMap();");
    expect(source).toContain("const compiledPaths = new Map();");
  });

  it("keeps a pattern's end and case sensitivity apart", () => {
    expect(router.matchPath({ path: "/events", end: false }, "/events/x")?.pathnameBase).toBe("/events");
    expect(router.matchPath({ path: "/events", end: true }, "/events/x")).toBeNull();
    expect(router.matchPath({ path: "/Events", caseSensitive: false }, "/events")).not.toBeNull();
    expect(router.matchPath({ path: "/Events", caseSensitive: true }, "/events")).toBeNull();
    expect(router.matchPath("/events/:slug", "/events/a")?.params).toEqual({ slug: "a" });
    expect(router.matchPath("/events/:slug", "/events/b")?.params).toEqual({ slug: "b" });
  });

  it("ranks each route tree on its own and answers every path of one tree", () => {
    const tree = [
      {
        id: "root",
        path: "/",
        children: [
          { id: "event", path: "events/:slug" },
          { id: "new", path: "events/new" },
          { id: "about", path: "about" },
        ],
      },
    ];
    const ids = (routes: typeof tree, path: string) => router.matchRoutes(routes, path)?.map((m) => m.route.id) ?? null;
    expect(ids(tree, "/events/new")).toEqual(["root", "new"]);
    expect(ids(tree, "/events/spring")).toEqual(["root", "event"]);
    expect(ids(tree, "/about")).toEqual(["root", "about"]);
    expect(ids(tree, "/nowhere")).toBeNull();
    const other = [{ id: "root", path: "/", children: [{ id: "only", path: "events/:slug" }] }];
    expect(ids(other, "/events/new")).toEqual(["root", "only"]);
    expect(router.matchRoutes(tree, "/events/spring")?.[1].params).toEqual({ slug: "spring" });
  });
});

// patches/@remix-run+react+*.patch (ADR 049, addendum): the routes a page's manifest lists are worked out once per path.
type PartialRouter = { state: { matches: { route: { id: string } }[]; location: { pathname: string } }; routes: unknown[]; basename?: string };
type Manifest = { entry: unknown; url: string; version: string; routes: Record<string, { id: string }> };
const fogOfWar = require("@remix-run/react/dist/fog-of-war.js") as { getPartialManifest(manifest: Manifest, router: PartialRouter): Manifest };

describe("the partial-manifest patch", () => {
  const tree = [
    {
      id: "root",
      path: "",
      children: [
        { id: "events-index", path: "events", index: true },
        {
          id: "event",
          path: "events/:slug",
          children: [
            { id: "event-index", index: true },
            { id: "entries", path: "entries" },
          ],
        },
        { id: "about", path: "about" },
      ],
    },
  ];
  const ids = ["root", "events-index", "event", "event-index", "entries", "about"];
  const manifestOf = (version: string): Manifest => ({
    entry: {},
    url: "/m.js",
    version,
    routes: Object.fromEntries(ids.map((id) => [id, { id, version } as { id: string }])),
  });
  const page = (pathname: string, matches: string[]): PartialRouter => ({
    state: { matches: matches.map((id) => ({ route: { id } })), location: { pathname } },
    routes: tree,
  });
  const listed = (m: Manifest) => Object.keys(m.routes).sort();

  it("is applied to the copy the server loads", () => {
    expect(fs.readFileSync(require.resolve("@remix-run/react/dist/fog-of-war.js"), "utf8")).toContain("const partialRouteIds = new WeakMap();");
  });

  it("lists the page's routes and those of every parent path, as before, for each request of a path", () => {
    const manifest = manifestOf("1");
    for (let i = 0; i < 2; i++) {
      expect(listed(fogOfWar.getPartialManifest(manifest, page("/events/spring/entries", ["root", "event", "entries"])))).toEqual(
        ["entries", "event", "event-index", "events-index", "root"].sort(),
      );
      expect(listed(fogOfWar.getPartialManifest(manifest, page("/about", ["root", "about"])))).toEqual(["about", "root"]);
    }
  });

  it("keeps pages of one path with other matches apart, and each manifest's own routes", () => {
    const manifest = manifestOf("1");
    expect(listed(fogOfWar.getPartialManifest(manifest, page("/about", ["root", "about"])))).toEqual(["about", "root"]);
    // The same path answered by an error boundary higher up matches fewer routes; the parent paths' routes still come.
    expect(listed(fogOfWar.getPartialManifest(manifest, page("/about", ["root"])))).toEqual(["root"]);
    const rebuilt = manifestOf("2");
    const partial = fogOfWar.getPartialManifest(rebuilt, page("/about", ["root", "about"]));
    expect(partial.version).toBe("2");
    expect(partial.routes.about).toBe(rebuilt.routes.about);
  });
});
