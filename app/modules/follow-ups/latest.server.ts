// An entry's follow-up is its newest answer (ADR 030). These fragments say so once, for every query that reads it:
// the archive's filter and figures, the problem's history, the digest.
import { sql } from "drizzle-orm";

/** The id of each entry's newest follow-up: the answer that counts. */
const LATEST_IDS = sql`select max(id) from follow_ups group by entry_id`;

/** Entries whose newest follow-up says adopted in production: the archive's "Went to production". */
export const WENT_TO_PRODUCTION_IDS = sql`select entry_id from follow_ups where id in (${LATEST_IDS}) and status = 'adopted'`;

/** Each entry with a follow-up, and the status of its newest one. */
export const LATEST_STATUSES = sql`select entry_id, status from follow_ups where id in (${LATEST_IDS})`;

/** The newest follow-up's status of the entry aliased `e`, as a column (null without one). */
export const LATEST_STATUS_OF_E = sql`(select fu.status from follow_ups fu where fu.entry_id = e.id order by fu.id desc limit 1)`;
