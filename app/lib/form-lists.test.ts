// Adding and removing a list's rows (form-lists.ts): the values, the rows' keys and the messages after a list button.
import { describe, expect, it } from "vitest";
import { applyIntent, listRows, readIntent } from "./form-lists";
import { INTENT } from "./form-state";

describe("applyIntent", () => {
  const start = {
    initialValue: { title: "Rubric", criteria: [{ name: "A" }, { name: "B" }, { name: "C" }] },
    keys: {} as Record<string, string[]>,
    error: { "criteria[1].name": ["Name it"], title: ["Too long"] } as Record<string, string[]>,
    validated: { title: true } as Record<string, boolean>,
  };
  let n = 0;
  const newKey = () => `new-${++n}`;

  it("adds a row at the end with its default, keeping the other rows' keys", () => {
    const next = applyIntent(start, { type: "insert", payload: { name: "criteria", defaultValue: { name: "" } } }, newKey);
    expect(next.initialValue).toEqual({ title: "Rubric", criteria: [{ name: "A" }, { name: "B" }, { name: "C" }, { name: "" }] });
    expect(next.keys.criteria).toEqual(["0", "1", "2", "new-1"]);
    expect(next.validated).toEqual({ title: true, criteria: true });
    expect(start.initialValue.criteria).toHaveLength(3);
  });

  it("adds a row at an index", () => {
    const next = applyIntent(start, { type: "insert", payload: { name: "criteria", index: 0, defaultValue: { name: "" } } }, newKey);
    expect(next.initialValue.criteria).toEqual([{ name: "" }, { name: "A" }, { name: "B" }, { name: "C" }]);
    expect(next.keys.criteria).toEqual(["new-2", "0", "1", "2"]);
  });

  it("removes a row and its key, so the rows after it keep theirs, and drops the list rows' messages", () => {
    const next = applyIntent(start, { type: "remove", payload: { name: "criteria", index: 1 } }, newKey);
    expect(next.initialValue.criteria).toEqual([{ name: "A" }, { name: "C" }]);
    expect(next.keys.criteria).toEqual(["0", "2"]);
    expect(next.error).toEqual({ title: ["Too long"] });
    const again = applyIntent({ ...start, ...next }, { type: "remove", payload: { name: "criteria", index: 0 } }, newKey);
    expect(again.keys.criteria).toEqual(["2"]);
    expect(again.initialValue.criteria).toEqual([{ name: "C" }]);
  });

  it("starts a list that had no rows", () => {
    const next = applyIntent(
      { initialValue: {}, keys: {}, error: {}, validated: {} },
      { type: "insert", payload: { name: "questions", defaultValue: { label: "" } } },
      () => "k",
    );
    expect(next.initialValue).toEqual({ questions: [{ label: "" }] });
    expect(next.keys).toEqual({ questions: ["k"] });
  });
});

describe("readIntent", () => {
  it("reads a list button's intent and nothing else", () => {
    expect(readIntent(JSON.stringify({ type: "remove", payload: { name: "criteria", index: 1 } }))).toEqual({
      type: "remove",
      payload: { name: "criteria", index: 1 },
    });
    expect(readIntent(JSON.stringify({ type: "validate", payload: { name: "email" } }))).toBeNull();
    expect(readIntent(JSON.stringify({ type: "insert", payload: {} }))).toBeNull();
    expect(readIntent("{not json")).toBeNull();
  });
});

describe("listRows", () => {
  it("gives a form's list buttons the intent conform reads, with an added row's values as fields hold them", () => {
    const { insert, remove } = listRows.buttons("save-rubric");
    const add = insert.getButtonProps({ name: "criteria", defaultValue: { name: "", weight: 10, scored: true } });
    expect(add).toEqual({ name: INTENT, form: "save-rubric", formNoValidate: true, value: expect.any(String) });
    expect(JSON.parse(add.value)).toEqual({ type: "insert", payload: { name: "criteria", defaultValue: { name: "", weight: "10", scored: "on" } } });
    const drop = remove.getButtonProps({ name: "criteria", index: 2 });
    expect(drop).toEqual({ name: INTENT, form: "save-rubric", formNoValidate: true, value: expect.any(String) });
    expect(JSON.parse(drop.value)).toEqual({ type: "remove", payload: { name: "criteria", index: 2 } });
  });

  it("reads a button's value back and applies it with a fresh key for the new row", () => {
    const value = listRows.buttons("f").insert.getButtonProps({ name: "rows", defaultValue: { a: "" } }).value;
    const intent = listRows.read(value);
    expect(intent).toEqual({ type: "insert", payload: { name: "rows", defaultValue: { a: "" } } });
    const state = { result: undefined, initialValue: { rows: [{ a: "x" }] }, error: {}, validated: {}, keys: {}, focus: 0, reset: 0 };
    const first = listRows.apply(state, intent!);
    const second = listRows.apply(state, intent!);
    expect(first.initialValue).toEqual({ rows: [{ a: "x" }, { a: "" }] });
    expect(first.keys.rows[0]).toBe("0");
    expect(first.keys.rows[1]).toMatch(/^row-\d+$/);
    expect(second.keys.rows[1]).not.toBe(first.keys.rows[1]);
  });
});
