// The /notifications page: a person reads and marks only their own notices; opening one goes to its page.
import { describe, expect, it } from "vitest";
import { addJudge } from "~/modules/events/events.server";
import { notify, unreadCount, type Notice } from "~/modules/notifications/notify.server";
import { args, createOpenEvent, createUser, expectStatus, request, settle, type TestUser } from "~/test/fixtures";
import { action, loader } from "../notifications";
import { loader as rootLoader } from "../../root";

const ORIGIN = "https://hack.example.com";

function notice(to: TestUser, title: string, path = "/events/winter"): Notice {
  return { to, title, body: `${title}, in detail.`, path, mail: { kind: "announcement", subject: title, greeting: `Hello ${to.name},`, paragraphs: [title] } };
}

type Page = { rows: { id: string; title: string; unread: boolean }[]; total: number; page: number; pages: number; unread: number };
const list = async (user: TestUser, search = "") => (await expectStatus(loader(args(request(`/notifications${search}`, { user }))), 200)).data as Page;
const post = (user: TestUser, form: Record<string, string>) => settle(action(args(request("/notifications", { user, form }))));

describe("/notifications", () => {
  it("lists the person's notices newest first, with the unread count, and only theirs", async () => {
    const [me, other] = await Promise.all([createUser(), createUser()]);
    await notify([notice(me, "First")], ORIGIN);
    await new Promise((r) => setTimeout(r, 5));
    await notify([notice(me, "Second"), notice(other, "Not yours")], ORIGIN);
    const page = await list(me);
    expect(page.rows.map((r) => r.title)).toEqual(["Second", "First"]);
    expect(page).toMatchObject({ total: 2, unread: 2 });
    expect(page.rows.every((r) => r.unread)).toBe(true);
  });

  it("opens a notice: marks it read and redirects to its page; the header count drops", async () => {
    const me = await createUser();
    await notify([notice(me, "Open me", "/events/winter/teams/t1"), notice(me, "Leave me")], ORIGIN);
    const header = async () => ((await settle(rootLoader(args(request("/", { user: me }))))).data as { user: { unread: number } }).user.unread;
    expect(await header()).toBe(2);
    const target = (await list(me)).rows.find((r) => r.title === "Open me")!;
    const opened = await post(me, { intent: "open", id: target.id });
    expect(opened.status).toBe(302);
    expect(opened.response?.headers.get("Location")).toBe("/events/winter/teams/t1");
    expect(await header()).toBe(1);
    expect((await list(me)).rows.find((r) => r.title === "Open me")!.unread).toBe(false);
    // Opening it again still goes there.
    expect((await post(me, { intent: "open", id: target.id })).response?.headers.get("Location")).toBe("/events/winter/teams/t1");
  });

  it("refuses someone else's notice id and leaves it unread", async () => {
    const [me, other] = await Promise.all([createUser(), createUser()]);
    await notify([notice(other, "Theirs")], ORIGIN);
    const theirs = (await list(other)).rows[0];
    const refused = await post(me, { intent: "open", id: theirs.id });
    expect(refused.status).toBe(404);
    expect(refused.response?.headers.get("Location") ?? null).toBeNull();
    // Said above the list (a notice gone since the list was read answers the same), not as an error page.
    expect(refused.thrown).toBe(false);
    expect(refused.data).toEqual({ gone: "That notification is no longer in your list: what it was about may have been deleted." });
    expect(await unreadCount(other.id)).toBe(1);
  });

  it("never redirects off the site, even for a stored path that would", async () => {
    const me = await createUser();
    await notify([notice(me, "Odd", "//evil.example/phish")], ORIGIN);
    const odd = (await list(me)).rows[0];
    expect((await post(me, { intent: "open", id: odd.id })).response?.headers.get("Location")).toBe("/notifications");
  });

  it("marks all as read, only the person's own", async () => {
    const [me, other] = await Promise.all([createUser(), createUser()]);
    await notify([notice(me, "A"), notice(me, "B"), notice(other, "C")], ORIGIN);
    const done = await post(me, { intent: "mark-all-read" });
    expect(done.status).toBe(302);
    expect(done.response?.headers.get("Location")).toBe("/notifications");
    expect(await unreadCount(me.id)).toBe(0);
    expect(await unreadCount(other.id)).toBe(1);
  });

  it("shows what being added as a judge leaves in the list", async () => {
    const organizer = await createUser({ role: "organizer" });
    const judge = await createUser();
    const { event } = await createOpenEvent(organizer);
    await addJudge(event.id, judge.email);
    const page = await list(judge);
    expect(page.unread).toBe(1);
    expect(page.rows[0].title).toContain(event.title);
  });

  it("refuses an unknown intent or a missing id with a message, and sends visitors to sign in", async () => {
    const me = await createUser();
    expect((await post(me, { intent: "delete-everything" })).status).toBe(400);
    expect((await post(me, { intent: "open" })).status).toBe(400);
    const anonymous = await settle(loader(args(request("/notifications"))));
    expect(anonymous.status).toBe(302);
    expect(anonymous.response?.headers.get("Location")).toMatch(/^\/login/);
  });

  it("a page past the end shows the last one", async () => {
    const me = await createUser();
    await notify([notice(me, "Only")], ORIGIN);
    expect(await list(me, "?page=99")).toMatchObject({ page: 1, pages: 1 });
    expect(await list(me, "?page=abc")).toMatchObject({ page: 1 });
  });
});
