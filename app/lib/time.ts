// Event times are stored in UTC and entered and shown in the event's timezone. Showing needs only Intl; turning a
// typed local time into UTC needs the zone rules of @date-fns/tz, in ./zoned-time, so pages that only show times
// do not load them (ADR 043).

export function isValidTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-12-01T09:00" → [2026, 12, 1, 9, 0, 0], or null when it is not a local date-time's shape. */
export function localParts(value: string): number[] | null {
  const m = LOCAL.exec(value);
  return m ? m.slice(1).map((v) => Number(v ?? 0)) : null;
}

export function isLocalDateTime(value: string): boolean {
  const parts = localParts(value);
  if (!parts) return false;
  const [y, mo, d, h, mi, s] = parts;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}

// Building an Intl.DateTimeFormat is expensive; pages format many dates in few zones.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat) {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/** "Tue 1 Dec 2026, 09:00 CET": always with the zone, so nobody guesses. */
export function formatInZone(date: Date | string | number, tz: string): string {
  return formatter(
    `display:${tz}`,
    () =>
      new Intl.DateTimeFormat("en-GB", {
        timeZone: tz,
        weekday: "short",
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
        timeZoneName: "short",
      }),
  ).format(new Date(date));
}

/** "09:00 CET": the time of day in the zone, with the zone, for something that just happened on the page. */
export function clockInZone(date: Date | string | number, tz: string): string {
  return formatter(
    `clock:${tz}`,
    () => new Intl.DateTimeFormat("en-GB", { timeZone: tz, hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" }),
  ).format(new Date(date));
}

/** "3 – 17 Nov 2026", "28 Oct – 5 Nov 2026": the days from `start` to `end` in the zone, for periods already known. */
export function formatDateRange(start: Date | string | number, end: Date | string | number, tz: string): string {
  const f = formatter(`range:${tz}`, () => new Intl.DateTimeFormat("en-GB", { timeZone: tz, day: "numeric", month: "short", year: "numeric" }));
  const [a, b] = [new Date(start), new Date(end)];
  // ICU puts thin spaces around the dash; plain ones read the same and match what people type in a search.
  return (b < a ? f.format(a) : f.formatRange(a, b)).replace(/[\u2009\u202f]/g, " ");
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "always" });

/**
 * "in 3 days", "2 hours ago": coarse, for deadlines (whole units, rounded towards zero). One day or hour comes with the
 * hours or minutes after it ("in 1 day and 23 hours"): "in 1 day" read as tomorrow when the day after was meant.
 */
export function relativeTime(target: Date | string | number, now: Date): string {
  const diff = new Date(target).getTime() - now.getTime();
  const abs = Math.abs(diff);
  const units: [number, Intl.RelativeTimeFormatUnit][] = [
    [86_400_000, "day"],
    [3_600_000, "hour"],
    [60_000, "minute"],
  ];
  for (const [i, [ms, unit]] of units.entries()) {
    if (abs >= ms) {
      const n = Math.floor(abs / ms);
      const [nextMs, nextUnit] = units[i + 1] ?? [ms, unit];
      const rest = Math.floor((abs - n * ms) / nextMs);
      if (n > 1 || rest === 0 || nextMs === ms) return relative.format(diff >= 0 ? n : -n, unit);
      const words = `1 ${unit} and ${rest} ${nextUnit}${rest === 1 ? "" : "s"}`;
      return diff >= 0 ? `in ${words}` : `${words} ago`;
    }
  }
  return diff >= 0 ? "in less than a minute" : "just now";
}
