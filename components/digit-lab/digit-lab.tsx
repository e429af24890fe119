import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { preprocessStrokes } from '@/features/digits/preprocess';
import { PEN_WIDTH, type Stroke } from '@/features/digits/types';
import { addMyDigit } from '@/features/digits/my-digits';
import { loadSavedNets, popupNetItem, type SavedNet } from '@/features/digits/saved-nets';
import { InputPreview } from '@/components/digit-lab/input-preview';
import { defaultDigitNet, LocalClassifier, savedDigitNet } from '@/models/mnist-mlp/local-classifier';
import { NetworkView } from '@/components/digit-lab/network-view';
import { predictedClass, ProbBars } from '@/components/digit-lab/prob-bars';
import { SketchPad } from '@/components/digit-lab/sketch-pad';
import { backpropHandoffItem, encodeDrawing } from '@/features/digits/handoff';
import { openLab } from '@/platform/open-ui';
import { DIGIT_CLASSES } from '@/platform/protocol/training';

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? 0;

/**
 * Draw a digit, watch the network classify it live: the pretrained
 * 784-16-16-10, or a network the learner trained and chose. Every pointer
 * event is classified; a result that arrives after a newer one is dropped.
 */
/**
 * closeAfterTeach: close this window once the side panel is asked to open (the popup; not the
 * digit lab opened as a tab by a card's "Try it").
 */
export function DigitLab({ closeAfterTeach = false }: { closeAfterTeach?: boolean } = {}) {
  const [image, setImage] = useState<Float32Array | null>(null);
  const [layers, setLayers] = useState<Float32Array[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [classifier, setClassifier] = useState<LocalClassifier | null>(null);
  const [latency, setLatency] = useState<number[]>([]);
  const [saved, setSaved] = useState<SavedNet[]>([]);
  const [model, setModel] = useState<string | null>(null);
  const [label, setLabel] = useState<number | null>(null);
  const [added, setAdded] = useState('');
  const seq = useRef(0);
  /** When the pointer event behind the result being rendered happened. */
  const shownAt = useRef<number | null>(null);

  // Which network: the shipped one, or one the learner trained and chose.
  useEffect(() => {
    void Promise.all([loadSavedNets(), popupNetItem.getValue()]).then(([{ nets: valid }, choice]) => {
      setSaved(valid);
      setModel(valid.some((n) => n.id === choice) ? choice : 'default');
    });
  }, []);

  useEffect(() => {
    if (!model) return;
    let alive = true;
    let made: LocalClassifier | null = null;
    void (async () => {
      try {
        const custom = saved.find((n) => n.id === model);
        made = await LocalClassifier.create(custom ? savedDigitNet(custom) : await defaultDigitNet());
        if (!alive) return made.release();
        setClassifier(made);
        setLayers(null);
        setError(null);
      } catch (e) {
        if (alive) setError(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => {
      alive = false;
      made?.release();
    };
  }, [model, saved]);

  // Latency is taken once the new bars are in the DOM: pointer event to updated bars.
  useLayoutEffect(() => {
    if (shownAt.current === null) return;
    const ms = performance.now() - shownAt.current;
    shownAt.current = null;
    setLatency((l) => [...l.slice(-199), ms]);
  }, [layers]);

  /** A classification is running; the newest drawing that came in meanwhile waits here. */
  const busy = useRef(false);
  const waiting = useRef<{ strokes: readonly Stroke[]; eventTime: number } | null>(null);

  const onChange = useCallback(
    (strokes: readonly Stroke[], eventTime: number) => {
      // Raw pointer input can come faster than results (a pen at 240 Hz and more): at most one
      // classification runs, and only the newest drawing is kept for the next, so work stays bounded.
      if (busy.current) {
        waiting.current = { strokes, eventTime };
        return;
      }
      const pixels = preprocessStrokes(strokes, PEN_WIDTH);
      setImage(pixels);
      const mine = ++seq.current;
      if (!pixels) {
        // A blank pad gets no guess at all.
        setLayers(null);
        return;
      }
      if (!classifier) return;
      busy.current = true;
      const next = () => {
        busy.current = false;
        const w = waiting.current;
        waiting.current = null;
        if (w) onChange(w.strokes, w.eventTime);
      };
      void classifier.classify(pixels).then(
        (result) => {
          if (mine === seq.current) {
            shownAt.current = eventTime;
            setLayers(result);
          }
          next();
        },
        (e: unknown) => {
          setError(e instanceof Error ? e.message : String(e));
          next();
        },
      );
    },
    [classifier],
  );

  const probs = image && layers ? layers[layers.length - 1]! : null;
  const net = classifier?.net;
  return (
    <section class="stack digit-lab" data-testid="digit-lab">
      <div class="row" style={{ alignItems: 'flex-start' }}>
        <SketchPad onChange={onChange} labels={{ pad: t('digitPad'), undo: t('digitUndo'), clear: t('digitClear') }} />
        <div class="stack" style={{ minWidth: '200px' }}>
          <ProbBars
            probs={probs}
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
      {image && layers && (
        <NetworkView
          layers={layers}
          weights={net?.W.map((w) => (w instanceof Float32Array ? w : Float32Array.from(w)))}
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
            value={String(label ?? predictedClass(probs) ?? 0)}
            onChange={(e) => setLabel(Number((e.currentTarget as HTMLSelectElement).value))}
          >
            {Array.from({ length: DIGIT_CLASSES }, (_, d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
          <button
            data-testid="add-drawing-button"
            onClick={() => void addMyDigit(image, label ?? predictedClass(probs) ?? 0).then((n) => setAdded(`${t('addedDrawings')}: ${n}`))}
          >
            {t('add')}
          </button>
          {added && (
            <span class="muted" data-testid="added-count">
              {added}
            </span>
          )}
        </div>
      )}
      {image && (
        <div class="row">
          <button
            data-testid="digit-teach"
            title={t('bpWhyHint')}
            onClick={() => {
              // Both calls start in this click's task: the side panel only opens during the user's gesture.
              void backpropHandoffItem.setValue({ x: encodeDrawing(image), net: model ?? 'default', at: Date.now() });
              void openLab().then(
                () => closeAfterTeach && window.close(),
                () => undefined,
              );
            }}
          >
            {t('bpWhy')}
          </button>
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
        {net ? `${net.sizes.join('-')} · ${t('digitModelNote')} · ${t('digitEngine')}` : ''}
        {latency.length ? ` · ${t('digitLatency')} p95 ${p95(latency).toFixed(1)} ms (n = ${latency.length})` : ''}
      </div>
    </section>
  );
}
