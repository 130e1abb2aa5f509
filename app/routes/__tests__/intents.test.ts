// Every route with several actions dispatches with `switch (intent)` on the one field `intent`; a form the
// route does not know is refused with a 400 and a message, never handled by a neighbouring case.
import { describe, expect, it } from "vitest";
import { createTeam } from "~/modules/teams/teams.server";
import { action as awardsAction } from "~/routes/events.$slug.awards";
import { action as judgesAction } from "~/routes/events.$slug.judges";
import { action as manageAction } from "~/routes/events.$slug.manage";
import { action as rubricAction } from "~/routes/events.$slug.rubric";
import { action as teamAction } from "~/routes/events.$slug.teams.$teamId._index";
import { action as entryAction } from "~/routes/events.$slug.teams.$teamId.entry";
import { args, createOpenEvent, createUser, expectStatus, movePhase, request, type TestUser } from "~/test/fixtures";

type Action = (a: ReturnType<typeof args>) => Promise<unknown>;

async function refused(action: Action, path: string, params: Record<string, string>, user: TestUser, form: Record<string, string>) {
  const res = await expectStatus(action(args(request(path, { user, form }), params)), 400);
  return res.data;
}

describe("action dispatch", () => {
  it("answers an unknown or missing intent with 400 and a message on every multi-action route", async () => {
    const organizer = await createUser({ role: "organizer" });
    const { event, problem } = await createOpenEvent(organizer);
    const lead = await createUser();
    const team = await createTeam(event, lead.id, { name: "Dispatchers", problemId: problem.id });
    if (!team.ok) throw new Error(team.message);
    const slug = event.slug;
    const routes: [Action, string, Record<string, string>, TestUser][] = [
      [manageAction, `/events/${slug}/manage`, { slug }, organizer],
      [judgesAction, `/events/${slug}/judges`, { slug }, organizer],
      [rubricAction, `/events/${slug}/rubric`, { slug }, organizer],
      [teamAction, `/events/${slug}/teams/${team.teamId}`, { slug, teamId: team.teamId }, lead],
      // Save and Submit are intents too: a form without one is not quietly saved as a draft.
      [entryAction, `/events/${slug}/teams/${team.teamId}/entry`, { slug, teamId: team.teamId }, lead],
    ];
    for (const [action, path, params, user] of routes) {
      expect(await refused(action, path, params, user, { intent: "explode" })).toBe("Unknown action “explode”. Reload the page and try again.");
      // The old field name is not a second way in.
      expect(await refused(action, path, params, user, { _action: "leave" })).toBe("Unknown action “(none)”. Reload the page and try again.");
    }
    // Awards are given once judging has started.
    await movePhase(event.id, organizer, "judging");
    expect(await refused(awardsAction, `/events/${slug}/awards`, { slug }, organizer, { intent: "give-everything" })).toBe(
      "Unknown action “give-everything”. Reload the page and try again.",
    );
  });
});
