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
      <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${h + 36}`} width={width} height={h + 36} className="text-slate-800">
        {counts.map((c, i) => {
          // A tenth of a unit is finer than a screen shows; full precision wrote 15 digits per coordinate into the page.
          const bh = Math.round((c / max) * h * 10) / 10;
          const top = Math.round((14 + h - bh) * 10) / 10;
          const countY = Math.round((10 + h - bh) * 10) / 10;
          const x = gap + i * (barW + gap);
          return (
            <g key={i}>
              <rect
                x={x}
                y={top}
                width={barW}
                height={bh}
                fill="currentColor"
                opacity={Math.round(25 + (60 * (i + 1)) / counts.length) / 100}
                stroke="currentColor"
              />
              <text x={x + barW / 2} y={countY} textAnchor="middle" fontSize="11" fill="currentColor">
                {c}
              </text>
              <text x={x + barW / 2} y={h + 30} textAnchor="middle" fontSize="11" fill="currentColor">
                {i + 1}
              </text>
            </g>
          );
        })}
        <line x1={gap / 2} x2={width - gap / 2} y1={14 + h} y2={14 + h} stroke="currentColor" />
      </svg>
    </figure>
  );
}
