import { useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { useStaged } from '@/components/shared/use-staged';

/**
 * Token rows laid out per frame (see useStaged): shaping two SVG texts a token, CJK among them,
 * was the longest part of the Attention view's first layout (up to 1.2 s on a loaded machine).
 */
const ROWS_PER_FRAME = 12;

/**
 * The head view: tokens twice, queries on the left and keys on the right; hovering
 * a query draws a line to every key it attends to, as opaque as its weight.
 */
export function HeadLines({ matrix, labels }: { matrix: number[][]; labels: string[] }) {
  const [q, setQ] = useState<number | null>(null);
  const T = labels.length;
  const rowH = 18;
  const W = 300;
  const H = T * rowH + 6;
  const xL = 110;
  const xR = W - 110;
  const shown = useStaged(T, ROWS_PER_FRAME, labels);
  return (
    <div class="head-lines" data-testid="head-view" data-staging={shown < T ? '' : undefined}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: `${W}px` }} onMouseLeave={() => setQ(null)}>
        {q !== null &&
          matrix[q].map((w, k) =>
            k <= q && w > 0.005 ? <line key={k} x1={xL + 4} y1={q * rowH + 12} x2={xR - 4} y2={k * rowH + 12} class="att-line" style={{ strokeOpacity: Math.min(1, w * 1.2), strokeWidth: 1 + 3 * w }} /> : null,
          )}
        {labels.slice(0, shown).map((s, i) => (
          <g key={i}>
            <text x={xL} y={i * rowH + 16} text-anchor="end" class={q === i ? 'att-tok active' : 'att-tok'} onMouseEnter={() => setQ(i)}>
              {s.length > 14 ? `${s.slice(0, 13)}…` : s}
            </text>
            <text x={xR} y={i * rowH + 16} class="att-tok" style={q !== null ? { fillOpacity: i <= q ? 0.35 + 0.65 * Math.min(1, matrix[q][i] * 3) : 0.2 } : undefined}>
              {s.length > 14 ? `${s.slice(0, 13)}…` : s}
            </text>
          </g>
        ))}
      </svg>
      <p class="small muted">{t('gptHeadViewHelp')}</p>
    </div>
  );
}
