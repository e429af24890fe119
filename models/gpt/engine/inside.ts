import type { InferenceSession, Tensor } from 'onnxruntime-web';
import { packF32, packI32 } from '@/platform/protocol/packed';
import { LENS_K, type GptHeadRoles, type GptLens, type GptNeuronEffect, type GptNeurons, type TokenValue } from '@/platform/protocol/gpt-inside';
import { RpcFailure } from '@/platform/protocol/protocol';
import type { GptEngine } from '@/models/gpt/engine/engine';
import { headScores, meanScores, PROBE_REPEAT, PROBE_SEEDS, probeIds, ROLE_THRESHOLD, textScores } from '@/models/gpt/engine/head-roles';

// The lab's look between the attention maps and the answer: the logit lens, MLP neurons and head
// roles. The model graph gives the residual stream and the activations; the inspection graph
// (export_inspect.py) holds the model's own ln_f, unembedding and MLP output weights to read them.

type TensorClass = typeof Tensor;
type Run = <T>(f: () => Promise<T>) => Promise<T>;

export class GptInside {
  private readonly L: number;
  private readonly C: number;
  private readonly D: number;
  private probeScores: Promise<GptHeadRoles['scores']> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly engine: GptEngine,
    private readonly inspect: InferenceSession,
    private readonly Tensor: TensorClass,
    private readonly exclusive?: Run,
  ) {
    this.L = engine.config.n_layer;
    this.C = engine.config.n_embd;
    this.D = 4 * engine.config.n_embd;
  }

  async lens(text: string): Promise<GptLens> {
    const tokenization = this.engine.tokenize(text);
    const ids = tokenization.tokens.map((t) => t.id);
    const { L, C } = this;
    const T = ids.length;
    const base = { tokenization, n_layer: L, k: LENS_K };
    if (T === 0) {
      return { ...base, ids: packI32(new Int32Array(0), [L + 1, 0, LENS_K]), probs: packF32(new Float32Array(0), [L + 1, 0, LENS_K]), displays: {}, residualNorms: [], attnNorms: [], mlpNorms: [] };
    }
    const out = await this.engine.forward(ids, this.engine.emptyPast(), ['hidden_states', 'mlp_activations']);
    const h = (await out.hidden_states!.getData()) as Float32Array;
    const a = (await out.mlp_activations!.getData()) as Float32Array;
    const r = await this.run({ hidden: this.f32(h, [(L + 1) * T, C]), mlp_activations: this.f32(a, [L, T, this.D]) });
    const topIds = Int32Array.from(r.lens_ids!.data as BigInt64Array, Number);
    const probs = r.lens_probs!.data as Float32Array;
    const mlpOut = r.mlp_out!.data as Float32Array;
    const displays: Record<string, string> = {};
    for (const id of new Set(topIds)) displays[id] = this.engine.tokenizer.display(id);
    const norm = (v: Float32Array, at: number, minus?: (c: number) => number) => {
      let s = 0;
      for (let c = 0; c < C; c++) s += (v[at + c]! - (minus ? minus(c) : 0)) ** 2;
      return Math.sqrt(s);
    };
    const row = (l: number, t: number) => (l * T + t) * C;
    const residualNorms = Array.from({ length: L + 1 }, (_, l) => Array.from({ length: T }, (_, t) => norm(h, row(l, t))));
    const mlpNorms = Array.from({ length: L }, (_, l) => Array.from({ length: T }, (_, t) => norm(mlpOut, row(l, t))));
    // Block l: h[l+1] = h[l] + attention + MLP, so attention's part is what the MLP did not add.
    const attnNorms = Array.from({ length: L }, (_, l) =>
      Array.from({ length: T }, (_, t) => norm(h, row(l + 1, t), (c) => h[row(l, t) + c]! + mlpOut[row(l, t) + c]!)),
    );
    return {
      ...base,
      ids: packI32(topIds, [L + 1, T, LENS_K]),
      probs: packF32(Float32Array.from(probs), [L + 1, T, LENS_K]),
      displays,
      residualNorms,
      attnNorms,
      mlpNorms,
    };
  }

  async neurons(text: string): Promise<GptNeurons> {
    const tokenization = this.engine.tokenize(text);
    const ids = tokenization.tokens.map((t) => t.id);
    const base = { tokenization, n_layer: this.L, d_mlp: this.D };
    if (ids.length === 0) return { ...base, activations: packF32(new Float32Array(0), [this.L, 0, this.D]) };
    const out = await this.engine.forward(ids, this.engine.emptyPast(), ['mlp_activations']);
    const a = (await out.mlp_activations!.getData()) as Float32Array;
    return { ...base, activations: packF32(Float32Array.from(a), [this.L, ids.length, this.D]) };
  }

  async neuron(layer: number, index: number): Promise<GptNeuronEffect> {
    if (!Number.isInteger(layer) || layer < 0 || layer >= this.L || !Number.isInteger(index) || index < 0 || index >= this.D) {
      throw new RpcFailure('bad-request', `no neuron ${index} in layer ${layer}: layers 0..${this.L - 1}, neurons 0..${this.D - 1}`);
    }
    const r = await this.run({ neurons: new this.Tensor('int64', BigInt64Array.from([BigInt(layer * this.D + index)]), [1]) });
    const side = (ids: Tensor, values: Tensor): TokenValue[] =>
      Array.from(ids.data as BigInt64Array, (id, j) => ({ id: Number(id), display: this.engine.tokenizer.display(Number(id)), value: (values.data as Float32Array)[j]! }));
    return { layer, index, up: side(r.up_ids!, r.up_values!), down: side(r.down_ids!, r.down_values!) };
  }

  async heads(text: string): Promise<GptHeadRoles> {
    const { n_layer, n_head, eos_token_id } = this.engine.config;
    // The probe does not depend on the text: measured once per engine.
    this.probeScores ??= (async () => {
      const runs = [];
      for (const seed of PROBE_SEEDS) runs.push(headScores(await this.attentions(probeIds(seed, PROBE_REPEAT, eos_token_id)), n_layer, n_head, 2 * PROBE_REPEAT + 1, PROBE_REPEAT));
      return meanScores(runs);
    })();
    this.probeScores.catch(() => (this.probeScores = null));
    const scores = await this.probeScores;
    const tokenization = this.engine.tokenize(text);
    const ids = tokenization.tokens.map((t) => t.id);
    const result: GptHeadRoles = {
      n_layer,
      n_head,
      probe: { seeds: PROBE_SEEDS, repeat: PROBE_REPEAT, length: 2 * PROBE_REPEAT + 1 },
      scores,
      threshold: ROLE_THRESHOLD,
    };
    if (ids.length >= 2) result.text = { tokenization, scores: textScores(headScores(await this.attentions(ids), n_layer, n_head, ids.length)) };
    return result;
  }

  private async attentions(ids: number[]): Promise<Float32Array> {
    const out = await this.engine.forward(ids, this.engine.emptyPast(), ['attentions']);
    return (await out.attentions!.getData()) as Float32Array;
  }

  private f32(data: Float32Array, dims: number[]): Tensor {
    return new this.Tensor('float32', data, dims);
  }

  /**
   * Runs the inspection graph. An input not given gets one row of zeros whose outputs are not
   * read: onnxruntime-web's WASM kernels fail on zero-row inputs ("divide by zero"), and one row
   * costs about a millisecond.
   */
  private run(feeds: Partial<Record<'hidden' | 'neurons' | 'mlp_activations', Tensor>>): Promise<Record<string, Tensor>> {
    const all = {
      hidden: feeds.hidden ?? this.f32(new Float32Array(this.C), [1, this.C]),
      neurons: feeds.neurons ?? new this.Tensor('int64', new BigInt64Array(1), [1]),
      mlp_activations: feeds.mlp_activations ?? this.f32(new Float32Array(this.L * this.D), [this.L, 1, this.D]),
    };
    const call = () => this.inspect.run(all);
    const run = this.exclusive ? () => this.exclusive!(call) : call;
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
