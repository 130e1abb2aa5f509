// When a failed delivery is tried again, and when the sender gives up (ADR 015).

/** A message is tried this many times; after the last failure it is marked failed with its error. */
export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 60 * 60_000;

/** Wait before the next try after `attempts` failed tries: 30 s, 1 min, 2 min … doubling, at most an hour. */
export function retryDelayMs(attempts: number, firstRetryMs = FIRST_RETRY_MS): number {
  const doublings = Math.max(0, attempts - 1);
  return Math.min(firstRetryMs * 2 ** Math.min(doublings, 30), Math.max(firstRetryMs, LONGEST_WAIT_MS));
}

/** After a failed try: try again later, or give up for good. */
export function afterFailure(attempts: number, maxAttempts = MAX_ATTEMPTS): "retry" | "give-up" {
  return attempts >= maxAttempts ? "give-up" : "retry";
}
