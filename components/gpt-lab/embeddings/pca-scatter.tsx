import { t } from '@/platform/i18n';
import { useStaged } from '@/components/shared/use-staged';

/** Labels laid out per frame (see useStaged): each SVG text is shaped and laid out on its own, CJK with its fallback fonts. */
const LABELS_PER_FRAME = 8;

/** The tokens on their first two principal components; SVG text, so labels stay crisp and are never HTML. */
export function PcaScatter({ points, labels, explained }: { points: number[][]; labels: string[]; explained: [number, number] }) {
  const W = 300;
  const H = 220;
  const pad = 18;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const span = (v: number[]) => [Math.min(...v), Math.max(...v)] as const;
  const [x0, x1] = span(xs);
  const [y0, y1] = span(ys);
  const sx = (x: number) => pad + ((x - x0) / (x1 - x0 || 1)) * (W - 2 * pad);
  const sy = (y: number) => H - pad - ((y - y0) / (y1 - y0 || 1)) * (H - 2 * pad);
  const labelled = useStaged(points.length, LABELS_PER_FRAME, points);
  return (
    <figure class="scatter-figure">
      <svg viewBox={`0 0 ${W} ${H}`} class="scatter" data-testid="pca-scatter" role="img" aria-label={t('gptPca')} data-staging={labelled < points.length ? '' : undefined}>
        {points.map((p, i) => (
          <g key={i}>
            <circle cx={sx(p[0])} cy={sy(p[1])} r={3} class="dot" />
            {i < labelled ? (
              <text x={sx(p[0]) + 4} y={sy(p[1]) - 3} class="dot-label">
                {labels[i]}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <figcaption class="small muted">
        {t('gptPcaHelp', { a: (explained[0] * 100).toFixed(0), b: (explained[1] * 100).toFixed(0) })}
      </figcaption>
    </figure>
  );
}
