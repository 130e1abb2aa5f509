import sanitizeHtml from "sanitize-html";
import { describe, expect, it, vi } from "vitest";
import { renderMarkdown, RENDERED_KEPT } from "./markdown.server";

// The real sanitiser, counted: a text rendered again must come from what was kept, not be parsed again.
vi.mock("sanitize-html", async (importOriginal) => {
  const real = (await importOriginal<{ default: typeof sanitizeHtml }>()).default;
  return { default: Object.assign(vi.fn(real), real) };
});

describe("renderMarkdown keeps what it rendered", () => {
  it("renders a text once and gives the same HTML again", () => {
    const sanitise = vi.mocked(sanitizeHtml);
    sanitise.mockClear();
    const first = renderMarkdown("## Kept\n\nOnce **only**");
    expect(renderMarkdown("## Kept\n\nOnce **only**")).toBe(first);
    expect(first).toBe("<h3>Kept</h3>\n<p>Once <strong>only</strong></p>\n");
    expect(sanitise).toHaveBeenCalledTimes(1);
    // An edited text is another text.
    expect(renderMarkdown("## Kept\n\nTwice")).toBe("<h3>Kept</h3>\n<p>Twice</p>\n");
    expect(sanitise).toHaveBeenCalledTimes(2);
  });

  it("keeps a bounded number of texts, dropping the oldest first", () => {
    const sanitise = vi.mocked(sanitizeHtml);
    renderMarkdown("oldest");
    for (let i = 0; i < RENDERED_KEPT; i++) renderMarkdown(`text ${i}`);
    sanitise.mockClear();
    renderMarkdown(`text ${RENDERED_KEPT - 1}`);
    expect(sanitise).not.toHaveBeenCalled();
    expect(renderMarkdown("oldest")).toBe("<p>oldest</p>\n");
    expect(sanitise).toHaveBeenCalledTimes(1);
  });
});
