import { describe, expect, it } from "vitest";
import {
  anyWordQuery,
  MARK_END,
  MARK_START,
  parseQuery,
  prefixStemCandidates,
  queryPrefixes,
  queryWords,
  splitSnippet,
  unmarked,
  withoutNotice,
} from "./query";

describe("parseQuery", () => {
  it("requires every word, each as a quoted FTS5 string", () => {
    expect(parseQuery("invoice matching").all).toBe('"invoice" AND "matching"');
    expect(parseQuery("invoice matching").any).toBe('("invoice" OR "matching")');
    expect(parseQuery("invoice").all).toBe('"invoice"');
    expect(parseQuery("invoice").any).toBeNull();
  });

  it("keeps phrases, prefixes, exclusions and OR", () => {
    expect(parseQuery('"root cause" analysis').all).toBe('"root cause" AND "analysis"');
    expect(parseQuery("invoic*").all).toBe('"invoic"*');
    expect(parseQuery("chatbot -voice").all).toBe('"chatbot" NOT "voice"');
    expect(parseQuery("chatbot OR assistant summary").all).toBe('("chatbot" OR "assistant") AND "summary"');
  });

  it("reads words joined by punctuation as a phrase", () => {
    expect(parseQuery("gpt-4o e-mail").all).toBe('"gpt 4o" AND "e mail"');
  });

  it("turns FTS5 and SQL syntax into plain words, so nothing can break out of the quotes", () => {
    expect(parseQuery(`'; DROP TABLE entries; --`).all).toBe('"DROP" AND "TABLE" AND "entries"');
    expect(parseQuery("title:secret NEAR(a b) ^start").all).toBe('"title secret" AND "NEAR a" AND "b" AND "start"');
    expect(parseQuery('say "hi').all).toBe('"say" AND "hi"');
    // In capitals, NOT leaves the next word out as - does, and AND is what a space says; in lower case both are words.
    expect(parseQuery("chatbot NOT queue").all).toBe('"chatbot" NOT "queue"');
    expect(parseQuery("chatbot AND queue NOT -voice").all).toBe('"chatbot" AND "queue" NOT "voice"');
    expect(parseQuery('invoice NOT "root cause"').all).toBe('"invoice" NOT "root cause"');
    expect(parseQuery("not and").all).toBe('"not" AND "and"');
    expect(parseQuery("a NOT OR b").all).toBe('("a" OR "b")');
    expect(parseQuery("AND OR NOT").terms).toEqual([]);
  });

  it("returns no expression for empty or punctuation-only input, with a notice where useful", () => {
    for (const q of ["", "   ", "*", '""', "-", "()", "%%", "OR"]) expect(parseQuery(q).all, q).toBeNull();
    expect(parseQuery("-voice")).toMatchObject({ all: null, notice: null, withoutWords: ["voice"] });
  });

  it("turns a search of only words to leave out into the learnings to leave out, and nothing else", () => {
    expect(parseQuery('-voice NOT "root cause" -invoic*')).toMatchObject({
      all: null,
      any: null,
      without: '"voice" OR "root cause" OR "invoic"*',
      withoutWords: ["voice", "“root cause”", "invoic*"],
    });
    expect(parseQuery("-evaluat*", new Map([["evaluat", "evalu"]])).without).toBe('("evaluat"* OR "evalu")');
    for (const q of ["", "voice", "voice -chat", "OR", "🚀"]) expect(parseQuery(q), q).toMatchObject({ without: null, withoutWords: [] });
    // Each named once, as typed.
    expect(parseQuery("-voice NOT voice").withoutWords).toEqual(["voice"]);
    // An operator beside symbols is read as the symbols are: no word at all.
    for (const q of ["🚀 OR", "OR 🚀"]) expect(parseQuery(q).notice, q).toMatch(/^A search looks for words of letters or digits/);
  });

  it("says how a search of only words to leave out was read: without them, or every learning when they are in too many", () => {
    expect(withoutNotice(["voice"], true)).toBe(
      "Only words to leave out were typed: showing every learning without voice, newest first. Add a word to look for to rank them.",
    );
    expect(withoutNotice(["data"], false)).toBe(
      "Only words to leave out were typed, and data is in too many learnings to leave out: showing every learning, newest first. Add a word to look for.",
    );
    expect(withoutNotice(["data", "model"], false)).toContain("data or model are in too many learnings");
    expect(withoutNotice(["“this or that”"], false)).toContain("“this or that” is in too many learnings");
  });

  it("refuses one-letter prefixes (they would expand to most of the index) and says so", () => {
    const parsed = parseQuery("a* model");
    expect(parsed.all).toBe('"a" AND "model"');
    expect(parsed.notice).toMatch(/at least 2 letters/);
  });

  it("caps very long input and says so", () => {
    const parsed = parseQuery("word ".repeat(1000));
    expect(parsed.notice).toMatch(/first 2000 characters/);
    expect(parsed.terms.length).toBeLessThanOrEqual(24);
  });

  it("handles letters of other scripts", () => {
    expect(parseQuery("Rechnungsprüfung café").all).toBe('"Rechnungsprüfung" AND "café"');
  });
});

describe("leaving out words", () => {
  it("drops the left-out plain words, says which, and keeps phrases, prefixes, exclusions and OR groups", () => {
    const parsed = parseQuery("the invoice for with matching", undefined, new Set(["the", "for", "with"]));
    expect(parsed.all).toBe('"invoice" AND "matching"');
    expect(parsed.notice).toBe("Searched the most telling words; left out: the, for, with.");
    expect(parseQuery('"for the" with*', undefined, new Set(["for", "the", "with"])).all).toBe('"for the" AND "with"*');
    expect(parseQuery("invoice -the", undefined, new Set(["the"])).all).toBe('"invoice" NOT "the"');
    expect(parseQuery("the OR a invoice", undefined, new Set(["the", "a"])).all).toBe('("the" OR "a") AND "invoice"');
    expect(parseQuery("x the OR y z", undefined, new Set(["x"])).all).toBe('("the" OR "y") AND "z"');
  });

  it("names at most eight left-out words", () => {
    const words = "aa bb cc dd ee ff gg hh ii jj".split(" ");
    expect(parseQuery(`${words.join(" ")} invoice`, undefined, new Set(words)).notice).toBe(
      "Searched the most telling words; left out: aa, bb, cc, dd, ee, ff, gg, hh, ….",
    );
  });

  it("lists the words that may be left out and counts the other terms", () => {
    expect(queryWords('The invoice "root cause" invoic* -voice a OR b')).toEqual({ words: ["The", "invoice"], otherTerms: 4 });
  });

  it("builds an OR query over plain words, or none", () => {
    expect(anyWordQuery(["invoice", "letter"])).toBe('"invoice" OR "letter"');
    expect(anyWordQuery([])).toBeNull();
  });
});

describe("splitSnippet", () => {
  it("splits marked hits from plain text and drops stray markers", () => {
    expect(splitSnippet(`match ${MARK_START}invoices${MARK_END} by hand`)).toEqual([
      { text: "match ", hit: false },
      { text: "invoices", hit: true },
      { text: " by hand", hit: false },
    ]);
    expect(splitSnippet(`<b>not html</b>${MARK_END}`)).toEqual([{ text: "<b>not html</b>", hit: false }]);
  });
});

describe("unmarked", () => {
  it("is the snippet's plain text", () => {
    expect(unmarked(`…match ${MARK_START}invoices${MARK_END} by hand`)).toBe("…match invoices by hand");
  });
});

describe("prefixes cut short by stemming", () => {
  it("offers the prefix's shorter starts as stems, longest first, at most 4 shorter and never under 3 letters", () => {
    expect(prefixStemCandidates("Évaluat")).toEqual(["evalua", "evalu", "eval", "eva"]);
    expect(prefixStemCandidates("integrat")).toEqual(["integra", "integr", "integ", "inte"]);
    expect(prefixStemCandidates("rout")).toEqual(["rou"]);
    expect(prefixStemCandidates("ab")).toEqual([]);
  });

  it("lists a query's prefixes, folded, once each", () => {
    expect(queryPrefixes('Evaluat* "exact words" -routin* plain evaluat*')).toEqual(["evaluat", "routin"]);
    expect(queryPrefixes("no prefixes here")).toEqual([]);
  });

  it("accepts the stem beside the prefix, also when it is left out", () => {
    const stems = new Map([
      ["evaluat", "evalu"],
      ["routin", "rout"],
    ]);
    expect(parseQuery("evaluat* set", stems).all).toBe('("evaluat"* OR "evalu") AND "set"');
    expect(parseQuery("Evaluat* -routin*", stems).all).toBe('("Evaluat"* OR "evalu") NOT ("routin"* OR "rout")');
    expect(parseQuery("evaluat* set").all).toBe('"evaluat"* AND "set"');
  });
});

describe("parseQuery, term by term", () => {
  it("returns the terms it read: phrases, prefixes and exclusions", () => {
    expect(parseQuery('-"root cause" -e-mail "solo" evaluat* -x').terms).toEqual([
      { text: "root cause", phrase: true, prefix: false, negated: true },
      { text: "e mail", phrase: true, prefix: false, negated: true },
      { text: "solo", phrase: false, prefix: false, negated: false },
      { text: "evaluat", phrase: false, prefix: true, negated: false },
      { text: "x", phrase: false, prefix: false, negated: true },
    ]);
    expect(parseQuery("ab* - x*").terms).toEqual([
      { text: "ab", phrase: false, prefix: true, negated: false },
      { text: "x", phrase: false, prefix: false, negated: false },
    ]);
  });

  it("ANDs the OR groups and the words, then leaves out the excluded ones, in both expressions", () => {
    const parsed = parseQuery("invoice OR receipt matching -voice -chat");
    expect(parsed.all).toBe('("invoice" OR "receipt") AND "matching" NOT "voice" NOT "chat"');
    expect(parsed.any).toBe('("invoice" OR "receipt" OR "matching") NOT "voice" NOT "chat"');
    expect(parsed.notice).toBeNull();
  });

  it("does not join across an excluded word or a leading OR", () => {
    expect(parseQuery("invoice -voice OR chat").all).toBe('"invoice" AND "chat" NOT "voice"');
    expect(parseQuery("OR invoice chat").all).toBe('"invoice" AND "chat"');
    expect(parseQuery("invoice OR").all).toBe('"invoice"');
  });

  it("names each one-letter prefix it searched as a whole word, and says every notice", () => {
    expect(parseQuery("a* b* model").notice).toBe("A prefix needs at least 2 letters before the *: searched a*, b* as whole words.");
    // Only words to leave out: the search says how it read them, once it knows how many learnings they are in.
    expect(parseQuery("-voice").notice).toBeNull();
    expect(parseQuery("").notice).toBeNull();
    expect(parseQuery("   ").notice).toBeNull();
    for (const operators of ["OR", " OR  OR "])
      expect(parseQuery(operators)).toMatchObject({
        all: null,
        notice: "OR, AND and NOT only join the words of a search, and this one has no other: showing the learnings as if nothing was typed.",
      });
    for (const nothing of ["🚀", "*", "“ ”", "((("])
      expect(parseQuery(nothing)).toMatchObject({
        all: null,
        notice: "A search looks for words of letters or digits, and this one has none: showing the learnings as if nothing was typed.",
      });
    // Words left out as too common get their own notice, not this one.
    expect(parseQuery("the and", undefined, new Set(["the", "and"])).notice).not.toMatch(/has none/);
    const both = parseQuery(`a* ${"x".repeat(1998)}`);
    expect(both.notice).toBe("Only the first 2000 characters were searched. A prefix needs at least 2 letters before the *: searched a* as whole words.");
  });

  it("searches exactly 2000 characters without a notice, and cuts the rest", () => {
    const exact = parseQuery(`${"y".repeat(1995)} tail`);
    expect(exact.notice).toBeNull();
    expect(exact.all).toBe(`"${"y".repeat(1995)}" AND "tail"`);
    expect(parseQuery(`${"y".repeat(1996)} tail`).all).toBe(`"${"y".repeat(1996)}" AND "tai"`);
  });

  it("keeps the first 24 terms", () => {
    const words = Array.from({ length: 30 }, (_, i) => `w${i}`);
    const parsed = parseQuery(words.join(" "));
    expect(parsed.terms.map((t) => t.text)).toEqual(words.slice(0, 24));
  });

  it("accepts the stem only for the prefix it belongs to", () => {
    const stems = new Map([["evaluat", "evalu"]]);
    expect(parseQuery("evaluat evaluation*", stems).all).toBe('"evaluat" AND "evaluation"*');
  });
});

describe("splitSnippet, edge by edge", () => {
  it("handles hits at both ends and next to each other, and plain text alone", () => {
    expect(splitSnippet(`${MARK_START}a${MARK_END}${MARK_START}b${MARK_END}`)).toEqual([
      { text: "a", hit: true },
      { text: "b", hit: true },
    ]);
    expect(splitSnippet("plain")).toEqual([{ text: "plain", hit: false }]);
    expect(splitSnippet("")).toEqual([]);
    expect(unmarked(`${MARK_START}${MARK_END}x${MARK_START}`)).toBe("x");
  });
});
