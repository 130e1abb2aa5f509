// Saves from a page that is out of date (ADR 060). A form that replaces what is stored (the rubric, an event's
// details, a problem) carries a stamp of what its page was loaded with; a save whose stamp no longer matches is
// refused rather than applied over another organizer's save, and the typed values come back with the refusal.
import { createHash } from "node:crypto";

/** A short fingerprint of stored values (any JSON-serializable facts, in a fixed order). */
export function stampOf(facts: unknown): string {
  return createHash("sha256").update(JSON.stringify(facts)).digest("base64url").slice(0, 22);
}

/** The stamp a form sent, or undefined when it sent none (a page of an earlier version of the app: saved as before). */
export function sentStamp(formData: FormData): string | undefined {
  const stamp = formData.get("stamp");
  return typeof stamp === "string" ? stamp : undefined;
}

/** Whether a save is from a page loaded before the stored values last changed. */
export function changedSince(sent: string | undefined, stored: string): boolean {
  return sent !== undefined && sent !== stored;
}

/** The refusal shown beside the form, whose typed values stay. */
export function changedMeanwhileMessage(what: string): string {
  return `${what[0].toUpperCase()}${what.slice(1)} changed since you opened this page (another organizer saved, or you did in another tab). Your changes are still in the form: copy what you need, reload to see the saved version, and save again.`;
}
