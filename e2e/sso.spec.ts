import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import { ORGANIZER_GROUP, startTestProvider, TEST_CLIENT, type TestProvider } from "~/test/oidc-provider";
import { expectAccessible, unique, test } from "./helpers";
import { freePort, prepareDatabase, startApp, type AppProcess } from "./servers";

// Single sign-on against a real OpenID provider (oidc-provider) started here, with an app process of its
// own so the shared e2e server keeps password sign-in and no SSO. This app is SSO-only (PASSWORD_LOGIN=false),
// maps the provider's organizers group to the organizer role and allows only @example.com addresses.
test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

let provider: TestProvider;
let app: AppProcess;
let dbFile: string;

test.beforeAll(async () => {
  const port = await freePort();
  provider = await startTestProvider({ appOrigins: [`http://localhost:${port}`] });
  dbFile = `data/e2e-sso-${port}.db`;
  prepareDatabase(dbFile, { seed: false });
  app = await startApp(port, dbFile, {
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: TEST_CLIENT.clientId,
    OIDC_CLIENT_SECRET: TEST_CLIENT.clientSecret,
    OIDC_BUTTON_LABEL: "Sign in with Acme ID",
    OIDC_ORGANIZER_GROUP: ORGANIZER_GROUP,
    ALLOWED_EMAIL_DOMAINS: "example.com",
    PASSWORD_LOGIN: "false",
  });
});

test.afterAll(async () => {
  await app?.stop();
  await provider?.close();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
});

/** From the app's sign-in page through the provider's sign-in form, as `login`. */
async function signInWithSso(page: Page, login: string) {
  await page.goto(`${app.url}/login`);
  await page.getByRole("link", { name: "Sign in with Acme ID" }).click();
  await expect(page.getByRole("heading", { name: "Test provider sign-in" })).toBeVisible();
  await page.getByLabel("Login").fill(login);
  await page.getByRole("button", { name: "Sign in at the provider" }).click();
}

test("sign in with SSO from the sign-in page, land signed in, and sign out here and at the provider", async ({ page }) => {
  await page.goto(`${app.url}/login`);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  // SSO-only: no password form.
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await expectAccessible(page);

  const login = `${unique("ada")}@example.com`;
  await page.goto(`${app.url}/login?redirectTo=/archive`);
  await page.getByRole("link", { name: "Sign in with Acme ID" }).click();
  await page.getByLabel("Login").fill(login);
  await page.getByRole("button", { name: "Sign in at the provider" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText("Ada");
  await expect(page).toHaveURL(`${app.url}/archive`);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign out of the test provider?" })).toBeVisible();
  await page.getByRole("button", { name: "Yes, sign me out" }).click();
  await expect(page.getByRole("link", { name: "Sign in with Acme ID" })).toBeVisible();
  await expect(page).toHaveURL(`${app.url}/login`);
  await page.goto(`${app.url}/account`);
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
});

test("someone in the provider's organizers group becomes an organizer", async ({ page }) => {
  await signInWithSso(page, `${unique("organizer-grace")}@example.com`);
  await expect(page.getByTestId("signed-in-as")).toContainText("Organizer Grace");
  await page.goto(`${app.url}/events/new`);
  await expect(page.getByRole("heading", { name: "New event" })).toBeVisible();
});

test("an address outside the allowed domains gets the refusal page", async ({ page }) => {
  await signInWithSso(page, `${unique("mallory")}@elsewhere.test`);
  await expect(page.getByRole("heading", { name: "This email domain is not allowed" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back to sign-in" }).click();
  await expect(page.getByRole("link", { name: "Sign in with Acme ID" })).toBeVisible();
  // Nobody can sign up with a password on an SSO-only site, so the header does not offer it.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign up" })).toHaveCount(0);
});

test("cancelling at the provider says so", async ({ page }) => {
  await page.goto(`${app.url}/login`);
  await page.getByRole("link", { name: "Sign in with Acme ID" }).click();
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: "Sign-in cancelled" })).toBeVisible();
  await expectAccessible(page);
});

test("break-glass: a one-time link printed by npm run user:sign-in-link signs in once while password sign-in is off", async ({ page, browser }) => {
  const email = `${unique("boss")}@example.com`;
  await signInWithSso(page, email);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await page.goto(`${app.url}/account`);
  await expect(page.getByRole("heading", { name: "Password" })).toBeVisible();
  await expect(page.getByText("This site signs people in with single sign-on only: there is no password to change here.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Change password" })).toHaveCount(0);

  const printed = spawnSync("node_modules/.bin/tsx", ["scripts/sign-in-link.ts", email], {
    env: { ...process.env, DATABASE_URL: `file:${dbFile}`, APP_URL: app.url, NODE_ENV: "production", SESSION_SECRET: "reliability-test-secret-0123456789" },
    encoding: "utf8",
  });
  expect(printed.status, printed.stderr).toBe(0);
  const link = printed.stdout.match(/http\S+\/auth\/link\/\S+/)![0];

  const elsewhere = await (await browser.newContext()).newPage();
  await elsewhere.goto(link);
  await expect(elsewhere.getByRole("heading", { name: "One-time sign-in" })).toBeVisible();
  await expectAccessible(elsewhere);
  await elsewhere.getByRole("button", { name: /^Sign in as / }).click();
  await expect(elsewhere.getByTestId("signed-in-as")).toBeVisible();

  await elsewhere.context().clearCookies();
  await elsewhere.goto(link);
  await expect(elsewhere.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(elsewhere.getByText("This sign-in link is not valid")).toBeVisible();
});
