import { hash, verify } from "@node-rs/argon2";
import { env } from "~/env.server";
import { createWorkGate, type WorkGate } from "./work-gate";

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

/**
 * Every hash and verification passes one gate per process (ADR 039): argon2 runs on libuv's threads, and without a
 * cap a flood of sign-ins from many addresses takes every core from the pages. The gate caps both how many run at
 * once and how many start per second. Created on first use, from the settings of that moment.
 */
let gate: WorkGate | undefined;
export function passwordGate() {
  if (!gate) {
    const { passwordHashConcurrency, passwordHashesPerSecond, signInQueue } = env();
    gate = createWorkGate({ concurrency: passwordHashConcurrency, perSecond: passwordHashesPerSecond, maxWaiting: signInQueue });
  }
  return gate;
}

/** Setting a password waits its turn: never refused. */
export async function hashPassword(password: string) {
  const done = await passwordGate().run(() => hash(password, env().nodeEnv === "test" ? test : production));
  if (!done.ok) throw new Error("unreachable: hashing is never refused");
  return done.value;
}

async function verifyGated(passwordHash: string, password: string, refuseWhenFull: boolean) {
  return passwordGate().run(
    async () => {
      try {
        return await verify(passwordHash, password);
      } catch {
        return false;
      }
    },
    { refuseWhenFull },
  );
}

/** Checking a password (changing it) waits its turn. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  const done = await verifyGated(passwordHash, password, false);
  return done.ok && done.value;
}

/** Signing in: answers "busy" at once, without checking, when the queue of sign-ins waiting for a hash is full. */
export async function verifyPasswordUnlessBusy(passwordHash: string, password: string): Promise<boolean | "busy"> {
  const done = await verifyGated(passwordHash, password, true);
  return done.ok ? done.value : "busy";
}

/** Whether a sign-in would be refused now: checked before any other work, so a refusal costs next to nothing. */
export function passwordWorkFull() {
  return passwordGate().full();
}

// A hash to verify against when the account does not exist, so timing does not reveal which emails are registered.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash() {
  return (dummyHash ??= hashPassword("not-a-real-password-at-all"));
}
