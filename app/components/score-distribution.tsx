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
          const bh = (c / max) * h;
          const x = gap + i * (barW + gap);
          return (
            <g key={i}>
              <rect x={x} y={14 + h - bh} width={barW} height={bh} fill="currentColor" opacity={0.25 + (0.6 * (i + 1)) / counts.length} stroke="currentColor" />
              <text x={x + barW / 2} y={10 + h - bh} textAnchor="middle" fontSize="11" fill="currentColor">
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
