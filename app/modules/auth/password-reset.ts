// Password reset forms and their fixed numbers; both sides use these.
import { z } from "zod";
import { emailSchema, passwordSchema } from "./schemas";

/** A reset link works once, for this long. */
export const RESET_VALID_MINUTES = 60;

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z.object({ password: passwordSchema });

/** The same answer whether or not the address has an account, so the form reveals nothing. */
export const resetRequestedMessage = `If an account uses that address, a link to choose a new password is on its way. It works once, for ${RESET_VALID_MINUTES} minutes.`;
