import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { entries, eventJudges, events, problems, screenshots, teamMembers, teams } from "#db/schema";
import { db } from "~/db.server";
import { addScreenshot } from "~/modules/entries/screenshots.server";
import { addJudge } from "~/modules/events/events.server";
import { createJudgeInvite, JUDGE_IN_TEAM_MESSAGE } from "~/modules/events/judge-invites.server";
import { addProblem } from "~/modules/problems/problems.server";
import { changeProblem, createTeam, joinTeam, REMOVED_MESSAGE, renameTeam } from "~/modules/teams/teams.server";
import { loader as galleryLoader } from "~/routes/events.$slug.entries._index";
import { action as entryAction } from "~/routes/events.$slug.teams.$teamId.entry";
import { action as teamAction, loader as teamLoader, shouldRevalidate } from "~/routes/events.$slug.teams.$teamId._index";
import { action as judgeInviteAction, loader as judgeInviteLoader } from "~/routes/judge-invite.$token";
import { action as joinAction, loader as joinLoader } from "~/routes/join";
import { loader as screenshotLoader } from "~/routes/screenshots.$screenshotId";
import { action as newTeamAction, loader as newTeamLoader } from "~/routes/events.$slug.teams.new";
import { declaredPng, realPng } from "~/test/images";
import {
  args,
  fieldErrors,
  createOpenEvent,
  createUser,
  expectStatus,
  movePhase,
  problemInput,
  request,
  setSubmissionDeadline,
  toastOf,
} from "~/test/fixtures";

const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "pf-uploads-"));
process.env.UPLOADS_DIR = uploads;
afterAll(() => fs.rmSync(uploads, { recursive: true, force: true }));

const PNG = await realPng(3, 2);
const EXE: Uint8Array<ArrayBuffer> = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);

async function setup() {
  const organizer = await createUser({ role: "organizer" });
  const lead = await createUser();
  const member = await createUser();
  const { event, problem } = await createOpenEvent(organizer);
  const created = await createTeam(event, lead.id, { name: "Leads", problemId: problem.id });
  if (!created.ok) throw new Error(created.message);
  await joinTeam({ id: created.teamId, eventId: event.id }, member.id, 5);
  const params = { slug: event.slug, teamId: created.teamId, eventId: event.id };
  return { organizer, lead, member, event, problem, teamId: created.teamId, params };
}

const members = async (teamId: string) => (await db.select().from(teamMembers).where(eq(teamMembers.teamId, teamId))).map((m) => m.userId).sort();
const codeOf = async (teamId: string) => (await db.select({ code: teams.inviteCode }).from(teams).where(eq(teams.id, teamId)))[0].code;
const join = (user: { cookie: string }, code: string) => joinAction(args(request("/join", { user, form: { code } })));
const joinPage = async (user: { cookie: string }, code: string) =>
  (await expectStatus(joinLoader(args(request(`/join?code=${code}`, { user }))), 200)).data as { refusal: string | null };

function upload(user: { cookie: string }, params: { slug: string; teamId: string }, bytes: Uint8Array<ArrayBuffer>, name: string) {
  const form = new FormData();
  form.set("intent", "upload-screenshot");
  form.set("caption", "Queue view");
  form.set("screenshot", new File([bytes], name, { type: "image/png" }));
  const req = new Request(`http://localhost/events/${params.slug}/teams/${params.teamId}/entry`, {
    method: "POST",
    headers: { Cookie: user.cookie },
    body: form,
  });
  return entryAction(args(req, params));
}

describe("team management", () => {
  it("lets a member rename the team, to a name no other team of the event has, while submissions are open", async () => {
    const { member, event, teamId, params, organizer, problem } = await setup();
    const rename = (user: { cookie: string }, name: string) => teamAction(args(request("/", { user, form: { intent: "rename", name } }), params));
    const nameOf = async () => (await db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId)))[0].name;
    await expectStatus(rename(member, "  Ledger Lions "), 302);
    expect(await nameOf()).toBe("Ledger Lions");
    const otherLead = await createUser();
    const other = await createTeam(event, otherLead.id, { name: "Taken Name", problemId: problem.id });
    if (!other.ok) throw new Error(other.message);
    const taken = await expectStatus(rename(member, "Taken Name"), 400);
    expect(taken.data).toMatchObject({ renameResult: { error: { name: ["Another team of this event has this name. Pick another."] } } });
    // Spaces inside a name are one space: a name that reads the same is the same name.
    const spaced = await expectStatus(rename(member, " Taken \t  Name "), 400);
    expect(spaced.data).toMatchObject({ renameResult: { error: { name: ["Another team of this event has this name. Pick another."] } } });
    // Nor is a name that differs only in capitals: nobody tells "taken name" from "Taken Name" in a list.
    const cased = await expectStatus(rename(member, "taken NAME"), 400);
    expect(cased.data).toMatchObject({
      renameResult: { error: { name: ["Another team of this event is called “Taken Name”. Pick a name that differs by more than capitals."] } },
    });
    // Its own name in other capitals is a rename like any other.
    await expectStatus(rename(member, "LEDGER LIONS"), 302);
    await expectStatus(rename(member, "Ledger   Lions  Two"), 302);
    expect(await nameOf()).toBe("Ledger Lions Two");
    await expectStatus(rename(member, "Ledger Lions"), 302);
    await expectStatus(rename(member, "x"), 400);
    // Someone outside the team, even its event's organizer, cannot; nor can its members once submissions close.
    await expectStatus(rename(organizer, "Organizer's pick"), 403);
    await setSubmissionDeadline(event.id, new Date(Date.now() - 1000));
    await expectStatus(rename(member, "Too Late"), 403);
    expect(await nameOf()).toBe("Ledger Lions");
  });

  it("lets a member change the problem, but not to a problem of another event", async () => {
    const { member, event, teamId, params, organizer, problem } = await setup();
    const other = await addProblem(event.id, { ...problemInput, title: "Second problem" });
    await expectStatus(teamAction(args(request("/", { user: member, form: { intent: "change-problem", problemId: other.id } }), params)), 302);
    expect((await db.select().from(teams).where(eq(teams.id, teamId)))[0].problemId).toBe(other.id);

    const { problem: foreign } = await createOpenEvent(organizer);
    await expectStatus(teamAction(args(request("/", { user: member, form: { intent: "change-problem", problemId: foreign.id } }), params)), 400);
    expect((await db.select().from(teams).where(eq(teams.id, teamId)))[0].problemId).toBe(other.id);

    // A submitted entry moves only once confirmed: the first request names both problems and changes nothing.
    await db.update(entries).set({ status: "submitted", title: "Queue radar" }).where(eq(entries.teamId, teamId));
    const back = { intent: "change-problem", problemId: problem.id };
    const asked = await expectStatus(teamAction(args(request("/", { user: member, form: back }), params)), 409);
    expect(asked.data).toEqual({ confirmChangeProblem: { problemId: problem.id, to: problem.title, from: "Second problem", entryTitle: "Queue radar" } });
    expect((await db.select().from(teams).where(eq(teams.id, teamId)))[0].problemId).toBe(other.id);
    await expectStatus(teamAction(args(request("/", { user: member, form: { ...back, confirmed: "on" } }), params)), 302);
    expect((await db.select().from(teams).where(eq(teams.id, teamId)))[0].problemId).toBe(problem.id);

    // The form starts on the team's own problem: pressing it unchanged changes nothing and says so, also once that
    // problem is retired (a team may stay on it; only moving to a retired problem is refused).
    const same = await expectStatus(teamAction(args(request("/", { user: member, form: back }), params)), 302);
    expect(await toastOf(same)).toMatchObject({ message: `Your team already works on “${problem.title}”: nothing changed.` });
    await db.update(problems).set({ retiredAt: new Date() }).where(eq(problems.id, problem.id));
    const retired = await expectStatus(teamAction(args(request("/", { user: member, form: back }), params)), 302);
    expect(await toastOf(retired)).toMatchObject({ message: `Your team already works on “${problem.title}”: nothing changed.` });
    const moved = await expectStatus(
      teamAction(args(request("/", { user: member, form: { intent: "change-problem", problemId: other.id, confirmed: "on" } }), params)),
      302,
    );
    expect(await toastOf(moved)).toMatchObject({ message: "Problem changed." });
    // Moving to a problem retired since the page was opened is refused by name, and the page reads its list again.
    const toRetired = await expectStatus(teamAction(args(request("/", { user: member, form: { ...back, confirmed: "on" } }), params)), 400);
    expect(fieldErrors(toRetired).problemId).toEqual([`“${problem.title}” was retired since this page was opened. Pick another problem.`]);
    expect(toRetired.data).toMatchObject({ problemsChanged: true });
    expect((await db.select().from(teams).where(eq(teams.id, teamId)))[0].problemId).toBe(other.id);
  });

  it("changes neither name nor problem once judging started meanwhile, and says why; a deleted team is named as such", async () => {
    const { event, teamId, problem } = await setup();
    const other = await addProblem(event.id, { ...problemInput, title: "Another problem" });
    // The route checked the event while it was open; an organizer starts judging before the statements run.
    await db.update(events).set({ phase: "judging" }).where(eq(events.id, event.id));
    const closed = "Submissions are closed: the event has moved to judging.";
    expect(await renameTeam(event.id, teamId, "Late name")).toEqual({ ok: false, field: "name", message: closed, closed: true });
    expect(await changeProblem(event.id, teamId, other.id, { confirmed: true, typedName: "" })).toEqual({ ok: false, field: "problemId", message: closed });
    expect((await db.select().from(teams).where(eq(teams.id, teamId)))[0]).toMatchObject({ name: "Leads", problemId: problem.id });
    // Nor is a team created then: it would hold a draft nobody can submit.
    const late = await createUser();
    const [{ id: problemId }] = await db.select({ id: problems.id }).from(problems).where(eq(problems.eventId, event.id));
    expect(await createTeam(event, late.id, { name: "Latecomers", problemId })).toEqual({ ok: false, field: "name", message: closed, closed: true });
    expect(await db.select().from(teams).where(eq(teams.name, "Latecomers"))).toEqual([]);
    expect(await db.select().from(teamMembers).where(eq(teamMembers.userId, late.id))).toEqual([]);
    // Open again, but the team was deleted by its last member meanwhile: not "retired".
    await db.update(events).set({ phase: "open" }).where(eq(events.id, event.id));
    await db.delete(teams).where(eq(teams.id, teamId));
    const gone = "This team no longer exists: its last member left.";
    expect(await renameTeam(event.id, teamId, "Late name")).toEqual({ ok: false, field: "name", message: gone });
    expect(await changeProblem(event.id, teamId, other.id, { confirmed: true, typedName: "" })).toEqual({ ok: false, field: "problemId", message: gone });
  });

  it("lets only the lead remove members and hand over the lead", async () => {
    const { lead, member, teamId, params } = await setup();
    await expectStatus(teamAction(args(request("/", { user: member, form: { intent: "remove-member", userId: lead.id } }), params)), 403);
    // Handing over asks first, naming the member: nothing changes until confirmed.
    const asked = await expectStatus(teamAction(args(request("/", { user: lead, form: { intent: "hand-over", userId: member.id } }), params)), 409);
    expect(asked.data).toEqual({ confirmHandOver: { userId: member.id, name: member.name } });
    expect((await db.select().from(teams).where(eq(teams.id, teamId)))[0].leadId).toBe(lead.id);
    await expectStatus(teamAction(args(request("/", { user: lead, form: { intent: "hand-over", userId: member.id, confirmed: "on" } }), params)), 302);
    expect((await db.select().from(teams).where(eq(teams.id, teamId)))[0].leadId).toBe(member.id);
    // The old lead's page, read before the hand-over, is told beside the members (and read again), not shown an error page.
    for (const form of [{ intent: "remove-member", userId: member.id, confirmed: "on" }, { intent: "new-invite-code" }]) {
      const stale = await expectStatus(teamAction(args(request("/", { user: lead, form }), params)), 403);
      expect(stale.thrown).toBe(false);
      expect(stale.data).toEqual({ memberError: "Only the team lead can do that. The lead was handed over since this page was opened." });
    }
    // The new lead removes the old one (confirmed: removing asks first).
    await expectStatus(teamAction(args(request("/", { user: member, form: { intent: "remove-member", userId: lead.id, confirmed: "on" } }), params)), 302);
    expect(await members(teamId)).toEqual([member.id]);
  });

  it("asks the lead to hand over before leaving, and deletes the team when the last member leaves", async () => {
    const { lead, member, teamId, params } = await setup();
    const refused = await expectStatus(teamAction(args(request("/", { user: lead, form: { intent: "leave" } }), params)), 400);
    expect(refused.data).toEqual({ memberError: "Hand over the lead to another member before you leave." });
    await expectStatus(teamAction(args(request("/", { user: member, form: { intent: "leave", confirmed: "on" } }), params)), 302);
    expect(await members(teamId)).toEqual([lead.id]);
    await expectStatus(teamAction(args(request("/", { user: lead, form: { intent: "leave", confirmed: "on", confirmName: "Leads" } }), params)), 302);
    expect(await db.select().from(teams).where(eq(teams.id, teamId))).toEqual([]);
    expect(await db.select().from(entries).where(eq(entries.teamId, teamId))).toEqual([]);
  });

  it("refuses team changes to outsiders and after the deadline", async () => {
    const { lead, teamId, params, event } = await setup();
    const outsider = await createUser();
    await expectStatus(teamLoader(args(request("/", { user: outsider }), params)), 403);
    await expectStatus(teamAction(args(request("/", { user: outsider, form: { intent: "leave" } }), params)), 403);
    const entryState = async () =>
      ((await expectStatus(teamLoader(args(request("/", { user: lead }), params)), 200)).data as { entry: { closed: boolean } }).entry;
    // A draft while submissions are open can still be submitted; after the deadline it never was.
    expect(await entryState()).toMatchObject({ status: "draft", closed: false });
    await setSubmissionDeadline(event.id, new Date(Date.now() - 1000));
    expect(await entryState()).toMatchObject({ status: "draft", closed: true });
    const refused = await expectStatus(teamAction(args(request("/", { user: lead, form: { intent: "remove-member", userId: "x" } }), params)), 403);
    expect(refused.data).toBe("Submissions are closed: the submission deadline has passed.");
    expect((await members(teamId)).length).toBe(2);
    // A new name typed as the deadline passed is refused beside the field, which keeps it; an outsider's is an error page.
    const late = await expectStatus(teamAction(args(request("/", { user: lead, form: { intent: "rename", name: "Late Larks" } }), params)), 403);
    expect(late.thrown).toBe(false);
    expect(late.data).toMatchObject({
      renameResult: { initialValue: { name: "Late Larks" }, error: { name: ["Submissions are closed: the submission deadline has passed."] } },
    });
    expect((await expectStatus(teamAction(args(request("/", { user: outsider, form: { intent: "rename", name: "Mine" } }), params)), 403)).thrown).toBe(true);
  });
});

describe("removed and departed members", () => {
  it("changes the code on removal and keeps a removed member out, even with a new code, until the lead lets them back in", async () => {
    const { lead, member, teamId, params } = await setup();
    const oldCode = await codeOf(teamId);
    await expectStatus(teamAction(args(request("/", { user: lead, form: { intent: "remove-member", userId: member.id, confirmed: "on" } }), params)), 302);
    const newCode = await codeOf(teamId);
    expect(newCode).not.toBe(oldCode);
    await expectStatus(join(member, oldCode), 404);

    // The new code reaches them anyway (forwarded by a teammate): still refused, with a reason.
    expect((await joinPage(member, newCode)).refusal).toBe(REMOVED_MESSAGE);
    const refused = await expectStatus(join(member, newCode), 409);
    expect(refused.data).toEqual({ error: REMOVED_MESSAGE });
    const lead2 = await expectStatus(teamLoader(args(request("/", { user: lead }), params)), 200);
    expect((lead2.data as { removed: { id: string }[] }).removed.map((m) => m.id)).toEqual([member.id]);

    // A new invite link does not let them back; only the lead's explicit "let rejoin" does.
    await expectStatus(teamAction(args(request("/", { user: lead, form: { intent: "new-invite-code" } }), params)), 302);
    const newestCode = await codeOf(teamId);
    expect(newestCode).not.toBe(newCode);
    await expectStatus(join(member, newCode), 404);
    await expectStatus(join(member, newestCode), 409);
    await expectStatus(teamAction(args(request("/", { user: lead, form: { intent: "allow-rejoin", userId: member.id } }), params)), 302);
    expect((await joinPage(member, newestCode)).refusal).toBeNull();
    await expectStatus(join(member, newestCode), 302);
    expect(await members(teamId)).toEqual([lead.id, member.id].sort());

    // A full team says so on the join page, before the button, not only once it is pressed.
    await db.update(events).set({ maxTeamSize: 2 }).where(eq(events.id, params.eventId));
    const latecomer = await createUser();
    expect((await joinPage(latecomer, newestCode)).refusal).toBe("This team is full (at most 2 people).");
    expect((await expectStatus(join(latecomer, newestCode), 409)).data).toEqual({ error: "This team is full (at most 2 people)." });
  });

  it("changes the code when a member leaves, so the code they knew no longer works", async () => {
    const { member, teamId, params } = await setup();
    const oldCode = await codeOf(teamId);
    await expectStatus(teamAction(args(request("/", { user: member, form: { intent: "leave", confirmed: "on" } }), params)), 302);
    expect(await codeOf(teamId)).not.toBe(oldCode);
    await expectStatus(join(member, oldCode), 404);
    // Leaving is not a removal: whoever the team sends the new link to may come back.
    await expectStatus(join(member, await codeOf(teamId)), 302);
  });

  it("reads the team again after a member's step the team's changes refused, and only then", async () => {
    const asked = (intent: string, actionStatus: number | undefined) => {
      const formData = new FormData();
      formData.set("intent", intent);
      return shouldRevalidate({ actionStatus, formData, defaultShouldRevalidate: true } as Parameters<typeof shouldRevalidate>[0]);
    };
    for (const intent of ["leave", "remove-member", "hand-over", "allow-rejoin"]) expect(asked(intent, 400)).toBe(true);
    // A name refused, or a confirm step, changes nothing the page shows.
    expect(asked("rename", 400)).toBe(false);
    expect(asked("remove-member", 409)).toBe(false);
    expect(asked("rename", 302)).toBe(true);
    expect(asked("rename", undefined)).toBe(true);
  });

  it("lets only the lead make a new invite link or let someone rejoin", async () => {
    const { lead, member, teamId, params } = await setup();
    const code = await codeOf(teamId);
    await expectStatus(teamAction(args(request("/", { user: member, form: { intent: "new-invite-code" } }), params)), 403);
    await expectStatus(teamAction(args(request("/", { user: member, form: { intent: "allow-rejoin", userId: lead.id } }), params)), 403);
    expect(await codeOf(teamId)).toBe(code);
    const nobody = await expectStatus(teamAction(args(request("/", { user: lead, form: { intent: "allow-rejoin", userId: member.id } }), params)), 400);
    expect(nobody.data).toEqual({ memberError: "That person was not removed from this team." });
  });
});

describe("judges and teams of one event", () => {
  it("refuses a judge invite to a member of a team of the event", async () => {
    const { organizer, member, event, teamId } = await setup();
    const { token } = await createJudgeInvite(event.id, organizer.id, 7);
    const page = await expectStatus(judgeInviteLoader(args(request(`/judge-invite/${token}`, { user: member }), { token })), 200);
    expect((page.data as { refusal: string | null }).refusal).toBe(JUDGE_IN_TEAM_MESSAGE);
    const refused = await expectStatus(judgeInviteAction(args(request(`/judge-invite/${token}`, { user: member, form: {} }), { token })), 409);
    expect(refused.data).toEqual({ error: JUDGE_IN_TEAM_MESSAGE });
    expect(await db.select().from(eventJudges).where(eq(eventJudges.eventId, event.id))).toEqual([]);
    expect(await addJudge(event.id, member.email)).toEqual({ ok: false, message: `${member.name} is in a team of this event, so they cannot judge it.` });
    expect(await members(teamId)).toContain(member.id);
    // Someone outside the teams takes the same link.
    const outsider = await createUser();
    await expectStatus(judgeInviteAction(args(request(`/judge-invite/${token}`, { user: outsider, form: {} }), { token })), 302);
  });

  it("refuses a judge joining or creating a team in the event they judge", async () => {
    const { event, problem, teamId } = await setup();
    const judge = await createUser();
    expect((await addJudge(event.id, judge.email)).ok).toBe(true);
    const message = "You judge this event, so you cannot join or create a team in it.";
    const code = await codeOf(teamId);
    expect((await joinPage(judge, code)).refusal).toBe(message);
    expect((await expectStatus(join(judge, code), 403)).data).toEqual({ error: message });
    const slug = { slug: event.slug };
    expect((await expectStatus(newTeamLoader(args(request(`/events/${event.slug}/teams/new`, { user: judge }), slug)), 403)).data).toBe(message);
    await expectStatus(
      newTeamAction(args(request(`/events/${event.slug}/teams/new`, { user: judge, form: { name: "Judges", problemId: problem.id } }), slug)),
      403,
    );
    expect(await db.select().from(teamMembers).where(eq(teamMembers.userId, judge.id))).toEqual([]);
  });
});

describe("screenshots", () => {
  it("stores an image checked by content and serves it only to those who may see the entry", async () => {
    const { lead, params, teamId, event, organizer } = await setup();
    await expectStatus(upload(lead, params, EXE, "innocent.png"), 400);
    expect(await db.select().from(screenshots)).toHaveLength(0);

    await expectStatus(upload(lead, params, PNG, "queue.png"), 302);
    const [entry] = await db.select().from(entries).where(eq(entries.teamId, teamId));
    const [shot] = await db.select().from(screenshots).where(eq(screenshots.entryId, entry.id));
    expect(shot).toMatchObject({ contentType: "image/png", caption: "Queue view" });

    // What is served is the re-encoded image: the same picture, its stored size.
    const served = await expectStatus(screenshotLoader(args(request("/", { user: lead }), { screenshotId: shot.id })), 200);
    expect(served.response?.headers.get("Content-Type")).toBe("image/png");
    const stored = Buffer.from(await served.response!.arrayBuffer());
    expect(stored.length).toBe(shot.byteSize);
    expect(await sharp(stored).metadata()).toMatchObject({ format: "png", width: 3, height: 2 });

    // The entry is a draft: another participant may not see it, the organizer may.
    const outsider = await createUser();
    await expectStatus(screenshotLoader(args(request("/", { user: outsider }), { screenshotId: shot.id })), 403);
    await expectStatus(screenshotLoader(args(request("/", { user: organizer }), { screenshotId: shot.id })), 200);

    // Once judging starts, nobody adds screenshots any more.
    await movePhase(event.id, organizer, "judging");
    await expectStatus(upload(lead, params, PNG, "late.png"), 403);
    expect(await db.select().from(screenshots).where(eq(screenshots.entryId, entry.id))).toHaveLength(1);
  });

  it("refuses an image over 40 megapixels with a message for the field, storing nothing", async () => {
    const { lead, params, teamId } = await setup();
    const refused = await expectStatus(upload(lead, params, declaredPng(60000, 60000), "huge.png"), 400);
    expect(refused.data).toEqual({ screenshotError: expect.stringContaining("at most 40 megapixels") });
    const [entry] = await db.select().from(entries).where(eq(entries.teamId, teamId));
    expect(await db.select().from(screenshots).where(eq(screenshots.entryId, entry.id))).toHaveLength(0);
  });

  it("keeps the cap of 6 under concurrent uploads and leaves no file behind for a refused one", async () => {
    const { teamId } = await setup();
    const [entry] = await db.select().from(entries).where(eq(entries.teamId, teamId));
    const files = () => fs.readdirSync(uploads, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).length;
    const before = files();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => addScreenshot(entry.id, PNG, `Shot ${i}`)));
    expect(results.filter((r) => r.ok)).toHaveLength(6);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.message)).toEqual(Array(4).fill("An entry has at most 6 screenshots. Delete one first."));
    const rows = await db.select().from(screenshots).where(eq(screenshots.entryId, entry.id));
    expect(rows.map((r) => r.position).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(files() - before).toBe(6);
  });

  it("refuses an outsider's upload", async () => {
    const { params } = await setup();
    const outsider = await createUser();
    await expectStatus(upload(outsider, params, PNG, "x.png"), 403);
  });
});

describe("gallery", () => {
  it("filters submitted entries by outcome and tag, and hides other teams' entries before the deadline", async () => {
    const { lead, event, teamId, organizer, params } = await setup();
    await db
      .update(entries)
      .set({ status: "submitted", title: "Queue suggester", outcome: "failed", tags: "support, retrieval" })
      .where(eq(entries.teamId, teamId));
    const outsider = await createUser();
    const before = await expectStatus(galleryLoader(args(request(`/events/${event.slug}/entries`, { user: outsider }), params)), 200);
    expect((before.data as { entries: unknown[]; othersHidden: boolean }).othersHidden).toBe(true);
    expect((before.data as { entries: unknown[] }).entries).toHaveLength(0);
    // Said whatever the filters: whether other teams' hidden entries match them would tell what those teams submitted.
    for (const filter of ["outcome=failed", "outcome=working", "tag=retrieval", "tag=nothing"]) {
      const filtered = await expectStatus(galleryLoader(args(request(`/events/${event.slug}/entries?${filter}`, { user: outsider }), params)), 200);
      expect((filtered.data as { othersHidden: boolean }).othersHidden).toBe(true);
    }

    const own = await expectStatus(galleryLoader(args(request(`/events/${event.slug}/entries?tag=retrieval`, { user: lead }), params)), 200);
    expect((own.data as { entries: { title: string }[] }).entries.map((e) => e.title)).toEqual(["Queue suggester"]);

    await setSubmissionDeadline(event.id, new Date(Date.now() - 1000));
    const failed = await expectStatus(galleryLoader(args(request(`/events/${event.slug}/entries?outcome=failed`, { user: outsider }), params)), 200);
    expect((failed.data as { entries: unknown[] }).entries).toHaveLength(1);
    const working = await expectStatus(galleryLoader(args(request(`/events/${event.slug}/entries?outcome=working`, { user: outsider }), params)), 200);
    expect((working.data as { entries: unknown[] }).entries).toHaveLength(0);
    const otherTag = await expectStatus(galleryLoader(args(request(`/events/${event.slug}/entries?tag=retriev`, { user: organizer }), params)), 200);
    expect((otherTag.data as { entries: unknown[] }).entries).toHaveLength(0);
  });
});
