import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import type { GptLens } from '@/platform/protocol/protocol';
import { cellAt, paintGrid } from '@/components/gpt-lab/shared/canvas-map';
import { sequential } from '@/components/gpt-lab/shared/colors';
import { pageTheme } from '@/components/shared/theme';

/**
 * How big the residual stream is at every layer and position, and how much each block's
 * attention and MLP added to it: h_{ℓ+1} = h_ℓ + Δattn + Δmlp, each shown as ‖·‖₂.
 */
export function LensNorms({ lens, labels, col }: { lens: GptLens; labels: string[]; col: number }) {
  const mean = (rows: number[][], b: number) => rows[b].reduce((s, x) => s + x, 0) / Math.max(1, rows[b].length);
  const blocks = Array.from({ length: lens.n_layer }, (_, b) => b);
  return (
    <div class="stack" data-testid="lens-norms">
      <NormMap title={t('gptLensNormResidual')} rows={lens.residualNorms} names={(l) => (l === 0 ? t('gptLensEmbeddings') : t('gptLensBlock', { b: l - 1 }))} labels={labels} testid="norm-residual" />
      <NormMap title={t('gptLensNormAttn')} rows={lens.attnNorms} names={(b) => t('gptLensBlock', { b })} labels={labels} testid="norm-attn" />
      <NormMap title={t('gptLensNormMlp')} rows={lens.mlpNorms} names={(b) => t('gptLensBlock', { b })} labels={labels} testid="norm-mlp" />
      <table class="compare" data-testid="block-changes">
        <thead>
          <tr>
            <th />
            <th>{t('gptLensMeanAttn')}</th>
            <th>{t('gptLensMeanMlp')}</th>
            <th>{t('gptLensAtT', { t: col })}</th>
          </tr>
        </thead>
        <tbody>
          {blocks.map((b) => (
            <tr key={b}>
              <td>{t('gptLensBlock', { b })}</td>
              <td>{mean(lens.attnNorms, b).toFixed(2)}</td>
              <td>{mean(lens.mlpNorms, b).toFixed(2)}</td>
              <td>
                {lens.attnNorms[b][col]?.toFixed(2)} / {lens.mlpNorms[b][col]?.toFixed(2)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="small muted">{t('gptLensNormHelp')}</p>
    </div>
  );
}

/** One [row][position] table as a strip of pixels, the last row on top like the grid; hover for a value. */
function NormMap({ title, rows, names, labels, testid }: { title: string; rows: number[][]; names: (r: number) => string; labels: string[]; testid: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState('');
  const R = rows.length;
  const T = rows[0]?.length ?? 0;
  let max = 0;
  for (const r of rows) for (const x of r) max = Math.max(max, x);
  useEffect(() => {
    const dark = pageTheme() === 'dark';
    if (ref.current) paintGrid(ref.current, R, T, (r, c) => sequential(max > 0 ? rows[R - 1 - r][c] / max : 0, dark));
  }, [rows]);
  return (
    <figure class="heat-figure norm-figure">
      <figcaption class="small">
        <strong>{title}</strong> <span class="muted">{t('gptLensNormMax', { max: max.toFixed(1) })}</span>
      </figcaption>
      <canvas
        ref={ref}
        class="norm-map"
        data-testid={testid}
        style={{ height: `${Math.max(24, R * 10)}px` }}
        onMouseMove={(ev) => {
          const cell = ref.current && cellAt(ev, ref.current);
          if (cell) setHover(`${names(R - 1 - cell.r)} · ${cell.c} “${labels[cell.c] ?? ''}”: ${rows[R - 1 - cell.r][cell.c].toFixed(3)}`);
        }}
      />
      <p class="small muted">{hover || '\u00a0'}</p>
    </figure>
  );
}
