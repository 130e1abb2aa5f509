import { z } from "zod";
import { fieldsAsText } from "~/lib/kept";
import { oneSpaceBetweenWords } from "~/lib/words";

export const teamSchema = z.object({
  name: z
    .string({ error: "Enter a team name" })
    .trim()
    .overwrite(oneSpaceBetweenWords)
    .min(2, "Use at least 2 characters")
    .max(60, "Use at most 60 characters"),
  problemId: z.string({ error: "Pick the problem your team works on" }).min(1, "Pick the problem your team works on").max(100),
});

/** What a refused new team held, as lines to copy (app/lib/kept.ts): its name; a problem is picked again from a list. */
export function teamAsText(payload: Record<string, unknown>): string[] {
  return fieldsAsText(payload, { name: "Team name" });
}

/**
 * What people paste for an invite code: the code in any case, with spaces or hyphens ("RP2C-45NH"), or the whole
 * invite link the team page shows ("https://…/join?code=RP2C45NH").
 */
export function inviteCodeOf(typed: string): string {
  const fromLink = /[?&]code=([^&#\s]*)/i.exec(typed)?.[1];
  return (fromLink ?? typed).replace(/[\s-]+/g, "").toUpperCase();
}

export const joinSchema = z.object({
  code: z
    .string({ error: "Enter the invite code" })
    .max(500, "An invite code has 8 letters and digits")
    .transform(inviteCodeOf)
    .pipe(z.string().regex(/^[A-Z0-9]{8}$/, "An invite code has 8 letters and digits")),
});

/** A team's members rename it, while submissions are open. */
export const teamRenameSchema = z.object({ name: teamSchema.shape.name });

/** A team's lead moves the team to another problem of the event. */
export const problemChangeSchema = z.object({ problemId: z.string({ error: "Pick a problem" }).min(1, "Pick a problem").max(100) });

// ——— The forms of the "Find a team" page ———

const TEXT_MAX = 500;
const idField = (message: string) => z.string({ error: message }).trim().min(1, message).max(100, message);

/** A "Looking for a team" post: what the person brings and, optionally, the problem they like. */
export const seekerPostSchema = z.object({
  skills: z
    .string({ error: "Say what you are good at or interested in" })
    .trim()
    .min(3, "Say what you are good at or interested in (at least 3 characters)")
    .max(TEXT_MAX, `Use at most ${TEXT_MAX} characters`),
  problemId: z.string().trim().max(100, "Pick a problem of this event").optional(),
});

/** A team's "looking for members" note: what it needs. */
export const openingSchema = z.object({
  needs: z
    .string({ error: "Say what the team needs" })
    .trim()
    .min(3, "Say what the team needs (at least 3 characters)")
    .max(TEXT_MAX, `Use at most ${TEXT_MAX} characters`),
});

export const askSchema = z.object({
  teamId: idField("Pick a team to ask"),
  message: z.string().trim().max(TEXT_MAX, `Use at most ${TEXT_MAX} characters`).optional(),
});

export const requestRefSchema = z.object({ requestId: idField("Pick a request") });
