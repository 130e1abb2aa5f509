// A closing event's learnings enter the archive index oldest submission first (ADR 053), the order ADR 008's
// newest-first cap reads: not the order the entries were written in, nor their titles' order.
import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { entries } from "#db/schema";
import { db } from "~/db.server";
import { createOpenEvent, createUser, movePhase, submittedEntry } from "~/test/fixtures";

it("indexes a closing event's entries by when they were submitted", async () => {
  const organizer = await createUser({ role: "organizer" });
  const { event, problem } = await createOpenEvent(organizer);
  // Written B, A, C; titles in the order A, B, C; submitted C, then A, then B.
  const submitted: Record<string, string> = {};
  for (const [title, at] of [
    ["B sorter", "2026-03-03T10:00:00Z"],
    ["A router", "2026-03-02T10:00:00Z"],
    ["C matcher", "2026-03-01T10:00:00Z"],
  ] as const) {
    const lead = await createUser();
    const { entryId } = await submittedEntry(event, lead.id, problem.id, { title });
    await db
      .update(entries)
      .set({ submittedAt: new Date(at) })
      .where(eq(entries.id, entryId));
    submitted[entryId] = title;
  }
  await movePhase(event.id, organizer, "judging");
  await movePhase(event.id, organizer, "closed");
  const ids = Object.keys(submitted);
  const indexed = await db.all<{ entryId: string }>(
    sql`select entry_id as entryId from learnings_fts where entry_id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}) order by rowid`,
  );
  expect(indexed.map((r) => submitted[r.entryId])).toEqual(["C matcher", "A router", "B sorter"]);
});
