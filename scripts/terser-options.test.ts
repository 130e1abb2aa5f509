// The browser's bundles drop @remix-run/router's console warnings through terser's `pure_funcs` (vite.config.ts,
// ADR 058), which matches calls by the function's name. This checks, on the router's own code, that the name still
// matches and the warnings go, and that terser keeps what the router needs (its invariants still throw).
import fs from "node:fs";
import { createRequire } from "node:module";
import { minify } from "terser";
import type { UserConfig } from "vite";
import { describe, expect, it } from "vitest";
import viteConfig from "../vite.config";

const require = createRequire(import.meta.url);

describe("terser's options for the browser's bundles", () => {
  it("drop the router's warnings and keep its invariants", async () => {
    const config = (viteConfig as (env: { command: "build"; mode: string; isSsrBuild: boolean }) => UserConfig)({
      command: "build",
      mode: "production",
      isSsrBuild: false,
    });
    const source = fs.readFileSync(require.resolve("@remix-run/router").replace(/router\.cjs\.js$/, "router.js"), "utf8");
    expect(source).toContain("You are trying to use a blocker on a POP navigation");
    const { compress, ecma } = config.build!.terserOptions!;
    const { code } = await minify(source, { compress, ecma, module: true });
    expect(code).not.toContain("You are trying to use a blocker on a POP navigation");
    expect(code).not.toContain("relative pathnames are not supported");
    expect(code).toContain("You must provide a non-empty routes array to createRouter");
  });
});
