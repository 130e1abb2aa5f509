import { expect, type Page } from "@playwright/test";
import { DAY, DRAFT_SAVED, expectToast, localInput, newPage, signIn, signUp, test, unique, waitForApp } from "./helpers";

const PAYLOADS = [
  `<script>alert("script")</script>`,
  `<img src=x onerror="alert('img')">`,
  `[click me](javascript:alert('md-link'))`,
  `<a href="javascript:alert('a')">a link</a>`,
  `<svg onload="alert('svg')"><script>alert('svg-script')</script></svg>`,
  `<iframe src="https://evil.example/"></iframe>`,
].join("\n\n");

/** Fails the test if the page opens a dialog or sends a request to another origin. */
function watch(page: Page, origin: string) {
  const incidents: string[] = [];
  page.on("dialog", async (d) => {
    incidents.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  page.on("request", (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) incidents.push(`request: ${r.url()}`);
  });
  return incidents;
}

test("script, event handlers, javascript: links and SVG payloads are stored as given and rendered inert", async ({ browser, baseURL }) => {
  const organizer = await newPage(browser);
  const participant = await newPage(browser);
  const incidents = watch(organizer, baseURL!);
  const participantIncidents = watch(participant, baseURL!);
  const title = unique("XSS Hackathon");

  await signIn(organizer, "organizer@example.com");
  await organizer.goto("/events/new");
  await organizer.getByLabel("Title").fill(title);
  await organizer.getByLabel("Description").fill(PAYLOADS);
  await organizer.getByLabel("Starts").fill(localInput(-DAY));
  await organizer.getByLabel("Submission deadline").fill(localInput(3 * DAY));
  await organizer.getByLabel("Judging deadline").fill(localInput(5 * DAY));
  await organizer.getByRole("button", { name: "Create event" }).click();
  await expectToast(organizer, "Event created as a draft");
  const eventUrl = organizer.url().replace(/\/manage$/, "");
  await organizer.goto(`${eventUrl}/problems/new`);
  await organizer.getByLabel("Title").fill(`<img src=x onerror="alert('problem')">`);
  await organizer.getByLabel("Summary").fill(PAYLOADS);
  await organizer.getByLabel("Who has the problem").fill(`<script>alert("who")</script>`);
  await organizer.getByLabel("What it costs today").fill("Nothing");
  await organizer.getByLabel("Data available").fill("None");
  await organizer.getByLabel("Metric name").fill("<b>bold?</b>");
  await organizer.getByRole("button", { name: "Add problem" }).click();
  await expectToast(organizer, "Problem added.");
  // Stored as given: the text comes back verbatim, not as markup.
  await expect(organizer.getByRole("heading", { name: `<img src=x onerror="alert('problem')">` })).toBeVisible();
  await organizer.goto(`${eventUrl}/manage`);
  await organizer.getByRole("button", { name: "Open the event" }).click();
  await expectToast(organizer, "The event is now: Open for entries.");

  await signUp(participant, "Xavier Scripter");
  await participant.goto(eventUrl);
  await participant.getByRole("link", { name: "Create a team" }).click();
  await participant.getByLabel("Team name").fill(`<script>alert("team")</script>${unique("t")}`);
  await participant.getByLabel("Problem").selectOption({ index: 1 });
  await participant.getByRole("button", { name: "Create team" }).click();
  await expectToast(participant, "Team created.");
  await participant.getByRole("link", { name: "Work on the entry" }).click();
  await participant.getByLabel("Title").fill(`<svg onload="alert('entry')"></svg>`);
  await participant.getByLabel("Demo link").fill("javascript:alert('demo')");
  await participant.getByRole("button", { name: "Save draft" }).click();
  await expect(participant.getByText("Enter a full link starting with https:// or http://")).toBeVisible();
  await participant.getByLabel("Demo link").fill("");
  await participant.getByLabel("What did not work").fill(PAYLOADS);
  await participant.getByRole("button", { name: "Save draft" }).click();
  await expectToast(participant, DRAFT_SAVED);
  await participant.goto(eventUrl);
  await participant.getByRole("link", { name: "Go to your team and entry" }).click();
  await participant.getByRole("link", { name: "View entry page" }).click();
  await expect(participant.getByText(`alert("script")`, { exact: false }).first()).toBeVisible();

  for (const page of [organizer, participant]) {
    await page.goto(eventUrl);
    await waitForApp(page);
    await page.waitForLoadState("networkidle");
  }
  // The filter removed the javascript: address and kept the text: it reads as text, not as a link that does nothing.
  const inert = organizer.locator("a", { hasText: "click me" });
  await expect(inert).toBeVisible();
  await expect(organizer.getByRole("link", { name: "click me" })).toHaveCount(0);
  await expect(inert).toHaveCSS("text-decoration-line", "none");
  expect(await inert.evaluate((a) => getComputedStyle(a).color === getComputedStyle(a.parentElement!).color)).toBe(true);
  expect(incidents).toEqual([]);
  expect(participantIncidents).toEqual([]);
});
