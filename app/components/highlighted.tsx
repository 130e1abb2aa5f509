// Search hits in archive text, on the archive page and in "Have we tried this before?". A module of its own, so
// the archive page does not load the learnings panel and a problem's history with it (ADR 043).
import { splitSnippet } from "~/modules/archive/query";

/** Text with search hits highlighted; the hits arrive as private-use markers, never as HTML. */
export function Highlighted({ text }: { text: string }) {
  return (
    <>
      {splitSnippet(text).map((part, i) =>
        part.hit ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-inherit">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
