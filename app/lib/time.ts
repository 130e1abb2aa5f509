// Event times are stored in UTC and entered and shown in the event's timezone.

export const commonTimezones = [
  "UTC",
  "Europe/London",
  "Europe/Paris",
  "Europe/Berlin",
  "America/New_York",
  "America/Chicago",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Australia/Sydney",
] as const;

export function isValidTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export function isLocalDateTime(value: string): boolean {
  const m = LOCAL.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0));
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

function zoneParts(date: Date, tz: string) {
  const parts = formatter(
    `parts:${tz}`,
    () =>
      new Intl.DateTimeFormat("en-US", {
        timeZone: tz,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      }),
  ).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

function offsetMs(date: Date, tz: string): number {
  const p = zoneParts(date, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** "2026-12-01T09:00" in Europe/Berlin → the UTC instant. */
export function zonedLocalToUtc(local: string, tz: string): Date {
  const m = LOCAL.exec(local);
  if (!m) throw new Error(`Not a local date-time: ${local}`);
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0));
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  const first = guess - offsetMs(new Date(guess), tz);
  // Around a DST change the offset at the guess and at the result can differ; the second pass settles it.
  const second = guess - offsetMs(new Date(first), tz);
  return new Date(second);
}

/** The UTC instant → "2026-12-01T09:00" in the timezone, for datetime-local inputs. */
export function utcToZonedLocal(date: Date, tz: string): string {
  const p = zoneParts(date, tz);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
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

/** "3 – 17 Nov 2026", "28 Oct – 5 Nov 2026": the days from `start` to `end` in the zone, for periods already known. */
export function formatDateRange(start: Date | string | number, end: Date | string | number, tz: string): string {
  const f = formatter(`range:${tz}`, () => new Intl.DateTimeFormat("en-GB", { timeZone: tz, day: "numeric", month: "short", year: "numeric" }));
  const [a, b] = [new Date(start), new Date(end)];
  // ICU puts thin spaces around the dash; plain ones read the same and match what people type in a search.
  return (b < a ? f.format(a) : f.formatRange(a, b)).replace(/[\u2009\u202f]/g, " ");
}

/** "in 3 days", "2 hours ago": coarse, for deadlines. */
export function relativeTime(target: Date | string | number, now: Date): string {
  const diff = new Date(target).getTime() - now.getTime();
  const abs = Math.abs(diff);
  const units: [number, string][] = [
    [86_400_000, "day"],
    [3_600_000, "hour"],
    [60_000, "minute"],
  ];
  for (const [ms, name] of units) {
    if (abs >= ms) {
      const n = Math.floor(abs / ms);
      const label = `${n} ${name}${n === 1 ? "" : "s"}`;
      return diff >= 0 ? `in ${label}` : `${label} ago`;
    }
  }
  return diff >= 0 ? "in less than a minute" : "just now";
}
