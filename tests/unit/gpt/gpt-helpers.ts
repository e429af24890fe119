// Shared set-up for the GPT model tests: load the exported ONNX files with onnxruntime-web
// (WASM backend in Node) and read the PyTorch reference fixture.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-web';
import { FOLDED_WEIGHTS } from '@/models/host/folded-weights';

export const GPT_DIR = fileURLToPath(new URL('../../../models/gpt/', import.meta.url));

export interface PromptCase {
  name: string;
  text: string;
  input_ids: number[];
  tokens: string[];
  last_logits: number[];
  top5: number[];
  attentions: number[][][][]; // [layer][head][query][key]
  inputs_embeds: number[][]; // [position][channel]
  /** The residual stream after the embeddings and after every block, at the last position: [n_layer+1][n_embd]. */
  hidden_states_last: number[][];
  /** Every block's MLP activation after GELU at the last position: [n_layer][4*n_embd]. */
  mlp_activations_last: number[][];
  /** Whole tensors, for the short prompts only: [n_layer+1][T][n_embd] and [n_layer][T][4*n_embd]. */
  hidden_states?: number[][][];
  mlp_activations?: number[][][];
  /** L2 norm of the residual stream per layer and position: [n_layer+1][T]. */
  residual_norms: number[][];
}

export interface Fixture {
  config: {
    n_layer: number;
    n_head: number;
    n_embd: number;
    vocab_size: number;
    n_positions: number;
    eos_token_id: number;
  };
  prompts: PromptCase[];
  tokenization: { text: string; input_ids: number[] }[];
}

export function loadFixture(): Fixture {
  return JSON.parse(readFileSync(`${GPT_DIR}fixtures/reference.json`, 'utf8')) as Fixture;
}

export async function loadSession(file: 'model.onnx' | 'model_quantized.onnx') {
  // One thread: Node has no cross-origin isolation concerns, but tests must not
  // fight the other test workers for cores.
  ort.env.wasm.numThreads = 1;
  return ort.InferenceSession.create(readFileSync(`${GPT_DIR}onnx/${file}`), FOLDED_WEIGHTS);
}

export type Past = Record<string, ort.Tensor>;

export function emptyPast(cfg: Fixture['config']): Past {
  const headDim = cfg.n_embd / cfg.n_head;
  const past: Past = {};
  for (let i = 0; i < cfg.n_layer; i++) {
    for (const kv of ['key', 'value']) {
      past[`past_key_values.${i}.${kv}`] = new ort.Tensor('float32', new Float32Array(0), [
        1,
        cfg.n_head,
        0,
        headDim,
      ]);
    }
  }
  return past;
}

/** Run one chunk of tokens after `past`; returns all outputs and the cache for the next call. */
export async function step(session: ort.InferenceSession, ids: number[], past: Past) {
  const inputIds = new ort.Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [1, ids.length]);
  const out = await session.run({ input_ids: inputIds, ...past });
  const next: Past = {};
  for (const name of Object.keys(past)) {
    next[name] = out[name.replace('past_key_values', 'present')];
  }
  return { out, next };
}

/** Logits of the last position of a [1, seq, vocab] output. */
export function lastLogits(logits: ort.Tensor): Float32Array {
  const [, seq, vocab] = logits.dims;
  return (logits.data as Float32Array).slice((seq - 1) * vocab, seq * vocab);
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expectSameLength(a, b);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

export function topK(values: ArrayLike<number>, k: number): number[] {
  return Array.from({ length: values.length }, (_, i) => i)
    .sort((x, y) => values[y] - values[x])
    .slice(0, k);
}

function expectSameLength(a: ArrayLike<number>, b: ArrayLike<number>) {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
}

/**
 * PyTorch's first token, or, where its first two are a near-tie (within `margin` logits, which
 * 8-bit weights may reorder), either of them.
 */
export function acceptableFirst(lastLogits: number[], top5: number[], margin = 0.05): number[] {
  const [a, b] = top5;
  return lastLogits[a!]! - lastLogits[b!]! < margin ? [a!, b!] : [a!];
}
