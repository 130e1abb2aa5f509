import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server";

describe("renderMarkdown", () => {
  it("renders headings, emphasis, lists and links", () => {
    const html = renderMarkdown("## Rules\n\n- **Bring** a problem\n- Read [the guide](https://example.com/guide)");
    // One level down: the page's own h1 is the event's title.
    expect(html).toContain("<h3>Rules</h3>");
    expect(renderMarkdown("# About\n\n###### Small")).toBe("<h2>About</h2>\n<h6>Small</h6>\n");
    expect(html).toContain("<strong>Bring</strong>");
    expect(html).toContain("<li>");
    expect(html).toContain('<a href="https://example.com/guide" rel="noopener noreferrer nofollow">the guide</a>');
  });

  it("drops a stored <script> and its content", () => {
    const html = renderMarkdown("Hello\n\n<script>alert('x')</script>\n\nBye");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("alert");
    expect(html).toContain("Hello");
    expect(html).toContain("Bye");
  });

  it("strips event handlers from raw HTML", () => {
    const html = renderMarkdown('<p onclick="alert(1)">Click</p><img src=x onerror="alert(2)"><a href="https://ok.example" onmouseover="alert(3)">ok</a>');
    expect(html).not.toMatch(/on(click|error|mouseover)/i);
    expect(html).not.toContain("<img");
    expect(html).toContain("Click");
  });

  it("neutralises javascript:, data: and obfuscated links in Markdown and in HTML", () => {
    for (const source of [
      "[click](javascript:alert(1))",
      "[click](JaVaScRiPt:alert(1))",
      '<a href="javascript:alert(1)">click</a>',
      '<a href="&#106;avascript:alert(1)">click</a>',
      '<a href=" javascript:alert(1)">click</a>',
      "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "[click](vbscript:msgbox(1))",
    ]) {
      const html = renderMarkdown(source);
      expect(html, source).not.toMatch(/javascript:|data:|vbscript:/i);
      expect(html, source).toContain("click");
    }
  });

  it("removes iframes, styles and forms", () => {
    const html = renderMarkdown('<iframe src="https://evil.example"></iframe><style>body{display:none}</style><form action="/x"><input name="a"></form>text');
    expect(html).not.toMatch(/<(iframe|style|form|input)/i);
    expect(html).toContain("text");
  });

  it("returns an empty string for an empty description", () => {
    expect(renderMarkdown("   \n")).toBe("");
  });
});
