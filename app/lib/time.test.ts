import { describe, expect, it } from "vitest";
import { formatDateRange, formatInZone, isLocalDateTime, isValidTimezone, relativeTime } from "./time";
import { commonTimezones } from "./timezones";
import { skippedTimeMessage, utcToZonedLocal, zonedLocalToUtc } from "./zoned-time";

describe("zonedLocalToUtc and utcToZonedLocal", () => {
  const cases: [tz: string, local: string, utc: string][] = [
    ["UTC", "2026-12-01T09:00", "2026-12-01T09:00:00.000Z"],
    ["Europe/Berlin", "2026-12-01T09:00", "2026-12-01T08:00:00.000Z"], // CET, UTC+1
    ["Europe/Berlin", "2026-07-01T09:00", "2026-07-01T07:00:00.000Z"], // CEST, UTC+2
    ["America/New_York", "2026-01-15T09:00", "2026-01-15T14:00:00.000Z"], // EST, UTC-5
    ["America/New_York", "2026-07-04T09:00", "2026-07-04T13:00:00.000Z"], // EDT, UTC-4
    ["America/New_York", "2026-12-31T22:30", "2027-01-01T03:30:00.000Z"], // crosses the year in UTC
    ["Asia/Kolkata", "2026-05-10T00:15", "2026-05-09T18:45:00.000Z"], // UTC+5:30, crosses the day backwards
  ];

  for (const [tz, local, utc] of cases) {
    it(`${local} in ${tz} is ${utc} and back`, () => {
      const instant = zonedLocalToUtc(local, tz);
      expect(instant.toISOString()).toBe(utc);
      expect(utcToZonedLocal(instant, tz)).toBe(local);
    });
  }

  it("settles on the right offset on the day Berlin moves to summer time", () => {
    // 2026-03-29: clocks jump from 02:00 CET to 03:00 CEST (01:00 UTC).
    expect(zonedLocalToUtc("2026-03-29T01:30", "Europe/Berlin").toISOString()).toBe("2026-03-29T00:30:00.000Z");
    expect(zonedLocalToUtc("2026-03-29T03:30", "Europe/Berlin").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(utcToZonedLocal(new Date("2026-03-29T00:59:00Z"), "Europe/Berlin")).toBe("2026-03-29T01:59");
    expect(utcToZonedLocal(new Date("2026-03-29T01:00:00Z"), "Europe/Berlin")).toBe("2026-03-29T03:00");
  });

  it("settles on the right offset on the day New York moves back to standard time", () => {
    // 2026-11-01: clocks fall back from 02:00 EDT to 01:00 EST (06:00 UTC).
    expect(zonedLocalToUtc("2026-11-01T00:30", "America/New_York").toISOString()).toBe("2026-11-01T04:30:00.000Z");
    expect(zonedLocalToUtc("2026-11-01T03:00", "America/New_York").toISOString()).toBe("2026-11-01T08:00:00.000Z");
  });

  it("moves a wall time that a DST change skips forward by the gap, in either hemisphere's rules", () => {
    // 02:30 does not exist on these days: clocks jump from 02:00 to 03:00.
    expect(zonedLocalToUtc("2026-03-29T02:30", "Europe/Berlin").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(zonedLocalToUtc("2026-03-08T02:30", "America/New_York").toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("reads a wall time that happens twice as its first occurrence", () => {
    // Berlin 2026-10-25 and New York 2026-11-01: the hour after the change repeats.
    expect(zonedLocalToUtc("2026-10-25T02:30", "Europe/Berlin").toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(zonedLocalToUtc("2026-11-01T01:30", "America/New_York").toISOString()).toBe("2026-11-01T05:30:00.000Z");
    expect(zonedLocalToUtc("2026-04-05T01:45", "Australia/Lord_Howe").toISOString()).toBe("2026-04-04T14:45:00.000Z");
  });

  it("keeps seconds when given and drops them when showing", () => {
    const instant = zonedLocalToUtc("2026-12-01T09:00:30", "UTC");
    expect(instant.toISOString()).toBe("2026-12-01T09:00:30.000Z");
    expect(utcToZonedLocal(instant, "UTC")).toBe("2026-12-01T09:00");
  });

  it("shows midnight as 00, not 24", () => {
    expect(utcToZonedLocal(new Date("2026-12-01T23:00:00Z"), "Europe/Berlin")).toBe("2026-12-02T00:00");
  });

  it("throws on a value that is not a local date-time", () => {
    expect(() => zonedLocalToUtc("tomorrow", "UTC")).toThrow("Not a local date-time: tomorrow");
    expect(() => zonedLocalToUtc("2026-12-01T09:00Z", "UTC")).toThrow();
  });
});

describe("skippedTimeMessage", () => {
  it("names a wall time the clocks skip, and the time it would become", () => {
    expect(skippedTimeMessage("2026-03-29T02:30", "Europe/Berlin")).toBe(
      "02:30 on 29 March 2026 does not happen in Europe/Berlin: the clocks go forward then. Pick another time, such as 03:30",
    );
    expect(skippedTimeMessage("2026-03-08T02:00", "America/New_York")).toContain("such as 03:00");
    // Lord Howe Island moves half an hour.
    expect(skippedTimeMessage("2026-10-04T02:15", "Australia/Lord_Howe")).toContain("such as 02:45");
  });

  it("lets every other time through: before and after the gap, a repeated hour, seconds, other zones", () => {
    for (const [local, tz] of [
      ["2026-03-29T01:59", "Europe/Berlin"],
      ["2026-03-29T03:00", "Europe/Berlin"],
      ["2026-10-25T02:30", "Europe/Berlin"],
      ["2026-03-29T02:30", "UTC"],
      ["2026-03-29T02:30", "Asia/Kolkata"],
      ["2026-12-01T09:00:30", "Europe/Berlin"],
      ["not a time", "Europe/Berlin"],
    ])
      expect(skippedTimeMessage(local, tz), `${local} ${tz}`).toBeNull();
  });
});

describe("isLocalDateTime", () => {
  it("accepts datetime-local values, with or without seconds", () => {
    expect(isLocalDateTime("2026-02-28T10:00")).toBe(true);
    expect(isLocalDateTime("2026-12-31T23:59")).toBe(true);
    expect(isLocalDateTime("2026-12-31T23:59:59")).toBe(true);
    expect(isLocalDateTime("2028-02-29T00:00")).toBe(true); // leap year
  });
  it("rejects days that do not exist", () => {
    expect(isLocalDateTime("2026-02-30T10:00")).toBe(false);
    expect(isLocalDateTime("2026-02-29T10:00")).toBe(false); // not a leap year
    expect(isLocalDateTime("2026-04-31T10:00")).toBe(false);
    expect(isLocalDateTime("2026-13-01T10:00")).toBe(false);
    expect(isLocalDateTime("2026-00-10T10:00")).toBe(false);
    expect(isLocalDateTime("2026-01-00T10:00")).toBe(false);
  });
  it("rejects times that do not exist", () => {
    expect(isLocalDateTime("2026-01-01T24:00")).toBe(false);
    expect(isLocalDateTime("2026-01-01T10:60")).toBe(false);
    expect(isLocalDateTime("2026-01-01T10:00:60")).toBe(false);
    expect(isLocalDateTime("2026-01-01T10:00:99")).toBe(false);
  });
  it("rejects garbage and other formats", () => {
    for (const value of [
      "",
      "garbage",
      "2026-01-01",
      "2026-01-01 10:00",
      "2026-1-1T10:00",
      "2026-01-01T10:00Z",
      "2026-01-01T10:00:00.000",
      " 2026-01-01T10:00",
    ]) {
      expect(isLocalDateTime(value), value).toBe(false);
    }
  });
});

describe("isValidTimezone", () => {
  it("accepts IANA names and every zone offered in the picker", () => {
    expect(isValidTimezone("Europe/Berlin")).toBe(true);
    expect(isValidTimezone("UTC")).toBe(true);
    for (const tz of commonTimezones) expect(isValidTimezone(tz), tz).toBe(true);
  });
  it("rejects unknown names and garbage", () => {
    expect(isValidTimezone("Europe/Atlantis")).toBe(false);
    expect(isValidTimezone("not a zone")).toBe(false);
    expect(isValidTimezone("")).toBe(false);
  });
});

describe("relativeTime", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const at = (ms: number) => new Date(now.getTime() + ms);
  const minute = 60_000;
  const hour = 60 * minute;
  const day = 24 * hour;

  it("says the future with 'in' and the past with 'ago'", () => {
    expect(relativeTime(at(3 * day), now)).toBe("in 3 days");
    expect(relativeTime(at(-2 * hour), now)).toBe("2 hours ago");
    expect(relativeTime(at(5 * minute), now)).toBe("in 5 minutes");
  });
  it("uses the singular for one unit", () => {
    expect(relativeTime(at(day), now)).toBe("in 1 day");
    expect(relativeTime(at(-hour), now)).toBe("1 hour ago");
    expect(relativeTime(at(minute), now)).toBe("in 1 minute");
  });
  it("rounds down to whole units, saying the hours or minutes after a single day or hour", () => {
    expect(relativeTime(at(47 * hour), now)).toBe("in 1 day and 23 hours");
    expect(relativeTime(at(25 * hour + 59 * minute), now)).toBe("in 1 day and 1 hour");
    expect(relativeTime(at(-(2 * hour - 1)), now)).toBe("1 hour and 59 minutes ago");
    expect(relativeTime(at(49 * hour), now)).toBe("in 2 days");
    expect(relativeTime(at(day + 59 * minute), now)).toBe("in 1 day");
    expect(relativeTime(at(90_000), now)).toBe("in 1 minute");
  });
  it("says less than a minute coarsely", () => {
    expect(relativeTime(at(30_000), now)).toBe("in less than a minute");
    expect(relativeTime(now, now)).toBe("in less than a minute");
    expect(relativeTime(at(-30_000), now)).toBe("just now");
  });
  it("accepts ISO strings and timestamps", () => {
    expect(relativeTime("2026-06-04T12:00:00Z", now)).toBe("in 3 days");
    expect(relativeTime(now.getTime() - 10 * minute, now)).toBe("10 minutes ago");
  });
});

describe("formatInZone and formatDateRange", () => {
  const instant = new Date("2026-11-03T09:00:00Z");

  it("formats in each zone asked for, not in the first one formatted", () => {
    expect(formatInZone(instant, "Europe/Berlin")).toBe("Tue, 3 Nov 2026, 10:00 CET");
    expect(formatInZone(instant, "UTC")).toBe("Tue, 3 Nov 2026, 09:00 UTC");
    expect(utcToZonedLocal(instant, "Asia/Tokyo")).toBe("2026-11-03T18:00");
    expect(utcToZonedLocal(instant, "UTC")).toBe("2026-11-03T09:00");
    expect(formatDateRange(instant, "2026-11-05T23:30:00Z", "UTC")).toBe("3 – 5 Nov 2026");
    expect(formatDateRange(instant, "2026-11-05T23:30:00Z", "Asia/Tokyo")).toBe("3 – 6 Nov 2026");
  });

  it("shows one day for an end before the start or on the same day", () => {
    expect(formatDateRange("2026-11-05T10:00:00Z", instant, "UTC")).toBe("5 Nov 2026");
    expect(formatDateRange(instant, instant, "UTC")).toBe("3 Nov 2026");
  });

  it("refuses years before 100, which Date.UTC would read as 19xx", () => {
    expect(isLocalDateTime("0050-01-01T10:00")).toBe(false);
    expect(isLocalDateTime("0100-01-01T10:00")).toBe(true);
  });
});
