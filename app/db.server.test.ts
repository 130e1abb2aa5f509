// Queries built once and run with each call's values (ADR 064), against the test's own libSQL database.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { users } from "#db/schema";
import { db, preparedQueries, preparedQuery } from "~/db.server";
import { createUser } from "~/test/fixtures";

describe("preparedQuery", () => {
  it("builds the query once and runs it with each call's values", async () => {
    const [ada, bo] = [await createUser({ name: "Ada Prepared" }), await createUser({ name: "Bo Prepared" })];
    const build = vi.fn(() =>
      db
        .select({ name: users.name })
        .from(users)
        .where(eq(users.id, sql.placeholder("id")))
        .prepare(),
    );
    const nameOf = preparedQuery(build);
    expect(build).not.toHaveBeenCalled();
    expect(await nameOf().all({ id: ada.id })).toEqual([{ name: "Ada Prepared" }]);
    expect(await nameOf().all({ id: bo.id })).toEqual([{ name: "Bo Prepared" }]);
    expect(await nameOf().all({ id: "nobody" })).toEqual([]);
    expect(build).toHaveBeenCalledTimes(1);
  });
});

describe("preparedQueries", () => {
  it("builds each shape once", async () => {
    const ada = await createUser({ name: "Ada Shaped" });
    const build = vi.fn((shape: "by-id" | "by-email") =>
      db
        .select({ name: users.name })
        .from(users)
        .where(shape === "by-id" ? eq(users.id, sql.placeholder("key")) : eq(users.email, sql.placeholder("key")))
        .prepare(),
    );
    const nameBy = preparedQueries(build);
    expect(await nameBy("by-id").all({ key: ada.id })).toEqual([{ name: "Ada Shaped" }]);
    expect(await nameBy("by-email").all({ key: ada.email })).toEqual([{ name: "Ada Shaped" }]);
    expect(await nameBy("by-id").all({ key: ada.email })).toEqual([]);
    expect(build.mock.calls.map(([shape]) => shape)).toEqual(["by-id", "by-email"]);
  });
});
