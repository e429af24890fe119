import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { preprocessStrokes } from '@/features/digits/preprocess';
import { PEN_WIDTH, type Stroke } from '@/features/digits/types';
import type { SavedNet } from '@/features/digits/saved-nets';
import { defaultDigitNet, LocalClassifier, savedDigitNet } from '@/models/mnist-mlp/local-classifier';

/**
 * The chosen network classifying the pad live: every pointer event's drawing becomes the 28x28
 * input and each layer's activations; a result that arrives after a newer one is dropped, and the
 * time from pointer event to updated bars is kept (the last 200).
 */
export function useLiveClassifier(model: string | null, saved: readonly SavedNet[]) {
  const [image, setImage] = useState<Float32Array | null>(null);
  const [layers, setLayers] = useState<Float32Array[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [classifier, setClassifier] = useState<LocalClassifier | null>(null);
  const [latency, setLatency] = useState<number[]>([]);
  const seq = useRef(0);
  /** When the pointer event behind the result being rendered happened. */
  const shownAt = useRef<number | null>(null);

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

  return { image, layers, error, net: classifier?.net, latency, onChange };
}
