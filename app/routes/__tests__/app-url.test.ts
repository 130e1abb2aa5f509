// Absolute links come from APP_URL, never from the Host header a client sends.
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.APP_URL = "https://hack.example.com/ignored/path";
});

const { readEnv } = await import("~/env.server");
const { createTeam } = await import("~/modules/teams/teams.server");
const { action: judgesAction } = await import("~/routes/events.$slug.judges");
const { loader: teamLoader } = await import("~/routes/events.$slug.teams.$teamId._index");
const { args, createOpenEvent, createUser, expectStatus, request } = await import("~/test/fixtures");

describe("APP_URL", () => {
  it("builds team and judge invite links on APP_URL even when the Host header names another site", async () => {
    const organizer = await createUser({ role: "organizer" });
    const lead = await createUser();
    const { event, problem } = await createOpenEvent(organizer);
    const team = await createTeam(event, lead.id, { name: "Host team", problemId: problem.id });
    if (!team.ok) throw new Error("team setup failed");
    const page = await expectStatus(
      teamLoader(args(request(`http://evil.example/events/${event.slug}/teams/${team.teamId}`, { user: lead }), { slug: event.slug, teamId: team.teamId })),
      200,
    );
    expect((page.data as { inviteUrl: string }).inviteUrl).toMatch(/^https:\/\/hack\.example\.com\/join\?code=/);
    const created = await expectStatus(
      judgesAction(
        args(request(`http://evil.example/events/${event.slug}/judges`, { user: organizer, form: { intent: "create-invite", days: 7 } }), { slug: event.slug }),
      ),
      200,
    );
    expect((created.data as { inviteUrl: string }).inviteUrl).toMatch(/^https:\/\/hack\.example\.com\/judge-invite\//);
  });

  it("is required in production, and must be an http(s) address", () => {
    const production = { NODE_ENV: "production", SESSION_SECRET: "a-secret-of-sixteen-chars" };
    expect(() => readEnv(production)).toThrow(/APP_URL: required in production/);
    expect(() => readEnv({ ...production, APP_URL: "javascript:alert(1)" })).toThrow(/APP_URL must be an http\(s\) address/);
    expect(readEnv({ ...production, APP_URL: "https://hack.example.com/" }).appUrl).toBe("https://hack.example.com");
    expect(readEnv({ NODE_ENV: "development" }).appUrl).toBeUndefined();
  });
});
