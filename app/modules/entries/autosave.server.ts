import { parseForm, refusedKeepingForm } from "~/lib/forms.server";
import { clockInZone } from "~/lib/time";
import type { Decision } from "~/modules/auth/permissions";
import type { AutosaveOutcome } from "./autosave";
import type { Question } from "./questions";
import { saveEntry } from "./entries.server";
import { entryFieldLabels, type EntryField } from "./fields";
import { autosaveSchemaFor } from "./schemas";

/** Why a save of an entry that may no longer change was refused, for a page that keeps the person's text on screen. */
export function closedEntryMessage(reason: string): string {
  return refusedKeepingForm(reason, "Your text is");
}

/** A field of the entry form by its label, a question's by its own ("answers.<id>"); undefined for no such field. */
export function fieldLabel(field: string, questions: Question[]): string | undefined {
  return entryFieldLabels[field as EntryField] ?? questions.find((q) => field === `answers.${q.id}`)?.label;
}

/**
 * Why a Save draft or Submit of the whole form changed nothing: some fields' checks failed. Said at the top of the
 * form, it names them (the first three), since their messages may be far below.
 */
export function notSavedMessage(submit: boolean, labels: string[]): string {
  const quoted = labels.map((l) => `“${l}”`);
  const named =
    quoted.length === 0
      ? "the fields whose messages are next to them"
      : quoted.length === 1
        ? `${quoted[0]} (its message is next to it)`
        : `${quoted.length > 3 ? `${quoted.slice(0, 3).join(", ")} and ${quoted.length - 3} more` : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}`} (each message is next to its field)`;
  return submit
    ? `Not submitted, and your changes are not saved: fix ${named}, then submit again.`
    : `Your changes are not saved: fix ${named}, then save again.`;
}

/**
 * Saves the entry form's fields as they are, never submitting. The caller has checked that the person
 * is on the team; `edit` says whether the entry may still change. Refusals come back as data (not a
 * thrown response) so the page keeps the person's text on screen. A save says when it happened in the event's zone
 * (`timezone`), as every other time on the page does, not by the browser's clock.
 */
export async function autosaveEntry(
  team: { id: string },
  entry: { status: "draft" | "submitted" },
  edit: Decision,
  formData: FormData,
  now: Date,
  timezone: string,
  questions: Question[] = [],
): Promise<AutosaveOutcome> {
  if (!edit.ok) return { ok: false, reason: "closed", message: closedEntryMessage(edit.reason) };
  const submission = parseForm(formData, { schema: autosaveSchemaFor(entry.status, questions) });
  if (submission.status !== "success") {
    const [field, messages] = Object.entries(submission.error ?? {}).find(([, m]) => m?.length) ?? ["", null];
    const label = fieldLabel(field, questions);
    const message = messages?.[0] ?? "Check the form.";
    const hint = entry.status === "submitted" ? " (a submitted entry is saved automatically only while it stays complete)" : "";
    return { ok: false, reason: "invalid", message: `${label ? `${label}: ` : ""}${message}${hint}` };
  }
  const saved = await saveEntry(team.id, submission.value, false, now);
  if (!saved.ok && "closed" in saved) return { ok: false, reason: "closed", message: closedEntryMessage(saved.message) };
  if (!saved.ok) return { ok: false, reason: "conflict", message: saved.message };
  return { ok: true, version: saved.version, savedAt: clockInZone(now, timezone) };
}
