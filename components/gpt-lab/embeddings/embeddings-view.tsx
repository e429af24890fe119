import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import type { GptEmbedding } from '@/platform/protocol/protocol';
import { AnalogyBox } from '@/components/gpt-lab/embeddings/analogy-box';
import { cellAt, paintGrid } from '@/components/gpt-lab/shared/canvas-map';
import { bmpDataUrl } from '@/lib/bmp';
import { diverging } from '@/components/gpt-lab/shared/colors';
import { pageTheme } from '@/components/shared/theme';
import { ExportButton, exportedTokens } from '@/components/gpt-lab/shared/export-button';
import { PcaScatter } from '@/components/gpt-lab/embeddings/pca-scatter';
import { showWhitespace } from '@/components/gpt-lab/shared/show-whitespace';
import { Failure, TruncationNote, Working } from '@/components/gpt-lab/shared/status';
import { tokenLabels } from '@/components/gpt-lab/shared/token-segments';
import { useRpc } from '@/components/gpt-lab/shared/use-rpc';
import { useStaged } from '@/components/shared/use-staged';
import { pure } from '@/components/shared/pure';
import { unpackRows } from '@/platform/protocol/packed';

/**
 * Strip rows rendered per frame (see useStaged): a row is a label, the strip's image and six
 * neighbour chips, about a dozen text runs to shape. In a fresh browser each is cold code and
 * CJK text meets its fallback fonts for the first time, so a row's first render and layout can
 * cost 5-10 ms of a 2-core machine's CPU; two a frame keep every such task far from 50 ms.
 */
const ROWS_PER_FRAME = 2;
/**
 * The figures under the strips (PCA, similarity map, analogy box), mounted one per frame after the
 * strips start. The answer's own task (its message, first render) shows only the header: it is
 * all cold code in a fresh panel, and the strips' first rows follow a frame later.
 */
const FIGURES = 3;

type Which = 'wte' | 'inputsEmbeds';

export function EmbeddingsView({ text }: { text: string }) {
  const res = useRpc('host.gpt.embed', text ? { text, k: 6 } : null, text);
  const [which, setWhich] = useState<Which>('wte');
  if (res.status === 'error') return <Failure error={res.error} retry={res.retry} />;
  if (res.status !== 'ready') return <Working what={t('gptEmbedding')} />;
  return <Embeddings e={res.value} which={which} setWhich={setWhich} />;
}

/** The answer's packed vectors as one row view each, decoded once per answer. */
interface Vectors {
  wte: Float32Array[];
  inputsEmbeds: Float32Array[];
  similarity: Float32Array[];
}

const plain = (rows: Float32Array[]) => rows.map((r) => Array.from(r));

function Embeddings({ e, which, setWhich }: { e: GptEmbedding; which: Which; setWhich: (w: Which) => void }) {
  const labels = useMemo(() => tokenLabels(e.tokenization), [e]);
  const vectors = useMemo<Vectors>(() => ({ wte: unpackRows(e.wte), inputsEmbeds: unpackRows(e.inputsEmbeds), similarity: unpackRows(e.similarity) }), [e]);
  // The header paints first, then the strips; the PCA, the similarity map and the analogy box follow, one a frame.
  const figures = useStaged(FIGURES + 2, 1, e) - 2;
  return (
    <section class="stack" data-testid="gpt-embeddings" data-staging={figures < FIGURES ? '' : undefined}>
      <TruncationNote tok={e.tokenization} />
      <div class="row">
        <label class="field-inline">
          {t('gptVector')}{' '}
          <select value={which} onChange={(ev) => setWhich(ev.currentTarget.value as Which)}>
            <option value="wte">{t('gptVectorWte')}</option>
            <option value="inputsEmbeds">{t('gptVectorInput')}</option>
          </select>
        </label>
        <ExportButton
          name="embeddings"
          data={() => ({
            tokens: exportedTokens(e.tokenization),
            wte: plain(vectors.wte),
            inputs_embeds: plain(vectors.inputsEmbeds),
            nearest: e.nearest,
            pca: { points: e.pca, explained: e.pcaExplained },
            cosine_similarity: plain(vectors.similarity),
          })}
        />
      </div>
      <p class="muted small">{t('gptStripHelp')}</p>
      {figures >= 0 ? <Strips e={e} vectors={vectors[which]} labels={labels} /> : null}
      {figures >= 1 ? (
        <>
          <h3>{t('gptPca')}</h3>
          <PcaScatter points={e.pca} labels={labels} explained={e.pcaExplained} />
        </>
      ) : null}
      {figures >= 2 ? (
        <>
          <h3>{t('gptSimilarity')}</h3>
          <Similarity matrix={vectors.similarity} labels={labels} />
        </>
      ) : null}
      {figures >= 3 ? (
        <>
          <h3>{t('gptAnalogy')}</h3>
          <AnalogyBox />
        </>
      ) : null}
    </section>
  );
}

function Strips({ e, vectors, labels }: { e: GptEmbedding; vectors: Float32Array[]; labels: string[] }) {
  const shown = useStaged(vectors.length, ROWS_PER_FRAME, e);
  const scale = useMemo(() => {
    // Indexed loops: this runs once per answer, before any of it is optimized, and a typed array's
    // iterator in the interpreter costs about ten times as much per value.
    let m = 0;
    for (let t = 0; t < vectors.length; t++) {
      const v = vectors[t];
      for (let c = 0; c < v.length; c++) m = Math.max(m, Math.abs(v[c]));
    }
    return m;
  }, [vectors]);
  return (
    <div class="strips" data-staging={shown < vectors.length ? '' : undefined}>
      {vectors.slice(0, shown).map((v, i) => (
        <StripRow key={i} v={v} scale={scale} label={labels[i]} id={e.tokenization.tokens[i].id} nearest={e.nearest[i]} />
      ))}
    </div>
  );
}

/** One token's row; rows already shown are not rendered again as more arrive. */
const StripRow = pure(function StripRow({ v, scale, label, id, nearest }: { v: Float32Array; scale: number; label: string; id: number; nearest: GptEmbedding['nearest'][number] }) {
  return (
    <div class="strip-row">
      <code class="strip-label" title={`id ${id}`}>
        {label}
      </code>
      <Strip v={v} scale={scale} />
      <span class="neighbours small">
        {nearest.map((n) => (
          <span key={n.id} class="chip" title={`cos ${n.cosine.toFixed(3)}`}>
            {showWhitespace(n.display, true)} <span class="muted">{n.cosine.toFixed(2)}</span>
          </span>
        ))}
      </span>
    </div>
  );
});

function Strip({ v, scale }: { v: Float32Array; scale: number }) {
  const src = useMemo(() => {
    const dark = pageTheme() === 'dark';
    // An image, not a canvas: fifty strips as canvases were fifty canvas resources to paint and
    // commit in each frame that added rows (40-70 ms frames); a BMP costs microseconds to make.
    return bmpDataUrl(v.length, 1, (c) => diverging(scale > 0 ? v[c] / scale : 0, dark));
  }, [v, scale]);
  const [hover, setHover] = useState<string>('');
  return (
    <img
      class="strip"
      src={src}
      alt=""
      title={hover}
      onMouseMove={(ev) => {
        const cell = cellAt(ev, ev.currentTarget, 1, v.length);
        if (cell) setHover(`[${cell.c}] = ${v[cell.c].toFixed(4)}`);
      }}
    />
  );
}

function Similarity({ matrix, labels }: { matrix: Float32Array[]; labels: string[] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<string>('');
  useEffect(() => {
    const dark = pageTheme() === 'dark';
    if (ref.current) paintGrid(ref.current, matrix.length, matrix.length, (r, c) => diverging(matrix[r][c], dark));
  }, [matrix]);
  return (
    <figure class="heat-figure">
      <canvas
        ref={ref}
        class="heatmap"
        data-testid="similarity-map"
        onMouseMove={(ev) => {
          const cell = ref.current && cellAt(ev, ref.current);
          if (cell) setHover(`cos(“${labels[cell.r]}”, “${labels[cell.c]}”) = ${matrix[cell.r][cell.c].toFixed(3)}`);
        }}
      />
      <figcaption class="small muted">{hover || t('gptSimilarityHelp')}</figcaption>
    </figure>
  );
}
