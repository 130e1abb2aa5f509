import { describe, expect, test } from "vitest";
import { pagerLinks, pageOf, pageWindow } from "./paging";

const rows = Array.from({ length: 50 }, (_, i) => i + 1);

describe("pageOf", () => {
  test("cuts the asked page and says where it is", () => {
    expect(pageOf(rows, "2", 24)).toEqual({ rows: rows.slice(24, 48), page: 2, pages: 3, first: 25, last: 48, total: 50, size: 24 });
    expect(pageOf(rows, "3", 24)).toMatchObject({ rows: [49, 50], first: 49, last: 50 });
  });

  test("a missing, broken or too small page is the first; one past the end is the last", () => {
    for (const asked of [null, "", "abc", "1.5", "0", "-2"]) expect(pageOf(rows, asked, 24).page, String(asked)).toBe(1);
    expect(pageOf(rows, "99", 24)).toMatchObject({ page: 3, first: 49, last: 50 });
  });

  test("an empty list is one empty page", () => {
    expect(pageOf([], "4", 24)).toEqual({ rows: [], page: 1, pages: 1, first: 0, last: 0, total: 0, size: 24 });
  });

  test("a list of exactly one page has one page", () => {
    expect(pageOf(rows.slice(0, 24), null, 24)).toMatchObject({ pages: 1, last: 24 });
  });
});

describe("pageWindow", () => {
  test("says which rows a page of a counted list holds, as pageOf cuts them", () => {
    expect(pageWindow(50, "2", 24)).toEqual({ page: 2, pages: 3, first: 25, last: 48, total: 50, size: 24, offset: 24 });
    expect(pageWindow(50, "99", 24)).toMatchObject({ page: 3, offset: 48, first: 49, last: 50 });
    expect(pageWindow(0, "4", 24)).toEqual({ page: 1, pages: 1, first: 0, last: 0, total: 0, size: 24, offset: 0 });
  });
});

describe("pagerLinks", () => {
  const links = (page: number, pages: number) => pagerLinks({ page, pages });

  test("links the neighbours, and the ends when they are not a neighbour", () => {
    expect(links(5, 15)).toEqual({ first: 1, previous: 4, next: 6, last: 15 });
    expect(links(3, 15)).toEqual({ first: 1, previous: 2, next: 4, last: 15 });
    expect(links(13, 15)).toEqual({ first: 1, previous: 12, next: 14, last: 15 });
  });

  test("the first page's neighbour is its own end, and so is the last's", () => {
    expect(links(1, 15)).toEqual({ first: null, previous: null, next: 2, last: 15 });
    expect(links(2, 15)).toEqual({ first: null, previous: 1, next: 3, last: 15 });
    expect(links(14, 15)).toEqual({ first: 1, previous: 13, next: 15, last: null });
    expect(links(15, 15)).toEqual({ first: 1, previous: 14, next: null, last: null });
  });

  test("a list of one or two pages has no end links", () => {
    expect(links(1, 1)).toEqual({ first: null, previous: null, next: null, last: null });
    expect(links(1, 2)).toEqual({ first: null, previous: null, next: 2, last: null });
    expect(links(2, 2)).toEqual({ first: null, previous: 1, next: null, last: null });
  });
});
