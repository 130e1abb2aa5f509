// Email confirmation after a password sign-up: its fixed numbers and the words both sides show (ADR 028).

/** A confirmation link works once, for this long. */
export const VERIFY_VALID_HOURS = 48;

/** The same answer for a new address and for one that already has an account, so sign-up reveals nothing. */
export const signUpSentMessage =
  "We sent a link to confirm your address. If the address already has an account, its owner got an email on how to sign in instead.";
