// Types and settings shared by the transformers.js baseline page (page.ts, in
// Chromium) and the Node runner (run.ts). Keep this file free of DOM and Node imports.

/** Where the runner serves the extension's shipped model folder, relative to the page (Hugging Face layout). */
export const MODEL_ID = 'tutor-gpt-mini';
export const MODELS_PATH = '/models/';
/** transformers.js's own onnxruntime-web files, served from loopback (no CDN). */
export const ORT_PATH = '/ort/';
export const ORT_FILES = ['ort-wasm-simd-threaded.asyncify.mjs', 'ort-wasm-simd-threaded.asyncify.wasm'] as const;

/**
 * English machine-learning prose in the style of the training corpus (scikit-learn's user
 * guide); the runner cuts it to exactly the prompt length in tokens. Greedy decoding after it
 * keeps writing prose instead of emitting end-of-text.
 */
export const PROMPT_SOURCE =
  'A decision tree is a supervised learning method used for classification and regression. ' +
  'The goal is to create a model that predicts the value of a target variable by learning simple ' +
  'decision rules inferred from the data features. A tree can be seen as a piecewise constant ' +
  'approximation. The deeper the tree, the more complex the decision rules and the fitter the model. ' +
  'Some advantages of decision trees are that they are simple to understand and to interpret, that ' +
  'they require little data preparation, and that the cost of using the tree to predict data is ' +
  'logarithmic in the number of data points used to train the tree. The disadvantages of decision ' +
  'trees include the creation of over-complex trees that do not generalize the data well, which is ' +
  'called overfitting. Mechanisms such as pruning, setting the minimum number of samples required at ' +
  'a leaf node or setting the maximum depth of the tree are necessary to avoid this problem. Decision ' +
  'trees can be unstable because small variations in the data might result in a completely different ' +
  'tree being generated. This problem is mitigated by using decision trees within an ensemble, such as ' +
  'a random forest, where the features are always randomly permuted at each split and the training ' +
  'samples are drawn with replacement from the training set.';

export type Device = 'webgpu' | 'wasm';

export interface PageSetup {
  /** What actually runs: device, dtype, execution provider, ORT version. */
  detail: string;
  loadMs: number;
  ortVersion: string;
  /** The tokenizer of transformers.js gave the same ids as the engine's for the prompt text. */
  sameIds: boolean;
  tjsIds: number[];
}

/** One timed generate call. Times in ms, from the page's performance.now(). */
export interface PageSample {
  /** From the call to generate() to the first new token reaching the streamer (prefill + first sampling). */
  ttftMs: number;
  /** From the first to the last new token reaching the streamer: tokens - 1 decode steps. */
  decodeMs: number;
  tokensPerSecond: number;
  /** New token ids, in order. */
  ids: number[];
  /** Per new token: ms since the previous one (the first: since the call). */
  stepMs: number[];
  totalMs: number;
}

export interface PageEnvironment {
  userAgent: string;
  hardwareConcurrency: number;
  crossOriginIsolated: boolean;
  webgpuAdapter: string;
  transformersVersion: string;
  ortVersion: string;
}

/** What the page exposes on window for the runner. */
export interface GptBenchApi {
  environment(): Promise<PageEnvironment>;
  /** Loads the tokenizer and the model (dtype q8, one thread) on `device`; checks the prompt's ids. */
  setup(device: Device, promptText: string, promptIds: number[]): Promise<PageSetup>;
  /** Greedy generate of exactly `newTokens` tokens after `ids`. */
  generate(ids: number[], newTokens: number): Promise<PageSample>;
  release(): Promise<void>;
}
