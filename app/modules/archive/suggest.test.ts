import { describe, expect, it } from "vitest";
import { completedQuery, completions, MAX_TERMS, MIN_SUGGEST_PREFIX, typedParts } from "./suggest";

describe("typedParts", () => {
  it("splits off the word being typed, folded, once it has enough letters", () => {
    expect(MIN_SUGGEST_PREFIX).toBe(2);
    expect(typedParts("support Invo")).toEqual({ before: "support ", prefix: "invo" });
    expect(typedParts("in")).toEqual({ before: "", prefix: "in" });
    expect(typedParts("i")).toBeNull();
    expect(typedParts("invoice ")).toBeNull();
    expect(typedParts("")).toBeNull();
  });

  it("leaves an open phrase and an excluded word alone", () => {
    expect(typedParts('"root cau')).toBeNull();
    expect(typedParts('"root cause" inv')).toEqual({ before: '"root cause" ', prefix: "inv" });
    expect(typedParts("chatbot -voi")).toBeNull();
  });
});

describe("completions", () => {
  it("offers tags first, then words, shortest first, each once and never the prefix itself", () => {
    expect(completions("inv", ["invoices", "support"], ["Invoice", "invoicing", "inv", "INVOICES", "investigate"])).toEqual([
      "invoices",
      "invoice",
      "invoicing",
      "investigate",
    ]);
  });

  it("orders words by length, then alphabetically, whatever order the archive gives them in", () => {
    expect(completions("ab", [], ["abcd", "abd", "abc"])).toEqual(["abc", "abd", "abcd"]);
    expect(completions("ab", ["abzz"], ["abcd", "abc"])).toEqual(["abzz", "abc", "abcd"]);
  });

  it("offers at most MAX_TERMS words", () => {
    const words = Array.from({ length: 9 }, (_, i) => `ab${"c".repeat(i + 1)}`);
    expect(completions("ab", [], words)).toHaveLength(MAX_TERMS);
    expect(completions("ab", [], words)[0]).toBe("abc");
  });
});

describe("completedQuery", () => {
  it("puts the chosen word in place of the one being typed", () => {
    expect(completedQuery("support ", "invoice")).toBe("support invoice");
  });
});
