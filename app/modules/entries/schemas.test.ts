import { describe, expect, it } from "vitest";
import { requiredToSubmit } from "./fields";
import { autosaveSchemaFor, entryDraftSchema, entrySchemaFor, entrySubmitSchema, normalizeTags } from "./schemas";

const complete = {
  version: 3,
  title: "Ticket triage assistant",
  summary: "Routes support tickets to the right queue",
  outcome: "working" as const,
  tags: "support, triage",
  demoUrl: "https://demo.example.com",
  repoUrl: "https://git.example.com/team/triage",
  videoUrl: "",
  approach: "Embeddings plus a small classifier over last year's tickets",
  metricName: "Tickets routed correctly",
  metricUnit: "%",
  metricBaseline: "62",
  metricTarget: "85",
  metricResult: "81",
  postMortemWorked: "Classifying the common categories",
  postMortemDidNotWork: "Rare categories with few examples",
  postMortemRootCause: "data-missing-context" as const,
  postMortemRootCauseOther: "",
  postMortemDifferently: "Label rare categories first",
  postMortemNextSteps: "Pilot with one support team",
};

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => i.path.join("."));

describe("entryDraftSchema", () => {
  it("accepts an almost-empty entry (only the version) and fills blanks with empty strings", () => {
    const result = entryDraftSchema.safeParse({ version: 1 });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ version: 1, title: "", summary: "", demoUrl: "", metricResult: "", postMortemNextSteps: "" });
    expect(result.data!.outcome).toBeUndefined();
    expect(result.data!.postMortemRootCause).toBeUndefined();
  });
  it("needs a positive whole version", () => {
    expect(entryDraftSchema.safeParse({}).error!.issues).toMatchObject([{ path: ["version"], message: "Reload the page: the form lost its version" }]);
    expect(paths(entryDraftSchema.safeParse({ version: 0 }))).toEqual(["version"]);
    expect(paths(entryDraftSchema.safeParse({ version: 1.5 }))).toEqual(["version"]);
  });
  it("still refuses malformed values in a draft", () => {
    expect(paths(entryDraftSchema.safeParse({ version: 1, demoUrl: "not a link" }))).toEqual(["demoUrl"]);
    expect(paths(entryDraftSchema.safeParse({ version: 1, outcome: "meh" }))).toEqual(["outcome"]);
    expect(paths(entryDraftSchema.safeParse({ version: 1, postMortemRootCause: "bad-luck" }))).toEqual(["postMortemRootCause"]);
    expect(entryDraftSchema.safeParse({ version: 1, title: "x".repeat(121) }).error!.issues).toMatchObject([
      { path: ["title"], message: "Use at most 120 characters" },
    ]);
    expect(entryDraftSchema.safeParse({ version: 1, approach: "x".repeat(5001) }).error!.issues).toMatchObject([
      { path: ["approach"], message: "Use at most 5,000 characters" },
    ]);
  });
  it("trims text fields", () => {
    expect(entryDraftSchema.parse({ version: 1, title: "  Triage  ", demoUrl: " https://x.example " })).toMatchObject({
      title: "Triage",
      demoUrl: "https://x.example",
    });
  });
});

describe("entrySubmitSchema", () => {
  it("accepts a complete entry", () => {
    expect(entrySubmitSchema.safeParse(complete).success).toBe(true);
  });

  it("lists each missing required field by path", () => {
    expect(paths(entrySubmitSchema.safeParse({ version: 1 }))).toEqual([
      "title",
      "summary",
      "approach",
      "metricName",
      "metricBaseline",
      "postMortemWorked",
      "postMortemDidNotWork",
      "postMortemDifferently",
      "postMortemNextSteps",
      "outcome",
      "postMortemRootCause",
    ]);
  });
  it("names the one missing field with its message", () => {
    expect(entrySubmitSchema.safeParse({ ...complete, postMortemDidNotWork: "" }).error!.issues).toMatchObject([
      { path: ["postMortemDidNotWork"], message: "Say what did not work" },
    ]);
  });
  it("treats whitespace-only as missing", () => {
    expect(paths(entrySubmitSchema.safeParse({ ...complete, title: "   ", approach: "\n\t" }))).toEqual(["title", "approach"]);
  });
  it("does not require links, tags, unit or target", () => {
    const bare = { ...complete, tags: "", demoUrl: "", repoUrl: "", videoUrl: "", metricUnit: "", metricTarget: "" };
    expect(entrySubmitSchema.safeParse(bare).success).toBe(true);
  });

  describe("measured result", () => {
    it("may be empty for a failed attempt", () => {
      expect(entrySubmitSchema.safeParse({ ...complete, outcome: "failed", metricResult: "" }).success).toBe(true);
    });
    it("is required for a working or partial prototype", () => {
      for (const outcome of ["working", "partial"] as const) {
        expect(entrySubmitSchema.safeParse({ ...complete, outcome, metricResult: "" }).error!.issues).toMatchObject([
          { path: ["metricResult"], message: "Give the measured result (only a failed attempt may leave it empty)" },
        ]);
      }
    });
    it("is not asked for while the outcome itself is missing", () => {
      expect(paths(entrySubmitSchema.safeParse({ ...complete, outcome: undefined, metricResult: "" }))).toEqual(["outcome"]);
    });
  });

  describe("root cause", () => {
    it("'other' needs a description", () => {
      expect(entrySubmitSchema.safeParse({ ...complete, postMortemRootCause: "other", postMortemRootCauseOther: "  " }).error!.issues).toMatchObject([
        { path: ["postMortemRootCauseOther"], message: "Describe the root cause" },
      ]);
      expect(entrySubmitSchema.safeParse({ ...complete, postMortemRootCause: "other", postMortemRootCauseOther: "Legal review took the week" }).success).toBe(
        true,
      );
    });
    it("a listed cause needs no description", () => {
      expect(entrySubmitSchema.safeParse({ ...complete, postMortemRootCause: "latency-or-cost", postMortemRootCauseOther: "" }).success).toBe(true);
    });
  });
});

describe("links", () => {
  it("accept http and https links and blanks", () => {
    for (const url of ["https://example.com", "http://localhost:3000/demo", "HTTPS://EXAMPLE.COM/x?y=1#z", ""]) {
      expect(paths(entrySubmitSchema.safeParse({ ...complete, demoUrl: url })), url).toEqual([]);
    }
  });
  it("refuse anything else, on the field's own path", () => {
    for (const url of ["example", "ftp://example.com", "javascript:alert(1)", "https://exa mple.com", "https://", "//example.com", "exa mple.com"]) {
      const result = entrySubmitSchema.safeParse({ ...complete, repoUrl: url });
      expect(result.error?.issues, url).toMatchObject([{ path: ["repoUrl"], message: "Enter a full link starting with https:// or http://" }]);
    }
  });
  it("read a link typed without its scheme as https", () => {
    for (const [typed, read] of [
      ["demo.example.com", "https://demo.example.com"],
      ["www.example.com/demo?x=1#top", "https://www.example.com/demo?x=1#top"],
      ["localhost.test:3000/app", "https://localhost.test:3000/app"],
    ]) {
      const result = entrySubmitSchema.safeParse({ ...complete, demoUrl: typed });
      expect(paths(result), typed).toEqual([]);
      expect(result.data?.demoUrl, typed).toBe(read);
    }
  });
  it("refuse links over 500 characters", () => {
    expect(paths(entrySubmitSchema.safeParse({ ...complete, videoUrl: `https://x.example/${"a".repeat(500)}` }))).toEqual(["videoUrl"]);
  });
});

describe("entrySchemaFor", () => {
  it("uses the submit schema only for the submit action", () => {
    expect(entrySchemaFor("submit").safeParse({ version: 1 }).success).toBe(false);
    expect(entrySchemaFor("submit").safeParse(complete).success).toBe(true);
    expect(entrySchemaFor("save").safeParse({ version: 1 }).success).toBe(true);
    expect(entrySchemaFor(null).safeParse({ version: 1 }).success).toBe(true);
  });
});

describe("normalizeTags", () => {
  it("lowercases, trims, hyphenates inner spaces and drops empties", () => {
    expect(normalizeTags(" NLP, Customer  Support,,  ")).toBe("nlp, customer-support");
  });
  it("removes duplicates, keeping first-seen order", () => {
    expect(normalizeTags("support, Triage, SUPPORT, triage, data")).toBe("support, triage, data");
  });
  it("keeps at most 10 tags of at most 30 characters", () => {
    expect(normalizeTags("a,b,c,d,e,f,g,h,i,j,k,l")).toBe("a, b, c, d, e, f, g, h, i, j");
    expect(normalizeTags("x".repeat(40))).toBe("x".repeat(30));
  });
  it("returns an empty string for no tags", () => {
    expect(normalizeTags("")).toBe("");
    expect(normalizeTags(" , ,")).toBe("");
  });
});

describe("entry schemas, message by message", () => {
  it("says what each missing part of a submitted entry needs", () => {
    const r = entrySubmitSchema.safeParse({ version: 1, postMortemRootCause: "other" });
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["title", "Give the entry a title"],
      ["summary", "Write a one-line summary"],
      ["approach", "Describe the approach: models, tools and data used"],
      ["metricName", "Name the AI metric"],
      ["metricBaseline", "Give the metric's baseline"],
      ["postMortemWorked", "Say what worked (even in a failed attempt something did)"],
      ["postMortemDidNotWork", "Say what did not work"],
      ["postMortemDifferently", "Say what you would do differently"],
      ["postMortemNextSteps", "Name the next steps"],
      ["outcome", "Pick an outcome"],
      ["postMortemRootCauseOther", "Describe the root cause"],
    ]);
    expect(
      entrySubmitSchema
        .safeParse({ version: 1, outcome: "working" })
        .error!.issues.map((i) => [i.path.join("."), i.message])
        .slice(-2),
    ).toEqual([
      ["postMortemRootCause", "Pick the root cause"],
      ["metricResult", "Give the measured result (only a failed attempt may leave it empty)"],
    ]);
  });

  it("takes a link only when the whole value is one http(s) address", () => {
    const link = (demoUrl: string) => entryDraftSchema.safeParse({ version: 1, demoUrl }).success;
    expect(link("https://demo.example/x")).toBe(true);
    expect(link("HTTP://demo.example")).toBe(true);
    expect(link("")).toBe(true);
    expect(link("see https://demo.example")).toBe(false);
    expect(link("https://demo.example/a b")).toBe(false);
    expect(link("https://")).toBe(false);
    expect(entryDraftSchema.safeParse({ version: 1, repoUrl: "ftp://x" }).error!.issues[0].message).toBe("Enter a full link starting with https:// or http://");
  });
});

describe("requiredToSubmit", () => {
  it("lets only a failed attempt leave the measured result empty", () => {
    expect(requiredToSubmit("failed").has("metricResult")).toBe(false);
    for (const outcome of ["working", "partial", "", null] as const) expect(requiredToSubmit(outcome).has("metricResult")).toBe(true);
  });
  it("never requires demo, repository or video links, whatever the outcome", () => {
    for (const outcome of ["working", "partial", "failed", ""] as const) {
      const need: ReadonlySet<string> = requiredToSubmit(outcome);
      for (const link of ["demoUrl", "repoUrl", "videoUrl"]) expect(need.has(link)).toBe(false);
    }
  });
  it("is what the submit schema checks: a failed attempt without links or measured result is complete", () => {
    const failed = { ...complete, outcome: "failed" as const, demoUrl: "", repoUrl: "", videoUrl: "", metricResult: "" };
    expect(entrySubmitSchema.safeParse(failed).success).toBe(true);
    expect(paths(entrySubmitSchema.safeParse({ ...failed, outcome: "partial" }))).toEqual(["metricResult"]);
    const required = [...requiredToSubmit("working")].sort();
    expect(paths(entrySubmitSchema.safeParse({ version: 1, outcome: "working" })).sort()).toEqual(required.filter((f) => f !== "outcome"));
  });
});

describe("autosaveSchemaFor", () => {
  it("saves any well-formed draft, but keeps a submitted entry complete", () => {
    expect(autosaveSchemaFor("draft").safeParse({ version: 2, title: "" }).success).toBe(true);
    expect(autosaveSchemaFor("submitted").safeParse({ ...complete, title: "" }).success).toBe(false);
    expect(autosaveSchemaFor("submitted").safeParse(complete).success).toBe(true);
  });
});
