// The admin Outbox page: admins only, newest first, 25 a page, with state, tries and the last error.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox } from "#db/schema";
import { db } from "~/db.server";
import { judgeAddedMail } from "~/modules/mail/messages";
import { mailStatements } from "~/modules/mail/outbox.server";
import { args, createUser, request, settle } from "~/test/fixtures";
import { loader } from "../admin.outbox";

const queue = async (n: number) => {
  for (let i = 0; i < n; i++) {
    const [statement] = await mailStatements(
      [
        {
          to: `judge-${i}@example.com`,
          content: judgeAddedMail({ name: `Judge ${i}`, eventTitle: `Event ${i}`, phase: "open", url: "https://hack.example.com/events/e" }),
        },
      ],
      "https://hack.example.com",
    );
    await statement;
    // created_at has millisecond precision: keep the order unambiguous.
    await new Promise((r) => setTimeout(r, 2));
  }
};

describe("admin Outbox page", () => {
  it("is refused to organizers and members, and sends anonymous visitors to sign in", async () => {
    for (const role of ["organizer", "member"] as const) {
      const user = await createUser({ role });
      expect((await settle(loader(args(request("/admin/outbox", { user }))))).status).toBe(403);
    }
    const anonymous = await settle(loader(args(request("/admin/outbox"))));
    expect(anonymous.status).toBe(302);
  });

  it("lists messages newest first, 25 a page, with state, tries and last error", async () => {
    const admin = await createUser({ role: "admin" });
    await queue(27);
    const [oldest] = await db.select().from(outbox).where(eq(outbox.toEmail, "judge-0@example.com"));
    await db.update(outbox).set({ status: "failed", attempts: 8, lastError: "550 No such mailbox" }).where(eq(outbox.id, oldest.id));

    const first = await loader(args(request("/admin/outbox", { user: admin })));
    expect(first).toMatchObject({ total: 27, page: 1, pages: 2, first: 1, delivering: false });
    expect(first.rows).toHaveLength(25);
    expect(first.rows[0]).toMatchObject({ to: "judge-26@example.com", subject: "You are a judge of Event 26", status: "pending", attempts: 0 });
    expect(first.rows[0].text).toContain("https://hack.example.com/events/e");

    const second = await loader(args(request("/admin/outbox?page=2", { user: admin })));
    expect(second.rows.map((r) => r.to)).toEqual(["judge-1@example.com", "judge-0@example.com"]);
    expect(second.rows[1]).toMatchObject({ status: "failed", attempts: 8, lastError: "550 No such mailbox" });

    // A page past the end, or not a number, shows a real page instead of an empty or broken one.
    expect((await loader(args(request("/admin/outbox?page=99", { user: admin })))).page).toBe(2);
    expect((await loader(args(request("/admin/outbox?page=abc", { user: admin })))).page).toBe(1);
  });
});
