// Organizer-written Markdown (event descriptions) to HTML that is safe to put in the page.
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

// Our own instance: options set here never leak into another module's use of marked.
const marked = new Marked({ gfm: true, breaks: true, async: false });

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href", "title", "rel"], ol: ["start"], th: ["align"], td: ["align"] },
  // No javascript:, data: or vbscript: links; relative links stay allowed.
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }),
    // The text sits under its page's own h1 (the event's title): "# Heading" becomes a section of it, one level down.
    h1: "h2",
    h2: "h3",
    h3: "h4",
    h4: "h5",
    h5: "h6",
  },
};

/**
 * The last texts rendered, with their HTML: the event page renders the same description, rules and announcements on
 * every visit, and parsing and sanitising them was 2% of its time at a 300-team event (ADR 064). The rendering depends
 * on the text alone, so an edited text is simply a new key. Bounded; the oldest entry goes first.
 */
const rendered = new Map<string, string>();
export const RENDERED_KEPT = 200;

/** Markdown → sanitised HTML. Raw HTML in the source is filtered, never trusted. */
export function renderMarkdown(source: string): string {
  if (!source.trim()) return "";
  const kept = rendered.get(source);
  if (kept !== undefined) return kept;
  const html = sanitizeHtml(marked.parse(source) as string, allowed);
  if (rendered.size >= RENDERED_KEPT) rendered.delete(rendered.keys().next().value!);
  rendered.set(source, html);
  return html;
}
