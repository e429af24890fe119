import { createNetwork, initNetwork } from '@/models/mnist-mlp/reference/network';
import { mulberry32, permutation, type Rng } from '@/lib/rng';
import type { DigitSet } from '@/models/mnist-mlp/reference/dataset';
import type { BackendPreference } from '@/platform/protocol/protocol';
import { buildInferenceModel, buildTrainStepModel, drawDropoutMasks, initialTrainState, outName, trainStepSignature, type TrainStepConfig } from '@/models/mnist-mlp/graph';
import { ortRuntime, type ort } from '@/models/host/ort-env';
import { inTurn, type SessionStore } from '@/models/host/sessions';
import { batchOf, labData } from '@/models/mnist-mlp/host/lab-data';
import { DIGIT_CLASSES, DIGIT_PIXELS, type TrainConfig, type TrainProgress, type TrainSummary } from '@/platform/protocol/training';
import { SLICE_MS, yieldToOthers } from '@/lib/yield';
import { DivergenceWatch } from '@/models/mnist-mlp/host/divergence';

/** Curves (cost and validation accuracy) get a new point at least this often: under 100 ms, so they move smoothly. */
const REPORT_MS = 80;
const EVAL_BATCH = 1000;
const GALLERY = 24;

type Tensor = ort.Tensor;

/** MNIST's training split plus the learner's own drawings. */
function withExtra(set: DigitSet, extra: TrainConfig['extra']): DigitSet {
  if (!extra || extra.labels.length === 0) return set;
  const n = extra.labels.length;
  const pixels = new Uint8Array(set.pixels.length + n * DIGIT_PIXELS);
  pixels.set(set.pixels);
  pixels.set(extra.pixels, set.pixels.length);
  const labels = new Uint8Array(set.count + n);
  labels.set(set.labels);
  labels.set(extra.labels, set.count);
  return { ...set, count: set.count + n, pixels, labels };
}

/**
 * One training run in the model host: the whole step (forward, backward,
 * optimizer) is one ONNX graph; weights and optimizer state are its outputs,
 * fed back as inputs, and stay on the GPU between steps on WebGPU.
 */
export class TrainingRun {
  private state: Record<string, Tensor> = {};
  private epoch = 0;
  private stepInEpoch = 0;
  private steps = 0;
  private order: Uint32Array | null = null;
  /** Kept across a pause: a resumed run is watched from where it first started. */
  private readonly divergence = new DivergenceWatch(Math.log(DIGIT_CLASSES));
  private readonly rng: Rng;
  private readonly sizes: number[];
  private readonly stepConfig: TrainStepConfig;

  constructor(
    readonly id: string,
    readonly config: TrainConfig,
    private readonly store: SessionStore,
    private readonly backend: BackendPreference,
  ) {
    this.rng = mulberry32(config.seed);
    this.sizes = [DIGIT_PIXELS, ...config.hidden, DIGIT_CLASSES];
    this.stepConfig = {
      sizes: this.sizes,
      activation: config.activation,
      cost: config.cost,
      optimizer: { kind: config.optimizer },
      dropout: config.dropout > 0,
    };
  }

  private session() {
    return this.store.get(
      `train:${this.id}`,
      { kind: 'bytes', label: 'training step', build: () => buildTrainStepModel(this.stepConfig) },
      { backend: this.backend, gpuOutputs: true, avoidFallbackAdapter: true },
    );
  }

  private init(): void {
    const ort = ortRuntime();
    const net = createNetwork({ sizes: this.sizes, activation: this.config.activation, cost: this.config.cost });
    initNetwork(net, this.config.init, this.rng);
    const s = initialTrainState(net, this.stepConfig);
    const sig = trainStepSignature(this.stepConfig);
    for (const name of sig.state) this.state[name] = new ort.Tensor('float32', s[name]!, sig.shapes[name] ?? [1]);
  }

  private scalar(v: number): Tensor {
    return new (ortRuntime().Tensor)('float32', Float32Array.of(v), [1]);
  }

  /** Runs one batch through the step graph; returns its outputs (the caller keeps or disposes them). */
  private async run(session: ort.InferenceSession, x: Float32Array, y: Float32Array, n: number, eta: number, train: boolean) {
    const ort = ortRuntime();
    const sig = trainStepSignature(this.stepConfig);
    const feeds: Record<string, Tensor> = { ...this.state };
    feeds.x = new ort.Tensor('float32', x, [n, DIGIT_PIXELS]);
    feeds.y = new ort.Tensor('float32', y, [n, DIGIT_CLASSES]);
    feeds.eta = this.scalar(eta);
    feeds.l1 = this.scalar(this.config.l1);
    feeds.l2 = this.scalar(this.config.l2);
    const hiddenSizes = this.sizes.slice(1, -1);
    if (sig.masks.length) {
      // Inverted dropout in training only; evaluation passes all-ones masks.
      const masks = train && this.config.dropout > 0 ? drawDropoutMasks(this.sizes, n, this.config.dropout, this.rng) : hiddenSizes.map((h) => new Float32Array(n * h).fill(1));
      sig.masks.forEach((name, i) => (feeds[name] = new ort.Tensor('float32', masks[i]!, [n, hiddenSizes[i]!])));
    }
    return inTurn(() => session.run(feeds));
  }

  private keep(out: Record<string, Tensor>): void {
    const sig = trainStepSignature(this.stepConfig);
    for (const name of sig.state) {
      const next = out[outName(name)]!;
      this.state[name]!.dispose();
      this.state[name] = next;
    }
  }

  private static drop(out: Record<string, Tensor>, except: Set<Tensor> = new Set()): void {
    for (const t of Object.values(out)) if (!except.has(t)) t.dispose();
  }

  /** Accuracy of the current weights on a split, via the step graph with eta = 0 and nothing kept. */
  private async accuracy(session: ort.InferenceSession, set: DigitSet, limit = set.count): Promise<number> {
    const order = Uint32Array.from({ length: limit }, (_, i) => i);
    let right = 0;
    for (let from = 0; from < limit; from += EVAL_BATCH) {
      const to = Math.min(limit, from + EVAL_BATCH);
      const { x, y } = batchOf(set, order, from, to, DIGIT_CLASSES);
      const out = await this.run(session, x, y, to - from, 0, false);
      right += ((await out.correct!.getData()) as Float32Array)[0]!;
      TrainingRun.drop(out);
    }
    return right / limit;
  }

  async train(progress: (p: TrainProgress) => void, signal: AbortSignal): Promise<TrainSummary> {
    const data = await labData();
    const train = withExtra(data.train!, this.config.extra);
    const { loaded } = await this.session();
    const session = loaded.session;
    if (!this.steps && !Object.keys(this.state).length) this.init();
    const B = this.config.batch;
    const stepsPerEpoch = Math.ceil(train.count / B);
    let lossSum = 0;
    let right = 0;
    let seen = 0;
    let lastReport = performance.now();
    /** Start of the training time since the last report (validation time excluded from samples/s). */
    let trainSince = lastReport;
    let sliceStart = performance.now();
    let samplesSince = 0;

    while (this.epoch < this.config.epochs) {
      this.order ??= permutation(train.count, this.rng);
      while (this.stepInEpoch < stepsPerEpoch) {
        if (signal.aborted) return { status: 'paused', backend: loaded.backend, epochsDone: this.epoch, steps: this.steps };
        const from = this.stepInEpoch * B;
        const to = Math.min(train.count, from + B);
        const { x, y } = batchOf(train, this.order, from, to, DIGIT_CLASSES);
        const out = await this.run(session, x, y, to - from, this.config.eta, true);
        const cost = ((await out.cost!.getData()) as Float32Array)[0]!;
        if (this.divergence.see(cost)) {
          TrainingRun.drop(out);
          // Nothing of a diverged run is kept or saved.
          return { status: 'diverged', backend: loaded.backend, epochsDone: this.epoch, steps: this.steps };
        }
        right += ((await out.correct!.getData()) as Float32Array)[0]!;
        out.cost!.dispose();
        out.correct!.dispose();
        this.keep(out);
        lossSum += cost * (to - from);
        seen += to - from;
        samplesSince += to - from;
        this.steps++;
        this.stepInEpoch++;
        const now = performance.now();
        // The host worker serves every request on one thread: a pause, a cancel or a generation
        // asked for meanwhile is read between slices.
        if (now - sliceStart >= SLICE_MS) {
          await yieldToOthers();
          sliceStart = performance.now();
        }
        if (now - lastReport >= REPORT_MS) {
          const samplesPerSec = (samplesSince / (now - trainSince)) * 1000;
          // The whole validation split, every report: the accuracy curve is live too.
          const valAcc = await this.accuracy(session, data.val!);
          progress({
            epoch: this.epoch,
            step: this.stepInEpoch,
            stepsPerEpoch,
            loss: lossSum / seen,
            trainAcc: right / seen,
            valAcc,
            samplesPerSec,
          });
          lossSum = right = seen = samplesSince = 0;
          lastReport = now;
          trainSince = performance.now();
        }
      }
      this.epoch++;
      this.stepInEpoch = 0;
      this.order = null;
      const valAcc = await this.accuracy(session, data.val!);
      progress({ epoch: this.epoch, step: 0, stepsPerEpoch, loss: seen ? lossSum / seen : NaN, trainAcc: seen ? right / seen : NaN, valAcc, samplesPerSec: 0 });
    }
    return { status: 'done', backend: loaded.backend, epochsDone: this.epoch, steps: this.steps, ...(await this.test(data.test!)) };
  }

  /** Test accuracy, confusion matrix and misclassified digits, through an inference graph of the final weights. */
  private async test(set: DigitSet): Promise<Pick<TrainSummary, 'testAcc' | 'confusion' | 'misclassified' | 'weights'>> {
    const L = this.sizes.length - 1;
    const W: number[][] = [];
    const b: number[][] = [];
    for (let l = 1; l <= L; l++) {
      W.push(Array.from((await this.state[`W${l}`]!.getData()) as Float32Array));
      b.push(Array.from((await this.state[`b${l}`]!.getData()) as Float32Array));
    }
    const model = buildInferenceModel({ W: [[], ...W], b: [[], ...b] }, { sizes: this.sizes, activation: this.config.activation, cost: this.config.cost }, { activations: false });
    const { loaded } = await this.store.get(`train-test:${this.id}`, { kind: 'bytes', label: 'trained network', build: () => model }, { backend: this.backend, avoidFallbackAdapter: true });
    const ort = ortRuntime();
    const confusion = Array.from({ length: DIGIT_CLASSES }, () => new Array<number>(DIGIT_CLASSES).fill(0));
    const misclassified: NonNullable<TrainSummary['misclassified']> = [];
    let right = 0;
    const order = Uint32Array.from({ length: set.count }, (_, i) => i);
    for (let from = 0; from < set.count; from += EVAL_BATCH) {
      const to = Math.min(set.count, from + EVAL_BATCH);
      const { x, labels } = batchOf(set, order, from, to, DIGIT_CLASSES);
      const out = await inTurn(() => loaded.session.run({ pixels: new ort.Tensor('float32', x, [to - from, DIGIT_PIXELS]) }));
      const probs = (await out.probs!.getData()) as Float32Array;
      TrainingRun.drop(out);
      for (let r = 0; r < to - from; r++) {
        let best = 0;
        for (let k = 1; k < DIGIT_CLASSES; k++) if (probs[r * DIGIT_CLASSES + k]! > probs[r * DIGIT_CLASSES + best]!) best = k;
        const label = labels[r]!;
        confusion[label]![best]!++;
        if (best === label) right++;
        else if (misclassified.length < GALLERY) {
          misclassified.push({ index: from + r, label, predicted: best, pixels: Array.from(set.pixels.subarray((from + r) * DIGIT_PIXELS, (from + r + 1) * DIGIT_PIXELS)) });
        }
      }
    }
    await this.store.release(`train-test:${this.id}`);
    return {
      testAcc: right / set.count,
      confusion,
      misclassified,
      weights: { sizes: this.sizes, activation: this.config.activation, cost: this.config.cost, W, b },
    };
  }

  async dispose(): Promise<void> {
    for (const t of Object.values(this.state)) t.dispose();
    this.state = {};
    await this.store.release(`train:${this.id}`);
  }
}
