import type { CSSProperties } from "react";

/**
 * Bars for how often each value was given on one criterion; every bar carries its count as text and its value below
 * it, so no colour is needed. Drawn by CSS (`score-bars`): one element per bar, its height in one custom property. A
 * results page draws one of these per criterion, and as an SVG (a rect and two texts per bar, six attributes each)
 * they cost the page a sixth of its server time (issue 19).
 */
export function ScoreDistribution({ name, counts }: { name: string; counts: number[] }) {
  const max = Math.max(1, ...counts);
  const label = `${name}: ` + counts.map((c, i) => `${c} × ${i + 1}`).join(", ");
  return (
    <figure className="min-w-0 max-w-full space-y-1">
      <figcaption className="text-sm font-semibold">{name}</figcaption>
      <div role="img" aria-label={label} className="score-bars">
        {counts.map((c, i) => (
          // A thousandth of the tallest bar is finer than a screen shows.
          <div key={i} style={{ "--bar": Math.round((c / max) * 1000) / 1000 } as CSSProperties}>
            {c}
          </div>
        ))}
      </div>
    </figure>
  );
}
