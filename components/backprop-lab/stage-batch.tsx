import { useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { Backprop, cloneNetwork, descend, type BatchGradient, type ExampleTrace } from '@/models/mnist-mlp/reference/backprop';
import type { LabDigits } from '@/models/mnist-mlp/lab-digits';
import { EVAL_COUNT } from '@/models/mnist-mlp/lab-digits';
import { loadMyDigits } from '@/features/digits/my-digits';
import { mulberry32 } from '@/lib/rng';
import { accuracyOf } from '@/components/backprop-lab/accuracy';
import { num, pct } from '@/components/backprop-lab/format';
import { DIGIT_PIXELS } from '@/platform/protocol/training';

export const BATCH_SIZES = [8, 16, 32, 64, 128] as const;

interface Outcome {
  /** C_0 of the learner's example, mean C_0 over the batch, accuracy on the test subset (undefined while computing). */
  mine: number;
  batch: number;
  acc?: number;
}

interface Result {
  m: number;
  own: number;
  mnist: number;
  ms: number;
  grad: BatchGradient;
  cosine: number;
  single: Outcome;
  mini: Outcome;
}

export interface StageBatchProps {
  bp: Backprop;
  image: Float32Array;
  target: number;
  trace: ExampleTrace;
  eta: number;
  data: LabDigits;
  /** Takes the mini-batch step on the lab's network (with undo). */
  onApply: (grad: BatchGradient) => void;
  /** Called with each mini-batch gradient's compute time in ms. */
  onTiming: (ms: number) => void;
}

function cosine(a: readonly Float64Array[], b: readonly Float64Array[], c: readonly Float64Array[], d: readonly Float64Array[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const add = (x: readonly Float64Array[], y: readonly Float64Array[]) => {
    for (let l = 1; l < x.length; l++) {
      const u = x[l]!;
      const v = y[l]!;
      for (let i = 0; i < u.length; i++) {
        dot += u[i]! * v[i]!;
        na += u[i]! * u[i]!;
        nb += v[i]! * v[i]!;
      }
    }
  };
  add(a, c);
  add(b, d);
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * Stage 8 (lesson 3): the gradient averaged over a mini-batch (this example, the learner's own
 * labelled drawings, MNIST training digits), its step set beside the single example's step.
 */
export function StageBatch({ bp, image, target, trace, eta, data, onApply, onTiming }: StageBatchProps) {
  const [size, setSize] = useState<number>(64);
  const [result, setResult] = useState<Result | null>(null);
  const [draws, setDraws] = useState(0);

  const compute = async () => {
    const mine = await loadMyDigits().catch(() => ({ pixels: [] as number[], labels: [] as number[] }));
    const m = size;
    const n0 = DIGIT_PIXELS;
    const x = new Float64Array(m * n0);
    const targets = new Uint8Array(m);
    x.set(image, 0);
    targets[0] = target;
    // The newest labelled drawings first, at most half the batch; MNIST training digits fill the rest.
    const own = Math.min(mine.labels.length, Math.floor(m / 2));
    for (let i = 0; i < own; i++) {
      const src = mine.labels.length - 1 - i;
      for (let k = 0; k < n0; k++) x[(1 + i) * n0 + k] = mine.pixels[src * n0 + k]! / 255;
      targets[1 + i] = mine.labels[src]!;
    }
    const rng = mulberry32(1000 + draws);
    setDraws((n) => n + 1);
    const train = data.train;
    for (let r = 1 + own; r < m; r++) {
      const i = Math.floor(rng() * train.count);
      for (let k = 0; k < n0; k++) x[r * n0 + k] = train.pixels[i * n0 + k]! / 255;
      targets[r] = train.labels[i]!;
    }
    const t0 = performance.now();
    const grad = bp.batch(x, targets, m);
    const ms = performance.now() - t0;
    onTiming(ms);

    const outcome = (g: { grad_W: Float64Array[]; grad_b: Float64Array[] }) => {
      const net = cloneNetwork(bp.net);
      descend(net, g, eta);
      const after = new Backprop(net);
      return { net, o: { mine: after.example(image, target).cost_value, batch: after.batch(x, targets, m).cost_value } as Outcome };
    };
    const s = outcome(trace);
    const b = outcome(grad);
    const base: Result = {
      m,
      own,
      mnist: m - 1 - own,
      ms,
      grad,
      cosine: cosine(trace.grad_W, trace.grad_b, grad.grad_W, grad.grad_b),
      single: s.o,
      mini: b.o,
    };
    setResult(base);
    const [accS, accB] = [await accuracyOf(s.net, data.test, EVAL_COUNT), await accuracyOf(b.net, data.test, EVAL_COUNT)];
    setResult((r) => (r === base || r?.grad === grad ? { ...base, single: { ...s.o, acc: accS ?? undefined }, mini: { ...b.o, acc: accB ?? undefined } } : r));
  };

  const row = (label: string, f: (o: Outcome) => string, testid: string) =>
    result && (
      <tr data-testid={testid}>
        <td>{label}</td>
        <td class="bp-num">{f(result.single)}</td>
        <td class="bp-num">{f(result.mini)}</td>
      </tr>
    );

  return (
    <section class="card stack bp-stage" data-testid="bp-stage-batch" aria-labelledby="bp-h8">
      <h3 id="bp-h8">{t('bpStage8')}</h3>
      <p class="muted small">{t('bpBatchHelp')}</p>
      <div class="row">
        <label class="row">
          <span>{t('bpBatchSize')}</span>
          <select data-testid="bp-batch-size" value={String(size)} onChange={(e) => setSize(Number((e.currentTarget as HTMLSelectElement).value))}>
            {BATCH_SIZES.map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button data-testid="bp-batch-compute" onClick={() => void compute()}>
          {t('bpBatchCompute')}
        </button>
      </div>
      {result && (
        <div class="stack" data-testid="bp-batch-result" data-m={result.m} data-ms={result.ms} data-cosine={result.cosine}>
          <span class="small">{t('bpBatchMade', { m: result.m, own: result.own, mnist: result.mnist, ms: result.ms.toFixed(2) })}</span>
          <span class="small">{t('bpBatchCosine', { c: result.cosine.toFixed(3) })}</span>
          <table class="bp-table small">
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">{t('bpSingleStep')}</th>
                <th scope="col">{t('bpBatchStep')}</th>
              </tr>
            </thead>
            <tbody>
              {row(t('bpBatchMine'), (o) => num(o.mine), 'bp-batch-mine')}
              {row(t('bpBatchMean'), (o) => num(o.batch), 'bp-batch-mean')}
              {row(t('bpAccShort', { n: EVAL_COUNT }), (o) => (o.acc === undefined ? t('bpComputing') : pct(o.acc)), 'bp-batch-acc')}
            </tbody>
          </table>
          <p class="muted small">{t('bpBatchLesson')}</p>
          <div class="row">
            <button data-testid="bp-batch-apply" onClick={() => onApply(result.grad)}>
              {t('bpBatchApply')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
