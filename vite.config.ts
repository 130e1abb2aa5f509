import path from "node:path";
import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import license from "rollup-plugin-license";
import { defineConfig } from "vite";
import { precompress } from "./server-static.mjs";

const buildDirectory = process.env.BUILD_DIR ?? "build";
const shellModules = [
  "vite/preload-helper.js",
  "app/components/error-boundary.tsx",
  "app/lib/lazy-schemas.ts",
  "app/components/early-typing.ts",
  "app/entry.client.tsx",
];
// The browsers the app is built for (Vite 7's default, 2022 and later).
const browsers = ["chrome107", "edge107", "firefox104", "safari16"];

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  // The browser's bundles are minified by terser, two passes: 3.4-4.1 kB less gzipped JavaScript on every page
  // than esbuild's minifier (ADR 052). They are written for the browsers Vite 7 made its default (2022 and later),
  // so optional chains are not rewritten for Chrome 87's bug, and terser may write ES2020 and skip Safari 10's
  // workarounds (ADR 058). @remix-run/router's `warning` calls (console messages for developers, which React Router
  // itself leaves out of production builds) are dropped: 0.6-0.7 kB less on every page (ADR 058). The server's bundle
  // stays readable, as Vite leaves it, with those warnings.
  // Libraries' license comments are not repeated in every bundle (0.7 kB gzipped on every page): the licenses of
  // everything the browser's bundles contain are in one file, /third-party-licenses.txt, linked from /about (ADR 056).
  // The style sheet is built for the same browsers by both builds. The server's build links the one it writes, the
  // browser's bundle the one it writes: with Vite's default CSS target on the server (vendor prefixes kept) they
  // differed, and a browser loaded the second after its first navigation inside the app.
  build: isSsrBuild
    ? { cssTarget: browsers }
    : {
        minify: "terser",
        target: ["es2022", ...browsers],
        cssTarget: browsers,
        terserOptions: { ecma: 2020, safari10: false, compress: { passes: 2, pure_funcs: ["warning"] }, format: { comments: false } },
        rollupOptions: {
          // One chunk for what nearly every page loads: React, the Remix runtime, and the app's own smallest shared parts
          // (with what they import, Rollup's rule for a manual chunk). Three small files fewer per page, 1.1-1.3 kB less
          // gzipped on a form page (ADR 058). The client entry joins it (the chunk then takes the entry's name): one file
          // fewer again, 0.1 kB less on every page. Its code then runs when the first route module imports the chunk,
          // before Remix's inline script sets the route modules; React's hydrateRoot renders on a later task (ADR 070).
          output: { manualChunks: (id: string) => (shellModules.some((m) => id.endsWith(m)) ? "shell" : undefined) },
          plugins: [license({ thirdParty: { output: path.resolve(buildDirectory, "client", "third-party-licenses.txt") } })],
        },
      },
  resolve: {
    alias: { "~": path.resolve("app"), "#db": path.resolve("db") },
  },
  optimizeDeps: { exclude: ["@node-rs/argon2"] },
  plugins: [
    tailwindcss(),
    remix({
      // BUILD_DIR lets parallel test runs build side by side without replacing each other's assets.
      buildDirectory,
      // Last, once Remix has moved the server build's style sheet beside the client's files (ADR 057).
      buildEnd: () => precompress(path.resolve(buildDirectory, "client", "assets")),
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
}));
