import { and, asc, eq, sql } from "drizzle-orm";
import { screenshots } from "#db/schema";
import { db } from "~/db.server";
import type { Confirmation } from "~/lib/confirm";
import { newId } from "~/lib/ids";
import { MAX_SCREENSHOTS, TOO_MANY_SCREENSHOTS } from "./images";
import { prepareScreenshot } from "./images.server";
import { eventOpenSql, submissionsClosedReason } from "~/modules/events/submissions-open.server";
import { deleteFile, putFile } from "./storage.server";

const ENTRY_GONE = "This entry no longer exists: its team was deleted.";

export function listScreenshots(entryId: string) {
  return db
    .select({ id: screenshots.id, caption: screenshots.caption, contentType: screenshots.contentType })
    .from(screenshots)
    .where(eq(screenshots.entryId, entryId))
    .orderBy(asc(screenshots.position), asc(screenshots.createdAt));
}

export async function addScreenshot(entryId: string, bytes: Uint8Array, caption: string) {
  const [{ count }] = await db
    .select({ count: sql<number>`count(*)` })
    .from(screenshots)
    .where(eq(screenshots.entryId, entryId));
  const check = await prepareScreenshot(bytes, count);
  if (!check.ok) return check;
  const id = newId();
  await putFile(id, check.bytes);
  // One INSERT decides everything: the cap is checked again inside it (uploads racing past the count above
  // cannot pass it together), the position is counted in it, and an entry deleted meanwhile (its team left), or of
  // an event that moved on to judging during the upload (ADR 072), gets no row; the file written before it is
  // removed whenever it inserts nothing.
  const countNow = sql`(select count(*) from screenshots where entry_id = ${entryId})`;
  const entryExists = sql`exists (select 1 from entries where id = ${entryId}) and ${eventOpenSql(eventOf(entryId))}`;
  const inserted = await db
    .run(
      sql`
    insert into screenshots (id, entry_id, storage_key, content_type, byte_size, caption, position)
    select ${id}, ${entryId}, ${id}, ${check.type}, ${check.bytes.length}, ${caption}, ${countNow}
    where ${countNow} < ${MAX_SCREENSHOTS} and ${entryExists}`,
    )
    .catch(async (e: unknown) => {
      await deleteFile(id);
      throw e;
    });
  if (inserted.rowsAffected === 0) {
    await deleteFile(id);
    const closed = await closedReasonOf(entryId);
    if (closed) return { ok: false as const, closed: true as const, message: closed };
    const [entry] = await db.all<{ id: string }>(sql`select id from entries where id = ${entryId}`);
    return { ok: false as const, message: entry ? TOO_MANY_SCREENSHOTS : ENTRY_GONE };
  }
  return { ok: true as const, id };
}

const eventOf = (entryId: string) => sql`(select event_id from entries where id = ${entryId})`;

/** Why the entry's event no longer takes changes (submissionsClosedReason), or null: an entry gone has none. */
const closedReasonOf = (entryId: string) => submissionsClosedReason(eventOf(entryId), new Date());

/**
 * Deletes a screenshot of this entry only (the entry id is part of the condition), once confirmed:
 * without it, the answer names the screenshot (its place on the entry and its caption).
 */
export async function removeScreenshot(
  entryId: string,
  screenshotId: string,
  confirmation: Confirmation,
): Promise<{ ok: true } | { ok: false; message: string; closed?: true } | { ok: false; confirm: { screenshotId: string; number: number; caption: string } }> {
  const gone = { ok: false as const, message: "That screenshot is not part of this entry any more." };
  if (!confirmation.confirmed) {
    const shots = await listScreenshots(entryId);
    const index = shots.findIndex((s) => s.id === screenshotId);
    return index < 0 ? gone : { ok: false, confirm: { screenshotId, number: index + 1, caption: shots[index].caption } };
  }
  const [row] = await db
    .delete(screenshots)
    .where(and(eq(screenshots.entryId, entryId), eq(screenshots.id, screenshotId), eventOpenSql(eventOf(entryId))))
    .returning({ key: screenshots.storageKey });
  if (!row) {
    const closed = await closedReasonOf(entryId);
    return closed ? { ok: false, closed: true, message: closed } : gone;
  }
  await deleteFile(row.key);
  return { ok: true };
}

export async function getScreenshot(screenshotId: string) {
  const [row] = await db.select().from(screenshots).where(eq(screenshots.id, screenshotId));
  return row ?? null;
}
