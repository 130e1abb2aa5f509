import { describe, expect, it } from "vitest";
import { audienceOpen } from "./rules";
import { BODY_MAX, TITLE_MAX, announcementSchema, previewSchema } from "./schemas";

const now = new Date("2026-12-02T10:00:00Z");
const parse = (form: Record<string, string>, phase: "open" | "closed" = "open", timezone = "Europe/Berlin") =>
  announcementSchema({ now, timezone, phase }).safeParse({ title: "Pizza", body: "In the atrium.", audience: "everyone", when: "now", ...form });
const errorsOf = (result: ReturnType<typeof parse>) =>
  result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));

describe("announcementSchema", () => {
  it("sends now at `now`, and a scheduled one at its local time in the event's zone", () => {
    expect(parse({})).toMatchObject({ success: true, data: { sendAt: now, audience: "everyone" } });
    // 12:30 in Berlin in December is 11:30 UTC.
    expect(parse({ when: "later", sendAt: "2026-12-02T12:30" }).data?.sendAt).toEqual(new Date("2026-12-02T11:30:00Z"));
  });

  it("refuses a time that is not in the future, next to the time field", () => {
    // 10:30 in Berlin is 09:30 UTC: half an hour ago.
    expect(errorsOf(parse({ when: "later", sendAt: "2026-12-02T10:30" }))).toEqual({ sendAt: "Pick a time in the future, or send it now" });
    expect(errorsOf(parse({ when: "later", sendAt: "" }))).toEqual({ sendAt: "Enter the date and time to send it" });
    expect(errorsOf(parse({ when: "later", sendAt: "2026-02-30T10:00" }))).toEqual({ sendAt: "Enter the date and time to send it" });
    expect(errorsOf(parse({ when: "later", sendAt: "2027-03-28T02:45" }))).toEqual({
      sendAt: "02:45 on 28 March 2027 does not happen in Europe/Berlin: the clocks go forward then. Pick another time, such as 03:45",
    });
  });

  it("ignores a time left in the field when sending now", () => {
    expect(parse({ when: "now", sendAt: "2020-01-01T00:00" }).data?.sendAt).toEqual(now);
  });

  it("refuses an empty or blank message and title, and ones too long", () => {
    expect(errorsOf(parse({ body: "   ", title: "" }))).toEqual({ body: "Write the announcement", title: "Enter a title" });
    expect(errorsOf(parse({ body: "x".repeat(BODY_MAX + 1) }))).toEqual({ body: "Use at most 10,000 characters" });
    expect(errorsOf(parse({ title: "x".repeat(TITLE_MAX + 1) }))).toEqual({ title: "Use at most 120 characters" });
    expect(parse({ body: "x".repeat(BODY_MAX) }).success).toBe(true);
  });

  it("lets winners be written to only once results are published", () => {
    expect(errorsOf(parse({ audience: "winners" }))).toEqual({ audience: "Winners can be written to once results are published" });
    expect(parse({ audience: "winners" }, "closed").success).toBe(true);
    expect(audienceOpen("winners", "judging")).toBe(false);
    expect(audienceOpen("judges", "draft")).toBe(true);
  });

  it("says what is missing when a field is left out of the form, or is blank, and refuses an oversized id", () => {
    const without = (field: string) => {
      const form: Record<string, string> = { title: "Pizza", body: "In the atrium.", audience: "everyone", when: "now" };
      delete form[field];
      return errorsOf(announcementSchema({ now, timezone: "UTC", phase: "open" }).safeParse(form));
    };
    expect(without("title")).toEqual({ title: "Enter a title" });
    expect(without("body")).toEqual({ body: "Write the announcement" });
    expect(without("when")).toEqual({ when: "Choose to send it now or at a set time" });
    expect(errorsOf(parse({ title: "   " }))).toEqual({ title: "Enter a title" });
    expect(errorsOf(parse({ when: "tomorrow" }))).toEqual({ when: "Choose to send it now or at a set time" });
    expect(parse({ id: "x".repeat(40) }).success).toBe(true);
    expect(parse({ id: "x".repeat(41) }).success).toBe(false);
  });

  it("refuses an audience that does not exist", () => {
    expect(errorsOf(parse({ audience: "organizers" }))).toEqual({ audience: "Pick who it goes to" });
  });
});

describe("previewSchema", () => {
  it("accepts anything within the limits, an empty form too", () => {
    expect(previewSchema.safeParse({}).success).toBe(true);
    expect(previewSchema.safeParse({ body: "x".repeat(BODY_MAX + 1) }).success).toBe(false);
  });
});
