// Search hits in archive text, on the archive page and in "Have we tried this before?". A module of its own, so
// the archive page does not load the learnings panel and a problem's history with it (ADR 043).
import { Fragment } from "react";
import { splitSnippet } from "~/modules/archive/query";

/**
 * Text with search hits highlighted; the hits arrive as private-use markers, never as HTML. The text between hits
 * is plain text, not an element of its own: an archive page has a hundred or so of these pieces.
 */
export function Highlighted({ text }: { text: string }) {
  return (
    <>
      {splitSnippet(text).map((part, i) =>
        part.hit ? (
          <mark key={i} className="hit">
            {part.text}
          </mark>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
