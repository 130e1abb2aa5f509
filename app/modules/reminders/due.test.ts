import { describe, expect, it } from "vitest";
import { dueReminder, mayRemindNow, remindAgainAt, REMIND_AGAIN_AFTER, reminderThresholds } from "./due";

const HOUR = 3_600_000;
const deadline = new Date("2026-12-10T12:00:00Z");
const at = (hoursBefore: number) => new Date(deadline.getTime() - hoursBefore * HOUR);
const key = (hoursBefore: number, d = deadline) => dueReminder(d, at(hoursBefore))?.key ?? null;

describe("dueReminder", () => {
  it("has nothing due more than a day ahead", () => {
    expect(key(48)).toBeNull();
    expect(dueReminder(deadline, new Date(at(24).getTime() - 1))).toBeNull();
  });

  it("makes the day-ahead reminder due exactly at its threshold and until the hour-ahead one", () => {
    expect(key(24)).toBe("24h");
    expect(key(12)).toBe("24h");
    expect(dueReminder(deadline, new Date(at(1).getTime() - 1))?.key).toBe("24h");
  });

  it("catches up after downtime: back at T-20h still sends the day-ahead one", () => {
    expect(key(20)).toBe("24h");
  });

  it("makes the hour-ahead reminder due at its threshold and until the deadline", () => {
    expect(key(1)).toBe("1h");
    expect(key(0.5)).toBe("1h");
    expect(dueReminder(deadline, new Date(deadline.getTime() - 1))?.key).toBe("1h");
  });

  it("sends only the nearest when both thresholds have passed at once", () => {
    // Down from T-30h to T-30min: one reminder, the hour-ahead one, not two.
    expect(key(0.5)).toBe("1h");
    expect(dueReminder(deadline, at(0.5), [...reminderThresholds].reverse())?.key).toBe("1h");
  });

  it("sends nothing stale: at or after the deadline nothing is due", () => {
    expect(key(0)).toBeNull();
    expect(key(-1)).toBeNull();
  });

  it("re-arms with a moved deadline: the new deadline has its own due reminder", () => {
    const later = new Date(deadline.getTime() + 48 * HOUR);
    // At T-30min of the old deadline the 1h one was due; for the moved deadline nothing is due yet.
    expect(dueReminder(later, at(0.5))).toBeNull();
    expect(dueReminder(later, new Date(later.getTime() - 23 * HOUR))?.key).toBe("24h");
  });

  it("has nothing due without thresholds", () => {
    expect(dueReminder(deadline, at(0.5), [])).toBeNull();
  });
});

describe("the Remind button's cool-down", () => {
  const sent = new Date("2026-12-10T09:00:00Z");

  it("allows a first reminder at any time", () => {
    expect(remindAgainAt(null)).toBeNull();
    expect(mayRemindNow(null, sent)).toBe(true);
  });

  it("refuses a second within the hour and allows it from the hour on", () => {
    expect(REMIND_AGAIN_AFTER).toBe(HOUR);
    expect(remindAgainAt(sent)).toEqual(new Date("2026-12-10T10:00:00Z"));
    expect(mayRemindNow(sent, sent)).toBe(false);
    expect(mayRemindNow(sent, new Date(sent.getTime() + HOUR - 1))).toBe(false);
    expect(mayRemindNow(sent, new Date(sent.getTime() + HOUR))).toBe(true);
  });
});
