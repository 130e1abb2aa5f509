import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { Decimal2, neutraliseFormula, toCsv } from "./csv";

const roundTrip = (rows: Parameters<typeof toCsv>[0]): string[][] => parse(toCsv(rows), { relax_quotes: true });

describe("CSV export cells", () => {
  it.each(["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"])("neutralises text starting with %j", (start) => {
    const text = `${start}HYPERLINK("http://evil.example","Click")`;
    expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(roundTrip([[text]])).toEqual([[`'${text}`]]);
  });

  it("leaves other text alone, including formula characters later in the cell", () => {
    for (const text of ["Queue suggester", "a=b", "1+1", "x@example.com", "", " =SUM(A1)"]) expect(neutraliseFormula(text)).toBe(text);
  });

  it("writes the app's own numbers, negative ones included, as numbers", () => {
    expect(roundTrip([[1, -2, new Decimal2(-1.5), new Decimal2(75), "-1.5"]])).toEqual([["1", "-2", "-1.50", "75.00", "'-1.5"]]);
  });
});
