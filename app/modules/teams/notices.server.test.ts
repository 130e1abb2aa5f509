// A team's changes tell its people once, in the same transaction as the change: joins, removals, lead
// hand-overs and the entry's submission. A refused or repeated change tells nobody, and a kind turned off
// by mail still reaches the in-app list (ADR 024).
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications, outbox } from "#db/schema";
import { db } from "~/db.server";
import { saveEntry } from "~/modules/entries/entries.server";
import { optionalKinds, type NotificationKind } from "~/modules/notifications/kinds";
import { setEmailPreferences } from "~/modules/notifications/notify.server";
import { createOpenEvent, createUser, entryFields, type TestUser } from "~/test/fixtures";
import { createTeam, handOverLead, joinTeam, removeMember } from "./teams.server";

const CONFIRMED = { confirmed: true, typedName: "" };

const ORIGIN = "https://hack.example.com";
const noticesOf = (user: TestUser, kind: NotificationKind) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), eq(notifications.kind, kind)));
const mailsOf = (user: TestUser, kind: NotificationKind) =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toEmail, user.email.toLowerCase()), eq(outbox.kind, kind)));
const confirmed = { confirmed: true, typedName: "" };

async function teamOf(size: number, maxTeamSize = 5) {
  const organizer = await createUser({ role: "organizer" });
  const { event, problem } = await createOpenEvent(organizer, { maxTeamSize });
  const lead = await createUser({ name: "Lea Lead" });
  const created = await createTeam(event, lead.id, { name: `Crew ${lead.id.slice(0, 6)} 1`, problemId: problem.id });
  if (!created.ok) throw new Error(created.message);
  const team = { id: created.teamId, eventId: event.id, leadId: lead.id, name: `Crew ${lead.id.slice(0, 6)} 1` };
  const members = [lead];
  for (let i = 1; i < size; i++) {
    const member = await createUser();
    expect((await joinTeam(team, member.id, maxTeamSize, ORIGIN)).ok).toBe(true);
    members.push(member);
  }
  return { event, team, members };
}

describe("team-joined", () => {
  it("tells each member already in the team once, linking to the team, and not the one who joined", async () => {
    const { event, team, members } = await teamOf(2);
    const [lead, first] = members;
    const joiner = await createUser({ name: "Jo Joiner" });
    expect((await joinTeam(team, joiner.id, 5, ORIGIN)).ok).toBe(true);
    for (const member of [lead, first]) {
      const [notice, ...more] = (await noticesOf(member, "team-joined")).filter((n) => n.title.startsWith("Jo Joiner"));
      expect(more).toHaveLength(0);
      expect(notice).toMatchObject({ title: `Jo Joiner joined ${team.name}`, path: `/events/${event.slug}/teams/${team.id}`, eventId: event.id });
      const mails = (await mailsOf(member, "team-joined")).filter((m) => m.subject.startsWith("Jo Joiner"));
      expect(mails).toHaveLength(1);
      expect(mails[0].textBody).toContain(`${ORIGIN}/events/${event.slug}/teams/${team.id}`);
    }
    expect(await noticesOf(joiner, "team-joined")).toHaveLength(0);
  });

  it("tells nobody when the join is refused (team full) or repeated", async () => {
    const { team, members } = await teamOf(2, 2);
    const late = await createUser();
    expect((await joinTeam(team, late.id, 2, ORIGIN)).ok).toBe(false);
    expect((await joinTeam(team, members[1].id, 2, ORIGIN)).ok).toBe(false);
    // The lead heard only of the second member's join, when the team was formed.
    expect(await noticesOf(members[0], "team-joined")).toHaveLength(1);
    expect(await mailsOf(members[0], "team-joined")).toHaveLength(1);
  });

  it("keeps the in-app notice but sends no mail when the member turned that kind off", async () => {
    const { team, members } = await teamOf(1);
    await setEmailPreferences(members[0].id, new Set(optionalKinds.filter((k) => k !== "team-joined")));
    expect((await joinTeam(team, (await createUser()).id, 5, ORIGIN)).ok).toBe(true);
    expect(await noticesOf(members[0], "team-joined")).toHaveLength(1);
    expect(await mailsOf(members[0], "team-joined")).toHaveLength(0);
  });
});

describe("team-member-removed", () => {
  it("tells the removed person (linking to the event) and everyone who stays (linking to the team), once", async () => {
    const { event, team, members } = await teamOf(3);
    const [lead, stays, removed] = members;
    expect((await removeMember(team, removed.id, confirmed, ORIGIN)).ok).toBe(true);
    expect(await removeMember(team, removed.id, confirmed, ORIGIN)).toMatchObject({ ok: false });

    const [toRemoved, ...moreRemoved] = await noticesOf(removed, "team-member-removed");
    expect(moreRemoved).toHaveLength(0);
    expect(toRemoved).toMatchObject({ title: `You were removed from ${team.name}`, path: `/events/${event.slug}` });
    for (const member of [lead, stays]) {
      const rows = await noticesOf(member, "team-member-removed");
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ title: `${removed.name} was removed from ${team.name}`, path: `/events/${event.slug}/teams/${team.id}` });
      expect(await mailsOf(member, "team-member-removed")).toHaveLength(1);
    }
    const [mail] = await mailsOf(removed, "team-member-removed");
    expect(mail.textBody).toContain(`${ORIGIN}/events/${event.slug}`);
  });

  it("tells nobody when the removal is not confirmed", async () => {
    const { team, members } = await teamOf(2);
    expect(await removeMember(team, members[1].id, { confirmed: false, typedName: "" }, ORIGIN)).toMatchObject({ ok: false });
    expect(await noticesOf(members[1], "team-member-removed")).toHaveLength(0);
  });
});

describe("team-lead-changed", () => {
  it("tells every member once, and a repeated or refused hand-over tells nobody", async () => {
    const { event, team, members } = await teamOf(3);
    const [lead, next, third] = members;
    expect((await handOverLead(team.id, next.id, CONFIRMED, ORIGIN)).ok).toBe(true);
    expect((await handOverLead(team.id, next.id, CONFIRMED, ORIGIN)).ok).toBe(true);
    expect((await handOverLead(team.id, (await createUser()).id, CONFIRMED, ORIGIN)).ok).toBe(false);
    expect((await noticesOf(next, "team-lead-changed")).map((n) => n.title)).toEqual([`You now lead ${team.name}`]);
    for (const member of [lead, third]) {
      const rows = await noticesOf(member, "team-lead-changed");
      expect(rows.map((n) => n.title)).toEqual([`${next.name} now leads ${team.name}`]);
      expect(rows[0].path).toBe(`/events/${event.slug}/teams/${team.id}`);
      expect(await mailsOf(member, "team-lead-changed")).toHaveLength(1);
    }
  });
});

describe("entry-submitted", () => {
  it("confirms to every member once, on the move to submitted only", async () => {
    const { event, team, members } = await teamOf(2);
    const input = { ...entryFields, title: "Ticket triage bot", outcome: "working" as const };
    expect(await saveEntry(team.id, { ...input, version: 1 }, false, new Date(), ORIGIN)).toEqual({ ok: true, version: 2 });
    expect(await noticesOf(members[0], "entry-submitted")).toHaveLength(0);
    expect(await saveEntry(team.id, { ...input, version: 2 }, true, new Date(), ORIGIN)).toEqual({ ok: true, version: 3 });
    // Later saves and submits of the submitted entry, and a stale submit, tell nobody. A stale submit of what is stored
    // (Submit pressed twice) is saved as it stands; one that differs is refused.
    expect((await saveEntry(team.id, { ...input, version: 3 }, true, new Date(), ORIGIN)).ok).toBe(true);
    expect((await saveEntry(team.id, { ...input, version: 4 }, false, new Date(), ORIGIN)).ok).toBe(true);
    expect(await saveEntry(team.id, { ...input, version: 2 }, true, new Date(), ORIGIN)).toEqual({ ok: true, version: 5 });
    expect((await saveEntry(team.id, { ...input, title: "Another title", version: 2 }, true, new Date(), ORIGIN)).ok).toBe(false);
    for (const member of members) {
      const rows = await noticesOf(member, "entry-submitted");
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ title: `${team.name}'s entry is submitted`, path: `/events/${event.slug}/teams/${team.id}` });
      const mails = await mailsOf(member, "entry-submitted");
      expect(mails).toHaveLength(1);
      expect(mails[0].textBody).toContain("Ticket triage bot");
      expect(mails[0].textBody).toContain(`${ORIGIN}/events/${event.slug}/teams/${team.id}`);
    }
  });

  it("a stale first submit submits nothing and tells nobody", async () => {
    const { team, members } = await teamOf(1);
    const input = { ...entryFields, title: "Stale", outcome: "working" as const };
    expect((await saveEntry(team.id, { ...input, version: 7 }, true, new Date(), ORIGIN)).ok).toBe(false);
    expect(await noticesOf(members[0], "entry-submitted")).toHaveLength(0);
  });
});

describe("a kind turned off for mail", () => {
  it("still reaches the in-app list for removals, hand-overs and submissions, with no mail", async () => {
    const { team, members } = await teamOf(3);
    const [lead, stays, removed] = members;
    const off = (kind: NotificationKind) => new Set(optionalKinds.filter((k) => k !== kind));
    await setEmailPreferences(removed.id, off("team-member-removed"));
    await setEmailPreferences(stays.id, new Set(optionalKinds.filter((k) => k !== "team-lead-changed" && k !== "entry-submitted")));
    expect((await removeMember(team, removed.id, confirmed, ORIGIN)).ok).toBe(true);
    expect((await handOverLead(team.id, stays.id, CONFIRMED, ORIGIN)).ok).toBe(true);
    const input = { ...entryFields, title: "Quiet bot", outcome: "working" as const, version: 1 };
    expect((await saveEntry(team.id, input, true, new Date(), ORIGIN)).ok).toBe(true);
    for (const [member, kind] of [
      [removed, "team-member-removed"],
      [stays, "team-lead-changed"],
      [stays, "entry-submitted"],
    ] as const) {
      expect(await noticesOf(member, kind)).toHaveLength(1);
      expect(await mailsOf(member, kind)).toHaveLength(0);
    }
    // The lead kept every kind on: mailed as usual.
    expect(await mailsOf(lead, "team-lead-changed")).toHaveLength(1);
    expect(await mailsOf(lead, "entry-submitted")).toHaveLength(1);
  });
});
