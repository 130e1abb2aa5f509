import { describe, expect, it } from "vitest";
import { afterResult, childName, serialize, shownErrors, startState, valueAt } from "./form-state";

describe("serialize", () => {
  it("turns every leaf into what a field holds, as conform does", () => {
    const when = new Date("2026-12-03T10:00:00Z");
    expect(serialize({ n: 3, yes: true, no: false, when, none: null, list: [1, "a"], nested: { big: 5n } })).toEqual({
      n: "3",
      yes: "on",
      no: undefined,
      when: "2026-12-03T10:00:00.000Z",
      none: undefined,
      list: ["1", "a"],
      nested: { big: "5" },
    });
  });
});

describe("field names", () => {
  it("writes list rows with brackets and fieldset members with dots", () => {
    expect(childName("", "criteria")).toBe("criteria");
    expect(childName("criteria", 2)).toBe("criteria[2]");
    expect(childName("criteria[2]", "name")).toBe("criteria[2].name");
  });

  it("reads the value at a name, and nothing past a leaf", () => {
    const value = { criteria: [{ name: "Impact", levels: ["low", "high"] }], answers: { q1: "yes" } };
    expect(valueAt(value, "criteria[0].name")).toBe("Impact");
    expect(valueAt(value, "criteria[0].levels[1]")).toBe("high");
    expect(valueAt(value, "answers.q1")).toBe("yes");
    expect(valueAt(value, "criteria[0].name.length")).toBeUndefined();
    expect(valueAt(value, "missing[3]")).toBeUndefined();
  });
});

describe("shownErrors", () => {
  it("shows only the messages of fields already checked, and no empty lists", () => {
    const all = { email: ["Enter an email address"], password: ["Too short"], "": ["Wrong email or password"], name: [], old: null };
    expect(shownErrors(all, { email: true, name: true, old: true })).toEqual({ email: ["Enter an email address"] });
    expect(shownErrors(all, { "": true, password: true })).toEqual({ password: ["Too short"], "": ["Wrong email or password"] });
    expect(shownErrors(undefined, { email: true })).toEqual({});
  });
});

describe("the server's answer", () => {
  const defaults = { email: "", team: { name: "Crew" } };
  const refused = {
    status: "error" as const,
    initialValue: { email: "ada@", password: "" },
    error: { email: ["Enter an email address"], "": ["Wrong email or password"] },
    fields: ["email", "password"],
  };

  it("starts from the defaults, as strings, with nothing checked", () => {
    expect(startState({ ...defaults, n: 3 }, undefined)).toMatchObject({
      initialValue: { email: "", team: { name: "Crew" }, n: "3" },
      error: {},
      validated: {},
      focus: 0,
      reset: 0,
    });
  });

  it("on a page the server answered (no JavaScript), starts from what was sent, with its messages", () => {
    const state = startState(defaults, refused);
    expect(state.initialValue).toEqual({ email: "ada@", password: "" });
    expect(state.error).toEqual(refused.error);
    expect(state.validated).toEqual({ email: true, password: true, "": true });
    // Built afresh with a refusal (the page read again after it), it moves the focus as a refusal taken in does.
    expect(state.focus).toBe(1);
    expect(startState(defaults, { ...refused, status: "success", error: {} }).focus).toBe(0);
  });

  it("takes in a refusal: its messages, the sent fields as checked, focus on the first; the fields keep their values", () => {
    const before = { ...startState(defaults, undefined), validated: { team: true }, error: { team: ["Old"] } };
    const after = afterResult(before, defaults, refused);
    expect(after.error).toEqual(refused.error);
    expect(after.validated).toEqual({ team: true, email: true, password: true, "": true });
    expect(after.focus).toBe(1);
    expect(after.initialValue).toBe(before.initialValue);
    expect(after.result).toBe(refused);
  });

  it("keeps a message conform marks as unchanged (null), and gives no focus without a refusal", () => {
    const before = { ...startState(defaults, undefined), error: { email: ["Still wrong"] } };
    const after = afterResult(before, defaults, { initialValue: {}, error: { email: null, "": ["Saved elsewhere"] } });
    expect(after.error).toEqual({ email: ["Still wrong"], "": ["Saved elsewhere"] });
    expect(after.focus).toBe(0);
  });

  it("starts afresh when the server resets the form, and asks for the fields to be reset", () => {
    const before = { ...startState(defaults, refused), focus: 2, reset: 1 };
    const done = { status: "success" as const, initialValue: null };
    const after = afterResult(before, defaults, done);
    expect(after).toMatchObject({ initialValue: { email: "", team: { name: "Crew" } }, error: {}, validated: {}, keys: {}, focus: 2, reset: 2, result: done });
  });

  it("takes a list edit the server applied, with its rows", () => {
    const before = { ...startState({ items: ["a"] }, undefined), keys: { items: ["0", "row-9"] } };
    const after = afterResult(before, undefined, { intent: { type: "insert", payload: { name: "items" } }, initialValue: { items: ["a", "b"] } });
    expect(after.initialValue).toEqual({ items: ["a", "b"] });
    expect(after.keys).toEqual({});
    const removed = afterResult(after, undefined, { intent: { type: "remove", payload: { name: "items", index: 0 } }, initialValue: { items: ["b"] } });
    expect(removed.initialValue).toEqual({ items: ["b"] });
  });
});

describe("a list button's answer without JavaScript", () => {
  it("shows only the list's messages, not those of the row just added", () => {
    const answer = {
      intent: { type: "insert" as const, payload: { name: "criteria" } },
      initialValue: { criteria: [{ name: "Impact" }, { name: "" }] },
      error: { "criteria[1].name": ["Name the criterion"], criteria: ["At most 8 criteria"] },
      fields: ["criteria[0].name", "criteria[1].name"],
    };
    const started = startState(undefined, answer);
    expect(started.validated).toEqual({ criteria: true });
    expect(started.error).toEqual({ criteria: ["At most 8 criteria"] });
    const after = afterResult(startState(undefined, undefined), undefined, answer);
    expect(after.error).toEqual({ criteria: ["At most 8 criteria"] });
  });
});
