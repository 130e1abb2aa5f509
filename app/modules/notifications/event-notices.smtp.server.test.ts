// Event notices end to end through a real SMTP server (app/test/smtp.ts) and the app's sender: a team
// join, a lead hand-over, a submitted entry and an emailed judge invite each arrive once per recipient, with
// the right link and a one-click List-Unsubscribe header (ADR 024, ADR 027).
import { afterEach, describe, expect, it } from "vitest";
import { outbox } from "#db/schema";
import { db } from "~/db.server";
import { saveEntry } from "~/modules/entries/entries.server";
import { inviteJudgeByEmail } from "~/modules/events/judge-invites.server";
import { createMailSender, smtpTransport } from "~/modules/mail/sender.server";
import { createTeam, handOverLead, joinTeam } from "~/modules/teams/teams.server";
import { createOpenEvent, createUser, entryFields } from "~/test/fixtures";
import { startInbox, type Inbox } from "~/test/smtp";

const CONFIRMED = { confirmed: true, typedName: "" };

const ORIGIN = "https://hack.example.com";
let smtp: Inbox | null = null;
afterEach(async () => {
  await smtp?.close();
  smtp = null;
});

const addressOf = (mail: Inbox["received"][number]) => (mail.to && "text" in mail.to ? mail.to.text : "");
const header = (mail: Inbox["received"][number], key: string) => mail.headerLines.find((h) => h.key === key)?.line.replace(/^[^:]+:\s*/, "");

describe("event notices over SMTP", () => {
  it("deliver once per recipient with the right links and List-Unsubscribe", async () => {
    await db.delete(outbox);
    smtp = await startInbox();
    const organizer = await createUser({ role: "organizer", name: "Orla Organizer" });
    const { event, problem } = await createOpenEvent(organizer);
    const [lead, mate, joiner] = [await createUser({ name: "Lea Lead" }), await createUser({ name: "Max Mate" }), await createUser({ name: "Jo Joiner" })];
    const made = await createTeam(event, lead.id, { name: "Mail Movers", problemId: problem.id });
    if (!made.ok) throw new Error(made.message);
    const team = { id: made.teamId, eventId: event.id };
    const teamUrl = `${ORIGIN}/events/${event.slug}/teams/${made.teamId}`;
    await joinTeam(team, mate.id, 5, ORIGIN);
    await db.delete(outbox); // only the join below and what follows are under test
    expect((await joinTeam(team, joiner.id, 5, ORIGIN)).ok).toBe(true);
    expect((await handOverLead(made.teamId, mate.id, CONFIRMED, ORIGIN)).ok).toBe(true);
    expect((await saveEntry(made.teamId, { ...entryFields, title: "Mailbot", outcome: "working", version: 1 }, true, new Date(), ORIGIN)).ok).toBe(true);
    const invitee = `smtp-invitee-${Date.now().toString(36)}@example.com`;
    expect((await inviteJudgeByEmail({ event, email: invitee, inviter: organizer, origin: ORIGIN })).ok).toBe(true);

    const sender = createMailSender({ transport: smtpTransport(smtp.url), from: "Problem First <hack@example.com>", firstRetryMs: 1 });
    expect(await sender.runOnce()).toEqual({ sent: 9, retrying: 0, failed: 0 });
    expect(await sender.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const received = await smtp.waitFor(9);

    const got = received.map((m) => `${addressOf(m)} | ${m.subject}`).sort();
    const expected = [
      ...[lead, mate].map((p) => `${p.email} | Jo Joiner joined Mail Movers`),
      `${mate.email} | You now lead Mail Movers`,
      ...[lead, joiner].map((p) => `${p.email} | Max Mate now leads Mail Movers`),
      ...[lead, mate, joiner].map((p) => `${p.email} | Mail Movers' entry is submitted`),
      `${invitee} | You are invited to judge ${event.title}`,
    ].sort();
    expect(got).toEqual(expected);

    for (const mail of received) {
      const unsubscribe = header(mail, "list-unsubscribe")?.replace(/^<|>$/g, "");
      expect(unsubscribe).toMatch(new RegExp(`^${ORIGIN}/unsubscribe/`));
      expect(header(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
      if (mail.subject?.startsWith("You are invited")) expect(mail.text).toMatch(new RegExp(`${ORIGIN}/judge-invite/[\\w-]+`));
      else expect(mail.text).toContain(teamUrl);
    }
  });
});
