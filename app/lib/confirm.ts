// Destructive actions act only on an explicit confirmation (ADR 012). The first request, without it,
// is answered with what would be lost; the confirm step sends it back with `confirmed` (and, for the
// irreversible ones, the typed name). Modules take a Confirmation and refuse to act without it, so the
// rule holds whatever form or client sends the request.

export const CONFIRMED_FIELD = "confirmed";
export const TYPED_NAME_FIELD = "confirmName";

export type Confirmation = { confirmed: boolean; typedName: string };

export function readConfirmation(formData: FormData): Confirmation {
  return { confirmed: formData.get(CONFIRMED_FIELD) === "on", typedName: String(formData.get(TYPED_NAME_FIELD) ?? "") };
}

/** A typed confirmation matches the name as shown, ignoring spaces around it. */
export const typedNameMatches = (c: Confirmation, name: string) => c.confirmed && c.typedName.trim() === name.trim();
