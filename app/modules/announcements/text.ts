// The plain-text rendering of an announcement's Markdown, for its mail: one paragraph per block, links
// written out as "text (address)", raw HTML dropped (it is never rendered on the page either).
import { Lexer, type Token, type Tokens } from "marked";

const SAFE_LINK = /^(https?:|mailto:)/i;

function inline(tokens: Token[] | undefined): string {
  return (tokens ?? []).map(inlineToken).join("");
}

function inlineToken(token: Token): string {
  switch (token.type) {
    case "link": {
      const link = token as Tokens.Link;
      const text = inline(link.tokens);
      // Only the addresses the page would link to are written out.
      if (!SAFE_LINK.test(link.href) || text === link.href) return text;
      return `${text} (${link.href})`;
    }
    case "image":
      return (token as Tokens.Image).text;
    case "br":
      return "\n";
    case "html":
    case "tag":
      return "";
    case "codespan":
    case "escape":
      return decode((token as Tokens.Codespan).text);
    default:
      return "tokens" in token && Array.isArray(token.tokens) ? inline(token.tokens) : decode(String((token as Tokens.Text).text ?? ""));
  }
}

function blocks(tokens: Token[]): string[] {
  return tokens.flatMap((token): string[] => {
    switch (token.type) {
      case "paragraph":
      case "heading":
      case "text":
        return [inline((token as Tokens.Paragraph).tokens)];
      case "list": {
        const list = token as Tokens.List;
        const start = typeof list.start === "number" ? list.start : 1;
        return list.items.map((item, i) => `${list.ordered ? `${start + i}.` : "-"} ${blocks(item.tokens).join(" ")}`);
      }
      case "blockquote":
        return blocks((token as Tokens.Blockquote).tokens).map((line) => `> ${line}`);
      case "code":
        return [(token as Tokens.Code).text];
      case "table": {
        const table = token as Tokens.Table;
        return [table.header, ...table.rows].map((row) => row.map((cell) => inline(cell.tokens)).join(" | "));
      }
      case "hr":
        return ["---"];
      default:
        // space, raw HTML blocks, link definitions: nothing to read.
        return [];
    }
  });
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Markdown → the paragraphs of its plain-text rendering (empty ones left out). */
export function markdownParagraphs(source: string): string[] {
  return blocks(new Lexer({ gfm: true, breaks: true }).lex(source))
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The first `max` characters of the text, for a notice's one-line body. */
export function markdownSummary(source: string, max = 200): string {
  const text = markdownParagraphs(source).join(" ").replace(/\s+/g, " ");
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
