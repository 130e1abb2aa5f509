/** The entry form's autosave: the intent its fetcher posts, and what the action answers. */
export const AUTOSAVE_INTENT = "autosave";
/** How long after the last keystroke the draft is saved. */
export const AUTOSAVE_DELAY_MS = 2_000;

/** `savedAt`: when the save happened, as shown ("09:05 CET", in the event's zone). */
export type AutosaveOutcome = { ok: true; version: number; savedAt: string } | { ok: false; reason: "invalid" | "conflict" | "closed"; message: string };
