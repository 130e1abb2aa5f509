import { and, asc, eq, sql } from "drizzle-orm";
import { screenshots } from "#db/schema";
import { db } from "~/db.server";
import { newId } from "~/lib/ids";
import { prepareScreenshot } from "./images.server";
import { deleteFile, putFile } from "./storage.server";

export function listScreenshots(entryId: string) {
  return db
    .select({ id: screenshots.id, caption: screenshots.caption, contentType: screenshots.contentType })
    .from(screenshots)
    .where(eq(screenshots.entryId, entryId))
    .orderBy(asc(screenshots.position), asc(screenshots.createdAt));
}

export async function addScreenshot(entryId: string, bytes: Uint8Array, caption: string) {
  const [{ count }] = await db.select({ count: sql<number>`count(*)` }).from(screenshots).where(eq(screenshots.entryId, entryId));
  const check = await prepareScreenshot(bytes, count);
  if (!check.ok) return check;
  const id = newId();
  await putFile(id, check.bytes);
  await db.insert(screenshots).values({ id, entryId, storageKey: id, contentType: check.type, byteSize: check.bytes.length, caption, position: count });
  return { ok: true as const, id };
}

/** Deletes a screenshot of this entry only: the entry id is part of the condition. */
export async function removeScreenshot(entryId: string, screenshotId: string) {
  const [row] = await db
    .delete(screenshots)
    .where(and(eq(screenshots.entryId, entryId), eq(screenshots.id, screenshotId)))
    .returning({ key: screenshots.storageKey });
  if (row) await deleteFile(row.key);
  return Boolean(row);
}

export async function getScreenshot(screenshotId: string) {
  const [row] = await db.select().from(screenshots).where(eq(screenshots.id, screenshotId));
  return row ?? null;
}
