// The archive cache against a real database: values live for one archive version, are computed once
// even when requests arrive together, failures are retried, and the least recently used go first.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { archiveCache, CACHE_ENTRIES } from "./cache.server";

const bumpVersion = () => db.run(sql`update archive_version set version = version + 1 where id = 1`);

/** A compute function that counts its calls and returns its call number. */
function counter() {
  let calls = 0;
  return { calls: () => calls, compute: async () => ++calls };
}

describe("archive cache", () => {
  it("computes a value once per archive version", async () => {
    const c = counter();
    expect(await (await archiveCache()).get("k", c.compute)).toBe(1);
    expect(await (await archiveCache()).get("k", c.compute)).toBe(1);
    await bumpVersion();
    expect(await (await archiveCache()).get("k", c.compute)).toBe(2);
    expect(c.calls()).toBe(2);
  });

  it("shares one computation between requests that arrive together", async () => {
    const c = counter();
    const cache = await archiveCache();
    const values = await Promise.all([cache.get("together", c.compute), cache.get("together", c.compute), (await archiveCache()).get("together", c.compute)]);
    expect(values).toEqual([1, 1, 1]);
    expect(c.calls()).toBe(1);
  });

  it("does not keep a failure: the next request computes again", async () => {
    const cache = await archiveCache();
    await expect(cache.get("flaky", () => Promise.reject(new Error("database busy")))).rejects.toThrow("database busy");
    expect(await (await archiveCache()).get("flaky", async () => "fine")).toBe("fine");
  });

  it("never lets a request that read an older version fill the newer version's cache", async () => {
    const stale = await archiveCache();
    await bumpVersion();
    const fresh = await archiveCache();
    expect(fresh.version).toBe(stale.version + 1);
    await stale.get("figures", async () => "old");
    expect(await fresh.get("figures", async () => "new")).toBe("new");
  });

  it("serves nothing cached when the version went back (a database restored under a running app)", async () => {
    const c = counter();
    await (await archiveCache()).get("restored", c.compute);
    await db.run(sql`update archive_version set version = version - 5 where id = 1`);
    expect(await (await archiveCache()).get("restored", c.compute)).toBe(2);
    expect(await (await archiveCache()).get("restored", c.compute)).toBe(3);
    await db.run(sql`update archive_version set version = version + 10 where id = 1`);
    expect(await (await archiveCache()).get("restored", c.compute)).toBe(4);
    expect(await (await archiveCache()).get("restored", c.compute)).toBe(4);
  });

  it(`keeps at most ${CACHE_ENTRIES} values, dropping the least recently used`, async () => {
    await bumpVersion();
    const cache = await archiveCache();
    const c = counter();
    await cache.get("kept", c.compute);
    for (let i = 0; i < CACHE_ENTRIES - 1; i++) await cache.get(`filler ${i}`, async () => i);
    await cache.get("kept", c.compute); // used again: now the most recent
    await cache.get("one more", async () => 0); // evicts "filler 0", the least recently used
    expect(await cache.get("kept", c.compute)).toBe(1);
    const again = counter();
    expect(await cache.get("filler 0", again.compute)).toBe(1);
    expect(again.calls()).toBe(1);
  });

  it("keeps index terms' learning counts for one archive version", async () => {
    (await archiveCache()).termCounts.set("invoic", 3);
    expect((await archiveCache()).termCounts.get("invoic")).toBe(3);
    await bumpVersion();
    expect((await archiveCache()).termCounts.has("invoic")).toBe(false);
  });
});
