// The transformers.js baseline page (see README.md). It loads the extension's
// shipped model folder, served by the runner from loopback, with transformers.js's
// own AutoTokenizer / AutoModelForCausalLM and times its own generate(). This
// page is bundled by the runner only; none of it enters the extension build.

import {
  AutoModelForCausalLM,
  AutoTokenizer,
  BaseStreamer,
  env,
  Tensor,
  type PreTrainedModel,
  type TextStreamer,
} from '@huggingface/transformers';
import { browserEnvironment } from '@/bench/common/page-environment';
import { MODEL_ID, MODELS_PATH, ORT_FILES, ORT_PATH, type Device, type GptBenchApi, type PageSample, type PageSetup } from '@/bench/gpt/shared';

declare global {
  interface Window {
    gptBench?: GptBenchApi;
  }
}

// Nothing remote: the model folder and ORT's wasm come from the bench server.
env.allowRemoteModels = false;
env.allowLocalModels = true;
// A path on this origin: transformers.js joins it with the model id as a path, which would mangle a full URL.
env.localModelPath = MODELS_PATH;
env.useBrowserCache = false;
const onnx = env.backends.onnx;
if (onnx.wasm) {
  // `?threads=N` (served cross-origin isolated) for the equal-threads comparison; one thread by default.
  onnx.wasm.numThreads = Number(new URLSearchParams(location.search).get('threads')) || 1;
  onnx.wasm.proxy = false;
  onnx.wasm.wasmPaths = {
    mjs: new URL(`${ORT_PATH}${ORT_FILES[0]}`, location.href).href,
    wasm: new URL(`${ORT_PATH}${ORT_FILES[1]}`, location.href).href,
  };
}

/** Records when generate() hands each new token to the streamer. The first put is the prompt. */
class TimingStreamer extends BaseStreamer {
  readonly times: number[] = [];
  readonly ids: number[] = [];
  private seenPrompt = false;

  override put(value: bigint[][]): void {
    const now = performance.now();
    if (!this.seenPrompt) {
      this.seenPrompt = true;
      return;
    }
    for (const id of value[0] ?? []) {
      this.times.push(now);
      this.ids.push(Number(id));
    }
  }

  override end(): void {}
}

let model: PreTrainedModel | null = null;
let device: Device | null = null;

const ortVersion = () => String(onnx.versions?.web ?? onnx.versions?.common ?? '?');

const api: GptBenchApi = {
  async environment() {
    return { ...(await browserEnvironment()), transformersVersion: env.version, ortVersion: ortVersion() };
  },
  async setup(d, promptText, promptIds): Promise<PageSetup> {
    if (model) throw new Error('one model per page');
    const t0 = performance.now();
    const tokenizer = await AutoTokenizer.from_pretrained(MODEL_ID);
    model = await AutoModelForCausalLM.from_pretrained(MODEL_ID, { dtype: 'q8', device: d });
    device = d;
    const loadMs = performance.now() - t0;
    const tjsIds = tokenizer.encode(promptText);
    return {
      detail: `transformers.js ${env.version} AutoModelForCausalLM dtype q8 (onnx/model_quantized.onnx), device ${d}, onnxruntime-web ${ortVersion()}, 1 thread`,
      loadMs,
      ortVersion: ortVersion(),
      sameIds: tjsIds.length === promptIds.length && tjsIds.every((id, i) => id === promptIds[i]),
      tjsIds,
    };
  },
  async generate(ids, newTokens): Promise<PageSample> {
    if (!model) throw new Error('setup() first');
    const input_ids = new Tensor('int64', BigInt64Array.from(ids, (i) => BigInt(i)), [1, ids.length]);
    const attention_mask = new Tensor('int64', new BigInt64Array(ids.length).fill(1n), [1, ids.length]);
    const streamer = new TimingStreamer();
    const t0 = performance.now();
    const out = await model.generate({
      input_ids,
      attention_mask,
      max_new_tokens: newTokens,
      min_new_tokens: newTokens,
      do_sample: false,
      // generate's parameter type asks for a TextStreamer; it only calls put() and end().
      streamer: streamer as unknown as TextStreamer,
    });
    const totalMs = performance.now() - t0;
    // The output may be a tensor or a dictionary holding one; it lives on the device's side.
    if (out && typeof out === 'object' && 'dispose' in out && typeof out.dispose === 'function') out.dispose();
    const n = streamer.times.length;
    if (n === 0) throw new Error(`generate on ${String(device)} gave no tokens`);
    const decodeMs = streamer.times[n - 1]! - streamer.times[0]!;
    return {
      ttftMs: streamer.times[0]! - t0,
      decodeMs,
      tokensPerSecond: n > 1 ? (n - 1) / (decodeMs / 1000) : 0,
      ids: streamer.ids,
      stepMs: streamer.times.map((t, i) => t - (i === 0 ? t0 : streamer.times[i - 1]!)),
      totalMs,
    };
  },
  async release() {
    await model?.dispose();
    model = null;
  },
};

window.gptBench = api;
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
