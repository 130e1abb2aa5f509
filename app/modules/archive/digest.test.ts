import { describe, expect, it } from "vitest";
import { metricLine } from "./metric-line";
import {
  bestLessons,
  digestMarkdown,
  digestPage,
  finalRoundLines,
  mdText,
  outcomeCounts,
  rootCauseCounts,
  rootCauseText,
  type Digest,
  type DigestEntry,
} from "./digest";

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

  it("trims what was typed, counts blanks as nothing, and leaves out a missing unit", () => {
    expect(metricLine({ metricBaseline: " 12 ", metricTarget: "  ", metricResult: " 6 ", metricUnit: "" })).toBe("12 → — (target) → 6");
    expect(metricLine({ metricBaseline: "0.8", metricTarget: "0.9", metricResult: "   ", metricUnit: "" })).toBe("0.8 → 0.9 (target) → not measured");
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
    const d: Digest = {
      event: { title: "Empty Hack", slug: "empty", tagline: "", dates: "1 Jan to 2 Jan" },
      entries: [],
      awards: [{ name: "Best overall", entryTitle: null }],
    };
    const md = digestMarkdown(d, "https://pf.example");
    expect(md).toContain("# Learnings digest: Empty Hack");
    expect(md).toContain("0 submitted entries");
    expect(md).toContain("No root causes were recorded.");
    expect(md).toContain("No awards were given.");
    expect(md).toContain("No entry named an AI metric.");
    expect(md).toContain("No team wrote down what it would do differently.");
    expect(md.endsWith("\n")).toBe(true);
    expect(md).not.toMatch(/\n{3}/);
    expect(md).not.toContain("## Final round");
  });

  it("keeps a final round's ranking beside round 1's (ADR 038)", () => {
    const d: Digest = {
      event: { title: "Two Rounds", slug: "two", tagline: "", dates: "1 Jan to 2 Jan" },
      entries: [entry({ title: "Alpha", rank: 1 }), entry({ id: "e2", title: "Gamma", rank: 3 })],
      awards: [],
      finalRound: [
        { title: "Gamma", rank: 1 },
        { title: "Alpha", rank: 2 },
        { title: "*Delta*", rank: null },
      ],
    };
    expect(finalRoundLines(d)).toEqual(["1. Gamma", "2. Alpha", "Not ranked *Delta*"]);
    const md = digestMarkdown(d, "https://pf.example");
    expect(md).toContain(
      "## Final round\n\nThe finalists, as the final round's judges ranked them (the official ranking):\n\n- Rank 1: Gamma\n- Rank 2: Alpha\n- Not ranked: \\*Delta\\*\n",
    );
    expect(finalRoundLines({ finalRound: null })).toEqual([]);
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

describe("digestMarkdown, the whole document", () => {
  it("writes counts, causes by frequency, awards, the metric table and lessons in order", () => {
    const d: Digest = {
      event: { title: "Hack *1*", slug: "hack-1", tagline: "", dates: "3 – 5 Nov 2026" },
      entries: [
        entry({
          id: "a",
          title: "Triage",
          teamName: "Ops",
          problemTitle: "Tickets",
          outcome: "working",
          metricName: "Minutes",
          metricBaseline: "12",
          metricTarget: "4",
          metricResult: "6",
          metricUnit: "min",
          differently: "Start with the data",
          didNotWork: "Rules",
          learningsMean: 4,
          rank: 1,
        }),
        entry({
          id: "b",
          title: "",
          teamName: "Solo",
          problemTitle: "Invoices",
          outcome: null,
          rootCause: "integration",
          metricName: " ",
          differently: "Ask IT first",
          learningsMean: 4,
          rank: 2,
        }),
        entry({ id: "c", title: "Voice", outcome: "failed", rootCause: "latency-or-cost", differently: "" }),
        entry({ id: "d", title: "Chat", outcome: "failed", rootCause: "latency-or-cost", metricName: "Accuracy", differently: "" }),
        entry({ id: "e", title: "Docs", outcome: "partial", rootCause: "integration", differently: "" }),
        entry({ id: "f", title: "Other", outcome: "partial", rootCause: "other", rootCauseOther: " ", differently: "" }),
      ],
      awards: [
        { name: "Best overall", entryTitle: "Triage" },
        { name: "Unused", entryTitle: null },
      ],
    };
    expect(digestMarkdown(d, "https://pf.example")).toBe(
      [
        "# Learnings digest: Hack \\*1\\*",
        "",
        "3 – 5 Nov 2026 · 6 submitted entries",
        "",
        "## Outcomes",
        "",
        "- Working prototype: 1",
        "- Partial prototype: 2",
        "- Failed attempt: 2",
        "",
        "## What went wrong (root causes)",
        "",
        "- Latency or cost: 2",
        "- Integration: 2",
        "- Other: 1",
        "",
        "## Awards",
        "",
        "- **Best overall**: Triage",
        "",
        "## AI metric results",
        "",
        "| Entry | Outcome | Metric | Baseline → target → result |",
        "| --- | --- | --- | --- |",
        "| Triage | Working prototype | Minutes | 12 min → 4 min (target) → 6 min |",
        "| Chat | Failed attempt | Accuracy | — → — (target) → not measured |",
        "",
        "## Best lessons",
        "",
        "### Triage (Working prototype)",
        "",
        "Team Ops on “Tickets”",
        "",
        "- **What did not work:** Rules",
        "- **What we would do differently:** Start with the data",
        "- Read more: https://pf.example/events/hack-1/entries/a",
        "",
        "### Untitled entry (no outcome)",
        "",
        "Team Solo on “Invoices” · root cause: Integration",
        "",
        "- **What we would do differently:** Ask IT first",
        "- Read more: https://pf.example/events/hack-1/entries/b",
        "",
      ].join("\n"),
    );
  });

  it("says entry in the singular and lists an entry without a title or outcome in the metric table", () => {
    const d: Digest = {
      event: { title: "One", slug: "one", tagline: "", dates: "d" },
      entries: [entry({ title: "", outcome: null, metricName: "F1" })],
      awards: [],
    };
    const md = digestMarkdown(d, "https://pf.example");
    expect(md).toContain("d · 1 submitted entry\n");
    expect(md).toContain("| Untitled entry | — | F1 | — → — (target) → not measured |");
    expect(md).toContain("## Awards\n\nNo awards were given.\n");
  });
});

describe("digest counts and texts", () => {
  it("counts every outcome, and root causes by frequency then in the list's order, leaving out unused ones", () => {
    const es = [
      entry({ outcome: "partial", rootCause: "evaluation" }),
      entry({ outcome: null, rootCause: "model-capability" }),
      entry({ outcome: "partial", rootCause: "evaluation" }),
    ];
    expect(outcomeCounts(es)).toEqual([
      { outcome: "working", n: 0 },
      { outcome: "partial", n: 2 },
      { outcome: "failed", n: 0 },
    ]);
    expect(rootCauseCounts(es)).toEqual([
      { cause: "evaluation", n: 2 },
      { cause: "model-capability", n: 1 },
    ]);
    expect(rootCauseCounts([entry({ rootCause: "other" }), entry({ rootCause: "data-missing-context" })]).map((r) => r.cause)).toEqual([
      "data-missing-context",
      "other",
    ]);
  });

  it("words a root cause, with the free text only for other", () => {
    expect(rootCauseText({ rootCause: null, rootCauseOther: "ignored" })).toBe("");
    expect(rootCauseText({ rootCause: "evaluation", rootCauseOther: "ignored" })).toBe("Evaluation");
    expect(rootCauseText({ rootCause: "other", rootCauseOther: "  Legal  " })).toBe("Other: Legal");
    expect(rootCauseText({ rootCause: "other", rootCauseOther: "  " })).toBe("Other");
  });

  it("orders lessons by learnings, then rank (unranked last), then title, and keeps at most the limit", () => {
    const es = [
      entry({ id: "z", title: "Zed", differently: "x", learningsMean: 2, rank: null }),
      entry({ id: "y", title: "Why", differently: "x", learningsMean: 2, rank: 7 }),
      entry({ id: "b", title: "Bee", differently: "x", learningsMean: 0, rank: null }),
      entry({ id: "a", title: "Ay", differently: "x", learningsMean: 0, rank: null }),
      entry({ id: "n", title: "None", differently: "x", learningsMean: null, rank: 1 }),
      entry({ id: "m", title: "Max", differently: "x", learningsMean: 5, rank: null }),
    ];
    expect(bestLessons(es).map((e) => e.id)).toEqual(["m", "y", "z", "a", "b"]);
    expect(bestLessons(es, 2).map((e) => e.id)).toEqual(["m", "y"]);
    expect(bestLessons(es, 10).map((e) => e.id)).toEqual(["m", "y", "z", "a", "b", "n"]);
  });

  it("escapes only where Markdown would act: numbered and list starts, and every special character", () => {
    expect(mdText("  a\t\n b  ")).toBe("a b");
    expect(mdText("+ plus")).toBe("\\+ plus");
    expect(mdText("# x # y")).toBe("\\# x # y");
    expect(mdText("a - b 2. c")).toBe("a - b 2. c");
    expect(mdText("12.5 points")).toBe("12\\.5 points");
    expect(mdText("\\ ` _ ]")).toBe("\\\\ \\` \\_ \\]");
  });
});

describe("digestPage", () => {
  const digest: Digest = {
    event: { title: "Spring", slug: "spring", tagline: "", dates: "1–2 March 2026" },
    entries: [
      entry({
        id: "a",
        title: "Alpha",
        outcome: "working",
        metricName: "Minutes",
        metricBaseline: "12",
        metricResult: "6",
        metricUnit: "min",
        differently: "Ask earlier.",
        learningsMean: 4,
      }),
      entry({
        id: "b",
        title: "Beta",
        rootCause: "other",
        rootCauseOther: "Vendor",
        differently: "Start smaller.",
        learningsMean: 5,
        followUp: { status: "piloted", why: "Tried.", metricValue: "", recordedOn: "1 May 2026" },
      }),
      entry({ id: "c", title: "Gamma", rootCause: "evaluation", metricName: "  " }),
    ],
    awards: [
      { name: "Best lesson", entryTitle: "Beta", entryId: "b" },
      { name: "Not given", entryTitle: null, entryId: null },
    ],
    finalRound: null,
  };

  it("sends the page what it shows, worked out: counts with labels, metric lines, lessons with their root cause and awards", () => {
    const page = digestPage(digest);
    expect(page.entryCount).toBe(3);
    expect(page.outcomes).toEqual([
      { outcome: "working", label: "Working prototype", n: 1 },
      { outcome: "partial", label: "Partial prototype", n: 0 },
      { outcome: "failed", label: "Failed attempt", n: 2 },
    ]);
    expect(page.causes).toEqual([
      { cause: "evaluation", label: "Evaluation", n: 1 },
      { cause: "other", label: "Other", n: 1 },
    ]);
    expect(page.awards).toEqual([{ name: "Best lesson", entryTitle: "Beta" }]);
    expect(page.finalRound).toBeNull();
    expect(page.metrics).toEqual([{ id: "a", title: "Alpha", outcome: "working", metricName: "Minutes", metric: "12 min → — (target) → 6 min", awards: [] }]);
    expect(page.followed.map((e) => [e.id, e.followUp.status])).toEqual([["b", "piloted"]]);
    expect(page.lessons.map((e) => [e.id, e.rootCause, e.awards])).toEqual([
      ["b", "Other: Vendor", ["Best lesson"]],
      ["a", "", []],
    ]);
    expect(digestPage({ ...digest, finalRound: [{ title: "Alpha", rank: 1 }] }).finalRound).toEqual(["1. Alpha"]);
  });
});
