// The email preferences form's save changes only what the person changed (ADR 071): another tab's save stays.
import { optionalKinds, type NotificationKind } from "./kinds";

/** The preferences as the form showed them: each optional kind, `kind:1` when ticked, `kind:0` when not. */
export function shownPreferences(mailed: Partial<Record<NotificationKind, boolean>>): string {
  return optionalKinds.map((kind) => `${kind}:${(mailed[kind] ?? true) ? 1 : 0}`).join(" ");
}

/**
 * The kinds a save writes: those ticked or unticked since the form showed them. A kind the form did not show (added
 * since the page was loaded) is left as stored. Without a readable `shown` (a page of an earlier version of the
 * app), every kind, as before.
 */
export function preferencesToWrite(mailed: ReadonlySet<NotificationKind>, shown: string | undefined): NotificationKind[] {
  const before = new Map<string, boolean>();
  for (const part of (shown ?? "").split(" ")) {
    const [kind, ticked] = part.split(":");
    if (ticked === "1" || ticked === "0") before.set(kind, ticked === "1");
  }
  if (before.size === 0) return [...optionalKinds];
  return optionalKinds.filter((kind) => before.has(kind) && before.get(kind) !== mailed.has(kind));
}
