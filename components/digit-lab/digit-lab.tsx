import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { call, directChannel } from '@/utils/messaging/client';
import type { DigitResult } from '@/utils/messaging/protocol';
import { t } from '@/utils/i18n';
import { preprocessStrokes } from '@/utils/digits/preprocess';
import { PEN_WIDTH, type Stroke } from '@/utils/digits/types';
import type { Settings } from '@/utils/settings';
import { parseNet, popupNetItem, savedNetsItem, type SavedNet } from '@/utils/saved-nets';
import { addMyDigit } from '@/utils/my-digits';
import { predictedClass } from './prob-bars';
import { InputPreview } from './input-preview';
import { NetworkView } from './network-view';
import { ProbBars } from './prob-bars';
import { SketchPad } from './sketch-pad';

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? 0;

/**
 * Draw a digit, watch the pretrained 784-16-16-10 network classify it live.
 * One request is in flight at a time; strokes that arrive meanwhile are
 * coalesced into the next one, so the bars always show the latest drawing.
 */
export function DigitLab({ settings }: { settings: Settings }) {
  const [image, setImage] = useState<Float32Array | null>(null);
  const [result, setResult] = useState<DigitResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [weights, setWeights] = useState<Float32Array[] | undefined>(undefined);
  const [latency, setLatency] = useState<number[]>([]);
  const busy = useRef(false);
  /** When the stroke event behind the result being rendered happened. */
  const shownAt = useRef<number | null>(null);
  // Latency is taken once the new bars are in the DOM: stroke event to updated bars.
  useLayoutEffect(() => {
    if (shownAt.current === null) return;
    const ms = performance.now() - shownAt.current;
    shownAt.current = null;
    setLatency((l) => [...l.slice(-199), ms]);
  }, [result]);
  const channel = useRef<ReturnType<typeof directChannel> | null>(null);
  useEffect(() => {
    channel.current = directChannel();
    return () => channel.current?.close();
  }, []);
  const next = useRef<{ pixels: Float32Array; at: number } | null>(null);
  const backend = settings.backend;

  const [sizes, setSizes] = useState<number[] | null>(null);
  const [saved, setSaved] = useState<SavedNet[]>([]);
  const [label, setLabel] = useState<number | null>(null);
  const [added, setAdded] = useState('');
  const [model, setModel] = useState<string | null>(null);
  const modelRef = useRef('default');

  // Which network: the shipped one, or one the learner trained and chose.
  useEffect(() => {
    void Promise.all([savedNetsItem.getValue(), popupNetItem.getValue()]).then(([nets, choice]) => {
      const valid = nets.map((n) => parseNet(n)).filter((n): n is SavedNet => !!n);
      setSaved(valid);
      setModel(valid.some((n) => n.id === choice) ? choice : 'default');
    });
  }, []);

  useEffect(() => {
    if (!model) return;
    void (async () => {
      const net = saved.find((n) => n.id === model);
      if (net) {
        const r = await call('host.digits.load', { id: net.id, net: { sizes: net.sizes, activation: net.activation, cost: net.cost, W: net.W, b: net.b } });
        if (!r.ok) return setError(r.error.message);
      }
      const r = await call('host.digits.weights', { backend, model }, { retryOnDisconnect: true });
      if (!r.ok) return setError(r.error.message);
      modelRef.current = model;
      // NetworkView indexes weights like the reference network: index 0 unused.
      setWeights([new Float32Array(0), ...r.value.W.map((w) => Float32Array.from(w))]);
      setSizes(r.value.sizes);
      setResult(null);
      setError(null);
    })();
  }, [backend, model, saved]);

  const pump = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    while (next.current) {
      const job = next.current;
      next.current = null;
      const r = await channel.current!.call('host.digits.classify', { pixels: Array.from(job.pixels), backend, model: modelRef.current });
      if (r.ok) {
        shownAt.current = job.at;
        setResult(r.value);
        setError(null);
      } else {
        setError(r.error.message);
      }
    }
    busy.current = false;
  }, [backend]);

  const onChange = useCallback(
    (strokes: readonly Stroke[]) => {
      const at = performance.now();
      const pixels = preprocessStrokes(strokes, PEN_WIDTH);
      setImage(pixels);
      if (!pixels) {
        // A blank pad gets no guess at all.
        next.current = null;
        setResult(null);
        return;
      }
      next.current = { pixels, at };
      void pump();
    },
    [pump],
  );

  const layers = result && image ? [image, ...result.activations.slice(1).map((a) => Float32Array.from(a))] : null;
  return (
    <section class="stack digit-lab" data-testid="digit-lab">
      <div class="row" style={{ alignItems: 'flex-start' }}>
        <SketchPad
          onChange={onChange}
          labels={{ pad: t('digitPad'), undo: t('digitUndo'), clear: t('digitClear') }}
        />
        <div class="stack" style={{ minWidth: '200px' }}>
          <ProbBars
            probs={image && result ? result.probs : null}
            labels={{ empty: t('digitDrawPrompt'), prediction: t('digitPrediction'), probabilities: t('digitProbabilities') }}
          />
          <InputPreview image={image} label={t('digitInput')} />
        </div>
      </div>
      {error && (
        <div class="fail" role="alert">
          {error}
        </div>
      )}
      {layers && (
        <NetworkView
          layers={layers}
          weights={weights}
          width={560}
          height={260}
          labels={{ title: t('digitNetworkTitle'), input: t('digitTipInput'), hidden: t('digitTipHidden'), output: t('digitTipOutput') }}
        />
      )}
      {image && (
        <div class="row" data-testid="add-drawing">
          <span class="muted">{t('addDrawing')}</span>
          <select
            data-testid="add-drawing-label"
            value={String(label ?? predictedClass(result?.probs ?? null) ?? 0)}
            onChange={(e) => setLabel(Number((e.currentTarget as HTMLSelectElement).value))}
          >
            {Array.from({ length: 10 }, (_, d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
          <button
            data-testid="add-drawing-button"
            onClick={() =>
              void addMyDigit(image, label ?? predictedClass(result?.probs ?? null) ?? 0).then((n) => setAdded(`${t('addedDrawings')}: ${n}`))
            }
          >
            {t('add')}
          </button>
          {added && <span class="muted" data-testid="added-count">{added}</span>}
        </div>
      )}
      {saved.length > 0 && (
        <label class="row">
          <span class="muted">{t('digitNetwork')}</span>
          <select
            data-testid="digit-network-choice"
            value={model ?? 'default'}
            onChange={(e) => {
              const id = (e.currentTarget as HTMLSelectElement).value;
              setModel(id);
              void popupNetItem.setValue(id);
            }}
          >
            <option value="default">{t('digitDefaultNet')}</option>
            {saved.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <div class="muted" data-testid="digit-latency" data-p95={latency.length ? p95(latency).toFixed(2) : ''} data-n={latency.length}>
        {sizes ? `${sizes.join('-')} · ${t('digitModelNote')}` : ''}
        {result ? ` · ${result.backend} · ${t('digitLatency')} p95 ${p95(latency).toFixed(1)} ms (n = ${latency.length})` : ''}
      </div>
    </section>
  );
}
