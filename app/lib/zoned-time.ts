// Typed local times to UTC and back, with the zone rules of @date-fns/tz: only forms that take a time load this
// (showing a time needs only Intl, in ./time).
import { TZDateMini } from "@date-fns/tz";
import { localParts } from "./time";

/**
 * "2026-12-01T09:00" in Europe/Berlin → the UTC instant. The zone rules (offsets, DST gaps and
 * overlaps) come from @date-fns/tz: a wall time skipped by a DST change moves forward by the gap,
 * and a wall time that happens twice is its first occurrence.
 */
export function zonedLocalToUtc(local: string, tz: string): Date {
  const parts = localParts(local);
  if (!parts) throw new Error(`Not a local date-time: ${local}`);
  const [y, mo, d, h, mi, s] = parts;
  const instant = new TZDateMini(y, mo - 1, d, h, mi, s, tz).getTime();
  // Where clocks go back, the library may pick either occurrence; take the first, as calendars do.
  // DST shifts are an hour, or half an hour (Lord Howe Island). Half an hour or an hour earlier, the same
  // hour and minute can only be the same wall time again, on the same day: no need to compare the date.
  for (const back of [3_600_000, 1_800_000]) {
    const earlier = new TZDateMini(instant - back, tz);
    if (earlier.getHours() === h && earlier.getMinutes() === mi) return new Date(instant - back);
  }
  return new Date(instant);
}

/** The UTC instant → "2026-12-01T09:00" in the timezone, for datetime-local inputs. */
export function utcToZonedLocal(date: Date, tz: string): string {
  const z = new TZDateMini(date.getTime(), tz);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}T${pad(z.getHours())}:${pad(z.getMinutes())}`;
}
