// A flood of sign-ins (ADR 039), on an app process of its own whose budget is one password check per 1,000 seconds
// and no queue: the first sign-in takes the check, and the next ones are refused at once, with or without JavaScript.
import fs from "node:fs";
import { createClient } from "@libsql/client";
import { expect } from "@playwright/test";
import { hashPassword } from "~/modules/auth/password.server";
import { expectAccessible, PASSWORD, signIn, test, waitForApp } from "./helpers";
import { freePort, prepareDatabase, startApp } from "./servers";

// This worker hashes the accounts below itself: without the per-second budget, as the fixtures do.
process.env.PASSWORD_HASHES_PER_SECOND = "100000";

/** Two accounts written straight into the unseeded database (seeding it would take longer than the whole test). */
async function twoAccounts(file: string) {
  const db = createClient({ url: `file:${file}` });
  const passwordHash = await hashPassword(PASSWORD);
  for (const name of ["Ada", "Bo"])
    await db.execute({
      sql: "insert into users (id, email, name, password_hash, email_verified_at) values (?, ?, ?, ?, unixepoch())",
      args: [`flood-${name}`, `${name.toLowerCase()}@flood.example.com`, `${name} Flood`, passwordHash],
    });
  db.close();
}

test("while sign-ins are saturated, signing in says to try again in a few seconds, with or without JavaScript", async ({ browser }) => {
  const port = await freePort();
  const file = `data/sign-in-flood-${port}.db`;
  prepareDatabase(file, { seed: false });
  await twoAccounts(file);
  const app = await startApp(port, file, { PASSWORD_HASH_CONCURRENCY: "1", PASSWORD_HASHES_PER_SECOND: "0.001", SIGN_IN_QUEUE: "0" });
  try {
    const first = await (await browser.newContext({ baseURL: app.url })).newPage();
    await signIn(first, "ada@flood.example.com", PASSWORD);

    const page = await (await browser.newContext({ baseURL: app.url })).newPage();
    await page.goto("/login");
    // The app's scripts have taken over the form (a click before that would post it plainly).
    await waitForApp(page);
    await page.getByLabel("Email").fill("bo@flood.example.com");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Many people are signing in right now. Please try again in a few seconds.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue("bo@flood.example.com");
    await expectAccessible(page);

    const noScript = await (await browser.newContext({ baseURL: app.url, javaScriptEnabled: false })).newPage();
    await noScript.goto("/login");
    await noScript.getByLabel("Email").fill("bo@flood.example.com");
    await noScript.getByLabel("Password").fill(PASSWORD);
    await noScript.getByRole("button", { name: "Sign in" }).click();
    await expect(noScript.getByRole("heading", { name: "Sign-in is busy" })).toBeVisible();
    await expect(noScript.getByText("Many people are signing in right now. Please try again in a few seconds.")).toBeVisible();
    await noScript.getByRole("link", { name: "Back to sign in" }).click();
    await expect(noScript.getByRole("heading", { name: "Sign in" })).toBeVisible();

    // axe needs JavaScript: the same page reached by a plain form post, as a browser without it makes.
    await page.getByLabel("Password").fill(PASSWORD);
    await page.evaluate(() => (document.querySelector("input[name=password]") as HTMLInputElement).form!.submit());
    await expect(page.getByRole("heading", { name: "Sign-in is busy" })).toBeVisible();
    await expectAccessible(page);
  } finally {
    await app.stop();
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  }
});
