// The digest's "What happened next" (ADR 030): entries with a follow-up, furthest first, in the page and the Markdown.
import { describe, expect, it } from "vitest";
import { digestMarkdown, followUpEntries, followUpLine, type Digest, type DigestEntry } from "./digest";

const entry = (over: Partial<DigestEntry>): DigestEntry => ({
  id: "e1",
  title: "Entry",
  teamName: "Team",
  problemTitle: "Problem",
  outcome: "working",
  rootCause: null,
  rootCauseOther: "",
  metricName: "",
  metricUnit: "",
  metricBaseline: "",
  metricTarget: "",
  metricResult: "",
  didNotWork: "",
  differently: "",
  learningsMean: null,
  rank: null,
  ...over,
});
const answer = (status: "adopted" | "piloted" | "parked" | "dropped", why = "Because.", metricValue = "") => ({
  status,
  why,
  metricValue,
  recordedOn: "3 Mar 2027",
});

describe("followUpEntries", () => {
  it("keeps entries with a follow-up, adopted first, then piloted, parked, dropped, then by title", () => {
    const list = followUpEntries([
      entry({ id: "d", title: "D", followUp: answer("dropped") }),
      entry({ id: "none", title: "None" }),
      entry({ id: "b", title: "B", followUp: answer("adopted") }),
      entry({ id: "a", title: "A", followUp: answer("adopted") }),
      entry({ id: "p", title: "P", followUp: answer("piloted") }),
      entry({ id: "n", title: "N", followUp: null }),
    ]);
    expect(list.map((e) => e.id)).toEqual(["a", "b", "p", "d"]);
  });
});

describe("followUpLine", () => {
  it("says the answer, its date, why, and the metric today with its unit", () => {
    expect(followUpLine({ metricUnit: "%", followUp: answer("adopted", " Used daily by tier-1. ", " 84 ") })).toBe(
      "Adopted in production (recorded 3 Mar 2027). Used daily by tier-1. AI metric today: 84 %.",
    );
    expect(followUpLine({ metricUnit: "", followUp: answer("parked", "No budget.") })).toBe("Parked (recorded 3 Mar 2027). No budget.");
  });
});

describe("digestMarkdown with follow-ups", () => {
  const digest = (entries: DigestEntry[]): Digest => ({ event: { title: "Hack", slug: "hack", tagline: "", dates: "d" }, entries, awards: [] });

  it("adds a What happened next section before the lessons, with Markdown in answers escaped", () => {
    const md = digestMarkdown(
      digest([entry({ title: "Triage", teamName: "Ops", metricUnit: "%", followUp: answer("adopted", "Rolled out *everywhere*", "84") })]),
      "https://pf.example",
    );
    expect(md).toContain(
      "## What happened next\n\n- **Triage** (Ops): Adopted in production (recorded 3 Mar 2027). Rolled out \\*everywhere\\* AI metric today: 84 %.\n",
    );
    expect(md.indexOf("## What happened next")).toBeLessThan(md.indexOf("## Best lessons"));
  });

  it("has no such section before any team recorded one", () => {
    expect(digestMarkdown(digest([entry({})]), "https://pf.example")).not.toContain("What happened next");
  });
});
