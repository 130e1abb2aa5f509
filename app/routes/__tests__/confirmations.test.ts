// No silent destruction (ADR 012): every destructive action answers an unconfirmed request with what
// would be lost (409) and changes nothing; only the confirm step's `confirmed` field (and, for deleting
// a team, its typed name) makes it act. The rule lives in the modules, so a direct call without a
// confirmation is refused too.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { entries, judgeInvites, problems, screenshots, teamMembers, teamRemovals, teams } from "#db/schema";
import { db } from "~/db.server";
import { addScreenshot, removeScreenshot } from "~/modules/entries/screenshots.server";
import { createJudgeInvite, revokeJudgeInvite } from "~/modules/events/judge-invites.server";
import { retireProblem } from "~/modules/problems/problems.server";
import { createTeam, joinTeam, leaveTeam, removeMember } from "~/modules/teams/teams.server";
import { action as judgesAction } from "~/routes/events.$slug.judges";
import { action as manageAction } from "~/routes/events.$slug.manage";
import { action as entryAction } from "~/routes/events.$slug.teams.$teamId.entry";
import { action as teamAction } from "~/routes/events.$slug.teams.$teamId._index";
import { realPng } from "~/test/images";
import { args, createOpenEvent, createUser, expectStatus, request, type TestUser } from "~/test/fixtures";

const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "pf-confirm-"));
process.env.UPLOADS_DIR = uploads;
afterAll(() => fs.rmSync(uploads, { recursive: true, force: true }));

const fileOf = (key: string) => path.join(uploads, key.slice(0, 2), key);
const unconfirmed = { confirmed: false, typedName: "" };

async function world() {
  const organizer = await createUser({ role: "organizer" });
  const lead = await createUser({ name: "Lena Lead" });
  const member = await createUser({ name: "Max Member" });
  const { event, problem } = await createOpenEvent(organizer);
  const made = await createTeam(event, lead.id, { name: "Ledger Lions", problemId: problem.id });
  if (!made.ok) throw new Error(made.message);
  const [entry] = await db.select().from(entries).where(eq(entries.teamId, made.teamId));
  await db.update(entries).set({ title: "Dispute radar" }).where(eq(entries.id, entry.id));
  const shots = [];
  for (const caption of ["Queue view", "Alerts"]) {
    const shot = await addScreenshot(entry.id, await realPng(), caption);
    if (!shot.ok) throw new Error(shot.message);
    shots.push(shot.id);
  }
  const teamParams = { slug: event.slug, teamId: made.teamId };
  const team = (user: TestUser, form: Record<string, string>) => teamAction(args(request("/", { user, form }), teamParams));
  const entryForm = (user: TestUser, form: Record<string, string>) => entryAction(args(request("/", { user, form }), teamParams));
  const manage = (form: Record<string, string>) => manageAction(args(request("/", { user: organizer, form }), { slug: event.slug }));
  const judges = (form: Record<string, string>) => judgesAction(args(request("/", { user: organizer, form }), { slug: event.slug }));
  return { organizer, lead, member, event, problem, teamId: made.teamId, entryId: entry.id, shots, team, entryForm, manage, judges };
}

const teamRow = async (teamId: string) => (await db.select().from(teams).where(eq(teams.id, teamId)))[0];
const memberIds = async (teamId: string) => (await db.select().from(teamMembers).where(eq(teamMembers.teamId, teamId))).map((m) => m.userId).sort();

describe("deleting a team (its last member leaves)", () => {
  it("asks first, naming the entry and its screenshots, then needs the team's name typed", async () => {
    const w = await world();
    const asked = await expectStatus(w.team(w.lead, { intent: "leave" }), 409);
    expect(asked.data).toEqual({
      confirmLeave: {
        deletesTeam: true,
        teamName: "Ledger Lions",
        entryTitle: "Dispute radar",
        entrySubmitted: false,
        screenshots: 2,
        waiting: 0,
        typedWrong: false,
      },
    });
    // Confirmed, but the name typed is not the team's: still nothing is deleted.
    const wrong = await expectStatus(w.team(w.lead, { intent: "leave", confirmed: "on", confirmName: "ledger lion" }), 409);
    expect(wrong.data).toMatchObject({ confirmLeave: { deletesTeam: true, typedWrong: true } });
    // The name alone, without the confirm step's field, is no confirmation either.
    await expectStatus(w.team(w.lead, { intent: "leave", confirmName: "Ledger Lions" }), 409);
    expect(await teamRow(w.teamId)).toBeDefined();
    expect(await db.select().from(screenshots).where(eq(screenshots.entryId, w.entryId))).toHaveLength(2);
    const keys = (await db.select().from(screenshots).where(eq(screenshots.entryId, w.entryId))).map((s) => s.storageKey);
    expect(keys.every((k) => fs.existsSync(fileOf(k)))).toBe(true);

    await expectStatus(w.team(w.lead, { intent: "leave", confirmed: "on", confirmName: " Ledger Lions " }), 302);
    expect(await teamRow(w.teamId)).toBeUndefined();
    expect(await db.select().from(entries).where(eq(entries.teamId, w.teamId))).toEqual([]);
    expect(keys.some((k) => fs.existsSync(fileOf(k)))).toBe(false);
  });

  it("asks a member who leaves a team others stay in, without typing", async () => {
    const w = await world();
    await joinTeam({ id: w.teamId, eventId: w.event.id }, w.member.id, 5);
    const code = (await teamRow(w.teamId)).inviteCode;
    const asked = await expectStatus(w.team(w.member, { intent: "leave" }), 409);
    expect(asked.data).toEqual({ confirmLeave: { deletesTeam: false, teamName: "Ledger Lions" } });
    expect(await memberIds(w.teamId)).toEqual([w.lead.id, w.member.id].sort());
    expect((await teamRow(w.teamId)).inviteCode).toBe(code);
    await expectStatus(w.team(w.member, { intent: "leave", confirmed: "on" }), 302);
    expect(await memberIds(w.teamId)).toEqual([w.lead.id]);
  });

  it("never deletes a team on a plain confirmation, even when the others left after the page was shown", async () => {
    const w = await world();
    // The member confirmed "leave" (no deletion then), but by now they are the only one left.
    await joinTeam({ id: w.teamId, eventId: w.event.id }, w.member.id, 5);
    await db.update(teams).set({ leadId: w.member.id }).where(eq(teams.id, w.teamId));
    await db.delete(teamMembers).where(eq(teamMembers.userId, w.lead.id));
    const asked = await expectStatus(w.team(w.member, { intent: "leave", confirmed: "on" }), 409);
    // The typed-name step comes now, without an error: the step they confirmed asked for no name.
    expect(asked.data).toMatchObject({ confirmLeave: { deletesTeam: true, typedWrong: false } });
    expect(await teamRow(w.teamId)).toBeDefined();
  });
});

describe("removing a member", () => {
  it("asks first, naming the person, and changes nothing until confirmed", async () => {
    const w = await world();
    await joinTeam({ id: w.teamId, eventId: w.event.id }, w.member.id, 5);
    const code = (await teamRow(w.teamId)).inviteCode;
    const asked = await expectStatus(w.team(w.lead, { intent: "remove-member", userId: w.member.id }), 409);
    expect(asked.data).toEqual({ confirmRemoveMember: { userId: w.member.id, name: "Max Member" } });
    expect(await memberIds(w.teamId)).toEqual([w.lead.id, w.member.id].sort());
    expect((await teamRow(w.teamId)).inviteCode).toBe(code);
    expect(await db.select().from(teamRemovals).where(eq(teamRemovals.teamId, w.teamId))).toEqual([]);
    // Someone not in the team: refused, not asked about.
    const outsider = await createUser();
    await expectStatus(w.team(w.lead, { intent: "remove-member", userId: outsider.id }), 400);

    await expectStatus(w.team(w.lead, { intent: "remove-member", userId: w.member.id, confirmed: "on" }), 302);
    expect(await memberIds(w.teamId)).toEqual([w.lead.id]);
  });
});

describe("retiring a problem", () => {
  it("asks first, naming the problem and the teams on it; offering it again needs no confirmation", async () => {
    const w = await world();
    const retiredAt = async () => (await db.select().from(problems).where(eq(problems.id, w.problem.id)))[0].retiredAt;
    const asked = await expectStatus(w.manage({ intent: "retire-problem", problemId: w.problem.id }), 409);
    expect(asked.data).toEqual({ intent: "retire-problem", confirmRetire: { problemId: w.problem.id, title: w.problem.title, teamCount: 1 } });
    expect(await retiredAt()).toBeNull();
    await expectStatus(w.manage({ intent: "retire-problem", problemId: "not-a-problem" }), 404);
    await expectStatus(w.manage({ intent: "retire-problem", problemId: w.problem.id, confirmed: "on" }), 302);
    expect(await retiredAt()).not.toBeNull();
    await expectStatus(w.manage({ intent: "restore-problem", problemId: w.problem.id }), 302);
    expect(await retiredAt()).toBeNull();
  });
});

describe("revoking a judge invite link", () => {
  it("asks first, naming who made the link and when, and the link works until confirmed", async () => {
    const w = await world();
    await createJudgeInvite(w.event.id, w.organizer.id, 7);
    const [invite] = await db.select().from(judgeInvites).where(eq(judgeInvites.eventId, w.event.id));
    const asked = await expectStatus(w.judges({ intent: "revoke-invite", inviteId: invite.id }), 409);
    expect(asked.data).toMatchObject({ intent: "revoke-invite", confirmRevoke: { inviteId: invite.id, createdBy: w.organizer.name } });
    expect((asked.data as { confirmRevoke: { expiresAt: string } }).confirmRevoke.expiresAt).toEqual(expect.any(String));
    expect((await db.select().from(judgeInvites).where(eq(judgeInvites.id, invite.id)))[0].revokedAt).toBeNull();
    await expectStatus(w.judges({ intent: "revoke-invite", inviteId: invite.id, confirmed: "on" }), 302);
    expect((await db.select().from(judgeInvites).where(eq(judgeInvites.id, invite.id)))[0].revokedAt).not.toBeNull();
  });
});

describe("deleting a screenshot", () => {
  it("asks first, naming the screenshot, and keeps the row and the file until confirmed", async () => {
    const w = await world();
    const [, second] = w.shots;
    const row = async () => (await db.select().from(screenshots).where(eq(screenshots.id, second)))[0];
    const key = (await row()).storageKey;
    const asked = await expectStatus(w.entryForm(w.lead, { intent: "delete-screenshot", screenshotId: second }), 409);
    expect(asked.data).toEqual({ confirmDeleteScreenshot: { screenshotId: second, number: 2, caption: "Alerts" } });
    expect(await row()).toBeDefined();
    expect(fs.existsSync(fileOf(key))).toBe(true);
    await expectStatus(w.entryForm(w.lead, { intent: "delete-screenshot", screenshotId: second, confirmed: "on" }), 302);
    expect(await row()).toBeUndefined();
    expect(fs.existsSync(fileOf(key))).toBe(false);
  });
});

describe("the modules themselves", () => {
  it("refuse to destroy anything without a confirmation, whoever calls them", async () => {
    const w = await world();
    await joinTeam({ id: w.teamId, eventId: w.event.id }, w.member.id, 5);
    await createJudgeInvite(w.event.id, w.organizer.id, 7);
    const [invite] = await db.select().from(judgeInvites).where(eq(judgeInvites.eventId, w.event.id));
    const team = await teamRow(w.teamId);

    expect(await leaveTeam(team, w.member.id, unconfirmed)).toMatchObject({ ok: false, confirm: { deletesTeam: false } });
    expect(await removeMember(team, w.member.id, unconfirmed)).toMatchObject({ ok: false, confirm: { userId: w.member.id } });
    expect(await retireProblem(w.event.id, w.problem.id, unconfirmed)).toMatchObject({ ok: false, confirm: { problemId: w.problem.id } });
    expect(await revokeJudgeInvite(w.event.id, invite.id, unconfirmed)).toMatchObject({ ok: false, confirm: { inviteId: invite.id } });
    expect(await removeScreenshot(w.entryId, w.shots[0], unconfirmed)).toMatchObject({ ok: false, confirm: { screenshotId: w.shots[0] } });
    await db.delete(teamMembers).where(eq(teamMembers.userId, w.member.id));
    expect(await leaveTeam(team, w.lead.id, { confirmed: true, typedName: "" })).toMatchObject({ ok: false, confirm: { deletesTeam: true } });

    expect(await memberIds(w.teamId)).toEqual([w.lead.id]);
    expect((await db.select().from(problems).where(eq(problems.id, w.problem.id)))[0].retiredAt).toBeNull();
    expect((await db.select().from(judgeInvites).where(eq(judgeInvites.id, invite.id)))[0].revokedAt).toBeNull();
    expect(await db.select().from(screenshots).where(eq(screenshots.entryId, w.entryId))).toHaveLength(2);
    expect(await teamRow(w.teamId)).toBeDefined();
  });
});
