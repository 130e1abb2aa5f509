// The one way the app makes the secret tokens of its links (password resets, email confirmations and changes,
// sign-in links, judge invites) and the hash it stores of them: only the hash is kept, so a copy of the database
// opens no link.
import crypto from "node:crypto";

/** A new link token: 32 random bytes, URL-safe. */
export const newToken = () => crypto.randomBytes(32).toString("base64url");

/** What is stored of a token and looked up by: its SHA-256, in hex. */
export const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");
