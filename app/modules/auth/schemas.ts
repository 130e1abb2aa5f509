import { z } from "zod";
import { oneSpaceBetweenWords } from "~/lib/words";

export const emailSchema = z
  .string({ error: "Enter your email address" })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long")
  .pipe(z.email({ error: "Enter a valid email address, like name@company.com" }));

export const passwordSchema = z.string({ error: "Enter a password" }).min(12, "Use at least 12 characters").max(200, "Use at most 200 characters");

/** A person's name as others see it: given at sign-up, changed on the account page. */
export const personNameSchema = z
  .string({ error: "Enter your name" })
  .trim()
  .overwrite(oneSpaceBetweenWords)
  .min(1, "Enter your name")
  .max(80, "Use at most 80 characters");

export const signUpSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  redirectTo: z.string().max(2000).optional(),
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password" }).max(200, "Use at most 200 characters"),
  redirectTo: z.string().max(2000).optional(),
});

export function isEmailDomainAllowed(email: string, allowedDomains: string[]) {
  if (allowedDomains.length === 0) return true;
  const domain = email.split("@").pop()?.toLowerCase() ?? "";
  return allowedDomains.includes(domain);
}

/** Only same-site paths are followed after sign-in, never another origin. */
export function safeRedirect(to: string | null | undefined, fallback = "/") {
  if (!to || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // Browsers drop tabs and newlines from a URL before parsing it, so "/\t/evil.com" would become "//evil.com".
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (/[\u0000-\u001f\u007f]/.test(to)) return fallback;
  // A Location header carries bytes only (a character above U+00FF throws): percent-encode anything
  // outside printable ASCII, as a browser would. A lone surrogate cannot be encoded: fall back.
  try {
    return to.replace(/[^\u0021-\u007e]+/g, encodeURIComponent);
  } catch {
    return fallback;
  }
}

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).max(200, "Use at most 200 characters"),
    newPassword: passwordSchema,
  })
  .refine((v) => v.currentPassword !== v.newPassword, { path: ["newPassword"], message: "Choose a password different from the current one" });

/** A new email address for one's account, with the current password (ADR 065). */
export const changeEmailSchema = z.object({
  newEmail: emailSchema,
  currentPassword: z.string({ error: "Enter your current password" }).max(200, "Use at most 200 characters"),
});

/** "Send the link again": from the banner on any page (back to that page) or from /verify-email. */
export const resendSchema = z.object({ redirectTo: z.string().max(2000).optional() });

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z.object({ password: passwordSchema });
