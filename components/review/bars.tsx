/** Counts as an SVG bar chart: one bar per value, the largest at full height, each with its value as a title. */
export function Bars({ values, labels, testid }: { values: number[]; labels: string[]; testid: string }) {
  const w = 12;
  const h = 60;
  const max = Math.max(1, ...values);
  return (
    <svg class="review-bars" data-testid={testid} viewBox={`0 0 ${values.length * w} ${h + 12}`} width="100%" height={h + 12} role="img" aria-label={labels.join(', ')}>
      <line x1="0" x2={values.length * w} y1={h} y2={h} stroke="var(--border)" />
      {values.map((v, i) => {
        const bh = (v / max) * h;
        return (
          <rect key={i} x={i * w + 2} y={h - bh} width={w - 4} height={bh} fill="var(--accent)">
            <title>{`${labels[i]}: ${v}`}</title>
          </rect>
        );
      })}
      {values.map((v, i) => (v ? <text key={`t${i}`} x={i * w + w / 2} y={h + 10} font-size="7" text-anchor="middle" fill="var(--muted)">{v}</text> : null))}
    </svg>
  );
}
