import { describe, expect, it } from "vitest";
import { closestSpelling, correctedQuery, editDistance, LENGTH_SLACK, maxEdits, MIN_WORD_LENGTH, nearestStem } from "./spelling";

describe("editDistance", () => {
  it("counts inserts, deletes, substitutions and swapped neighbours as one edit each", () => {
    expect(editDistance("invoc", "invoic")).toBe(1);
    expect(editDistance("invoic", "invoc")).toBe(1);
    expect(editDistance("rout", "ruot")).toBe(1);
    expect(editDistance("cat", "cut")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
    // A swap needs both letters crossed; half a swap is two edits.
    expect(editDistance("xa", "ay")).toBe(2);
    expect(editDistance("ax", "ya")).toBe(2);
    expect(editDistance("abcd", "wxyz")).toBe(4);
    expect(editDistance("abcd", "acbd")).toBe(1);
    // Optimal string alignment: a swapped pair is not edited again ("ca" → "abc" is 3, not 2).
    expect(editDistance("ca", "abc")).toBe(3);
  });
});

describe("nearestStem", () => {
  const vocab = (terms: [string, number][]) => terms.map(([term, doc]) => ({ term, doc }));

  it("finds the indexed stem within reach: one edit up to 5 letters, two from 6", () => {
    expect(MIN_WORD_LENGTH).toBe(4);
    expect([5, 6].map(maxEdits)).toEqual([1, 2]);
    expect(
      nearestStem(
        "invoc",
        vocab([
          ["invoic", 12],
          ["invok", 1],
          ["inward", 3],
        ]),
      ),
    ).toBe("invoic");
    expect(nearestStem("halucin", vocab([["hallucin", 4]]))).toBe("hallucin");
    expect(nearestStem("hallucinz", vocab([["hallucin", 4]]))).toBe("hallucin");
    expect(nearestStem("invxyz", vocab([["invoic", 12]]))).toBeNull();
    expect(nearestStem("chatbt", vocab([["chatbot", 2]]))).toBe("chatbot");
  });

  it("prefers fewer edits, then the stem in more learnings, then the alphabetically first, whatever the candidates' order", () => {
    // "chatbt" is one edit from "chatbot" and two from "chatbots".
    expect(
      nearestStem(
        "chatbt",
        vocab([
          ["chatbots", 50],
          ["chatbot", 1],
        ]),
      ),
    ).toBe("chatbot");
    expect(
      nearestStem(
        "chatbt",
        vocab([
          ["chatbot", 1],
          ["chatbots", 50],
        ]),
      ),
    ).toBe("chatbot");
    // Equal edits: more learnings win, then the alphabetically first.
    expect(
      nearestStem(
        "abcdex",
        vocab([
          ["abcdez", 9],
          ["abcdey", 1],
        ]),
      ),
    ).toBe("abcdez");
    expect(
      nearestStem(
        "abcdex",
        vocab([
          ["abcdey", 1],
          ["abcdez", 9],
        ]),
      ),
    ).toBe("abcdez");
    expect(
      nearestStem(
        "abcdex",
        vocab([
          ["abcdey", 3],
          ["abcdez", 3],
        ]),
      ),
    ).toBe("abcdey");
    expect(
      nearestStem(
        "abcdex",
        vocab([
          ["abcdez", 3],
          ["abcdey", 3],
        ]),
      ),
    ).toBe("abcdey");
  });

  it("prefers fewer edits, then the stem in more learnings, then the alphabetically first", () => {
    expect(
      nearestStem(
        "modxl",
        vocab([
          ["model", 1],
          ["mode", 50],
        ]),
      ),
    ).toBe("model");
    expect(
      nearestStem(
        "rout",
        vocab([
          ["rot", 3],
          ["route", 9],
        ]),
      ),
    ).toBe("route");
    expect(
      nearestStem(
        "rout",
        vocab([
          ["rut", 3],
          ["rot", 3],
        ]),
      ),
    ).toBe("rot");
  });

  it("never suggests the word itself, a facet token or a stem of a very different length", () => {
    expect(nearestStem("invoic", vocab([["invoic", 12]]))).toBeNull();
    expect(nearestStem("zoutcomefail", vocab([["zoutcomefailed", 9]]))).toBeNull();
    expect(nearestStem("zcausedata", vocab([["zcausedat", 9]]))).toBeNull();
    expect(LENGTH_SLACK).toBe(2);
    expect(nearestStem("abcdefgh", vocab([["abcdefghijk", 9]]))).toBeNull();
  });
});

describe("closestSpelling", () => {
  it("picks the archive's spelling closest to what was typed, then the shortest", () => {
    expect(closestSpelling("invoce", ["Invoices", "invoice", "INVOICED"])).toBe("invoice");
    expect(closestSpelling("x", ["bbb", "aa", "ab"])).toBe("aa");
    expect(closestSpelling("x", [])).toBeNull();
    // Closest before alphabetical, then shortest before alphabetical.
    expect(closestSpelling("zebra", ["abra", "zebras"])).toBe("zebras");
    expect(closestSpelling("abc", ["abcd", "abd"])).toBe("abd");
    expect(closestSpelling("x", ["ab", "aa"])).toBe("aa");
  });
});

describe("correctedQuery", () => {
  it("puts each correction in place of the typed word, whatever its case, and leaves the rest as typed", () => {
    expect(correctedQuery('Invoce "matching" -invoce', new Map([["invoce", "invoice"]]))).toBe('invoice "matching" -invoice');
    expect(correctedQuery("invoces invoce", new Map([["invoce", "invoice"]]))).toBe("invoces invoice");
  });
});
