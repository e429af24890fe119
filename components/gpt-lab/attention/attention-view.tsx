import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import type { GptAttention, GptHeadRoles, HeadRole } from '@/platform/protocol/protocol';
import { Tex } from '@/components/shared/tex';
import { cellAt, paintGrid } from '@/components/gpt-lab/shared/canvas-map';
import { sequential, type Rgb } from '@/components/gpt-lab/shared/colors';
import { pageTheme } from '@/components/shared/theme';
import { ExportButton, exportedTokens } from '@/components/gpt-lab/shared/export-button';
import { HeadLines } from '@/components/gpt-lab/attention/head-lines';
import { badgesOf } from '@/components/gpt-lab/shared/head-roles';
import { roleName, roleShort } from '@/components/gpt-lab/shared/role-text';
import { tokenLabels } from '@/components/gpt-lab/shared/token-segments';
import { Failure, TruncationNote, Working } from '@/components/gpt-lab/shared/status';
import { useRpc } from '@/components/gpt-lab/shared/use-rpc';
import { useAttention } from '@/components/gpt-lab/attention/use-attention';

export function AttentionView({ text }: { text: string }) {
  const res = useAttention(text);
  // The heads' measured roles badge the grid; the probe scores do not depend on the text.
  const roles = useRpc('host.gpt.heads', text ? { text } : null, text);
  if (res.status === 'error') return <Failure error={res.error} retry={res.retry} />;
  if (res.status !== 'ready') return <Working what={t('gptAttending')} />;
  return <AttentionMaps a={res.value} roles={roles.status === 'ready' ? roles.value : null} />;
}

const MASK_LIGHT: Rgb = [232, 232, 232];
const MASK_DARK: Rgb = [34, 38, 50];

/** Mean over heads of one layer, [T][T]. */
function averageHeads(layer: number[][][]): number[][] {
  const H = layer.length;
  return layer[0].map((row, q) => row.map((_, k) => layer.reduce((s, head) => s + head[q][k], 0) / H));
}

function AttentionMaps({ a, roles }: { a: GptAttention; roles: GptHeadRoles | null }) {
  const [layer, setLayer] = useState(0);
  const [head, setHead] = useState(0);
  const [average, setAverage] = useState(false);
  const labels = useMemo(() => tokenLabels(a.tokenization), [a]);
  const matrix = useMemo(() => (average ? averageHeads(a.attentions[layer]) : a.attentions[layer][head]), [a, layer, head, average]);
  return (
    <section class="stack" data-testid="gpt-attention">
      <TruncationNote tok={a.tokenization} />
      <div class="row">
        <label class="field-inline">
          {t('gptLayer')}{' '}
          <select value={layer} data-testid="layer-select" onChange={(e) => setLayer(Number(e.currentTarget.value))}>
            {a.attentions.map((_, l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label class="field-inline">
          {t('gptHead')}{' '}
          <select value={head} disabled={average} data-testid="head-select" onChange={(e) => setHead(Number(e.currentTarget.value))}>
            {a.attentions[0].map((_, h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
        <label class="row small">
          <input type="checkbox" checked={average} data-testid="average-heads" onChange={(e) => setAverage(e.currentTarget.checked)} /> {t('gptAverageHeads')}
        </label>
        <ExportButton
          name="attention"
          data={() => ({
            tokens: exportedTokens(a.tokenization),
            n_layer: a.n_layer,
            n_head: a.n_head,
            shape: '[layer][head][query][key]',
            attentions: a.attentions,
          })}
        />
      </div>
      <ModelView a={a} roles={roles} layer={layer} head={average ? -1 : head} pick={(l, h) => (setLayer(l), setHead(h), setAverage(false))} />
      <Heatmap matrix={matrix} labels={labels} title={average ? t('gptMapAverage', { l: layer }) : t('gptMapTitle', { l: layer, h: head })} />
      <h3>{t('gptHeadView')}</h3>
      <HeadLines matrix={matrix} labels={labels} />
      <div class="card small">
        <Tex display tex={String.raw`\operatorname{Attention}(Q,K,V) = \operatorname{softmax}\!\left(\frac{QK^\top}{\sqrt{d_k}} + M\right)V,\quad d_k = ${a.head_dim}`} />
        <p>{t('gptCausalHelp')}</p>
      </div>
    </section>
  );
}

/** Every layer x head as a thumbnail, badged with its measured roles; click one to enlarge it. */
function ModelView({ a, roles, layer, head, pick }: { a: GptAttention; roles: GptHeadRoles | null; layer: number; head: number; pick: (l: number, h: number) => void }) {
  return (
    <div class="model-view" style={{ gridTemplateColumns: `auto repeat(${a.n_head}, 1fr)` }} data-testid="attention-grid">
      <span />
      {a.attentions[0].map((_, h) => (
        <span key={h} class="small muted center">
          {t('gptHead')} {h}
        </span>
      ))}
      {a.attentions.map((heads, l) => [
        <span key={`l${l}`} class="small muted">
          {t('gptLayer')} {l}
        </span>,
        ...heads.map((m, h) => (
          <Thumb key={`${l}-${h}`} matrix={m} selected={l === layer && (h === head || head === -1)} onClick={() => pick(l, h)} label={`${l}.${h}`} badges={roles ? badgesOf(roles, l, h) : []} />
        )),
      ])}
    </div>
  );
}

function Thumb({ matrix, selected, onClick, label, badges }: { matrix: number[][]; selected: boolean; onClick: () => void; label: string; badges: HeadRole[] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const dark = pageTheme() === 'dark';
    if (ref.current) paintGrid(ref.current, matrix.length, matrix.length, (q, k) => (k > q ? (dark ? MASK_DARK : MASK_LIGHT) : sequential(matrix[q][k], dark)));
  }, [matrix]);
  return (
    <button class={selected ? 'thumb selected' : 'thumb'} onClick={onClick} aria-label={[label, ...badges.map(roleName)].join(', ')} data-testid="attention-thumb">
      <canvas ref={ref} class="heatmap" />
      {badges.length > 0 ? (
        <span class="thumb-badges">
          {badges.map((r) => (
            <span key={r} class="role-badge tiny" data-testid="head-badge" data-role={r} title={roleName(r)}>
              {roleShort(r)}
            </span>
          ))}
        </span>
      ) : null}
    </button>
  );
}

/** The chosen head, large: rows are queries, columns keys; the upper triangle, painted flat grey, is the causal mask. */
function Heatmap({ matrix, labels, title }: { matrix: number[][]; labels: string[]; title: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState('');
  useEffect(() => {
    const t0 = performance.now();
    const dark = pageTheme() === 'dark';
    if (ref.current) paintGrid(ref.current, matrix.length, matrix.length, (q, k) => (k > q ? (dark ? MASK_DARK : MASK_LIGHT) : sequential(matrix[q][k], dark)));
    // Tests read this to check a head switch repaints within a frame.
    box.current?.setAttribute('data-paint-ms', (performance.now() - t0).toFixed(2));
  }, [matrix]);
  return (
    <div class="heat-figure" data-testid="attention-map" ref={box}>
      <p class="small">
        <strong>{title}</strong>
      </p>
      <canvas
        ref={ref}
        class="heatmap big"
        onMouseMove={(ev) => {
          const cell = ref.current && cellAt(ev, ref.current);
          if (!cell) return;
          const { r: q, c: k } = cell;
          setHover(k > q ? t('gptMasked', { q: labels[q]!, k: labels[k]! }) : `“${labels[q]}” → “${labels[k]}”: ${matrix[q][k].toFixed(4)}`);
        }}
      />
      <p class="small muted" data-testid="attention-hover">
        {hover || t('gptHeatmapHelp')}
      </p>
    </div>
  );
}
