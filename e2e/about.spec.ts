// The licenses of the libraries in the browser's bundles are in one file the build writes, linked from /about, not
// repeated as comments in every bundle (ADR 056).
import { expect } from "@playwright/test";
import { expectAccessible, test, waitForApp } from "./helpers";

test("the about page links the licenses of the libraries its pages load, which the loaded code does not repeat", async ({ page, request }) => {
  await page.goto("/about");
  await expectAccessible(page);
  // Read from the page as served: once the page is alive, React drops the preload links from the document.
  const html = await (await request.get("/about")).text();
  const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]);
  expect(scripts.length).toBeGreaterThan(2);
  for (const script of scripts) expect(await (await request.get(script)).text(), script).not.toContain("@license");

  await page.getByRole("link", { name: "open-source licenses" }).click();
  await expect(page).toHaveURL(/\/third-party-licenses\.txt$/);
  const text = await page.locator("body").innerText();
  for (const library of ["react", "react-dom", "@remix-run/react", "zod"]) expect(text).toContain(`Name: ${library}\n`);
  expect(text).toContain("Permission is hereby granted, free of charge");
});

test("a page's scripts and style sheet arrive as they were compressed when built, brotli or gzip as the browser accepts (ADR 057)", async ({ request }) => {
  const html = await (await request.get("/about")).text();
  // Scripts and the style sheet: the page links the server build's copy of it, which Remix moves beside the rest.
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]);
  expect(files.some((file) => file.endsWith(".css"))).toBe(true);
  for (const file of files) {
    const plain = await request.get(file, { headers: { "Accept-Encoding": "identity" } });
    expect(plain.headers()["content-encoding"], file).toBeUndefined();
    for (const encoding of ["br", "gzip"]) {
      const compressed = await request.get(file, { headers: { "Accept-Encoding": encoding } });
      expect(compressed.headers()["content-encoding"], `${file} ${encoding}`).toBe(encoding);
      expect(Number(compressed.headers()["content-length"])).toBeLessThan(Number(plain.headers()["content-length"]));
      // Playwright decodes the body: the same file.
      expect(await compressed.text()).toBe(await plain.text());
    }
  }
});

test("the style sheet is the same file before and after a navigation inside the app: it is loaded once", async ({ page }) => {
  const sheets: string[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname.endsWith(".css")) sheets.push(new URL(response.url()).pathname);
  });
  await page.goto("/about");
  // The link must navigate inside the app: a click before the app runs loads a new document.
  await waitForApp(page);
  await page.getByRole("link", { name: "Sign in" }).first().click();
  await expect(page).toHaveURL(/\/login$/);
  await page.waitForLoadState("networkidle");
  expect(sheets).toHaveLength(1);
});
