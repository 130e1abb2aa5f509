// A mistyped invite code keeps the person on the event page (or the join form) with the reason next to the field.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { teams } from "#db/schema";
import { db } from "~/db.server";
import { createTeam } from "~/modules/teams/teams.server";
import { UNKNOWN_CODE_MESSAGE } from "~/modules/teams/invite-code.server";
import { loader as eventLoader } from "~/routes/events.$slug._index";
import { action as joinAction, loader as joinLoader } from "~/routes/join";
import { args, createOpenEvent, createUser, expectStatus, request } from "~/test/fixtures";

type Reply = { inviteReply?: { initialValue: { code: string }; error: { code: string[] } } };

async function setup() {
  const organizer = await createUser({ role: "organizer" });
  const lead = await createUser();
  const newcomer = await createUser();
  const { event, problem } = await createOpenEvent(organizer);
  const team = await createTeam(event, lead.id, { name: "Typos", problemId: problem.id });
  if (!team.ok) throw new Error(team.message);
  const [row] = await db.select({ code: teams.inviteCode }).from(teams).where(eq(teams.id, team.teamId));
  return { event, newcomer, code: row.code };
}

const eventPage = (slug: string, user: { cookie: string }, query = "") => eventLoader(args(request(`/events/${slug}${query}`, { user }), { slug }));

describe("typing an invite code on the event page", () => {
  it("shows the event page with the message next to the field for an unknown code", async () => {
    const { event, newcomer } = await setup();
    const page = await expectStatus(eventPage(event.slug, newcomer, "?code=zzzz9999"), 200);
    const d = page.data as Reply & { event: { title: string } };
    expect(d.event.title).toBe(event.title);
    expect(d.inviteReply?.error.code).toEqual([UNKNOWN_CODE_MESSAGE]);
    expect(d.inviteReply?.initialValue.code).toBe("ZZZZ9999");
  });

  it("says what a code looks like when it is the wrong shape, and shows no message without a code", async () => {
    const { event, newcomer } = await setup();
    const page = await expectStatus(eventPage(event.slug, newcomer, "?code=abc"), 200);
    expect((page.data as Reply).inviteReply?.error.code).toEqual(["An invite code has 8 letters and digits"]);
    expect(((await expectStatus(eventPage(event.slug, newcomer), 200)).data as Reply).inviteReply).toBeUndefined();
  });

  it("goes on to the join page for a known code, forgiving case and spaces", async () => {
    const { event, newcomer, code } = await setup();
    const res = await expectStatus(eventPage(event.slug, newcomer, `?code=+${code.toLowerCase()}+`), 302);
    expect(res.response!.headers.get("Location")).toBe(`/join?code=${code}`);
  });

  it("takes the whole invite link as the team page shows it, or the code split by a hyphen", async () => {
    const { event, newcomer, code } = await setup();
    for (const typed of [
      `https://hack.example.com/join?code=${code}`,
      `http://localhost:3000/join?code=${code.toLowerCase()}#x`,
      `${code.slice(0, 4)}-${code.slice(4)}`,
    ]) {
      const res = await expectStatus(eventPage(event.slug, newcomer, `?${new URLSearchParams({ code: typed })}`), 302);
      expect(res.response!.headers.get("Location"), typed).toBe(`/join?code=${code}`);
    }
    // A link without a code is still the wrong shape, said as before.
    const page = await expectStatus(eventPage(event.slug, newcomer, `?${new URLSearchParams({ code: "https://hack.example.com/join" })}`), 200);
    expect((page.data as Reply).inviteReply?.error.code).toEqual(["An invite code has 8 letters and digits"]);
  });
});

describe("the join page with a mistyped code", () => {
  it("answers 404 with the code field and its message instead of an error page", async () => {
    const { newcomer } = await setup();
    const page = await expectStatus(joinLoader(args(request("/join?code=ZZZZ9999", { user: newcomer }))), 404);
    expect(page.data).toMatchObject({ found: false, reply: { error: { code: [UNKNOWN_CODE_MESSAGE] } } });
    const empty = await expectStatus(joinLoader(args(request("/join", { user: newcomer }))), 200);
    expect(empty.data).toEqual({ found: false, reply: undefined });
  });
});

describe("the join page's button after the team's code changed", () => {
  it("says beside the button that the link stopped working, instead of an error page", async () => {
    const { newcomer, code } = await setup();
    await expectStatus(joinLoader(args(request(`/join?code=${code}`, { user: newcomer }))), 200);
    // A member leaves meanwhile: the team gets a new code.
    await db.update(teams).set({ inviteCode: "NEWCODE9" }).where(eq(teams.inviteCode, code));
    const refused = await expectStatus(joinAction(args(request(`/join?code=${code}`, { user: newcomer, form: { code } }))), 404);
    expect(refused.thrown).toBe(false);
    expect((refused.data as { error: string }).error).toMatch(/^This invite link stopped working since you opened it/);
  });
});
