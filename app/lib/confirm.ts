// Destructive actions act only on an explicit confirmation (ADR 012). The first request, without it,
// is answered with what would be lost; the confirm step sends it back with `confirmed` (and, for the
// irreversible ones, the typed name). Modules take a Confirmation and refuse to act without it, so the
// rule holds whatever form or client sends the request.

export const CONFIRMED_FIELD = "confirmed";
export const TYPED_NAME_FIELD = "confirmName";
/** Sent by a confirm step's keep button when it goes back to the unsaved form rather than to the page as stored. */
export const KEEP_FIELD = "keep";

export type Confirmation = { confirmed: boolean; typedName: string };

/** The request came from a confirm step's keep button (ConfirmStep's `keepSendsBack`). */
export const isKeeping = (formData: FormData) => formData.get(KEEP_FIELD) === "on";

export function readConfirmation(formData: FormData): Confirmation {
  // The keep button sends the step's fields too; keeping never confirms, whatever else the request carries.
  return { confirmed: formData.get(CONFIRMED_FIELD) === "on" && !isKeeping(formData), typedName: String(formData.get(TYPED_NAME_FIELD) ?? "") };
}

/** A typed confirmation matches the name as shown, ignoring spaces around it. */
export const typedNameMatches = (c: Confirmation, name: string) => c.confirmed && c.typedName.trim() === name.trim();
