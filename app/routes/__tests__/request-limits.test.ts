// Issue 12: what the app itself refuses or repairs in a request (server.mjs's body limits are tested
// against a real server in e2e/request-limits.spec.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_FORM_PARTS } from "~/modules/entries/multipart.server";
import { createTeam } from "~/modules/teams/teams.server";
import { action as entryAction } from "~/routes/events.$slug.teams.$teamId.entry";
import { action as loginAction } from "~/routes/login";
import { args, createOpenEvent, createUser, expectStatus, PASSWORD, request } from "~/test/fixtures";

process.env.UPLOADS_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "pf-limits-"));
afterAll(() => fs.rmSync(process.env.UPLOADS_DIR!, { recursive: true, force: true }));

async function teamWithEntry() {
  const organizer = await createUser({ role: "organizer" });
  const participant = await createUser();
  const { event, problem } = await createOpenEvent(organizer);
  const team = await createTeam(event, participant.id, { name: "Uploaders", problemId: problem.id });
  if (!team.ok) throw new Error("setup");
  return { participant, params: { slug: event.slug, teamId: team.teamId } };
}

function upload(cookie: string, form: FormData) {
  return new Request("http://localhost/x", { method: "POST", headers: { Cookie: cookie }, body: form });
}

describe("screenshot uploads (multipart)", () => {
  it("refuse more parts than the upload form sends", async () => {
    const { participant, params } = await teamWithEntry();
    const form = new FormData();
    form.append("intent", "upload-screenshot");
    for (let i = 0; i < MAX_FORM_PARTS + 5; i++) form.append(`field${i}`, "x");
    const refused = await expectStatus(entryAction(args(upload(participant.cookie, form), params)), 400);
    expect(refused.data).toEqual({ screenshotError: "That form has more fields than the upload form sends." });
  });

  it("refuse parts that are each under 5 MB but over it together", async () => {
    const { participant, params } = await teamWithEntry();
    const form = new FormData();
    form.append("intent", "upload-screenshot");
    for (let i = 0; i < 3; i++) form.append("screenshot", new Blob([new Uint8Array(2 * 1024 * 1024)], { type: "image/png" }), `part${i}.png`);
    const refused = await expectStatus(entryAction(args(upload(participant.cookie, form), params)), 400);
    expect(refused.data).toEqual({ screenshotError: "That upload is larger than 5 MB." });
  });
});

describe("sign-in with an unusual redirectTo", () => {
  it("signs in and follows a target with characters above U+00FF, percent-encoded", async () => {
    const user = await createUser();
    const signedIn = await expectStatus(
      loginAction({
        ...args(request("/login", { form: { email: user.email, password: PASSWORD, redirectTo: "/。/x?q=café ✓" } })),
        context: { clientIp: "10.12.0.1" },
      }),
      302,
    );
    expect(signedIn.response!.headers.get("Location")).toBe("/%E3%80%82/x?q=caf%C3%A9%20%E2%9C%93");
    expect(signedIn.response!.headers.get("Set-Cookie")).toContain("pf_session=");
  });
});
