// Types and settings shared by the benchmark page (page.ts, in Chromium) and
// its Node runner (run.ts). Keep this file free of DOM and Node imports.

/** Every contender trains the same 784-16-16-10 ReLU network with softmax cross-entropy. */
export const SIZES = [784, 16, 16, 10] as const;
export const BATCH = 64;
/** Adam, as the Digit lab's default: eta 0.003, beta1 0.9, beta2 0.999, epsilon 1e-8. */
export const ADAM = { eta: 0.003, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;
/** Seed of the He initialisation (models/mnist-mlp/reference/init.ts) every contender starts from. */
export const INIT_SEED = 1234;
/** The page fetches the shipped digit set under this name from the bench server. */
export const DATA_FILE = 'mnist-lab.dlmn.gz';

export type ContenderName = 'ort-webgpu' | 'ort-wasm' | 'ts-reference' | 'tfjs-wasm' | 'tfjs-webgpu';

export const BROWSER_CONTENDERS: readonly ContenderName[] = [
  'ts-reference',
  'ort-wasm',
  'tfjs-wasm',
  'ort-webgpu',
  'tfjs-webgpu',
];

export const NEEDS_WEBGPU: Record<ContenderName, boolean> = {
  'ort-webgpu': true,
  'ort-wasm': false,
  'ts-reference': false,
  'tfjs-wasm': false,
  'tfjs-webgpu': true,
};

export interface SetupOptions {
  warmup: number;
  /** Read the batch cost back to JS every this many steps (1 = every step), and always on a block's last step. */
  readEvery: number;
}

export interface SetupResult {
  /** What actually runs, e.g. the backend tfjs picked or the WebGPU adapter. */
  detail: string;
  /** Building the model, session or backend, in ms (not part of the timed steps). */
  setupMs: number;
  /** ms for the warm-up steps. */
  warmupMs: number;
  /** Batch cost of every warm-up step that was read back (index = step number). */
  warmupCosts: (number | null)[];
}

export interface BlockResult {
  steps: number;
  ms: number;
  /** Batch cost per step of this block, null where it was not read back. */
  costs: (number | null)[];
}

/** What the page exposes on window for the runner. */
export interface BenchApi {
  environment(): Promise<Record<string, string | number | boolean>>;
  setup(name: ContenderName, options: SetupOptions): Promise<SetupResult>;
  block(steps: number): Promise<BlockResult>;
  release(): Promise<void>;
}
