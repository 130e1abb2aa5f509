import { describe, expect, it } from "vitest";
import { dbClient } from "~/db.server";
import { loader } from "~/routes/healthz";

describe("/healthz", () => {
  it("answers 200 while the database answers, and 503 once it does not", async () => {
    const up = await loader();
    expect(up.status).toBe(200);
    expect(await up.text()).toBe("ok");
    dbClient.close();
    const down = await loader();
    expect(down.status).toBe(503);
    expect(await down.text()).toBe("database unavailable");
  });
});
