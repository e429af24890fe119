import { useMemo, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import type { GptLens } from '@/platform/protocol/protocol';
import { ExportButton, exportedTokens } from '@/components/gpt-lab/shared/export-button';
import { LensCell, LensColumn } from '@/components/gpt-lab/layers/lens-cell';
import { LensGrid } from '@/components/gpt-lab/layers/lens-grid';
import { LensNorms } from '@/components/gpt-lab/layers/lens-norms';
import type { Cell } from '@/components/gpt-lab/layers/lens-paint';
import { lensTable, nested } from '@/components/gpt-lab/layers/lens-table';
import { usePaintTimer } from '@/components/gpt-lab/shared/paint-timer';
import { useAfterPaint } from '@/components/gpt-lab/shared/use-after-paint';
import { Failure, TruncationNote, Working } from '@/components/gpt-lab/shared/status';
import { tokenLabels } from '@/components/gpt-lab/shared/token-segments';
import { useRpc } from '@/components/gpt-lab/shared/use-rpc';

/** The logit lens: what the model would predict if it stopped after each block. */
export function LayersView({ text }: { text: string }) {
  const res = useRpc('host.gpt.lens', text ? { text } : null, text);
  if (res.status === 'error') return <Failure error={res.error} retry={res.retry} />;
  if (res.status !== 'ready') return <Working what={t('gptLensWorking')} />;
  return <Lens lens={res.value} />;
}

const same = (a: Cell | null, b: Cell | null) => a === b || (!!a && !!b && a.l === b.l && a.t === b.t);

function Lens({ lens }: { lens: GptLens }) {
  const tab = useMemo(() => lensTable(lens), [lens]);
  const labels = useMemo(() => tokenLabels(lens.tokenization), [lens]);
  const [hover, setHover] = useState<Cell | null>(null);
  const [focus, setFocus] = useState<Cell | null>(null);
  // Starts on the model's own prediction for the last token.
  const [pinned, setPinned] = useState<Cell>({ l: tab.layers - 1, t: Math.max(0, tab.T - 1) });
  const timer = usePaintTimer<HTMLDivElement>();
  const rest = useAfterPaint();
  const active = hover ?? focus ?? pinned;
  const changed = (set: (c: Cell | null) => void, now: Cell | null) => (c: Cell | null) => {
    if (same(c, now)) return;
    timer.start();
    set(c);
  };
  // Kept as the same vnodes while only the hovered cell changes, so a hover re-renders the grid
  // and its cell panel, not the column table and the norm maps.
  const column = useMemo(() => <LensColumn tab={tab} labels={labels} col={pinned.t} />, [tab, labels, pinned.t]);
  const norms = useMemo(() => <LensNorms lens={lens} labels={labels} col={pinned.t} />, [lens, labels, pinned.t]);
  if (tab.T === 0) return <p class="muted">{t('gptEmptyHint')}</p>;
  return (
    <section class="stack" data-testid="gpt-layers">
      <TruncationNote tok={lens.tokenization} />
      <div class="row">
        <ExportButton
          name="layers"
          data={() => ({
            tokens: exportedTokens(lens.tokenization),
            n_layer: lens.n_layer,
            k: lens.k,
            shape: '[layer][position][k], layer 0 = embeddings, layer n_layer = the model output',
            ids: nested(tab, 'ids'),
            probs: nested(tab, 'probs'),
            displays: lens.displays,
            residual_norms: lens.residualNorms,
            attn_norms: lens.attnNorms,
            mlp_norms: lens.mlpNorms,
          })}
        />
      </div>
      <p class="small muted">{t('gptLensHelp')}</p>
      <div ref={timer.box} data-testid="lens-figure" data-cell={`${active.l},${active.t}`} class="lens-figure">
        <LensGrid
          tab={tab}
          labels={labels}
          active={active}
          column={pinned.t}
          onHover={changed(setHover, hover)}
          onFocusCell={changed(setFocus, focus)}
          onPick={(c) => {
            timer.start();
            setPinned(c);
          }}
        />
        <LensCell tab={tab} labels={labels} cell={active} norm={lens.residualNorms[active.l]?.[active.t] ?? 0} />
      </div>
      {rest ? (
        <>
          {column}
          <h3>{t('gptLensNorms')}</h3>
          {norms}
        </>
      ) : null}
    </section>
  );
}
