import { hash, verify } from "@node-rs/argon2";
import { env } from "~/env.server";

// OWASP's argon2id minimums: 19 MiB memory, 2 iterations. Tests (NODE_ENV=test) hash with the cheapest
// settings so account set-up does not dominate a busy test machine; the parameters travel inside each
// hash, so a production server still verifies such a hash.
const production = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };
const test = { memoryCost: 1024, timeCost: 1, outputLen: 32, parallelism: 1 };

/**
 * Stored for accounts created by single sign-on: not an argon2 hash, so no password ever verifies against
 * it. A password reset may give the account one later.
 */
export const NO_PASSWORD_HASH = "!sso-only";

export function hashPassword(password: string) {
  return hash(password, env().nodeEnv === "test" ? test : production);
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A hash to verify against when the account does not exist, so timing does not reveal which emails are registered.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash() {
  return (dummyHash ??= hashPassword("not-a-real-password-at-all"));
}
