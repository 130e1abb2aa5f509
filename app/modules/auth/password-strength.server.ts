// New passwords are checked on the server only: the common-password dictionary stays out of the browser
// bundle. Existing passwords are never re-checked, so accounts made before this rule still sign in.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import type { z } from "zod";
import { changePasswordSchema, signUpSchema } from "./schemas";

// zxcvbn's 0–4 scale; 3 means an attacker needs about 10^10 guesses, with the common-password and diceware lists.
const MIN_PASSWORD_SCORE = 3;
const MIN_PART = 4;

// Only the first 64 characters are scored: past that a password is long enough, and scoring 200 costs ~0.3 s of CPU.
const zxcvbn = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs, maxLength: 64 });

const parts = (text: string) =>
  text
    .toLowerCase()
    .split(/[\s.\-_+@]+/)
    .filter((p) => p.length >= MIN_PART);

/** Why this person may not choose this password, or null. */
export function passwordWeakness(password: string, person: { email: string; name: string }): string | null {
  const lower = password.toLowerCase();
  const local = person.email.split("@")[0] ?? "";
  // The whole local part only: its pieces are often random suffixes, and a name in it is caught as the name.
  if (local.length >= MIN_PART && lower.includes(local.toLowerCase())) return "Do not use your email address in your password.";
  if (parts(person.name).some((p) => lower.includes(p))) return "Do not use your name in your password.";
  if (new Set(lower).size < 5) return "Use more different characters: a few repeated characters are easy to guess.";
  if (zxcvbn.check(password, [local, ...parts(person.name)]).score < MIN_PASSWORD_SCORE) {
    return "This password is too common or too easy to guess. Try a passphrase of four or more unrelated words.";
  }
  return null;
}

type Person = { email: string; name: string };
const refinePassword = (password: string, person: Person, path: string, ctx: z.RefinementCtx) => {
  const weakness = passwordWeakness(password, person);
  if (weakness) ctx.addIssue({ code: "custom", path: [path], message: weakness });
};

/** signUpSchema plus the strength rule, for the sign-up action. */
export const signUpServerSchema = signUpSchema.superRefine((v, ctx) => refinePassword(v.password, v, "password", ctx));

/** changePasswordSchema plus the strength rule for this account, for the account page's action. */
export const changePasswordServerSchema = (person: Person) =>
  changePasswordSchema.superRefine((v, ctx) => refinePassword(v.newPassword, person, "newPassword", ctx));
