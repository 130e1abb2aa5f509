// Email preferences on the account page: saved per kind, used by the next notice; the in-app list always has it.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox } from "#db/schema";
import { db } from "~/db.server";
import { addJudge } from "~/modules/events/events.server";
import { optOut } from "~/modules/mail/outbox.server";
import { unsubscribeToken } from "~/modules/mail/unsubscribe.server";
import { optionalKinds } from "~/modules/notifications/kinds";
import { emailPreferences, unreadCount } from "~/modules/notifications/notify.server";
import { args, createOpenEvent, createUser, expectStatus, request, settle, type TestUser } from "~/test/fixtures";
import { action, loader } from "../account";
import { loader as unsubscribeLoader } from "../unsubscribe.$token";

type AccountData = { mailed: Record<string, boolean>; optedOut: boolean };
const account = async (user: TestUser) => (await expectStatus(loader(args(request("/account", { user }))), 200)).data as AccountData;
const save = (user: TestUser, kinds: string[], shown?: string) => {
  const body = new URLSearchParams({ intent: "email-preferences", ...(shown === undefined ? {} : { shown }) });
  for (const kind of kinds) body.append("kinds", kind);
  return settle(
    action(
      args(
        new Request("http://localhost/account", {
          method: "POST",
          body,
          headers: { Cookie: user.cookie, "Content-Type": "application/x-www-form-urlencoded" },
        }),
      ),
    ),
  );
};
const mailsOfKind = (email: string, kind: string) =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toEmail, email.toLowerCase()), eq(outbox.kind, kind)));

describe("email preferences on the account page", () => {
  it("start with every optional kind mailed", async () => {
    const me = await createUser();
    const { mailed, optedOut } = await account(me);
    expect(Object.keys(mailed).sort()).toEqual([...optionalKinds].sort());
    expect(Object.values(mailed).every(Boolean)).toBe(true);
    expect(optedOut).toBe(false);
  });

  it("saves the ticked kinds, and a kind turned off still reaches the list but not the outbox", async () => {
    const organizer = await createUser({ role: "organizer" });
    const me = await createUser();
    const kept = optionalKinds.filter((k) => k !== "judge-added");
    const saved = await save(me, kept);
    expect(saved.status).toBe(302);
    expect(saved.response?.headers.get("Location")).toBe("/account#email-notifications");
    expect((await account(me)).mailed).toMatchObject({ "judge-added": false, "organizer-added": true });

    const { event } = await createOpenEvent(organizer);
    await addJudge(event.id, me.email);
    expect(await unreadCount(me.id)).toBe(1);
    expect(await mailsOfKind(me.email, "judge-added")).toHaveLength(0);

    // Someone who kept it on gets the mail.
    const other = await createUser();
    await addJudge(event.id, other.email);
    expect(await mailsOfKind(other.email, "judge-added")).toHaveLength(1);

    // Ticking it again mails the next one.
    await save(me, [...optionalKinds]);
    const { event: next } = await createOpenEvent(organizer);
    await addJudge(next.id, me.email);
    expect(await mailsOfKind(me.email, "judge-added")).toHaveLength(1);
  });

  it("an empty form turns every optional kind off", async () => {
    const me = await createUser();
    expect((await save(me, [])).status).toBe(302);
    expect(Object.values(await emailPreferences(me.id)).some(Boolean)).toBe(false);
  });

  it("refuses a kind that is not on the list, or a security kind, and keeps what was saved", async () => {
    const me = await createUser();
    await save(me, ["announcement"]);
    for (const bad of ["no-such-kind", "password-reset"]) {
      const refused = await save(me, ["judge-added", bad]);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.data)).toContain("Choose from the kinds of email listed.");
    }
    const mailed = await emailPreferences(me.id);
    expect(mailed.announcement).toBe(true);
    expect(mailed["judge-added"]).toBe(false);
  });

  it("says when the address unsubscribed by link, and turns mail back on", async () => {
    const organizer = await createUser({ role: "organizer" });
    const me = await createUser();
    await optOut(me.email);
    expect((await account(me)).optedOut).toBe(true);
    const { event } = await createOpenEvent(organizer);
    await addJudge(event.id, me.email);
    expect(await mailsOfKind(me.email, "judge-added")).toHaveLength(0);

    const back = await settle(action(args(request("/account", { user: me, form: { intent: "email-opt-in" } }))));
    expect(back.status).toBe(302);
    expect((await account(me)).optedOut).toBe(false);
    const { event: next } = await createOpenEvent(organizer);
    await addJudge(next.id, me.email);
    expect(await mailsOfKind(me.email, "judge-added")).toHaveLength(1);
  });

  it("the unsubscribe page points the address's owner, signed in, to these preferences", async () => {
    const me = await createUser();
    const token = unsubscribeToken(me.email);
    expect(await unsubscribeLoader(args(request(`/unsubscribe/${token}`, { user: me }), { token }))).toMatchObject({ isOwner: true });
    expect(await unsubscribeLoader(args(request(`/unsubscribe/${token}`), { token }))).toMatchObject({ isOwner: false });
  });

  it("refuses a form without a known intent", async () => {
    const me = await createUser();
    expect((await settle(action(args(request("/account", { user: me, form: { currentPassword: "x", newPassword: "y" } }))))).status).toBe(400);
  });
});

describe("two tabs of the account page", () => {
  type Shown = { preferencesShown: string };

  it("each save changes only the kinds its own form changed: the other tab's change stays", async () => {
    const me = await createUser();
    const shown = ((await account(me)) as AccountData & Shown).preferencesShown;
    // Both tabs loaded with every kind ticked. The first turns announcements off…
    expect(
      (
        await save(
          me,
          optionalKinds.filter((k) => k !== "announcement"),
          shown,
        )
      ).status,
    ).toBe(302);
    // …the second, still showing announcements ticked, turns team-joined off.
    expect(
      (
        await save(
          me,
          optionalKinds.filter((k) => k !== "team-joined"),
          shown,
        )
      ).status,
    ).toBe(302);
    expect(await emailPreferences(me.id)).toMatchObject({ announcement: false, "team-joined": false, "judge-added": true });
    // The page read again shows both, and its form starts from them.
    expect(((await account(me)) as AccountData & Shown).preferencesShown).toContain("announcement:0");
  });
});
