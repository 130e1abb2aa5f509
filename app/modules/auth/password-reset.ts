// Password reset: its fixed numbers and the words both sides show (the forms' schemas are in schemas.ts).

/** A reset link works once, for this long. */
export const RESET_VALID_MINUTES = 60;

/** The same answer whether or not the address has an account, so the form reveals nothing. */
export const resetRequestedMessage = `If an account uses that address, a link to choose a new password is on its way. It works once, for ${RESET_VALID_MINUTES} minutes.`;
