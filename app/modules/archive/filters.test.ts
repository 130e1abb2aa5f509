import { describe, expect, it } from "vitest";
import { activeFilters, archiveTitle, clearFiltersHref, filtersKey, isSearching, searchHref } from "./filters";
import type { ArchiveFilters } from "./search.server";

const none: ArchiveFilters = { q: "", outcome: null, rootCause: null, event: null, tag: null, year: null, page: 1 };
const titles = new Map([["autumn-2026", "Autumn AI Hackathon 2026"]]);

describe("searchHref", () => {
  it("is the archive's home when nothing is set, and leaves out page 1 and empty values", () => {
    expect(searchHref(none, {})).toBe("/archive");
    expect(searchHref({ ...none, q: "chatbot" }, { page: 1 })).toBe("/archive?q=chatbot");
  });

  it("changes only what it is given and keeps the rest", () => {
    const f: ArchiveFilters = { ...none, q: "support chatbot", outcome: "failed", page: 2 };
    expect(searchHref(f, { page: 3 })).toBe("/archive?q=support+chatbot&outcome=failed&page=3");
    expect(searchHref(f, { outcome: null })).toBe("/archive?q=support+chatbot&page=2");
  });
});

describe("isSearching", () => {
  it("is false on the archive's home, and true for words or any one filter", () => {
    expect(isSearching(none)).toBe(false);
    expect(isSearching({ ...none, q: "chatbot" })).toBe(true);
    expect(isSearching({ ...none, outcome: "failed" })).toBe(true);
    expect(isSearching({ ...none, year: 2026 })).toBe(true);
    expect(isSearching({ ...none, production: true })).toBe(true);
    expect(isSearching({ ...none, page: 3 })).toBe(false);
  });
});

describe("activeFilters", () => {
  it("is empty when only words are searched", () => {
    expect(activeFilters({ ...none, q: "chatbot" }, titles)).toEqual([]);
  });

  it("names each filter with the form's labels, in the form's order", () => {
    const f: ArchiveFilters = { ...none, year: 2026, tag: "llm", event: "autumn-2026", rootCause: "data-missing-context", outcome: "failed" };
    expect(activeFilters(f, titles).map((a) => a.text)).toEqual([
      "Outcome: Failed attempt",
      "Root cause: Data lacked context",
      "Event: Autumn AI Hackathon 2026",
      "Tag: llm",
      "Year: 2026",
    ]);
  });

  it("names what happened after the event by its choice alone, and links to it as the URL says it", () => {
    expect(activeFilters({ ...none, production: true }, titles).map((a) => a.text)).toEqual(["Went to production"]);
    expect(activeFilters({ ...none, production: "no", rootCause: "data-missing-context" }, titles).map((a) => a.text)).toEqual([
      "Root cause: Data lacked context",
      "Followed up, not in production",
    ]);
    expect(searchHref({ ...none, production: "no" }, {})).toBe("/archive?production=no");
    expect(isSearching({ ...none, production: "no" })).toBe(true);
  });

  it("shows an event that is not among the titles by its slug", () => {
    expect(activeFilters({ ...none, event: "gone-hack" }, titles)[0].text).toBe("Event: gone-hack");
  });

  it("removes one filter, keeps the words and the others, and starts again from page 1", () => {
    const f: ArchiveFilters = { ...none, q: "queue", outcome: "failed", rootCause: "integration", page: 4 };
    const [outcome, rootCause] = activeFilters(f, titles);
    expect(outcome.removeHref).toBe("/archive?q=queue&rootCause=integration");
    expect(rootCause.removeHref).toBe("/archive?q=queue&outcome=failed");
  });
});

describe("clearFiltersHref", () => {
  it("keeps the words and drops every filter and the page", () => {
    const f: ArchiveFilters = { q: "queue", outcome: "failed", rootCause: "integration", event: "autumn-2026", tag: "llm", year: 2026, page: 3 };
    expect(clearFiltersHref(f)).toBe("/archive?q=queue");
  });

  it("is the archive's home when there are no words", () => {
    expect(clearFiltersHref({ ...none, outcome: "working" })).toBe("/archive");
  });
});

describe("filtersKey", () => {
  it("changes with any filter but not with the words or the page", () => {
    const base = filtersKey(none);
    expect(filtersKey({ ...none, q: "x", page: 5 })).toBe(base);
    expect(filtersKey({ ...none, outcome: "failed" })).not.toBe(base);
    expect(filtersKey({ ...none, year: 2026 })).not.toBe(filtersKey({ ...none, tag: "2026" }));
  });
});

describe("archiveTitle", () => {
  const search = (q: string, page = 1): ArchiveFilters => ({ ...none, q, page });

  it("is the archive's on its home, and names the words of a search", () => {
    expect(archiveTitle(undefined, false)).toBe("Archive");
    expect(archiveTitle(search(""), false)).toBe("Archive");
    expect(archiveTitle(search("invoice"), true)).toBe("“invoice” · Archive");
  });

  it("says filters are on when there are no words, and names a page past the first", () => {
    expect(archiveTitle({ ...none, rootCause: "integration" }, true)).toBe("Filtered learnings · Archive");
    expect(archiveTitle(search("invoice", 2), true)).toBe("“invoice” · page 2 · Archive");
    expect(archiveTitle(search("invoice", 1), true)).not.toContain("page");
  });

  it("keeps a long search to its first 60 characters", () => {
    const long = "word ".repeat(60).trim();
    const title = archiveTitle(search(long), true);
    expect(title).toBe(`“${long.slice(0, 60).trimEnd()}…” · Archive`);
    expect(archiveTitle(search("x".repeat(60)), true)).toBe(`“${"x".repeat(60)}” · Archive`);
  });
});
