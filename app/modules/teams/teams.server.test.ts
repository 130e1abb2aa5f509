// Leaving a team is one transaction whose statements carry their own conditions, and adding a screenshot is one
// INSERT: whatever happened between reading the team and acting, no team is left without its lead or members,
// and no screenshot row or file outlives its entry.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { entries, events, joinRequests, notifications, outbox, screenshots, teamInvites, teamMembers, teams } from "#db/schema";
import { db } from "~/db.server";
import { addScreenshot, removeScreenshot } from "~/modules/entries/screenshots.server";
import { realPng } from "~/test/images";
import { createOpenEvent, createUser } from "~/test/fixtures";
import { newId } from "~/lib/ids";
import { createTeam, handOverLead, joinTeam, leaveTeam } from "./teams.server";

const CONFIRMED = { confirmed: true, typedName: "" };

const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "pf-atomic-"));
process.env.UPLOADS_DIR = uploads;
afterAll(() => fs.rmSync(uploads, { recursive: true, force: true }));
const files = () => fs.readdirSync(uploads, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).length;

const confirmed = { confirmed: true, typedName: "" };

async function teamOfTwo() {
  const { event, problem } = await createOpenEvent(await createUser({ role: "organizer" }));
  const [lead, member] = [await createUser(), await createUser()];
  const created = await createTeam(event, lead.id, { name: "Pair", problemId: problem.id });
  if (!created.ok) throw new Error(created.message);
  await joinTeam({ id: created.teamId, eventId: event.id }, member.id, 5);
  const [team] = await db.select().from(teams).where(eq(teams.id, created.teamId));
  return { lead, member, team };
}
const membersOf = async (teamId: string) => (await db.select().from(teamMembers).where(eq(teamMembers.teamId, teamId))).map((m) => m.userId).sort();

describe("leaving a team", () => {
  it("tells the people waiting on a team its last member deletes, once each, and counts them in the confirm step", async () => {
    const { event, problem } = await createOpenEvent(await createUser({ role: "organizer" }));
    const solo = await createUser();
    const [asker, invitee, both, declined, elsewhere] = await Promise.all(
      ["Ari Asker", "Ida Invitee", "Bo Both", "Dee Declined", "Eli Elsewhere"].map((name) => createUser({ name })),
    );
    const created = await createTeam(event, solo.id, { name: "Solo", problemId: problem.id });
    const other = await createTeam(event, elsewhere.id, { name: "Elsewhere", problemId: problem.id });
    if (!created.ok || !other.ok) throw new Error("teams");
    const now = new Date();
    const request = (userId: string, status: "pending" | "declined") => ({
      id: newId(),
      eventId: event.id,
      teamId: created.teamId,
      userId,
      status,
      createdAt: now,
      updatedAt: now,
    });
    // Eli's request is still pending, but Eli is in a team now: not waiting either.
    await db
      .insert(joinRequests)
      .values([request(asker.id, "pending"), request(both.id, "pending"), request(declined.id, "declined"), request(elsewhere.id, "pending")]);
    const invite = (userId: string, declinedAt: Date | null = null) => ({ teamId: created.teamId, userId, createdAt: now, declinedAt });
    // Standing: Ida, and Bo (who also asked: told once). Dee said no thanks; Eli is in a team now.
    await db.insert(teamInvites).values([invite(invitee.id), invite(both.id), invite(declined.id, now), invite(elsewhere.id)]);
    const [team] = await db.select().from(teams).where(eq(teams.id, created.teamId));

    const asked = await leaveTeam(team, solo.id, { confirmed: false, typedName: "" });
    expect(asked).toMatchObject({ ok: false, confirm: { deletesTeam: true, waiting: 3 } });
    const told = () =>
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.kind, "team-deleted"), eq(notifications.eventId, event.id)));
    expect(await told()).toEqual([]);

    expect(await leaveTeam(team, solo.id, { confirmed: true, typedName: "Solo" })).toEqual({ ok: true, teamDeleted: true });
    const notices = await told();
    expect(notices.map((n) => [n.userId, n.title, n.body, n.path]).sort()).toEqual(
      [
        [asker.id, "Solo no longer exists", "Its last member deleted it, and your request to join it with it.", `/events/${event.slug}/find-a-team`],
        [both.id, "Solo no longer exists", "Its last member deleted it, and your request to join it with it.", `/events/${event.slug}/find-a-team`],
        [invitee.id, "Solo no longer exists", "Its last member deleted it, and its invitation to you with it.", `/events/${event.slug}/find-a-team`],
      ].sort(),
    );
    const mails = await db.select().from(outbox).where(eq(outbox.kind, "team-deleted"));
    expect(mails.filter((m) => [asker, invitee, both].some((p) => p.email.toLowerCase() === m.toEmail))).toHaveLength(3);
    expect(mails.filter((m) => [declined, elsewhere, solo].some((p) => p.email.toLowerCase() === m.toEmail))).toHaveLength(0);
  });

  it("refuses a member who became the lead since the page was read, changing nothing", async () => {
    const { lead, member, team } = await teamOfTwo();
    // The member read the team while someone else led it; the lead is handed to them before they press "Leave".
    expect(await handOverLead(team.id, member.id, CONFIRMED)).toEqual({ ok: true });
    const left = await leaveTeam(team, member.id, confirmed);
    expect(left).toEqual({ ok: false, message: "Hand over the lead to another member before you leave." });
    expect(await membersOf(team.id)).toEqual([lead.id, member.id].sort());
    const [now] = await db.select().from(teams).where(eq(teams.id, team.id));
    expect(now.inviteCode).toBe(team.inviteCode);
  });

  it("removes the member and changes the invite code together", async () => {
    const { lead, member, team } = await teamOfTwo();
    expect(await leaveTeam(team, member.id, confirmed)).toEqual({ ok: true, teamDeleted: false });
    expect(await membersOf(team.id)).toEqual([lead.id]);
    const [now] = await db.select().from(teams).where(eq(teams.id, team.id));
    expect(now.inviteCode).not.toBe(team.inviteCode);
  });
});

describe("adding a screenshot", () => {
  it("stores nothing, and leaves no file, for an entry deleted meanwhile", async () => {
    const { team } = await teamOfTwo();
    const [entry] = await db.select().from(entries).where(eq(entries.teamId, team.id));
    await db.delete(teams).where(eq(teams.id, team.id));
    const before = files();
    expect(await addScreenshot(entry.id, await realPng(3, 2), "Too late")).toEqual({
      ok: false,
      message: "This entry no longer exists: its team was deleted.",
    });
    expect(await db.select().from(screenshots).where(eq(screenshots.entryId, entry.id))).toEqual([]);
    expect(files()).toBe(before);
  });

  it("adds or deletes nothing, and says why, once judging started during the upload", async () => {
    const { team } = await teamOfTwo();
    const [entry] = await db.select().from(entries).where(eq(entries.teamId, team.id));
    const kept = await addScreenshot(entry.id, await realPng(3, 2), "Before");
    if (!kept.ok) throw new Error(kept.message);
    // The route checked the event while it was open; an organizer starts judging while the bytes arrive.
    await db.update(events).set({ phase: "judging" }).where(eq(events.id, entry.eventId));
    const before = files();
    const closed = { ok: false, closed: true, message: "Submissions are closed: the event has moved to judging." };
    expect(await addScreenshot(entry.id, await realPng(3, 2), "Too late")).toEqual(closed);
    expect(files()).toBe(before);
    expect(await removeScreenshot(entry.id, kept.id, { confirmed: true, typedName: "" })).toEqual(closed);
    expect((await db.select().from(screenshots).where(eq(screenshots.entryId, entry.id))).map((s) => s.caption)).toEqual(["Before"]);
  });
});
