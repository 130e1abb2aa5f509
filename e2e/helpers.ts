import axeCore from "axe-core";
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { linkMailedTo } from "./mail";

/**
 * The suite's `test`: after each test it closes the browser contexts the test opened itself (signed-in
 * pages, no-JavaScript and phone contexts). Left open, every hydrated page kept running for the rest of the
 * worker's tests: 150 live renderers by the end of a run, and later tests two or three times slower.
 */
export const test = base.extend<{ closeOwnContexts: void }>({
  closeOwnContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      await Promise.all(browser.contexts().map((c) => (before.has(c) ? undefined : c.close().catch(() => undefined))));
    },
    { auto: true },
  ],
});

const DEMO_PASSWORD = "problem-first-demo";
export const PASSWORD = "a-long-enough-passphrase";

let counter = 0;
export function unique(label: string) {
  return `${label}-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Rules whose impact is only ever minor or moderate (landmarks, heading order, duplicate ids…): only serious
 * and critical violations fail a test, so running these is work thrown away, about a seventh of axe's time.
 * Read from axe-core's own rule metadata, so an upgrade that raises a rule's impact runs it again; a rule
 * without a fixed impact always runs.
 */
const RULES_THAT_CANNOT_FAIL = ((axeCore as unknown as { _audit?: { rules: { id: string; impact?: string }[] } })._audit?.rules ?? [])
  .filter((r) => r.impact === "minor" || r.impact === "moderate")
  .map((r) => r.id);

type AxeViolation = { id: string; impact?: string | null; help: string; nodes: { target: string[] }[] };
declare global {
  interface Window {
    axe?: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
  }
}

/**
 * axe on the page as it is now: serious and critical violations fail the test. axe-core runs in the page itself,
 * put there once per document (a page the app changed without a new document keeps it), and reports the details of
 * violations only. That is what @axe-core/playwright's legacy mode did, less its work for iframes and for the
 * details of every rule that passed: 0.3 s a check instead of 0.5 s, and 0.07 s for a second check of the same
 * document. The only iframe is an entry's video player, another site's page, which legacy mode skipped too
 * (cross-origin) and which axe would wait half a second for. A colour or opacity transition caught halfway (a
 * button enabled again after a save) reads as low contrast, so running CSS transitions finish first (they are
 * finite; endless animations are left alone).
 */
export async function expectAccessible(page: Page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a instanceof CSSTransition)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeCore.source);
  const results = await page.evaluate(
    (rules) =>
      window.axe!.run(document, { iframes: false, resultTypes: ["violations"], rules: Object.fromEntries(rules.map((id) => [id, { enabled: false }])) }),
    RULES_THAT_CANNOT_FAIL,
  );
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

/** Signs up through the form, confirms the address with the link the app mailed (read from the outbox), and signs in. */
export async function signUp(page: Page, name: string) {
  const email = `${unique(name.toLowerCase().replace(/\W+/g, "-"))}@example.com`;
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.goto(await linkMailedTo(email, "/verify-email/"));
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expectToast(page, "Email address confirmed. Sign in to join a team.");
  await signIn(page, email, PASSWORD);
  await expect(page.getByTestId("signed-in-as")).toContainText(name);
  return email;
}

export async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

/** "YYYY-MM-DDTHH:mm" in UTC, for datetime-local inputs of a UTC event. */
export function localInput(offsetMs: number) {
  return new Date(Date.now() + offsetMs).toISOString().slice(0, 16);
}
export const DAY = 86_400_000;

/** The toast of Save draft: "Draft saved 09:00 CET.", the time in the event's zone (the autosave line has no full stop). */
export const DRAFT_SAVED = /Draft saved \d\d:\d\d [^\s.]+\./;

/**
 * Waits until the app has taken over the page (the root's effects ran after hydration: links navigate in the app and
 * forms check before posting). A click before that posts or loads a document, as without JavaScript.
 */
export async function waitForApp(page: Page) {
  await expect(page.locator("body[data-hydrated]")).toHaveCount(1);
}

/** Requests whose address matches `pattern` wait until the returned function is called (a later hold wins). */
export async function holdRequests(page: Page, pattern: RegExp): Promise<() => void> {
  let arrive!: () => void;
  const held = new Promise<void>((resolve) => (arrive = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return arrive;
}

/**
 * A slow connection: the page's scripts are held back until the returned function is called, so the page can be read
 * and typed into before the app takes it over.
 */
export async function holdScripts(page: Page): Promise<() => Promise<void>> {
  const scripts = /\/assets\/.*\.js$/;
  const arrive = await holdRequests(page, scripts);
  return async () => {
    arrive();
    await waitForApp(page);
    await page.unroute(scripts);
  };
}

export async function expectToast(page: Page, text: string | RegExp) {
  await expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();
}

/** Closes the page as a person closing the tab would, and answers the browser's question, if any, with "stay": its type. */
export async function closeAndStay(page: Page): Promise<string> {
  const asked = new Promise<string>((resolve) =>
    page.once("dialog", async (dialog) => {
      resolve(dialog.type());
      await dialog.dismiss();
    }),
  );
  await page.close({ runBeforeUnload: true });
  return asked;
}
