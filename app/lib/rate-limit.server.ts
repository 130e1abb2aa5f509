// Fixed-window rate limits kept in the database, so they hold across app instances.
import { sql } from "drizzle-orm";
import { rateLimits } from "#db/schema";
import { db } from "~/db.server";
import { env } from "~/env.server";

export type Limit = { max: number; windowSeconds: number };

// RATE_LIMIT_SCALE multiplies every limit (the end-to-end suite signs in far more often than a person).
const scale = () => env().rateLimitScale;

export const limits = {
  signInPerIp: { max: 60, windowSeconds: 15 * 60 },
  // Failures count per account and address, so guesses from one place never lock the owner out elsewhere (ADR 010).
  failedSignInPerAccountAndIp: { max: 10, windowSeconds: 15 * 60 },
  wrongCurrentPasswordPerAccount: { max: 10, windowSeconds: 15 * 60 },
  signUpPerIp: { max: 20, windowSeconds: 60 * 60 },
  // Starting single sign-on costs a provider round trip; a person needs a handful (ADR 016).
  ssoStartPerIp: { max: 30, windowSeconds: 15 * 60 },
  // "Have we tried this before?" as a team types: an archive search each (about 14 ms at 20,000 learnings). The form
  // asks after a pause in typing, a few times a minute; a script asking without pause is held to one a second.
  relatedAsTypedPerPerson: { max: 60, windowSeconds: 60 },
} satisfies Record<string, Limit>;

// Every window above is far shorter than a day, so a counter older than that is expired.
const PRUNE_AFTER_SECONDS = 86_400;
// Each write removes at most this many expired counters, so no single request pays for a long backlog.
const PRUNE_BATCH = 100;

/** Counts one hit against `key` and says whether it is still within the limit. */
export async function hit(key: string, limit: Limit, now = new Date()): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const windowStart = nowSeconds - (nowSeconds % limit.windowSeconds);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.count} + 1 else 1 end`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ count: rateLimits.count });
  await pruneRateLimits(now);
  return { allowed: row.count <= limit.max * scale(), retryAfterSeconds: windowStart + limit.windowSeconds - nowSeconds };
}

/**
 * Takes back one hit of this window (never below 0): for a limit on failures that counts each attempt before its
 * outcome is known (so attempts sent in parallel cannot all pass the check first), and gives it back on success.
 */
export async function unhit(key: string, limit: Limit, now = new Date()): Promise<void> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const windowStart = nowSeconds - (nowSeconds % limit.windowSeconds);
  await db.run(sql`update rate_limits set count = max(count - 1, 0) where key = ${key} and window_start = ${windowStart}`);
}

/** Drops up to PRUNE_BATCH counters whose window started more than a day ago (found through rate_limits_window_idx). */
async function pruneRateLimits(now = new Date()) {
  const cutoff = Math.floor(now.getTime() / 1000) - PRUNE_AFTER_SECONDS;
  await db.run(sql`delete from rate_limits where key in (select key from rate_limits where window_start < ${cutoff} limit ${PRUNE_BATCH})`);
}

export function tooManyMessage(retryAfterSeconds: number) {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
