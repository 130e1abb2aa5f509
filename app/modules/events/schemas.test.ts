import { describe, expect, it } from "vitest";
import { eventSchema, judgesPerEntrySchema, rubricSchema, scaleSchema, slugify } from "./schemas";

const base = {
  title: "Winter AI",
  description: "",
  timezone: "Europe/Berlin",
  startsAt: "2031-01-10T09:00",
  submissionDeadline: "2031-01-11T17:00",
  judgingDeadline: "2031-01-14T12:00",
  maxTeamSize: 4,
};
const issues = (input: Record<string, unknown>) => {
  const r = eventSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("event deadlines", () => {
  it("accepts start < submission deadline < judging deadline", () => {
    expect(eventSchema.safeParse(base).success).toBe(true);
  });
  it("refuses a submission deadline at or before the start", () => {
    expect(issues({ ...base, submissionDeadline: "2031-01-10T09:00" })).toEqual({ submissionDeadline: "The submission deadline must be after the start" });
    expect(issues({ ...base, submissionDeadline: "2031-01-09T09:00", judgingDeadline: "2031-01-12T09:00" })).toEqual({
      submissionDeadline: "The submission deadline must be after the start",
    });
  });
  it("refuses a judging deadline at or before the submission deadline", () => {
    expect(issues({ ...base, judgingDeadline: "2031-01-11T17:00" })).toEqual({ judgingDeadline: "The judging deadline must be after the submission deadline" });
  });
  it("compares across months and years, not as day numbers", () => {
    expect(issues({ ...base, startsAt: "2030-12-31T23:00", submissionDeadline: "2031-01-01T01:00", judgingDeadline: "2031-02-01T00:00" })).toEqual({});
  });
  it("refuses an impossible date with a message on that field", () => {
    expect(issues({ ...base, startsAt: "2031-02-30T09:00" })).toEqual({ startsAt: "Enter the start time as a date and time" });
  });
});

describe("title", () => {
  it("is written with one space between words, as it reads", () => {
    expect(eventSchema.parse({ ...base, title: "  Winter \n  AI   Hack " }).title).toBe("Winter AI Hack");
  });
});

describe("slug and tagline", () => {
  it("may be left out: the slug is then made from the title", () => {
    const parsed = eventSchema.parse(base);
    expect(parsed.slug).toBeUndefined();
    expect(slugify("Winter AI Hackathon 2031!")).toBe("winter-ai-hackathon-2031");
  });
  it("lowercases a typed slug and refuses spaces, double hyphens and reserved words", () => {
    expect(eventSchema.parse({ ...base, slug: "  Winter-AI " }).slug).toBe("winter-ai");
    expect(issues({ ...base, slug: "winter ai" })).toHaveProperty("slug");
    expect(issues({ ...base, slug: "winter--ai" })).toHaveProperty("slug");
    expect(issues({ ...base, slug: "-winter" })).toHaveProperty("slug");
    expect(issues({ ...base, slug: "new" })).toEqual({ slug: "This address is reserved: pick another" });
  });
  it("never generates a reserved slug", () => {
    expect(slugify("New")).toBe("new-event");
  });
  it("limits the tagline", () => {
    expect(issues({ ...base, tagline: "x".repeat(161) })).toEqual({ tagline: "Use at most 160 characters" });
  });
});

describe("rubric", () => {
  const criterion = { name: "Problem fit", description: "Solves a named problem.", weight: 25 };
  it("accepts criteria with weight 0 (opening the event is what refuses it)", () => {
    expect(rubricSchema.safeParse({ criteria: [{ ...criterion, weight: 0 }] }).success).toBe(true);
  });
  it("needs at least one criterion, weights 0–100 and distinct names", () => {
    expect(rubricSchema.safeParse({ criteria: [] }).success).toBe(false);
    expect(rubricSchema.safeParse({ criteria: [{ ...criterion, weight: 101 }] }).success).toBe(false);
    const dup = rubricSchema.safeParse({ criteria: [criterion, { ...criterion, name: "problem FIT" }] });
    expect(dup.success).toBe(false);
    expect(dup.error?.issues[0]).toMatchObject({ path: ["criteria", 1, "name"], message: "Two criteria have this name" });
  });
});

describe("schemas at their edges", () => {
  it("checks deadline order only between deadlines that are dates", () => {
    expect(issues({ ...base, submissionDeadline: "soon" })).toEqual({ submissionDeadline: "Enter the submission deadline as a date and time" });
    expect(issues({ ...base, startsAt: "later", submissionDeadline: "2031-01-01T00:00" })).toEqual({ startsAt: "Enter the start time as a date and time" });
    expect(issues({ ...base, judgingDeadline: "2031-01-11T16:59" })).toEqual({ judgingDeadline: "The judging deadline must be after the submission deadline" });
  });

  it("makes a slug of plain letters, digits and single hyphens, at most 60 characters", () => {
    expect(slugify("Café Müller: Ünïcödé!")).toBe("cafe-muller-unicode");
    expect(slugify("  --Hello,,,  World--  ")).toBe("hello-world");
    expect(slugify("!!!")).toBe("event");
    expect(slugify("")).toBe("event");
    // Cut at 60, the hyphen left at the cut dropped.
    expect(slugify(`${"a".repeat(59)} b`)).toBe("a".repeat(59));
    expect(slugify("b".repeat(70))).toBe("b".repeat(60));
    expect(slugify("News")).toBe("news");
  });

  it("asks how many judges per entry only when assigning per entry", () => {
    expect(judgesPerEntrySchema.safeParse({ mode: "all" }).success).toBe(true);
    expect(judgesPerEntrySchema.safeParse({ mode: "per-entry", judgesPerEntry: 2 }).success).toBe(true);
    const missing = judgesPerEntrySchema.safeParse({ mode: "per-entry" });
    expect(missing.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["judgesPerEntry", "Enter how many judges score each entry"]]);
  });

  it("offers only the 1–5 and 1–10 scales", () => {
    expect(scaleSchema.safeParse({ scaleMax: 5 }).success).toBe(true);
    expect(scaleSchema.safeParse({ scaleMax: 10 }).success).toBe(true);
    expect(scaleSchema.safeParse({ scaleMax: 7 }).error?.issues[0].message).toBe("Pick 1–5 or 1–10");
  });
});
