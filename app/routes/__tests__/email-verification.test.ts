// Email confirmation through the routes (ADR 028): sign-up answers alike for a new and a taken address,
// an unconfirmed account browses but cannot join or create a team or accept a judge invite, the mailed link
// confirms only on its button, and "Send the link again" goes back where it was pressed.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, teams, users } from "#db/schema";
import { db } from "~/db.server";
import { createAccount } from "~/modules/auth/accounts.server";
import { createJudgeInvite } from "~/modules/events/judge-invites.server";
import { createTeam } from "~/modules/teams/teams.server";
import { loader as rootLoader } from "~/root";
import { loader as eventLoader } from "~/routes/events.$slug._index";
import { action as newTeamAction } from "~/routes/events.$slug.teams.new";
import { action as judgeInviteAction } from "~/routes/judge-invite.$token";
import { action as joinAction } from "~/routes/join";
import { action as signupAction } from "~/routes/signup";
import { action as resendAction, loader as resendLoader } from "~/routes/verify-email";
import { action as confirmAction, loader as confirmLoader } from "~/routes/verify-email_.$token";
import { PASSWORD, args, createOpenEvent, createUser, expectStatus, request, sessionCookie, setCookies, settle } from "~/test/fixtures";

const UNCONFIRMED = "Confirm your email address first: open the link we mailed you, or send it again from the banner at the top of the page.";

async function unconfirmedUser(name = "Una Confirmed") {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@example.com`;
  const created = await createAccount({ name, email, password: PASSWORD, emailVerified: false });
  if (!created.ok) throw new Error(created.message);
  return { id: created.userId, email, name, cookie: await sessionCookie(created.userId) };
}

const tokenMailedTo = async (email: string) => {
  const rows = await db.select({ text: outbox.textBody }).from(outbox).where(eq(outbox.toEmail, email));
  return rows.at(-1)!.text.match(/\/verify-email\/([\w-]+)/)![1];
};

describe("sign-up reveals nothing about an address", () => {
  it("a new address and a taken one get the same page and status; nobody is signed in", async () => {
    const taken = await createUser();
    const signUp = (email: string, ip: string) =>
      expectStatus(signupAction({ ...args(request("/signup", { form: { name: "Sam Same", email, password: PASSWORD } })), context: { clientIp: ip } }), 200);
    const fresh = await signUp("sam.same@example.com", "10.22.0.1");
    const existing = await signUp(taken.email, "10.22.0.2");
    expect(existing.data).toEqual({ ...(fresh.data as object), sentTo: taken.email });
    expect(fresh.response?.headers.get("Set-Cookie") ?? null).toBeNull();
    expect(existing.response?.headers.get("Set-Cookie") ?? null).toBeNull();
    const kinds = await db.select({ to: outbox.toEmail, kind: outbox.kind }).from(outbox);
    expect(kinds).toEqual(
      expect.arrayContaining([
        { to: "sam.same@example.com", kind: "email-verification" },
        { to: taken.email, kind: "sign-up-attempt" },
      ]),
    );
  });

  it("keeps the per-client-address limit", async () => {
    const attempt = (i: number) =>
      settle(
        signupAction({
          ...args(request("/signup", { form: { name: "Lim It", email: `limit-${i}@example.com`, password: PASSWORD } })),
          context: { clientIp: "10.22.9.9" },
        }),
      );
    for (let i = 0; i < 20; i++) expect((await attempt(i)).status).toBe(200);
    expect((await attempt(20)).status).toBe(429);
  });
});

describe("an unconfirmed account", () => {
  it("browses an event but cannot create or join a team there, nor accept a judge invite", async () => {
    const organizer = await createUser({ role: "organizer" });
    const { event, problem } = await createOpenEvent(organizer);
    const lead = await createUser();
    const team = await createTeam(event, lead.id, { name: "Open Doors", problemId: problem.id });
    if (!team.ok) throw new Error("team");
    const una = await unconfirmedUser();

    const page = await expectStatus(eventLoader(args(request(`/events/${event.slug}`, { user: una }), { slug: event.slug })), 200);
    expect((page.data as { can: { join: unknown } }).can.join).toEqual({ ok: false, status: 403, reason: UNCONFIRMED });

    const create = await expectStatus(
      newTeamAction(args(request(`/events/${event.slug}/teams/new`, { user: una, form: { name: "Mine", problemId: problem.id } }), { slug: event.slug })),
      403,
    );
    expect(JSON.stringify(create.data)).toContain("Confirm your email address first");

    const [{ code }] = await db.select({ code: teams.inviteCode }).from(teams).where(eq(teams.id, team.teamId));
    await expectStatus(joinAction(args(request("/join", { user: una, form: { code } }))), 403);

    const invite = await createJudgeInvite(event.id, organizer.id, 7);
    await expectStatus(judgeInviteAction(args(request(`/judge-invite/${invite.token}`, { user: una, form: {} }), { token: invite.token })), 403);

    // The layout knows, for the banner.
    const root = await settle(rootLoader(args(request("/", { user: una }))));
    expect((root.data as { user: { emailVerified: boolean } }).user.emailVerified).toBe(false);
  });

  it("send the link again: back to the page it was pressed on, never off-site; a confirmed account is sent home", async () => {
    const una = await unconfirmedUser("Re Sender");
    await expectStatus(resendLoader(args(request("/verify-email", { user: una }))), 200);
    const back = await expectStatus(resendAction(args(request("/verify-email", { user: una, form: { redirectTo: "/events/x?y=1" } }))), 302);
    expect(back.response!.headers.get("Location")).toBe("/events/x?y=1");
    const offSite = await expectStatus(resendAction(args(request("/verify-email", { user: una, form: { redirectTo: "//evil.example" } }))), 302);
    expect(offSite.response!.headers.get("Location")).toBe("/verify-email");
    const mailed = await db.select({ text: outbox.textBody }).from(outbox).where(eq(outbox.toEmail, una.email));
    expect(mailed).toHaveLength(2);
    // The new link leads back to that page after confirming; the off-site one leads nowhere but the usual.
    expect(mailed.map((m) => m.text.match(/\/verify-email\/[\w-]+(\?next=\S*)?/)![1] ?? "")).toEqual(
      expect.arrayContaining(["?next=%2Fevents%2Fx%3Fy%3D1", ""]),
    );

    const confirmed = await createUser();
    const home = await expectStatus(resendLoader(args(request("/verify-email", { user: confirmed }))), 302);
    expect(home.response!.headers.get("Location")).toBe("/");
  });
});

describe("the mailed link", () => {
  it("opening it confirms nothing; its button confirms once; the owner signed in goes home with a toast", async () => {
    await expectStatus(
      signupAction({
        ...args(request("/signup", { form: { name: "Link Clicker", email: "clicker@example.com", password: PASSWORD } })),
        context: { clientIp: "10.22.1.1" },
      }),
      200,
    );
    const token = await tokenMailedTo("clicker@example.com");
    const [user] = await db.select().from(users).where(eq(users.email, "clicker@example.com"));

    const shown = await expectStatus(confirmLoader(args(request(`/verify-email/${token}`), { token })), 200);
    expect(shown.data).toEqual({ valid: true, email: "clicker@example.com", confirmedAlready: false, next: "" });
    expect((await db.select().from(users).where(eq(users.id, user.id)))[0].emailVerifiedAt).toBeNull();

    const cookie = await sessionCookie(user.id);
    const done = await expectStatus(confirmAction(args(request(`/verify-email/${token}`, { cookie, form: {} }), { token })), 302);
    expect(done.response!.headers.get("Location")).toBe("/");
    expect((await db.select().from(users).where(eq(users.id, user.id)))[0].emailVerifiedAt).toBeInstanceOf(Date);

    await expectStatus(confirmAction(args(request(`/verify-email/${token}`, { form: {} }), { token })), 404);
    const spent = await expectStatus(confirmLoader(args(request(`/verify-email/${token}`), { token })), 404);
    expect(spent.data).toMatchObject({ valid: false, confirmedAlready: false });
    // Opened again by its owner, signed in and confirmed: nothing left to do, and the page says so.
    const again = await expectStatus(confirmLoader(args(request(`/verify-email/${token}`, { cookie }), { token })), 404);
    expect(again.data).toMatchObject({ valid: false, confirmedAlready: true });
  });

  it("confirmed by someone not signed in: on to sign-in with a toast, signing nobody in", async () => {
    await expectStatus(
      signupAction({
        ...args(request("/signup", { form: { name: "Anon Clicker", email: "anon.clicker@example.com", password: PASSWORD } })),
        context: { clientIp: "10.22.1.2" },
      }),
      200,
    );
    const token = await tokenMailedTo("anon.clicker@example.com");
    const done = await expectStatus(confirmAction(args(request(`/verify-email/${token}`, { form: {} }), { token })), 302);
    expect(done.response!.headers.get("Location")).toBe("/login");
    expect(setCookies(done.response!).some((c) => c.startsWith("pf_session="))).toBe(false);
  });

  it("leads on to where the person was going when they signed up (a team invite), never off-site", async () => {
    const signUpFrom = (email: string, redirectTo: string, ip: string) =>
      expectStatus(
        signupAction({ ...args(request("/signup", { form: { name: "Ivy Invited", email, password: PASSWORD, redirectTo } })), context: { clientIp: ip } }),
        200,
      );
    await signUpFrom("ivy.invited@example.com", "/join?code=ABCD2345", "10.22.1.3");
    const [mailed] = await db.select({ text: outbox.textBody }).from(outbox).where(eq(outbox.toEmail, "ivy.invited@example.com"));
    expect(mailed.text).toMatch(/\/verify-email\/[\w-]+\?next=%2Fjoin%3Fcode%3DABCD2345/);
    const token = await tokenMailedTo("ivy.invited@example.com");
    const shown = await expectStatus(confirmLoader(args(request(`/verify-email/${token}?next=%2Fjoin%3Fcode%3DABCD2345`), { token })), 200);
    expect(shown.data).toMatchObject({ valid: true, next: "/join?code=ABCD2345" });
    // Not signed in: on to sign-in, which leads to the invite.
    const done = await expectStatus(confirmAction(args(request(`/verify-email/${token}`, { form: { next: "/join?code=ABCD2345" } }), { token })), 302);
    expect(done.response!.headers.get("Location")).toBe("/login?redirectTo=%2Fjoin%3Fcode%3DABCD2345&confirmed=1");

    // Somewhere off-site is never carried along: not in the link, not after confirming.
    await signUpFrom("otto.offsite@example.com", "//evil.example/join", "10.22.1.4");
    const [offsite] = await db.select({ text: outbox.textBody }).from(outbox).where(eq(outbox.toEmail, "otto.offsite@example.com"));
    expect(offsite.text).not.toContain("next=");
    const other = await tokenMailedTo("otto.offsite@example.com");
    const [otto] = await db.select().from(users).where(eq(users.email, "otto.offsite@example.com"));
    const signedIn = await expectStatus(
      confirmAction(
        args(request(`/verify-email/${other}`, { cookie: await sessionCookie(otto.id), form: { next: "https://evil.example/" } }), { token: other }),
      ),
      302,
    );
    expect(signedIn.response!.headers.get("Location")).toBe("/");
  });
});
