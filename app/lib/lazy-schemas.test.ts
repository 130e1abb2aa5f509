import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { lazySchemas } from "./lazy-schemas";

const schemas = { email: z.object({ email: z.email("Enter an email address") }) };
const form = (email: string) => {
  const data = new FormData();
  data.set("email", email);
  return data;
};

describe("lazySchemas", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("starts the download as soon as the form's module runs in a browser, and only at the first check elsewhere", () => {
    let loads = 0;
    const load = async () => {
      loads += 1;
      return schemas;
    };
    const onServer = lazySchemas(load);
    expect(loads).toBe(0);
    onServer(form("a"), (s) => s.email);
    expect(loads).toBe(1);

    vi.stubGlobal("document", {});
    lazySchemas(load);
    expect(loads).toBe(2);
  });

  it("passes every check to the server until the schemas are in, then checks in the browser", async () => {
    const check = lazySchemas(async () => schemas);
    const before = check(form("not an address"), (s) => s.email);
    expect(before).toEqual({ status: "success" });

    await check.ready();
    const after = check(form("not an address"), (s) => s.email);
    expect(after).toEqual({ status: "error", error: { email: ["Enter an email address"] } });
    expect(check(form("ada@example.com"), (s) => s.email)).toEqual({ status: "success", error: undefined });
  });

  it("loads the schemas once, however many checks ask", async () => {
    let loads = 0;
    const check = lazySchemas(async () => {
      loads += 1;
      return schemas;
    });
    check(form("a"), (s) => s.email);
    check(form("b"), (s) => s.email);
    await check.ready();
    await check.ready();
    expect(loads).toBe(1);
  });

  it("asks again after a failed load, and the server checks meanwhile", async () => {
    let attempt = 0;
    const check = lazySchemas(async () => {
      attempt += 1;
      if (attempt === 1) throw new Error("offline");
      return schemas;
    });
    await check.ready();
    expect(check(form("not an address"), (s) => s.email).status).toBe("success");
    await check.ready();
    expect(attempt).toBe(2);
    expect(check(form("not an address"), (s) => s.email).status).toBe("error");
  });
});
