// Vitest for mutation runs (npm run test:mutation, stryker.config.json): only the fast unit tests of
// the pure rule modules, without the per-file temporary database of vitest.config.ts, so each of the
// thousands of mutant runs takes milliseconds. `npm test` keeps using vitest.config.ts for everything.
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "~": path.resolve("app"), "#db": path.resolve("db") },
  },
  test: {
    include: [
      "app/modules/judging/results.test.ts",
      "app/modules/auth/permissions*.test.ts",
      "app/modules/events/phases.test.ts",
      "app/modules/events/phase-words.test.ts",
      "app/modules/events/assignments.test.ts",
      "app/modules/archive/query.test.ts",
      "app/modules/archive/digest.test.ts",
      "app/modules/archive/digest-follow-ups.test.ts",
      "app/modules/archive/relevance.test.ts",
      "app/modules/archive/spelling.test.ts",
      "app/modules/archive/suggest.test.ts",
      "app/modules/archive/history.test.ts",
      "app/modules/reminders/due.test.ts",
      "app/modules/follow-ups/due.test.ts",
      "app/modules/peoples-choice/rules.test.ts",
      // The announcement form schema (announcements/schemas.ts) is tested beside its rules.
      "app/modules/announcements/rules.test.ts",
      "app/modules/teams/invitations.test.ts",
      "app/modules/teams/join-requests.test.ts",
      "app/modules/entries/questions.test.ts",
      "app/modules/entries/conflict.test.ts",
      "app/modules/notifications/preferences.test.ts",
      "app/modules/portfolio/portfolio.test.ts",
      "app/modules/judging/queue.test.ts",
      "app/modules/judging/rounds.test.ts",
      "app/modules/judging/settings.test.ts",
      "app/modules/judging/results-view.test.ts",
      "app/modules/auth/sso.test.ts",
      "app/modules/auth/work-gate.test.ts",
      "app/modules/entries/images.test.ts",
      "app/modules/entries/video.test.ts",
      "app/modules/problems/owner.test.ts",
      "app/lib/time.test.ts",
      "app/lib/countdown.test.ts",
      "app/lib/paging.test.ts",
      "app/lib/css-percent.test.ts",
      "app/lib/link-click.test.ts",
      "app/lib/page-title.test.ts",
      "app/lib/lazy-schemas.test.ts",
      "app/lib/form-state.test.ts",
      "app/lib/form-lists.test.ts",
      "app/lib/forms.server.test.ts",
      "app/components/kept-typing-rules.test.ts",
      "app/modules/*/schemas.test.ts",
    ],
    environment: "node",
    setupFiles: ["./app/test/setup-unit.ts"],
    pool: "threads",
    testTimeout: 20000,
  },
});
