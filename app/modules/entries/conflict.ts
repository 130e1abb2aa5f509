// What a refused save (a teammate saved first) says about where the two versions differ (pure, so it is unit
// tested). Only the server uses it: the message travels as text, so the entry form's code does not grow.
import { entryFieldLabels, type EntryField } from "./fields";

type Comparable = Partial<Record<EntryField, string | number | null | undefined>>;

/** The fields whose saved value differs from the form's, in the form's order, by label. */
export function differingFields(saved: Comparable, typed: Comparable): string[] {
  const same = (a: unknown, b: unknown) => String(a ?? "").trim() === String(b ?? "").trim();
  return (Object.keys(entryFieldLabels) as EntryField[])
    .filter((field) => field !== "version" && field in typed && !same(saved[field], typed[field]))
    .map((field) => entryFieldLabels[field]);
}

/** The refusal of a save a teammate's save overtook, naming the fields to look at when there are any. */
export function conflictMessage(differing: string[]): string {
  const where = differing.length ? ` The saved entry differs from your form in: ${differing.join("; ")}.` : "";
  return `A teammate saved this entry after you opened it.${where} Your text is still in the form: copy what you need, reload to see their version, and save again.`;
}
