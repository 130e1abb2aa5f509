import { describe, expect, it } from "vitest";
import { bestLessons, digestMarkdown, mdText, metricLine, type Digest, type DigestEntry } from "./digest";

const entry = (over: Partial<DigestEntry>): DigestEntry => ({
  id: "e1",
  title: "Entry",
  teamName: "Team",
  problemTitle: "Problem",
  outcome: "failed",
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

describe("mdText", () => {
  it("keeps user text on one line and unable to start formatting, links or HTML", () => {
    expect(mdText("# Title\nwith *stars* and [a](javascript:x) <script>")).toBe("\\# Title with \\*stars\\* and \\[a\\](javascript:x) \\<script\\>");
    expect(mdText("1. first")).toBe("1\\. first");
    expect(mdText("- item | cell")).toBe("\\- item \\| cell");
  });
});

describe("metricLine", () => {
  it("reads baseline → target → result with the unit, and says when nothing was measured", () => {
    expect(metricLine({ metricBaseline: "12", metricTarget: "4", metricResult: "6", metricUnit: "min" })).toBe("12 min → 4 min (target) → 6 min");
    expect(metricLine({ metricBaseline: "", metricTarget: "90", metricResult: "", metricUnit: "%" })).toBe("— → 90 % (target) → not measured");
  });
});

describe("bestLessons", () => {
  it("puts the best-rated learnings first, then the ranking, and skips entries without a lesson", () => {
    const lessons = bestLessons([
      entry({ id: "a", differently: "x", learningsMean: 3, rank: 1 }),
      entry({ id: "b", differently: "x", learningsMean: 5, rank: 3 }),
      entry({ id: "c", differently: "x", learningsMean: null, rank: 2 }),
      entry({ id: "d", differently: " ", learningsMean: 5, rank: 1 }),
      entry({ id: "e", differently: "x", learningsMean: 3, rank: 4 }),
    ]);
    expect(lessons.map((l) => l.id)).toEqual(["b", "a", "e", "c"]);
  });
});

describe("digestMarkdown", () => {
  it("writes every section, even when there is nothing to report", () => {
    const d: Digest = { event: { title: "Empty Hack", slug: "empty", tagline: "", dates: "1 Jan to 2 Jan" }, entries: [], awards: [{ name: "Best overall", entryTitle: null }] };
    const md = digestMarkdown(d, "https://pf.example");
    expect(md).toContain("# Learnings digest: Empty Hack");
    expect(md).toContain("0 submitted entries");
    expect(md).toContain("No root causes were recorded.");
    expect(md).toContain("No awards were given.");
    expect(md).toContain("No entry named an AI metric.");
    expect(md).toContain("No team wrote down what it would do differently.");
    expect(md.endsWith("\n")).toBe(true);
    expect(md).not.toMatch(/\n{3}/);
  });

  it("names awards, root causes (with the free text for other) and links each lesson", () => {
    const d: Digest = {
      event: { title: "Hack", slug: "hack", tagline: "Problems first", dates: "d" },
      entries: [entry({ id: "x1", title: "Bot", rootCause: "other", rootCauseOther: "Legal said no", differently: "Ask legal first", learningsMean: 4 })],
      awards: [{ name: "Most valuable failure", entryTitle: "Bot" }],
    };
    const md = digestMarkdown(d, "https://pf.example");
    expect(md).toContain("_Problems first_");
    expect(md).toContain("- **Most valuable failure**: Bot");
    expect(md).toContain("- Other: 1");
    expect(md).toContain("root cause: Other: Legal said no");
    expect(md).toContain("- Read more: https://pf.example/events/hack/entries/x1");
  });
});
