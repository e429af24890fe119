// The benchmark page: one contender per page. The runner (run.ts) calls
// window.mlpBench.setup(name), then block(steps) once per timed repeat, then
// release(). Every contender trains the same network from the same He
// initialisation on the same batches in the same order (batch k is rows
// 64k..64k+63 of the shipped train split, cycling), and uploads its batch
// every step; see README.md for what each one does per step.

import * as tf from '@tensorflow/tfjs';
import { setThreadsCount, setWasmPaths, getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import tfjsWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import tfjsWasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import tfjsWasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import {
  buildTrainStepModel,
  initialTrainState,
  outName,
  trainStepSignature,
  type TrainStepConfig,
} from '@/models/mnist-mlp/graph';
import { ortRuntime, type ort } from '@/models/host/ort-env';
import { probeWebGpu } from '@/models/host/webgpu';
import { browserEnvironment } from '@/bench/common/page-environment';
import { decodeDataset, gunzipIfNeeded } from '@/models/mnist-mlp/reference/dataset';
import { createNetwork, initNetwork, type Network } from '@/models/mnist-mlp/reference/network';
import { createOptimizer, parameters } from '@/models/mnist-mlp/reference/optimizers';
import { mulberry32 } from '@/lib/rng';
import { createTrainer, trainStep } from '@/models/mnist-mlp/reference/training';
import {
  ADAM,
  BATCH,
  DATA_FILE,
  INIT_SEED,
  SIZES,
  type BenchApi,
  type BlockResult,
  type ContenderName,
  type SetupOptions,
  type SetupResult,
} from '@/bench/mlp/shared';

declare global {
  interface Window {
    mlpBench?: BenchApi;
  }
}

const N_IN = SIZES[0];
const N_OUT = SIZES[SIZES.length - 1]!;

interface Batches {
  count: number;
  /** Pixels scaled to [0, 1], [BATCH, 784] per batch. */
  x: Float32Array[];
  /** One-hot targets, [BATCH, 10] per batch. */
  y: Float32Array[];
  labels: Uint8Array[];
}

async function loadBatches(): Promise<Batches> {
  const res = await fetch(DATA_FILE);
  if (!res.ok) throw new Error(`${DATA_FILE}: HTTP ${res.status}`);
  const train = decodeDataset(await gunzipIfNeeded(await res.arrayBuffer())).train;
  if (!train) throw new Error(`${DATA_FILE} has no train split`);
  const count = Math.floor(train.count / BATCH);
  const batches: Batches = { count, x: [], y: [], labels: [] };
  for (let k = 0; k < count; k++) {
    const x = new Float32Array(BATCH * N_IN);
    const y = new Float32Array(BATCH * N_OUT);
    const labels = train.labels.slice(k * BATCH, (k + 1) * BATCH);
    const pixels = train.pixels.subarray(k * BATCH * N_IN, (k + 1) * BATCH * N_IN);
    for (let i = 0; i < x.length; i++) x[i] = pixels[i]! / 255;
    for (let s = 0; s < BATCH; s++) y[s * N_OUT + labels[s]!] = 1;
    batches.x.push(x);
    batches.y.push(y);
    batches.labels.push(labels);
  }
  return batches;
}

/** The shared starting point: He-initialised weights from one seed, zero biases. */
function initialNetwork(): Network {
  const net = createNetwork({ sizes: SIZES, activation: 'relu', cost: 'cross-entropy' });
  initNetwork(net, 'he', mulberry32(INIT_SEED));
  return net;
}

interface Contender {
  detail: string;
  /** Trains on batch k; resolves to the batch cost when read is true, else null. */
  step(k: number, read: boolean): Promise<number | null>;
  release(): Promise<void>;
}

function tsReference(data: Batches): Contender {
  const net = initialNetwork();
  const optimizer = createOptimizer(
    { kind: 'adam', eta: ADAM.eta, beta1: ADAM.beta1, beta2: ADAM.beta2, epsilon: ADAM.epsilon },
    parameters(net),
  );
  const trainer = createTrainer(net, optimizer, BATCH);
  return {
    detail: 'models/mnist-mlp/reference float32 loops (forward, backward, Adam) on the main thread',
    // The reference computes C as part of backward(), so the cost is always at hand.
    step: async (k) => {
      trainer.ws.a[0]!.set(data.x[k % data.count]!);
      trainer.y.set(data.labels[k % data.count]!);
      return trainStep(trainer, BATCH, {});
    },
    release: async () => {},
  };
}

const stepConfig: TrainStepConfig = {
  sizes: SIZES,
  activation: 'relu',
  cost: 'cross-entropy',
  optimizer: { kind: 'adam', beta1: ADAM.beta1, beta2: ADAM.beta2, epsilon: ADAM.epsilon },
  dropout: false,
};

async function ortContender(data: Batches, ep: 'wasm' | 'webgpu'): Promise<Contender> {
  const o = ortRuntime();
  const signature = trainStepSignature(stepConfig);
  const session = await o.InferenceSession.create(buildTrainStepModel(stepConfig), {
    executionProviders: [ep],
    // WebGPU: every output (new weights, optimizer state, t, cost) stays in a
    // GPU buffer; the next step takes the weights and state straight back.
    ...(ep === 'webgpu' ? { preferredOutputLocation: 'gpu-buffer' as const } : {}),
  });
  const init = initialTrainState(initialNetwork(), stepConfig);
  let state: Record<string, ort.Tensor> = {};
  for (const name of signature.state) state[name] = new o.Tensor('float32', init[name]!, signature.shapes[name]!);
  const scalar = (v: number) => new o.Tensor('float32', Float32Array.of(v), [1]);
  const hyper = { eta: scalar(ADAM.eta), l1: scalar(0), l2: scalar(0) };
  let detail = `onnxruntime-web ${o.env.versions.web ?? ''} ${ep} EP`;
  if (ep === 'wasm') detail += `, numThreads ${String(o.env.wasm.numThreads)}`;
  else {
    const probe = await probeWebGpu();
    const a = probe.adapter;
    detail += `, gpu-buffer outputs, adapter ${a ? [a.vendor, a.architecture, a.description].filter(Boolean).join(' / ') : 'none'}`;
  }
  return {
    detail,
    async step(k, read) {
      const feeds: Record<string, ort.Tensor> = {
        x: new o.Tensor('float32', data.x[k % data.count]!, [BATCH, N_IN]),
        y: new o.Tensor('float32', data.y[k % data.count]!, [BATCH, N_OUT]),
        ...hyper,
        ...state,
      };
      const out = await session.run(feeds);
      const next: Record<string, ort.Tensor> = {};
      for (const name of signature.state) {
        // Release the replaced GPU buffers; CPU tensors are just garbage-collected.
        if (state[name]!.location === 'gpu-buffer') state[name]!.dispose();
        next[name] = out[outName(name)]!;
      }
      state = next;
      const costTensor = out.cost!;
      let cost: number | null = null;
      if (read) cost = ((await costTensor.getData()) as Float32Array)[0]!;
      if (costTensor.location === 'gpu-buffer') costTensor.dispose();
      if (out.correct!.location === 'gpu-buffer') out.correct!.dispose();
      return cost;
    },
    async release() {
      for (const t of Object.values(state)) if (t.location === 'gpu-buffer') t.dispose();
      await session.release();
    },
  };
}

let tfjsBackendSet = false;

async function tfjsContender(data: Batches, backend: 'wasm' | 'webgpu'): Promise<Contender> {
  if (tfjsBackendSet) throw new Error('one tfjs contender per page');
  tfjsBackendSet = true;
  if (backend === 'wasm') {
    setWasmPaths({
      'tfjs-backend-wasm.wasm': tfjsWasm,
      'tfjs-backend-wasm-simd.wasm': tfjsWasmSimd,
      'tfjs-backend-wasm-threaded-simd.wasm': tfjsWasmThreadedSimd,
    });
    // Single-threaded like ORT's WASM path (threads would also need a cross-origin isolated page).
    setThreadsCount(1);
  }
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} failed to initialise`);
  await tf.ready();
  const net = initialNetwork();
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [N_IN], units: SIZES[1], activation: 'relu' }),
      tf.layers.dense({ units: SIZES[2], activation: 'relu' }),
      tf.layers.dense({ units: N_OUT }), // logits; softmax is inside the loss
    ],
  });
  // Our W^(l) is [n_l, n_(l-1)] row-major; a tfjs dense kernel is [n_(l-1), n_l].
  const weights: tf.Tensor[] = [];
  for (let l = 1; l < SIZES.length; l++) {
    const W = tf.tensor2d(Float32Array.from(net.W[l]!), [SIZES[l]!, SIZES[l - 1]!]);
    weights.push(W.transpose(), tf.tensor1d(Float32Array.from(net.b[l]!)));
    W.dispose();
  }
  model.setWeights(weights);
  for (const w of weights) w.dispose();
  const optimizer = tf.train.adam(ADAM.eta, ADAM.beta1, ADAM.beta2, ADAM.epsilon);
  let detail = `tfjs ${tf.version.tfjs} ${tf.getBackend()} backend`;
  if (backend === 'wasm') {
    detail += `, ${getThreadsCount()} thread(s), SIMD ${String(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'))}`;
  } else {
    const a = (await probeWebGpu()).adapter;
    detail += `, adapter ${a ? [a.vendor, a.architecture, a.description].filter(Boolean).join(' / ') : 'none'}`;
  }
  return {
    detail,
    async step(k, read) {
      const x = tf.tensor2d(data.x[k % data.count]!, [BATCH, N_IN]);
      const y = tf.tensor2d(data.y[k % data.count]!, [BATCH, N_OUT]);
      const cost = optimizer.minimize(
        () => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor2D) as tf.Scalar,
        true,
      );
      x.dispose();
      y.dispose();
      let value: number | null = null;
      if (cost && read) value = (await cost.data())[0]!;
      cost?.dispose();
      return value;
    },
    async release() {
      optimizer.dispose();
      model.dispose();
    },
  };
}

let data: Promise<Batches> | null = null;
let contender: Contender | null = null;
let readEvery = 1;
let nextStep = 0;

async function runSteps(steps: number, every: number): Promise<BlockResult> {
  if (!contender) throw new Error('setup() first');
  const costs: (number | null)[] = [];
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) {
    // The last step of a block is always read back, so every block ends with the device idle.
    const read = (i + 1) % every === 0 || i === steps - 1;
    costs.push(await contender.step(nextStep++, read));
  }
  return { steps, ms: performance.now() - t0, costs };
}

const api: BenchApi = {
  async environment() {
    return { ...(await browserEnvironment()) };
  },
  async setup(name: ContenderName, options: SetupOptions): Promise<SetupResult> {
    if (contender) throw new Error('one contender per page');
    readEvery = Math.max(1, Math.floor(options.readEvery));
    data ??= loadBatches();
    const batches = await data;
    const t0 = performance.now();
    switch (name) {
      case 'ts-reference':
        contender = tsReference(batches);
        break;
      case 'ort-wasm':
        contender = await ortContender(batches, 'wasm');
        break;
      case 'ort-webgpu':
        contender = await ortContender(batches, 'webgpu');
        break;
      case 'tfjs-wasm':
        contender = await tfjsContender(batches, 'wasm');
        break;
      case 'tfjs-webgpu':
        contender = await tfjsContender(batches, 'webgpu');
        break;
    }
    const setupMs = performance.now() - t0;
    // The warm-up reads every cost, so all contenders have the same starting costs to compare.
    const warm = await runSteps(options.warmup, 1);
    return { detail: contender.detail, setupMs, warmupMs: warm.ms, warmupCosts: warm.costs };
  },
  block: (steps) => runSteps(steps, readEvery),
  async release() {
    await contender?.release();
    contender = null;
  },
};

window.mlpBench = api;
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
