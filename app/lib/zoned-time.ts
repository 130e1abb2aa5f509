// Typed local times to UTC and back, with the zone rules of @date-fns/tz: only forms that take a time load this
// (showing a time needs only Intl, in ./time).
import { TZDateMini } from "@date-fns/tz";
import { localParts } from "./time";

/**
 * "2026-12-01T09:00" in Europe/Berlin → the UTC instant. The zone rules (offsets, DST gaps and
 * overlaps) come from @date-fns/tz: a wall time skipped by a DST change moves forward by the gap (forms refuse
 * one first, with skippedTimeMessage), and a wall time that happens twice is its first occurrence.
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

/**
 * Why a typed wall time cannot be saved as typed, or null: a time the zone skips where clocks go forward ("02:30" on
 * the spring-forward night in Europe/Berlin) does not happen, and zonedLocalToUtc would quietly save the time after
 * the gap. Organizers are told, next to the field, and offered that time instead.
 */
export function skippedTimeMessage(local: string, tz: string): string | null {
  const parts = localParts(local);
  if (!parts) return null;
  const saved = utcToZonedLocal(zonedLocalToUtc(local, tz), tz);
  const [y, mo, d, h, mi] = parts;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (saved === `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`) return null;
  const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(Date.UTC(y, mo - 1, d));
  return `${pad(h)}:${pad(mi)} on ${day} does not happen in ${tz}: the clocks go forward then. Pick another time, such as ${saved.slice(11)}`;
}
