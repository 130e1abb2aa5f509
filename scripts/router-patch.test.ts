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
