// Password attempts, rate-limited through the one rate-limit module (ADR 010): signing in, and the
// current password asked for on the account page.
import { hit, limits, tooManyMessage, unhit } from "~/lib/rate-limit.server";
import { changePassword, checkCredentials } from "./accounts.server";
import { passwordWorkFull } from "./password.server";

type Refused = { ok: false; status: 400 | 429 | 503; message: string };

/** Shown when too many sign-ins already wait for a password check (ADR 039). */
export const signInsBusyMessage = "Many people are signing in right now. Please try again in a few seconds.";
const busy = { ok: false, status: 503, message: signInsBusyMessage } as const;

/**
 * Refused at once while too many sign-ins wait for a password check (ADR 039). Every attempt counts against the
 * client's address; failures count against this account from this address only, so someone guessing elsewhere
 * never locks the owner out.
 */
export async function attemptSignIn(email: string, password: string, clientIp = "unknown"): Promise<{ ok: true; userId: string } | Refused> {
  // The cheapest refusal first: no database write while the password checks are saturated.
  if (passwordWorkFull()) return busy;
  const perIp = await hit(`signin:${clientIp}`, limits.signInPerIp);
  if (!perIp.allowed) return { ok: false, status: 429, message: tooManyMessage(perIp.retryAfterSeconds) };
  // Counted as a failure before the check, and given back when it is not one: guesses sent in parallel would otherwise
  // all pass the limit before the first had failed (ADR 072).
  const failures = `signin-fail:${email}:${clientIp}`;
  const counted = await hit(failures, limits.failedSignInPerAccountAndIp);
  if (!counted.allowed) return { ok: false, status: 429, message: tooManyMessage(counted.retryAfterSeconds) };
  const userId = await checkCredentials(email, password);
  if (userId === "busy" || userId) await unhit(failures, limits.failedSignInPerAccountAndIp);
  if (userId === "busy") return busy;
  if (userId) return { ok: true, userId };
  // One message for both cases, so the form does not reveal which emails have accounts.
  return { ok: false, status: 400, message: "That email and password do not match an account." };
}

/** Changes the password of a signed-in account; wrong current passwords are throttled per account. */
export async function attemptPasswordChange(userId: string, currentPassword: string, newPassword: string): Promise<{ ok: true } | Refused> {
  return throttledCurrentPassword(userId, async () => (await changePassword(userId, currentPassword, newPassword)).ok);
}

/**
 * Checks the current password of a signed-in account before a change that needs it (the email address): throttled
 * with the password change's wrong guesses, and refused at once while the password checks are saturated.
 */
export async function attemptCurrentPassword(userId: string, email: string, password: string): Promise<{ ok: true } | Refused> {
  return throttledCurrentPassword(userId, async () => {
    const matched = await checkCredentials(email, password);
    return matched === "busy" ? "busy" : matched === userId;
  });
}

/** A check of the signed-in account's current password, with wrong guesses counted and throttled per account. */
async function throttledCurrentPassword(userId: string, check: () => Promise<boolean | "busy">): Promise<{ ok: true } | Refused> {
  const failures = `password-fail:${userId}`;
  // Counted before the check and given back when it is not a failure, as for signing in.
  const counted = await hit(failures, limits.wrongCurrentPasswordPerAccount);
  if (!counted.allowed) return { ok: false, status: 429, message: tooManyMessage(counted.retryAfterSeconds) };
  const matched = await check();
  if (matched === "busy" || matched) await unhit(failures, limits.wrongCurrentPasswordPerAccount);
  if (matched === "busy") return busy;
  if (matched) return { ok: true };
  return { ok: false, status: 400, message: "That is not your current password." };
}
