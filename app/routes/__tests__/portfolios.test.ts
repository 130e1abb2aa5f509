// Portfolios (ADR 029): a person's entries across events, never shown wider than the entry page shows them.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "#db/schema";
import { db } from "~/db.server";
import { createTeam } from "~/modules/teams/teams.server";
import { action as personAction, loader as personLoader } from "~/routes/people.$userId";
import { action as accountAction, loader as accountLoader } from "~/routes/account";
import { args, createOpenEvent, createUser, expectStatus, fieldErrors, movePhase, request, submittedEntry, toastOf, type TestUser } from "~/test/fixtures";

type Row = { entryId: string; title: string; hidden: boolean; status: string; awards: string[]; lesson: string; outcome: string | null };
type Page = { person: { name: string; headline: string; skillList: string[] }; entries: Row[]; isMe: boolean };

async function world() {
  const organizer = await createUser({ role: "organizer" });
  const person = await createUser({ name: "Pia Portfolio" });
  const outsider = await createUser();
  const open = await createOpenEvent(organizer);
  const closed = await createOpenEvent(organizer);
  // An open event: a draft, before the submission deadline.
  const draftTeam = await createTeam(open.event, person.id, { name: "Drafters", problemId: open.problem.id });
  if (!draftTeam.ok) throw new Error("setup");
  // A closed event: a submitted failed attempt, visible to everyone signed in.
  const failed = await submittedEntry(closed.event, person.id, closed.problem.id, { title: "Dispute bot", outcome: "failed" });
  await movePhase(closed.event.id, organizer, "judging");
  await movePhase(closed.event.id, organizer, "closed");
  return { organizer, person, outsider, failed };
}

const view = async (viewer: TestUser, person: TestUser) =>
  (await expectStatus(personLoader(args(request(`/people/${person.id}`, { user: viewer }), { userId: person.id })), 200)).data as Page;
const toggle = (actor: TestUser, person: TestUser, intent: string, entryId: string) =>
  personAction(args(request(`/people/${person.id}`, { user: actor, form: { intent, entryId } }), { userId: person.id }));

describe("a person's portfolio", () => {
  it("shows an outsider only entries they may open: the closed event's failed attempt, not the open event's draft", async () => {
    const w = await world();
    const seen = await view(w.outsider, w.person);
    expect(seen.entries.map((e) => e.title)).toEqual(["Dispute bot"]);
    expect(seen.entries[0]).toMatchObject({ outcome: "failed", lesson: "Evaluate earlier.", status: "submitted" });
    expect(seen.isMe).toBe(false);
    const own = await view(w.person, w.person);
    expect(own.entries.map((e) => e.status).sort()).toEqual(["draft", "submitted"]);
    expect(own.isMe).toBe(true);
    // The open event's organizer may open the draft on its page, so the portfolio shows it to them too.
    expect((await view(w.organizer, w.person)).entries).toHaveLength(2);
  });

  it("is for signed-in people only", async () => {
    const w = await world();
    const res = await expectStatus(personLoader(args(request(`/people/${w.person.id}`), { userId: w.person.id })), 302);
    expect(res.response!.headers.get("Location")).toMatch(/^\/login/);
  });

  it("lets the person hide an entry: gone for others, listed as hidden for them, and shown again", async () => {
    const w = await world();
    await expectStatus(toggle(w.person, w.person, "hide", w.failed.entryId), 302);
    expect((await view(w.outsider, w.person)).entries).toEqual([]);
    expect((await view(w.person, w.person)).entries.find((e) => e.entryId === w.failed.entryId)?.hidden).toBe(true);
    await expectStatus(toggle(w.person, w.person, "show", w.failed.entryId), 302);
    expect((await view(w.outsider, w.person)).entries.map((e) => e.title)).toEqual(["Dispute bot"]);
  });

  it("refuses hiding someone else's entry, and an entry of a team the person is not in", async () => {
    const w = await world();
    await expectStatus(toggle(w.outsider, w.person, "hide", w.failed.entryId), 403);
    // Their own page, an entry not (or no longer: they left the team in another tab) of their teams: read again, with why.
    const notTheirs = await expectStatus(toggle(w.outsider, w.outsider, "hide", w.failed.entryId), 302);
    expect(notTheirs.response!.headers.get("Location")).toBe(`/people/${w.outsider.id}`);
    expect(await toastOf(notTheirs)).toEqual({ kind: "error", message: "That entry is no longer one of your teams', so it is not on your portfolio." });
    expect((await view(w.outsider, w.person)).entries).toHaveLength(1);
  });

  it("saves the name, headline and skills from the account page, with a message next to a field that is too long", async () => {
    const w = await world();
    const save = (form: Record<string, string>) => accountAction(args(request("/account", { user: w.person, form: { intent: "profile", ...form } })));
    await expectStatus(save({ name: "  Pia Renamed ", headline: "Analyst, Finance ops", skills: "SQL, prompt design; sql, Python" }), 302);
    expect((await view(w.outsider, w.person)).person).toMatchObject({
      name: "Pia Renamed",
      headline: "Analyst, Finance ops",
      skillList: ["SQL", "prompt design", "Python"],
    });
    // Skills are kept as the list shows them, so the form shows them so too after saving.
    expect((await db.select({ skills: users.skills }).from(users).where(eq(users.id, w.person.id)))[0].skills).toBe("SQL, prompt design, Python");
    const tooLong = await expectStatus(save({ name: "", headline: "x".repeat(81), skills: "" }), 400);
    expect(fieldErrors(tooLong)).toMatchObject({ name: ["Enter your name"], headline: ["Use at most 80 characters"] });
    expect((await db.select({ name: users.name }).from(users).where(eq(users.id, w.person.id)))[0].name).toBe("Pia Renamed");
  });
});

describe("two tabs of the account page", () => {
  it("a profile save writes only the fields its own form changed: the other tab's change stays", async () => {
    const me = await createUser({ name: "Tab Tester" });
    const { data } = await expectStatus(accountLoader(args(request("/account", { user: me }))), 200);
    const shown = (data as { profileShown: string }).profileShown;
    const save = (form: Record<string, string>) => accountAction(args(request("/account", { user: me, form: { intent: "profile", shown, ...form } })));
    // Both tabs show the name, no headline and no skills. The first adds a headline…
    expect(await toastOf(await expectStatus(save({ name: "Tab Tester", headline: "Analyst", skills: "" }), 302))).toMatchObject({ message: "Profile saved." });
    // …the second, still without it, renames and adds skills.
    expect(await toastOf(await expectStatus(save({ name: "Tab Tested", headline: "", skills: "SQL;sql, Python" }), 302))).toMatchObject({
      message: "Profile saved.",
    });
    const [row] = await db.select({ name: users.name, headline: users.headline, skills: users.skills }).from(users).where(eq(users.id, me.id));
    expect(row).toEqual({ name: "Tab Tested", headline: "Analyst", skills: "SQL, Python" });
  });
});
