// The rules of typing kept when a save finds the session ended (ADR 069), pure so that they are unit and mutation
// tested; ./signed-out-rescue applies them to the page.

/** Typing kept longer than this is not put back: a person who signs in much later has moved on. */
export const KEPT_FOR_MS = 2 * 3_600_000;

export type KeptField = { name: string; nth: number; value: string } | { name: string; nth: number; checked: boolean };
export type KeptForm = { action: string; nth: number; fields: KeptField[] };
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
