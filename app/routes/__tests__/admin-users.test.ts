// Taking back the global organizer role stops creating events; events the person organizes keep them (ADR 011).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "#db/schema";
import { db } from "~/db.server";
import { canCreateEvent, canManageEvent } from "~/modules/auth/permissions";
import { action as adminAction, loader as adminLoader } from "~/routes/admin.users";
import { accessOf, args, createOpenEvent, createUser, expectStatus, request, toastOf } from "~/test/fixtures";

describe("admin: taking back the organizer role", () => {
  it("says the person keeps the events they organize, lists them, and the policy agrees", async () => {
    const admin = await createUser({ role: "admin" });
    const organizer = await createUser({ role: "organizer", name: "Orla Organizer" });
    const { event } = await createOpenEvent(organizer);

    const res = await expectStatus(adminAction(args(request("/admin/users", { user: admin, form: { userId: organizer.id, organizer: "false" } }))), 302);
    const toast = await toastOf(res);
    expect(toast?.message).toBe(
      "Orla Organizer can no longer create events, but still organizes 1 event. Remove them on that event's Manage page if they should lose it too.",
    );

    const page = await expectStatus(adminLoader(args(request("/admin/users", { user: admin }))), 200);
    const row = (page.data as { accounts: { id: string; role: string; organizes: { slug: string; title: string }[] }[] }).accounts.find(
      (a) => a.id === organizer.id,
    );
    expect(row).toMatchObject({ role: "member", organizes: [{ slug: event.slug, title: event.title }] });

    const actor = { id: organizer.id, role: "member" as const };
    expect(canCreateEvent(actor).ok).toBe(false);
    expect(canManageEvent(actor, await accessOf(event.id, organizer.id)).ok).toBe(true);
  });

  it("never changes an admin's role: the rule is in the UPDATE, for an admin made since the page was read", async () => {
    const [admin, other] = await Promise.all([createUser({ role: "admin" }), createUser({ role: "admin" })]);
    await db.update(users).set({ name: "Ada Admin" }).where(eq(users.id, other.id));
    // Said as a toast, and the page read again shows the row as it is.
    const refused = await expectStatus(adminAction(args(request("/admin/users", { user: admin, form: { userId: other.id, organizer: "false" } }))), 302);
    expect(refused.response?.headers.get("Location")).toBe("/admin/users");
    expect(await toastOf(refused)).toEqual({
      kind: "error",
      message: "Ada Admin is an admin, made one since the page was read. Admins keep their role; use the promote script to change an admin.",
    });
    const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, other.id));
    expect(row.role).toBe("admin");
  });
});
