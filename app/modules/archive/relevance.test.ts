import { describe, expect, it } from "vitest";
import {
  COMMON_SHARE,
  informativeTerms,
  isCommon,
  isRelated,
  isStopword,
  markStems,
  MAX_RELATED_TERMS,
  MAX_SEARCH_WORDS,
  MIN_DOCS_FOR_COMMON,
  stemOf,
  stemsIn,
  textTerms,
  onlyCommonWords,
  wordsToLeaveOut,
  type TermStats,
} from "./relevance";

const stats = (docs: number, df: Record<string, number>): TermStats => ({ docs, df: new Map(Object.entries(df)) });
const terms = (text: string) => textTerms(text);

describe("textTerms", () => {
  it("keeps content words once per stem, folded, without stop words, numbers or words under 3 letters", () => {
    expect(textTerms("The Invoices are matched by hand, 40 hours a week: invoice! AI ops Café")).toEqual([
      { word: "invoices", stem: "invoic" },
      { word: "matched", stem: "match" },
      { word: "hand", stem: "hand" },
      { word: "hours", stem: "hour" },
      { word: "ops", stem: "op" },
      { word: "cafe", stem: "cafe" },
    ]);
    expect(textTerms("a an the of 42 for and with")).toEqual([]);
    expect(textTerms("Nai\u0308ve re\u0301sume\u0301s")).toEqual([
      { word: "naive", stem: "naiv" },
      { word: "resumes", stem: "resum" },
    ]);
  });

  it("stems as the index's porter tokenizer does", () => {
    expect(["evaluation", "routing", "company", "invoices"].map(stemOf)).toEqual(["evalu", "rout", "compani", "invoic"]);
    expect(isStopword("With")).toBe(true);
    expect(isStopword("invoice")).toBe(false);
  });
});

describe("common words", () => {
  it("are those in more than half the learnings, once the archive is big enough to tell", () => {
    expect(COMMON_SHARE).toBe(0.5);
    expect(isCommon("data", stats(MIN_DOCS_FOR_COMMON, { data: 6 }))).toBe(true);
    expect(isCommon("data", stats(MIN_DOCS_FOR_COMMON, { data: 5 }))).toBe(false);
    expect(isCommon("data", stats(MIN_DOCS_FOR_COMMON - 1, { data: 9 }))).toBe(false);
    expect(isCommon("none", stats(100, {}))).toBe(false);
  });
});

describe("informativeTerms", () => {
  it("keeps words the index has and that are not common, rarest first, then in text order, at most the limit", () => {
    const t = terms("support ticket queue triage unknownword data");
    const s = stats(100, { support: 40, ticket: 20, queue: 20, triag: 3, data: 80 });
    expect(informativeTerms(t, s).map((x) => x.word)).toEqual(["triage", "ticket", "queue", "support"]);
    expect(informativeTerms(t, s, 2).map((x) => x.word)).toEqual(["triage", "ticket"]);
  });

  it("searches at most MAX_RELATED_TERMS words", () => {
    const words = Array.from({ length: 20 }, (_, i) => `word${String.fromCharCode(97 + i)}`);
    const s = stats(5, Object.fromEntries(words.map((w) => [stemOf(w), 1])));
    expect(informativeTerms(terms(words.join(" ")), s)).toHaveLength(MAX_RELATED_TERMS);
  });
});

describe("isRelated: the relevance floor", () => {
  const sales = terms("New sales reps take months to ramp up. Reps ask senior colleagues the same product questions again and again.");
  const small = stats(3, { ask: 2 });

  it("drops a learning that shares one incidental word with a text about something else", () => {
    expect(sales.map((t) => t.word)).toEqual(["sales", "reps", "months", "ramp", "ask", "senior", "colleagues", "product", "questions"]);
    expect(isRelated(1, sales, small)).toBe(false);
    expect(isRelated(2, sales, small)).toBe(false);
  });

  it("keeps one that shares at least two words and a third of what the text is about", () => {
    expect(isRelated(3, sales, small)).toBe(true);
    const short = terms("invoice disputes");
    expect(isRelated(2, short, small)).toBe(true);
    expect(isRelated(1, short, small)).toBe(false);
    expect(isRelated(1, terms("invoice"), small)).toBe(true);
    expect(isRelated(0, terms("invoice"), small)).toBe(false);
    expect(isRelated(0, [], small)).toBe(false);
  });

  it("judges a long text by its first MAX_RELATED_TERMS content words, common words aside", () => {
    const long = terms(Array.from({ length: 30 }, (_, i) => `word${String.fromCharCode(97 + i)}`).join(" "));
    expect(isRelated(4, long, small)).toBe(true);
    expect(isRelated(3, long, small)).toBe(false);
    const withCommon = terms("invoice disputes data model letters quota ledger");
    expect(isRelated(2, withCommon, stats(100, { data: 90, model: 90 }))).toBe(true);
    expect(isRelated(2, withCommon, stats(100, {}))).toBe(false);
  });
});

describe("stemsIn and markStems: the words a learning shares, as the index stems them", () => {
  const stems = new Set(["invoic", "disput", "cafe"]);

  it("finds the searched stems a text says, in any form and case, and nothing else", () => {
    expect(stemsIn("Invoiced twice; the INVOICES were disputed at the Café", stems)).toEqual(new Set(["invoic", "disput", "cafe"]));
    expect(stemsIn("Dispatch of invoicing-free orders", stems)).toEqual(new Set(["invoic"]));
    expect(stemsIn("nothing here", stems)).toEqual(new Set());
    expect(stemsIn("", stems)).toEqual(new Set());
    // An accent typed as a separate character stays inside its word, as the index reads it.
    expect(stemsIn("Cafe\u0301 invoi\u0301ces", stems)).toEqual(new Set(["cafe", "invoic"]));
  });

  it("marks each such word in place, one by one, and leaves everything else as written", () => {
    expect(markStems("Invoice disputes, resolved: invoices!", stems, "[", "]")).toBe("[Invoice] [disputes], resolved: [invoices]!");
    expect(markStems("Dispatch café orders", stems, "<", ">")).toBe("Dispatch <café> orders");
    expect(markStems("No match at all", stems, "[", "]")).toBe("No match at all");
    expect(markStems("Cafe\u0301 orders", stems, "[", "]")).toBe("[Café] orders");
  });

  it("keeps giving the same answers once its memory of stems fills up and is emptied", () => {
    for (let i = 0; i < 50_001; i++) stemsIn(`word${i}`, stems);
    expect(stemsIn("invoicing", stems)).toEqual(new Set(["invoic"]));
    expect(markStems("invoicing", stems, "[", "]")).toBe("[invoicing]");
  });
});

describe("onlyCommonWords", () => {
  it("names the words of a search that has nothing but stop or common words, once each", () => {
    const s = stats(100, { invoic: 5, data: 80 });
    expect(onlyCommonWords(["The", "the", "data"], s)).toEqual(["the", "data"]);
    expect(onlyCommonWords(["the", "invoice"], s)).toEqual([]);
    expect(onlyCommonWords(["the"], s, 1)).toEqual([]);
    expect(onlyCommonWords([], s)).toEqual([]);
  });
});

describe("wordsToLeaveOut", () => {
  it("leaves out stop and common words while a telling word remains", () => {
    const s = stats(100, { invoic: 5, data: 80 });
    expect(wordsToLeaveOut(["The", "invoice", "data", "for"], s)).toEqual(new Set(["the", "data", "for"]));
    expect(wordsToLeaveOut(["the", "data"], s)).toEqual(new Set());
    expect(wordsToLeaveOut(["the", "data"], s, 1)).toEqual(new Set(["the", "data"]));
  });

  it("keeps the rarest MAX_SEARCH_WORDS of a long search, words the index lacks last", () => {
    const words = Array.from({ length: MAX_SEARCH_WORDS + 2 }, (_, i) => `word${String.fromCharCode(97 + i)}`);
    const df = Object.fromEntries(words.map((w, i) => [stemOf(w), i + 1]));
    df[stemOf(words[0])] = 0;
    const left = wordsToLeaveOut(words, stats(1000, df));
    expect([...left]).toEqual([words[9], words[0]]);
  });
});
