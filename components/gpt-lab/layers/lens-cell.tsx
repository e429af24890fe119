import { t } from '@/platform/i18n';
import { Tex } from '@/components/shared/tex';
import { showWhitespace } from '@/components/gpt-lab/shared/show-whitespace';
import { useSettled } from '@/components/gpt-lab/shared/use-settled';
import { topK, type LensTable } from '@/components/gpt-lab/layers/lens-table';
import type { Cell } from '@/components/gpt-lab/layers/lens-paint';

/** The formula waits for the pointer to rest this long (see useSettled). */
const TEX_SETTLE_MS = 120;

/** Where a lens row reads the residual stream, in words. */
export const rowName = (tab: LensTable, l: number) => (l === 0 ? t('gptLensEmbeddings') : t('gptLensBlock', { b: l - 1 }));

/**
 * The chosen cell: its top 10 at that layer, and the lens's formula with this cell's values.
 * ℓ counts blocks done: h₀ is the embeddings, h_ℓ the residual stream after block ℓ−1.
 */
export function LensCell({ tab, labels, cell, norm }: { tab: LensTable; labels: string[]; cell: Cell; norm: number }) {
  const top = topK(tab, cell.l, cell.t);
  const output = cell.l === tab.layers - 1;
  const tex = useSettled(
    String.raw`\begin{gathered} p_{\ell,t} = \operatorname{softmax}\!\big(\operatorname{LN}_f(h_{\ell,t})\,W_U^{\top}\big),\quad \ell = ${cell.l},\ t = ${cell.t} \\ \max_i\, p_{\ell,t}(i) = ${top[0].prob.toFixed(3)},\quad \lVert h_{\ell,t} \rVert_2 = ${norm.toFixed(2)} \end{gathered}`,
    TEX_SETTLE_MS,
    '',
  );
  return (
    <div class="stack" data-testid="lens-cell" aria-live="polite">
      <p class="small">
        <strong>{t(output ? 'gptLensCellOutput' : 'gptLensCellTitle', { row: rowName(tab, cell.l), t: cell.t, tok: labels[cell.t] ?? '' })}</strong>
      </p>
      <div class="bars" data-testid="lens-top">
        {top.map((g, j) => (
          <div class="bar-row" key={j} data-id={g.id} data-prob={g.prob.toFixed(6)}>
            <code class="bar-label">{showWhitespace(g.display, true)}</code>
            <span class="bar-track">
              <span class="bar-fill" style={{ width: `${(g.prob * 100).toFixed(2)}%` }} />
            </span>
            <span class="bar-value">{(g.prob * 100).toFixed(1)}%</span>
          </div>
        ))}
      </div>
      <div class="card small">
        <span data-testid="lens-tex" data-tex={tex}>
          {tex ? <Tex display tex={tex} /> : null}
        </span>
        <p>{t('gptLensCellLine', { tok: showWhitespace(top[0].display, true), p: (top[0].prob * 100).toFixed(1) })}</p>
        <p class="muted">{t('gptLensFormulaHelp')}</p>
      </div>
    </div>
  );
}

/** One position followed up the layers: each row's top guess, and where the final answer ranks. */
export function LensColumn({ tab, labels, col }: { tab: LensTable; labels: string[]; col: number }) {
  const final = topK(tab, tab.layers - 1, col)[0];
  const rows = Array.from({ length: tab.layers }, (_, r) => tab.layers - 1 - r);
  return (
    <div class="stack" data-testid="lens-column" data-position={col}>
      <p class="small">
        <strong>{t('gptLensFollow', { t: col, tok: labels[col] ?? '' })}</strong>
      </p>
      <table class="compare">
        <thead>
          <tr>
            <th>{t('gptLensRow')}</th>
            <th>{t('gptLensTop1')}</th>
            <th>p</th>
            <th title={t('gptLensRankHelp')}>{t('gptLensRank')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((l) => {
            const top = topK(tab, l, col);
            const rank = top.findIndex((g) => g.id === final.id);
            return (
              <tr key={l} data-layer={l} data-id={top[0].id}>
                <td>{rowName(tab, l)}</td>
                <td>
                  <code>{showWhitespace(top[0].display, true)}</code>
                </td>
                <td>{top[0].prob.toFixed(3)}</td>
                <td>{rank < 0 ? `>${tab.k}` : rank + 1}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
