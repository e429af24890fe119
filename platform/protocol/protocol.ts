// The one message protocol of the extension: every request type, its payload,
// its answer and its progress events live in this map, so a call site and its
// handler can't disagree about shapes.

import type { Backend, BackendPreference } from '@/platform/protocol/backend';
import type { ConceptDetails } from '@/platform/protocol/concept';
import type { Demo } from '@/platform/protocol/demo';
import type { MetEvent } from '@/platform/protocol/met';

export { BACKENDS, BACKEND_PREFERENCES, type Backend, type BackendPreference } from '@/platform/protocol/backend';
export { GPT_VIEWS, type Demo, type GptView } from '@/platform/protocol/demo';

export interface AdapterInfo {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** The browser says this adapter is a fallback one (software, CPU-emulated). */
  isFallbackAdapter?: boolean;
}

export interface SelfTestReport {
  status: 'pass' | 'fail';
  /** Why it failed; absent on pass. */
  reason?: string;
  backend: Backend;
  requested: BackendPreference;
  /** Set when WebGPU was wanted but could not be used, and why. */
  fallbackReason?: string;
  adapter: AdapterInfo | null;
  maxAbsError: number;
  tolerance: number;
  /** The output stayed in a GPU buffer until it was read back. */
  gpuResidentOutput: boolean;
  sessionReused: boolean;
  timings: {
    buildMs: number;
    createSessionMs: number;
    firstRunMs: number;
    runMedianMs: number;
    runs: number;
  };
  hostStartedAt: number;
}

export interface TrainCheckReport {
  status: 'pass' | 'fail';
  backend: Backend;
  tolerance: number;
  results: { optimizer: string; maxAbs: number; maxRel: number; costRel: number; correctMismatches: number; steps: number; ms: number }[];
}

/** Bytes; a field is absent where the browser does not tell. */
export interface HostMemory {
  jsHeapBytes?: number;
  agentBytes?: number;
}

export interface HostStatus {
  hostStartedAt: number;
  webgpu: { available: boolean; adapter: AdapterInfo | null; reason?: string };
  sessions: { key: string; backend: Backend }[];
  /** WASM threads the host runs ORT with; reason set when it is one thread for want of isolation or cores. */
  threads: { count: number; reason?: string };
  /** Whether the host runs in its own worker (off every page's main thread). */
  inWorker: boolean;
}

export interface PageConcepts {
  url: string;
  title: string;
  annotating: boolean;
  /** In order of first appearance on the page. */
  concepts: { id: string; count: number }[];
}

export interface VideoInfo {
  status: 'no-video' | 'loading' | 'no-captions' | 'ready';
  source: { kind: 'html5-track' | 'youtube' | 'bilibili' | 'file'; label: string; lang: string; cues: number } | null;
  title: string;
  url: string;
  /** In order of first appearance; times in seconds. */
  concepts: { conceptId: string; first: number; mentions: number[] }[];
}

export type { TrainConfig, TrainProgress, TrainSummary } from '@/platform/protocol/training';
import type { TrainConfig, TrainProgress, TrainSummary } from '@/platform/protocol/training';

export type {
  GenerateSettings,
  GptAnalogy,
  GptAttention,
  GptAttentionPacked,
  GptEmbedding,
  GptGeneration,
  GptNextToken,
  GptStep,
  GptTokenization,
  SamplingSettings,
  TokenProb,
} from '@/platform/protocol/gpt';
import type {
  GenerateSettings,
  GptAnalogy,
  GptAttentionPacked,
  GptConfig,
  GptEmbedding,
  GptGeneration,
  GptNextToken,
  GptStep,
  GptTokenization,
  SamplingSettings,
} from '@/platform/protocol/gpt';
export type { GptHeadRoles, GptLens, GptNeuronEffect, GptNeurons, HeadRole, TokenValue } from '@/platform/protocol/gpt-inside';
import type { GptHeadRoles, GptLens, GptNeuronEffect, GptNeurons } from '@/platform/protocol/gpt-inside';
import type { AttentionLayer } from '@/platform/protocol/attention-codec';

/** The GPT engine as loaded in the model host. */
export interface GptEngineInfo {
  backend: Backend;
  requested: BackendPreference;
  fallbackReason?: string;
  config: GptConfig;
  /** The ONNX file the session runs, relative to the extension root. */
  modelFile: string;
  loadMs: number;
  hostStartedAt: number;
  /** How 'auto' chose the backend: measured (or remembered) timings and the reason. */
  choice?: BackendChoice;
}

/** 'auto' times a short warm forward pass on each backend that opens and takes the faster. */
export interface BackendChoice {
  backend: Backend;
  /** Why, in a word: timed both, WebGPU absent, a fallback (software) adapter, or WebGPU failed to open the model. */
  why: 'measured' | 'no-webgpu' | 'fallback-adapter' | 'webgpu-failed';
  /** The same in a sentence (English, for logs and exports). */
  reason: string;
  /** Median ms of a warm forward pass over the probe prompt, per backend that was timed. */
  timings: Partial<Record<Backend, number>>;
  /** Taken from an earlier measurement for this model, browser and adapter. */
  remembered: boolean;
}

export interface Api {
  /** Answered by the background itself: is it alive, and since when. */
  'bg.ping': { req: Record<string, never>; res: { backgroundStartedAt: number }; progress: never };
  /** Builds, runs and checks a small graph in the model host. */
  'host.selftest': { req: { backend: BackendPreference }; res: SelfTestReport; progress: { stage: string } };
  'host.status': { req: Record<string, never>; res: HostStatus; progress: never };
  /** The host's memory as far as this browser tells: agentBytes counts its worker, ArrayBuffers and WebAssembly memories (may wait for a GC). */
  'host.memory': { req: Record<string, never>; res: HostMemory; progress: never };
  /** The training step graph against the TypeScript reference, on this browser's backend. */
  'host.selftest.train': { req: { backend: BackendPreference }; res: TrainCheckReport; progress: never };
  /** Trains (or resumes) run runId; cancelling the request pauses it. */
  'host.train.start': { req: { runId: string; config: TrainConfig; backend: BackendPreference }; res: TrainSummary; progress: TrainProgress };
  'host.train.reset': { req: { runId: string }; res: { ok: true }; progress: never };
  /** Loads (or returns) the GPT engine; other gpt requests load it with 'auto' when needed. */
  'host.gpt.load': { req: { backend: BackendPreference }; res: GptEngineInfo; progress: { stage: string } };
  'host.gpt.tokenize': { req: { text: string }; res: GptTokenization; progress: never };
  'host.gpt.embed': { req: { text: string; k?: number }; res: GptEmbedding; progress: never };
  /** a - b + c over the embedding matrix. */
  'host.gpt.analogy': { req: { a: string; b: string; c: string; k?: number }; res: GptAnalogy; progress: never };
  /** Attention probabilities, packed (unpackAttention gives [layer][head][T][T]). */
  'host.gpt.attend': { req: { text: string }; res: GptAttentionPacked; progress: AttentionLayer };
  /** appendIds: tokens already chosen after the text (the lab's step mode). */
  'host.gpt.next': { req: { text: string; settings: SamplingSettings; appendIds?: number[] }; res: GptNextToken; progress: never };
  /** Streams the steps as progress (batched, at most one message a frame); cancelling stops generation. cache: false recomputes the prefix each step (for comparison). */
  'host.gpt.generate': { req: { text: string; settings: GenerateSettings; cache?: boolean }; res: GptGeneration; progress: { steps: GptStep[] } };
  /** The logit lens of the text (see gpt-inside.ts), with residual-stream norms. */
  'host.gpt.lens': { req: { text: string }; res: GptLens; progress: never };
  /** Every MLP neuron's activation over the text. */
  'host.gpt.neurons': { req: { text: string }; res: GptNeurons; progress: never };
  /** One neuron's direct effect on the output tokens. */
  'host.gpt.neuron': { req: { layer: number; index: number }; res: GptNeuronEffect; progress: never };
  /** Measured head roles on the random-token probe, and on the text when one is given. */
  'host.gpt.heads': { req: { text: string }; res: GptHeadRoles; progress: never };
  /** The concepts marked in a tab (the active one when tabId is absent). */
  'tab.concepts': { req: { tabId?: number }; res: PageConcepts; progress: never };
  'tab.scrollTo': { req: { tabId?: number; conceptId: string }; res: { found: boolean }; progress: never };
  /** Annotate a page that is not on the auto list (activeTab: after the user asked). */
  'tab.annotate': { req: { tabId?: number }; res: { started: boolean }; progress: never };
  'tab.video': { req: { tabId?: number }; res: VideoInfo; progress: never };
  'tab.seek': { req: { tabId?: number; time: number }; res: { ok: boolean }; progress: never };
  /** A caption file the user picked for the tab's video (WebVTT, SRT or Bilibili JSON). */
  'tab.loadCaptions': { req: { tabId?: number; name: string; text: string }; res: VideoInfo; progress: never };
  /** A card's body (summary, formulas typeset, intuition), fetched when the card opens. */
  'bg.concept': { req: { id: string }; res: ConceptDetails; progress: never };
  /** Concepts the learner met on the sender's page (on screen a moment, card opened, chip in a playing video): stored for the review deck. */
  'bg.met': { req: { events: MetEvent[] }; res: { recorded: number }; progress: never };
  /** "Try it" on a card: open the demo, with the sentence around the term. */
  'ui.openDemo': { req: { demo: Demo; text: string }; res: { opened: 'side-panel' | 'tab'; url: string }; progress: never };
}

/** Messages the background sends to a tab's content script. */
export interface PageApi {
  'page.concepts': { req: Record<string, never>; res: PageConcepts };
  'page.scrollTo': { req: { conceptId: string }; res: { found: boolean } };
  'page.annotate': { req: Record<string, never>; res: { started: boolean } };
  'page.video': { req: Record<string, never>; res: VideoInfo };
  'page.seek': { req: { time: number }; res: { ok: boolean } };
  'page.loadCaptions': { req: { name: string; text: string }; res: VideoInfo };
}
export interface PageMsg<K extends keyof PageApi = keyof PageApi> {
  kind: 'page';
  type: K;
  payload: PageApi[K]['req'];
}

export type RequestType = keyof Api;
export type Req<K extends RequestType> = Api[K]['req'];
export type Res<K extends RequestType> = Api[K]['res'];
export type Progress<K extends RequestType> = Api[K]['progress'];

export type ErrorCode =
  | 'bad-request' // malformed or unknown message
  | 'forbidden' // sender not allowed
  | 'cancelled'
  | 'disconnected' // the other end went away (background restarted)
  | 'host-unavailable'
  | 'model-missing'
  | 'model-corrupt'
  | 'internal';

export interface RpcError {
  code: ErrorCode;
  message: string;
}

/** Errors are values: nothing crosses a port as a thrown exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: RpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });

/** Thrown inside handlers to become an error value with a specific code. */
export class RpcFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}


// Wire messages. A port carries one request and its progress and answer.
export interface RequestMsg<K extends RequestType = RequestType> {
  kind: 'request';
  id: string;
  type: K;
  payload: Req<K>;
}
export interface CancelMsg {
  kind: 'cancel';
  id: string;
}
export interface ProgressMsg {
  kind: 'progress';
  id: string;
  data: unknown;
}
export interface ResponseMsg {
  kind: 'response';
  id: string;
  result: Result<unknown>;
}

export type ClientMsg = RequestMsg | CancelMsg;
export type ServerMsg = ProgressMsg | ResponseMsg;

/** Port names: pages and content scripts -> background; background -> model host. */
export const RPC_PORT = 'dl-tutor/rpc';
export const HOST_PORT = 'dl-tutor/model-host';
/**
 * The name of the port the offscreen document opens to the background once its own port listener
 * is in place: `offscreen.createDocument` resolves before the document's scripts have run.
 */
export const HOST_READY = 'dl-tutor/model-host-ready';
