// Event times are stored in UTC and entered and shown in the event's timezone.
import { TZDateMini } from "@date-fns/tz";

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

/**
 * "2026-12-01T09:00" in Europe/Berlin → the UTC instant. The zone rules (offsets, DST gaps and
 * overlaps) come from @date-fns/tz: a wall time skipped by a DST change moves forward by the gap,
 * and a wall time that happens twice is its first occurrence.
 */
export function zonedLocalToUtc(local: string, tz: string): Date {
  const m = LOCAL.exec(local);
  if (!m) throw new Error(`Not a local date-time: ${local}`);
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0));
  const instant = new TZDateMini(y, mo - 1, d, h, mi, s, tz).getTime();
  // Where clocks go back, the library may pick either occurrence; take the first, as calendars do.
  // DST shifts are an hour, or half an hour (Lord Howe Island).
  for (const back of [3_600_000, 1_800_000]) {
    const earlier = new TZDateMini(instant - back, tz);
    const same =
      earlier.getFullYear() === y && earlier.getMonth() === mo - 1 && earlier.getDate() === d && earlier.getHours() === h && earlier.getMinutes() === mi;
    if (same) return new Date(instant - back);
  }
  return new Date(instant);
}

/** The UTC instant → "2026-12-01T09:00" in the timezone, for datetime-local inputs. */
export function utcToZonedLocal(date: Date, tz: string): string {
  const z = new TZDateMini(date.getTime(), tz);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}T${pad(z.getHours())}:${pad(z.getMinutes())}`;
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

const relative = new Intl.RelativeTimeFormat("en", { numeric: "always" });

/** "in 3 days", "2 hours ago": coarse, for deadlines (whole units, rounded towards zero). */
export function relativeTime(target: Date | string | number, now: Date): string {
  const diff = new Date(target).getTime() - now.getTime();
  const abs = Math.abs(diff);
  const units: [number, Intl.RelativeTimeFormatUnit][] = [
    [86_400_000, "day"],
    [3_600_000, "hour"],
    [60_000, "minute"],
  ];
  for (const [ms, unit] of units) {
    if (abs >= ms) {
      const n = Math.floor(abs / ms);
      return relative.format(diff >= 0 ? n : -n, unit);
    }
  }
  return diff >= 0 ? "in less than a minute" : "just now";
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** How long is left, in its two largest units ("2 days 3 hours", "12 minutes 5 seconds"); for a countdown that ticks. */
export function countdownText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [days, hours, minutes, seconds] = [Math.floor(total / 86_400), Math.floor(total / 3600) % 24, Math.floor(total / 60) % 60, total % 60];
  if (days > 0) return `${plural(days, "day")} ${plural(hours, "hour")}`;
  if (hours > 0) return `${plural(hours, "hour")} ${plural(minutes, "minute")}`;
  if (minutes > 0) return `${plural(minutes, "minute")} ${plural(seconds, "second")}`;
  return plural(seconds, "second");
}
