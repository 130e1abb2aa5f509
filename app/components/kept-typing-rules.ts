// The rules of typing kept when a save finds the session ended (ADR 069), pure so that they are unit and mutation
// tested; ./signed-out-rescue applies them to the page.

/** Typing kept longer than this is not put back: a person who signs in much later has moved on. */
export const KEPT_FOR_MS = 2 * 3_600_000;

/**
 * A field as typed: found again by its name and position among the form's fields of that name (a box or a radio
 * button by its name and value), with the value the page had loaded (`was`): it is put back only where the page still
 * loads that value, so a save made meanwhile (a teammate's, or the autosave's own) is never overwritten.
 */
export type KeptField = { name: string; nth: number; was: string; value: string } | { name: string; option: string; was: boolean; checked: boolean };
/** A form, found again by what it acts on: its action and the hidden fields that name the action and its target. */
export type KeptForm = { identity: string; fields: KeptField[] };
export type Kept = { userId: string; path: string; at: number; forms: KeptForm[] };

/**
 * What to do with typing kept on the way to the sign-in page, on arriving at `path` as `userId` (null: signed out):
 * "wait" while signed out (the sign-in page, or another page on the way), "restore" on the page it was typed on by the
 * person who typed it within KEPT_FOR_MS, and "drop" otherwise: signed in as someone else, landed on another page, or
 * too late. The kept text is never shown to another account.
 */
export function keptTypingFate(kept: Pick<Kept, "userId" | "path" | "at">, userId: string | null, path: string, now: number): "wait" | "restore" | "drop" {
  if (now - kept.at > KEPT_FOR_MS) return "drop";
  if (userId === null) return "wait";
  return kept.userId === userId && kept.path === path ? "restore" : "drop";
}

/** Fields whose typing is kept: what a person types or picks, never a password, a file or a hidden field. */
export function isKeptKind(type: string): boolean {
  return !["password", "file", "hidden", "submit", "button", "reset", "image"].includes(type);
}

/**
 * What a form acts on, so that typing goes back into that form and no other: its action, and its hidden fields and
 * buttons that say what it does (`intent`) and to what (`id`, `teamId`, `userId`…). Not the others: a version field
 * moves with every save.
 */
export function formIdentity(action: string, hidden: [name: string, value: string][]): string {
  const naming = hidden.filter(([name]) => name === "intent" || name === "id" || /[a-z]Id$/.test(name)).map(([name, value]) => `${name}=${value}`);
  return [action, ...naming.sort()].join("&");
}

/** What the page says once typing was kept: all of it back, some of it (the rest was saved differently meanwhile), or none. */
export function broughtBackWords(restored: number, skipped: number): string | null {
  if (restored === 0 && skipped === 0) return null;
  const ended = "Your session had ended, so your last change was not saved.";
  if (skipped === 0) return `${ended} What you typed is back in the form below: check it and save again.`;
  if (restored === 0)
    return `${ended} The form's saved text changed meanwhile, so what you typed was not put back over it: check the form before typing again.`;
  return `${ended} What you typed is back in the form below, except where the saved text changed meanwhile: check it and save again.`;
}
