import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { distribution } from '@/models/gpt/engine/sampling';
import { t } from '@/platform/i18n';
import type { SamplingSettings, TokenProb } from '@/platform/protocol/protocol';
import { Tex } from '@/components/shared/tex';
import { showWhitespace } from '@/components/gpt-lab/shared/show-whitespace';

/**
 * Next-token probabilities recomputed here from cached logits: moving a slider
 * never re-runs the model. `top` is ordered by logit, which is the order at
 * every temperature. `allowed` (the UTF-8 constraint) gives blocked tokens 0, shown as filtered.
 */
export function ProbBars({ logits, top, settings, shown = 10, allowed }: { logits: number[]; top: TokenProb[]; settings: SamplingSettings; shown?: number; allowed?: ArrayLike<number> }) {
  const t0 = performance.now();
  const d = useMemo(() => distribution(logits, settings, allowed), [logits, settings.temperature, settings.topK, settings.topP, allowed]);
  const rows = top.slice(0, shown);
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    // Tests read these: how long the recomputation and render took, and the entropy shown.
    box.current?.setAttribute('data-render-ms', (performance.now() - t0).toFixed(2));
  });
  const T = settings.temperature;
  const zs = rows.slice(0, 3);
  return (
    <div class="stack" ref={box} data-testid="next-token-probs" data-entropy={d.entropy.toFixed(6)} data-temperature={String(T)}>
      <div class="bars">
        {rows.map((r) => {
          const p = d.probs[r.id];
          return (
            <div class="bar-row" key={r.id} data-id={r.id} data-prob={p.toFixed(6)}>
              <code class="bar-label">{showWhitespace(r.display, true)}</code>
              <span class="bar-track">
                <span class={p > 0 ? 'bar-fill' : 'bar-fill filtered'} style={{ width: `${(p * 100).toFixed(2)}%` }} />
              </span>
              <span class="bar-value">{p > 0 ? `${(p * 100).toFixed(1)}%` : t('gptFiltered')}</span>
            </div>
          );
        })}
      </div>
      <p class="small muted">
        {t('gptEntropy', { h: d.entropy.toFixed(2), n: d.order.length })}
      </p>
      <div class="card small">
        {T > 0 ? (
          <Tex display tex={String.raw`p_i = \frac{e^{z_i / T}}{\sum_j e^{z_j / T}},\quad T = ${T.toFixed(2)}`} />
        ) : (
          <Tex display tex={String.raw`T = 0:\ \ p_i = [\,i = \arg\max_j z_j\,]`} />
        )}
        <table class="compare">
          <thead>
            <tr>
              <th>{t('gptToken')}</th>
              <th>z</th>
              <th>z / T</th>
              <th>p</th>
            </tr>
          </thead>
          <tbody>
            {zs.map((r) => (
              <tr key={r.id}>
                <td>
                  <code>{showWhitespace(r.display, true)}</code>
                </td>
                <td>{logits[r.id].toFixed(2)}</td>
                <td>{T > 0 ? (logits[r.id] / T).toFixed(2) : '—'}</td>
                <td>{d.probs[r.id].toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="muted">{t('gptSoftmaxHelp')}</p>
      </div>
    </div>
  );
}
