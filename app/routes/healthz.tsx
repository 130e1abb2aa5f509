import { sql } from "drizzle-orm";
import { db } from "~/db.server";

/** Answers 200 only when the database answers. */
export async function loader() {
  try {
    await db.run(sql`select 1`);
    return new Response("ok", { headers: { "Cache-Control": "no-store" } });
  } catch {
    return new Response("database unavailable", { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
