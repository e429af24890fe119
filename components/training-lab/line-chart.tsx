export interface Series {
  label: string;
  color: string;
  points: { x: number; y: number }[];
  /** Earlier runs are drawn faint, for comparison. */
  faint?: boolean;
}

/** A small SVG line chart: x from 0 to xMax, y from 0 to yMax (or the data's max). */
export function LineChart({ series, xMax, yMax, yLabel, testid }: { series: Series[]; xMax: number; yMax?: number; yLabel: string; testid: string }) {
  const W = 300;
  const H = 120;
  const top = yMax ?? Math.max(1e-9, ...series.flatMap((s) => s.points.map((p) => (Number.isFinite(p.y) ? p.y : 0))));
  const px = (x: number) => (x / Math.max(1e-9, xMax)) * W;
  const py = (y: number) => H - (Math.min(y, top) / top) * H;
  return (
    <figure class="chart" data-testid={testid}>
      <figcaption class="muted">{`${yLabel} (max ${top.toPrecision(3)})`}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" preserveAspectRatio="none" role="img" aria-label={yLabel}>
        <rect x="0" y="0" width={W} height={H} fill="none" stroke="var(--border)" />
        {series.map((s) => (
          <polyline
            key={s.label}
            fill="none"
            stroke={s.color}
            stroke-width={s.faint ? 1 : 1.8}
            opacity={s.faint ? 0.45 : 1}
            points={s.points.filter((p) => Number.isFinite(p.y)).map((p) => `${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ')}
          />
        ))}
      </svg>
      <div class="legend-row">
        {series.map((s) => (
          <span key={s.label} class="muted" style={{ color: s.color, opacity: s.faint ? 0.6 : 1 }}>
            ● {s.label}
          </span>
        ))}
      </div>
    </figure>
  );
}
