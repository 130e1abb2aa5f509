const BAR_MAX = 180;

/** Baseline → target → result as bars when all are numbers; readable without colour (values are printed). */
export function MetricChart({ name, unit, baseline, target, result }: { name: string; unit: string; baseline: string; target: string; result: string }) {
  const parse = (v: string) => (/^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : null);
  const points = [
    { label: "Baseline", raw: baseline, value: parse(baseline) },
    { label: "Target", raw: target, value: parse(target) },
    { label: "Result", raw: result, value: parse(result) },
  ];
  const numbers = points.map((p) => p.value).filter((v): v is number => v !== null);
  const max = Math.max(...numbers.map(Math.abs), 1);
  const summary = points.map((p) => `${p.label} ${p.raw || "not given"}${p.raw && unit ? ` ${unit}` : ""}`).join(", ");
  const values = points.map((p) => (p.raw ? `${p.raw}${unit ? ` ${unit}` : ""}` : "—"));
  // Wide enough for the longest value after the longest bar (about 7 units a character at this size): a long unit
  // ("12 minutes") was cut off at the edge. The figure scales to its column, so a wider chart draws smaller.
  const width = Math.max(300, 68 + BAR_MAX + 4 + Math.max(...values.map((v) => v.length)) * 7);
  return (
    <figure>
      <svg viewBox={`0 0 ${width} 96`} role="img" aria-label={`${name || "AI metric"}: ${summary}`} className="w-full max-w-md">
        {points.map((p, i) => {
          const bar = p.value === null ? 0 : (Math.abs(p.value) / max) * BAR_MAX;
          const y = 8 + i * 30;
          return (
            <g key={p.label}>
              <text x="0" y={y + 14} fontSize="12" fill="#334155">
                {p.label}
              </text>
              <rect
                x="64"
                y={y}
                width={bar}
                height="20"
                rx="3"
                fill={i === 2 ? "#1d5fd1" : i === 1 ? "#94a3b8" : "#cbd5e1"}
                stroke="#334155"
                strokeDasharray={i === 1 ? "4 2" : undefined}
              />
              <text x={68 + bar} y={y + 14} fontSize="12" fill="#0f172a">
                {values[i]}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="sr-only">{summary}</figcaption>
    </figure>
  );
}
