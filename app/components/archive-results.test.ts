// The results' count line and its hint, for a browse (filters, no words) past the cap: only the newest are listed, and
// the page says so (an archive of more than a thousand learnings is too big to build for a browser test).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ResultsView } from "~/modules/archive/home.server";
import type { ArchiveFilters } from "~/modules/archive/search.server";
import { ArchiveResults } from "./archive-results";

const filters: ArchiveFilters = { q: "", outcome: "failed", rootCause: null, event: null, tag: null, year: null, page: 1 };
const view = (over: Partial<ResultsView>) =>
  ({
    learnings: [],
    total: 1000,
    totalCapped: true,
    page: 1,
    pageCount: 50,
    mode: "browse",
    notice: null,
    suggestion: null,
    links: { suggestion: null, previous: null, next: "/archive?outcome=failed&page=2", last: null },
    ...over,
  }) as unknown as ResultsView;
const text = (result: ResultsView) => renderToStaticMarkup(createElement(ArchiveResults, { filters, result, busy: false })).replace(/<[^>]+>/g, " ");

describe("archive results past the cap", () => {
  it("say, when browsing, that the newest are listed and how to reach older ones", () => {
    expect(text(view({}))).toContain("The 1,000 most recently archived are listed: an event or another filter reaches older ones.");
  });

  it("say, for a search, that the best of the newest are shown", () => {
    expect(text(view({ mode: "all" as ResultsView["mode"] }))).toContain("So many learnings match that the best of the 1,000 most recently archived are shown");
  });
});
