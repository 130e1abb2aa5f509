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
    expect(before.status).toBe("success");
    expect(before.reply().error).toBeUndefined();

    await check.ready();
    const after = check(form("not an address"), (s) => s.email);
    expect(after.status).toBe("error");
    expect(after.reply().error).toEqual({ email: ["Enter an email address"] });
    const fine = check(form("ada@example.com"), (s) => s.email);
    expect(fine.status).toBe("success");
    expect(fine.status === "success" && fine.value).toEqual({ email: "ada@example.com" });
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

  it("applies a form's list edits while it waits (conform's intents work on the raw fields)", () => {
    const check = lazySchemas(() => new Promise<typeof schemas>(() => {}));
    const data = new FormData();
    data.set("questions[0].label", "What data did you use?");
    data.set("__intent__", JSON.stringify({ type: "insert", payload: { name: "questions", defaultValue: { label: "" } } }));
    const inserted = check(data, (s) => s.email);
    expect(inserted.payload).toEqual({ questions: [{ label: "What data did you use?" }, { label: "" }] });
    expect(inserted.status).toBeUndefined();

    data.set("__intent__", JSON.stringify({ type: "remove", payload: { name: "questions", index: 0 } }));
    expect(check(data, (s) => s.email).payload).toEqual({ questions: [] });
  });
});
