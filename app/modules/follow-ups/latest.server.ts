// An entry's follow-up is its newest answer (ADR 030). Triggers on follow_ups keep its status on the entry
// (`entries.latest_follow_up_status`, migration 0039, ADR 067), so reading it costs a column, not a group-by of every
// follow-up. These fragments say so once, for every query that reads it: the archive's filter, figures and cards, the
// problem's history.
import { sql } from "drizzle-orm";
import { followUpStatuses } from "#db/enums";

/** The newest follow-up's status of the entry aliased `e`, as a column (null without one). */
export const LATEST_STATUS_OF_E = sql`e.latest_follow_up_status`;

/** Whether the entry aliased `e` went to production: its newest follow-up says adopted (the archive's "Went to production"). */
export const WENT_TO_PRODUCTION_OF_E = sql`${LATEST_STATUS_OF_E} = 'adopted'`;

/**
 * Whether the entry aliased `e` has a follow-up whose newest answer says anything but adopted (none: not one). Named as
 * a list, which entries_follow_up_status_idx can look up, as it cannot `<> 'adopted'`.
 */
export const NOT_IN_PRODUCTION_OF_E = sql`${LATEST_STATUS_OF_E} in ${sql.raw(
  `(${followUpStatuses
    .filter((s) => s !== "adopted")
    .map((s) => `'${s}'`)
    .join(", ")})`,
)}`;
