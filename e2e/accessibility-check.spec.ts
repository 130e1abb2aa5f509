// The accessibility check every browser test runs (expectAccessible) must be able to fail: a serious problem put into
// a page is reported, also by a second check of the same document, which reuses the axe-core it put there.
import { expect } from "@playwright/test";
import { expectAccessible, test } from "./helpers";

test("the accessibility check reports a serious problem, also on its second run in one document", async ({ page }) => {
  await page.goto("/about");
  await expectAccessible(page);
  await page.evaluate(() => {
    const button = document.createElement("button");
    button.type = "button";
    document.querySelector("main")!.append(button);
  });
  await expect(expectAccessible(page)).rejects.toThrow(/button-name/);
  await page.evaluate(() => document.querySelector("main button:last-child")!.remove());
  await expectAccessible(page);
  await page.evaluate(() => {
    const text = document.createElement("p");
    text.textContent = "Barely legible";
    text.style.color = "#eeeeee";
    document.querySelector("main")!.append(text);
  });
  await expect(expectAccessible(page)).rejects.toThrow(/color-contrast/);
});
