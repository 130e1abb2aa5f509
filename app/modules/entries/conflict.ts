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

/**
 * Without JavaScript a refused save is answered by the page read again in the same request, and that page's form must
 * carry the version the refused form was sent with: with the newer version, a second press of Save would replace a
 * teammate's save the person never saw. (With JavaScript the page is not read again after a refusal, so the form keeps
 * its own version.) The action notes the version sent on the request's load context, which the loaders of the same
 * request share; the loader hands it to the form.
 */
const versionsSent = new WeakMap<object, { entryId: string; version: number }>();

/** Notes the version a save of `entryId` was sent with, for the page read again in this request. */
export function noteVersionSent(context: object | undefined, entryId: string, sent: unknown) {
  if (context && typeof sent === "string" && /^\d{1,9}$/.test(sent)) versionsSent.set(context, { entryId, version: Number(sent) });
}

/** The version the entry form carries: an older one a refused save was sent with in this request, else the entry's. */
export function formVersion(context: object | undefined, entry: { id: string; version: number }): number {
  const sent = context ? versionsSent.get(context) : undefined;
  return sent && sent.entryId === entry.id && sent.version < entry.version ? sent.version : entry.version;
}
