import { Fragment } from "react";

/** Bars for how often each value was given on one criterion; every bar carries its value and count as text, so no colour is needed. */
export function ScoreDistribution({ name, counts }: { name: string; counts: number[] }) {
  const max = Math.max(1, ...counts);
  const barW = 28;
  const gap = 10;
  const h = 80;
  const width = counts.length * (barW + gap) + gap;
  const label = `${name}: ` + counts.map((c, i) => `${c} × ${i + 1}`).join(", ");
  return (
    <figure className="space-y-1">
      <figcaption className="text-sm font-semibold">{name}</figcaption>
      {/* Fill, font size and anchor are set once on the svg and inherited (rects take the fill, texts all three): a
          results page draws six of these, and repeating them on every bar cost 4 kB of its 74 kB of HTML. */}
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${width} ${h + 36}`}
        width={width}
        height={h + 36}
        className="text-slate-800"
        fill="currentColor"
        fontSize="11"
        textAnchor="middle"
      >
        {counts.map((c, i) => {
          // A tenth of a unit is finer than a screen shows; full precision wrote 15 digits per coordinate into the page.
          const bh = Math.round((c / max) * h * 10) / 10;
          const top = Math.round((14 + h - bh) * 10) / 10;
          const countY = Math.round((10 + h - bh) * 10) / 10;
          const x = gap + i * (barW + gap);
          return (
            <Fragment key={i}>
              <rect x={x} y={top} width={barW} height={bh} opacity={Math.round(25 + (60 * (i + 1)) / counts.length) / 100} stroke="currentColor" />
              <text x={x + barW / 2} y={countY}>
                {c}
              </text>
              <text x={x + barW / 2} y={h + 30}>
                {i + 1}
              </text>
            </Fragment>
          );
        })}
        <line x1={gap / 2} x2={width - gap / 2} y1={14 + h} y2={14 + h} stroke="currentColor" />
      </svg>
    </figure>
  );
}
