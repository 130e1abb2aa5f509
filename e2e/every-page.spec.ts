import { expect, type Page } from "@playwright/test";
import { pageSignedInAs } from "./fixtures";
import { expectAccessible, test } from "./helpers";

// Every page a person reaches by links from the home page, the archive and their own pages fits a 360 px phone: the
// page does not scroll sideways, and nothing inside it hides part of itself behind a sideways scroll (a table in a
// scrolling box, which a check of the page's width alone cannot see). Nor does any of them log an error in the
// browser, where a hydration mismatch (server and browser rendering differently) shows. And each has one level-one
// heading and a title of its own, so a list of tabs tells them apart; and axe finds nothing serious on any kind of
// page at this width. Walked as each demo role, over the demo events.

const PHONE = { width: 360, height: 780 };
// The demo events (scripts/seed-data.ts), and the pages that belong to nobody's event. Other tests' events come and
// go while this one walks, so it stays on these.
const WALKED = /^\/($|archive|about|account|notifications|people\/|admin\/|events\/(winter-ai-hackathon|autumn-ai-hackathon-2026|spring-ops-sprint)(\/|$))/;
// Downloads, and files rather than pages.
const SKIPPED = /\.(csv|md|ics)$|^\/uploads\//;
const MAX_PAGES = 60;

/** What on this page does not fit its width, in words; empty when everything fits. */
function misfits(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width) found.push(`the page scrolls sideways by ${document.documentElement.scrollWidth - width} px`);
    for (const element of document.querySelectorAll<HTMLElement>("main *")) {
      // Visually hidden text, form fields (which scroll their own text) and code blocks are meant to.
      if (element.closest(".sr-only, pre") || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName)) continue;
      const style = getComputedStyle(element);
      if (style.textOverflow === "ellipsis" || !["auto", "scroll", "hidden", "clip"].includes(style.overflowX)) continue;
      const hidden = element.scrollWidth - element.clientWidth;
      // A box at most one pixel wide is visually hidden on purpose (the forms' honeypot field).
      if (hidden > 1 && element.clientWidth > 1) found.push(`<${element.tagName.toLowerCase()} class="${element.className}"> hides ${hidden} px sideways`);
    }
    return found;
  });
}

/**
 * A page's kind and whose it is: "/events/x/entries/:id" for any entry of event x. Two pages of one kind in one event
 * may share a title when their data does (two entries named alike, two people of one name); pages of different kinds
 * or events, or one search and another, may not.
 */
const kindOf = (url: string) => url.replace(/\/[A-Za-z0-9_-]{16}(?=\/|\?|$)/g, "/:id");

/**
 * Walks the pages reachable from `start` by links in the page's main part, breadth first, and lists what does not fit
 * and the errors logged. `within`: the walked pages this role's walk keeps to.
 */
async function walk(page: Page, start: string[], within = WALKED) {
  const seen = new Set<string>();
  const queue = [...start];
  const problems: string[] = [];
  const titles = new Map<string, string>();
  const axed = new Set<string>();
  // What the page being walked logs as an error or throws, kept only if it turns out to be a page this walk checks.
  let logged: string[] = [];
  page.on("console", (message) => message.type() === "error" && logged.push(`console error ${message.text()}`));
  page.on("pageerror", (error) => logged.push(error.message));
  while (queue.length && seen.size < MAX_PAGES) {
    const requested = queue.shift()!;
    if (seen.has(requested)) continue;
    seen.add(requested);
    logged = [];
    const response = await page.goto(requested);
    // A page another test just took away (a team left, an entry withdrawn) is not this test's business, nor is what
    // the browser logged about it; a link that leads to a page already walked is that page.
    const url = new URL(page.url());
    const path = url.pathname + url.search;
    if (!response || response.status() !== 200 || (path !== requested && seen.has(path))) continue;
    seen.add(path);
    for (const problem of await misfits(page)) problems.push(`${path}: ${problem}`);
    // One heading that names the page, and a title that tells it from other kinds of page, and other events', in a
    // list of tabs.
    const { title, headings } = await page.evaluate(() => ({ title: document.title, headings: document.querySelectorAll("h1").length }));
    if (headings !== 1) problems.push(`${path}: ${headings} level-one headings`);
    const twin = titles.get(title);
    if (twin && kindOf(twin) !== kindOf(path)) problems.push(`${path}: titled "${title}", as ${twin} is`);
    titles.set(title, path);
    // axe at phone width, once per kind of page (every event's results are one kind): the journeys run it wide.
    const kind = kindOf(path).replace(/^\/events\/[^/]+/, "/events/:slug");
    if (!axed.has(kind)) {
      axed.add(kind);
      await expectAccessible(page).catch((error: Error) => problems.push(`${path}: ${error.message.split("\n").slice(0, 12).join("\n")}`));
    }
    const links = await page.locator("main a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    for (const href of links) {
      // One visit per path (a start page may add a query): a page's filters and page numbers lay out alike.
      const next = href.split(/[?#]/)[0];
      if (WALKED.test(next) && within.test(next) && !SKIPPED.test(next) && !seen.has(next)) queue.push(next);
    }
    // Read last, after the checks above gave the page time to come alive (a hydration error comes as it does).
    for (const error of logged) problems.push(`${path}: ${error}`);
  }
  return { seen, problems };
}

for (const [email, start, within] of [
  ["organizer@example.com", ["/", "/archive", "/archive?q=invoice", "/events/new", "/account", "/notifications"]],
  ["judge@example.com", ["/", "/archive", "/account"]],
  ["participant@example.com", ["/", "/archive", "/account"]],
  // Leads a team of the open event, so reaches its entry form.
  ["participant2@example.com", ["/", "/archive"]],
  // An admin manages every event as its organizers do, on the same pages the organizer's walk checks (it took a
  // minute of the suite to walk them again): the admin's walk keeps to the pages only admins reach, and their own.
  ["admin@example.com", ["/admin/users", "/admin/outbox", "/account", "/notifications"], /^\/(admin\/|account$|notifications$)/],
] as const) {
  test(`every page ${within ? "only " : ""}${email.split("@")[0]} reaches fits a ${PHONE.width} px phone, is accessible, has a title of its own and logs no error`, async ({
    browser,
  }) => {
    const page = await pageSignedInAs(browser, email);
    await page.setViewportSize(PHONE);
    const { seen, problems } = await walk(page, [...start], within);
    // Every start was walked, and from them the walk went on (the admin's pages link to no other page it keeps to).
    for (const path of start) expect(seen).toContain(path);
    if (!within) expect(seen.size).toBeGreaterThan(start.length);
    expect(problems).toEqual([]);
  });
}
