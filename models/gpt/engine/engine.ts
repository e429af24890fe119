import type { InferenceSession, Tensor } from 'onnxruntime-web';
import { mulberry32 } from '@/lib/rng';
import { SLICE_MS, yieldToOthers } from '@/lib/yield';
import { packAttention, unpackAttention } from '@/platform/protocol/attention-codec';
import { packF32 } from '@/platform/protocol/packed';
import { STEP_ALTERNATIVES } from '@/platform/protocol/gpt';
import { cosine, type WteTable } from '@/models/gpt/engine/embedding-table';
import { pca2 } from '@/models/gpt/engine/pca';
import { distribution, sample, validSettings } from '@/models/gpt/engine/sampling';
import { MAX_READ_CHARS, type GptTokenizer } from '@/models/gpt/engine/tokenizer';
import { Utf8Table } from '@/models/gpt/engine/utf8-mask';
import type {
  GenerateSettings,
  GptAnalogy,
  GptAttention,
  GptAttentionPacked,
  GptConfig,
  GptEmbedding,
  GptGeneration,
  GptNextToken,
  GptStep,
  GptTokenization,
  Neighbour,
  SamplingSettings,
  TokenProb,
} from '@/platform/protocol/gpt';

// The GPT engine: every question the lab asks of the model, answered from one
// onnxruntime-web session of the exported graph (logits, KV cache, attention
// probabilities and input embeddings are all named outputs of it).

export interface EngineParts {
  config: GptConfig;
  tokenizer: GptTokenizer;
  wte: WteTable;
  session: InferenceSession;
  /** The Tensor class of the onnxruntime-web build that made `session`. */
  Tensor: typeof Tensor;
  /** Runs a model call in turn with other GPU work of the host; by default, in turn with this engine's own calls. */
  exclusive?: <T>(f: () => Promise<T>) => Promise<T>;
}

type Past = Record<string, Tensor>;

export class GptEngine {
  readonly config: GptConfig;
  readonly tokenizer: GptTokenizer;
  readonly wte: WteTable;
  private readonly session: InferenceSession;
  private readonly Tensor: typeof Tensor;
  private readonly headDim: number;
  /** One model run at a time: interleaved runs of one session are not safe on every backend. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly exclusive: (<T>(f: () => Promise<T>) => Promise<T>) | undefined;
  private readonly nearestCache = new Map<number, Neighbour[]>();
  private utf8?: Utf8Table;

  constructor(p: EngineParts) {
    this.config = p.config;
    this.tokenizer = p.tokenizer;
    this.wte = p.wte;
    this.session = p.session;
    this.Tensor = p.Tensor;
    this.exclusive = p.exclusive;
    this.headDim = p.config.n_embd / p.config.n_head;
  }

  /** Which token may follow which UTF-8 decoder state (utf8-mask.ts), built on first use (~10 ms). */
  utf8Table(): Utf8Table {
    this.utf8 ??= new Utf8Table(this.config.vocab_size, (id) => (this.tokenizer.isSpecial(id) ? undefined : this.tokenizer.bytes(id)));
    return this.utf8;
  }

  tokenize(text: string, maxTokens = this.config.n_positions): GptTokenization {
    return this.tokenizer.tokenize(text, maxTokens);
  }

  async embed(text: string, k = 8): Promise<GptEmbedding> {
    const tokenization = this.tokenize(text);
    const ids = tokenization.tokens.map((t) => t.id);
    const d = this.config.n_embd;
    const T = ids.length;
    if (T === 0) {
      const none = packF32(new Float32Array(0), [0, d]);
      return { tokenization, wte: none, inputsEmbeds: none, nearest: [], pca: [], pcaExplained: [0, 0], similarity: packF32(new Float32Array(0), [0, 0]) };
    }
    const out = await this.forward(ids, this.emptyPast(), ['inputs_embeds']);
    const embeds = (await out.inputs_embeds.getData()) as Float32Array;
    const rows = ids.map((id) => this.wte.row(id));
    const pca = pca2(rows);
    // Each token's neighbours are a pass over all 8,192 rows; the host worker serves every request
    // on one thread, so the work is sliced and a cancel or another request is read in between.
    const nearest: Neighbour[][] = [];
    let slice = performance.now();
    for (let t = 0; t < ids.length; t++) {
      nearest.push(this.tokenNeighbours(ids[t], rows[t], k));
      if (performance.now() - slice > SLICE_MS) {
        await yieldToOthers();
        slice = performance.now();
      }
    }
    const wte = new Float32Array(T * d);
    rows.forEach((r, t) => wte.set(r, t * d));
    const similarity = new Float32Array(T * T);
    for (let a = 0; a < T; a++) for (let b = 0; b < T; b++) similarity[a * T + b] = cosine(rows[a], rows[b]);
    return {
      tokenization,
      wte: packF32(wte, [T, d]),
      inputsEmbeds: packF32(embeds.slice(0, T * d), [T, d]),
      nearest,
      pca: pca.points,
      pcaExplained: pca.explained,
      similarity: packF32(similarity, [T, T]),
    };
  }

  /** a - b + c, each word the mean of its tokens' rows; the three inputs are left out of the answer. */
  analogy(a: string, b: string, c: string, k = 8): GptAnalogy {
    const terms = [a, b, c].map((word) => ({ word, ids: this.tokenizer.encode(word) }));
    if (terms.some((t) => t.ids.length === 0)) return { terms, nearest: [] };
    const mean = (ids: number[]) => {
      const v = new Float32Array(this.config.n_embd);
      for (const id of ids) this.wte.row(id).forEach((x, i) => (v[i] += x / ids.length));
      return v;
    };
    const [va, vb, vc] = terms.map((t) => mean(t.ids));
    const target = va.map((x, i) => x - vb[i] + vc[i]);
    return { terms, nearest: this.neighbours(target, k, new Set(terms.flatMap((t) => t.ids))) };
  }

  async attend(text: string): Promise<GptAttention> {
    const p = await this.attendPacked(text);
    const { packed, ...rest } = p;
    return { ...rest, attentions: packed.T === 0 ? [] : unpackAttention(packed) };
  }

  /** The attention maps packed for a port: one base64 string instead of a million numbers. */
  async attendPacked(text: string): Promise<GptAttentionPacked> {
    const tokenization = this.tokenize(text);
    const { n_layer, n_head } = this.config;
    const base = { tokenization, n_layer, n_head, head_dim: this.headDim };
    const ids = tokenization.tokens.map((t) => t.id);
    if (ids.length === 0) return { ...base, packed: packAttention(new Float32Array(0), n_layer, n_head, 0) };
    const out = await this.forward(ids, this.emptyPast(), ['attentions']);
    return { ...base, packed: packAttention((await out.attentions.getData()) as Float32Array, n_layer, n_head, ids.length) };
  }

  /**
   * Logits after the prefix (and `appendIds`, tokens already chosen after it), and the `top`
   * tokens by logit with their probability under the settings. The order by logit is the same
   * at every temperature, so a view can recompute probabilities from the logits alone.
   * A long prefix keeps its last window of tokens. Probabilities are under the UTF-8
   * constraint after the appended ids (what `generate` draws from); `blocked` lists the ids it removes.
   */
  async nextToken(text: string, settings: SamplingSettings, top = 20, appendIds: number[] = []): Promise<GptNextToken> {
    checkSettings(settings);
    if (appendIds.some((id) => !Number.isInteger(id) || id < 0 || id >= this.config.vocab_size)) throw new RangeError('token id out of range');
    const room = this.config.n_positions - Math.min(appendIds.length, this.config.n_positions - 1);
    const { tokenization, ids } = this.promptWindow(text, room);
    const all = [...ids, ...appendIds].slice(-this.config.n_positions);
    const appended = appendIds.map((id) => ({ id, display: this.tokenizer.display(id) }));
    if (all.length === 0) return { tokenization, settings, appended, logits: [], top: [] };
    const out = await this.forward(all, this.emptyPast(), ['logits']);
    const logits = lastRow((await out.logits.getData()) as Float32Array, this.config.vocab_size);
    // The prompt is whole characters (tokenised from well-formed text), so the state starts at 0.
    const table = this.utf8Table();
    const state = table.feed(0, appendIds);
    const d = distribution(logits, settings, table.allowed[state]);
    const byLogit = topIndices(logits, top);
    return {
      tokenization,
      settings,
      appended,
      logits: Array.from(logits),
      top: byLogit.map((id) => ({ id, display: this.tokenizer.display(id), prob: d.probs[id] })),
      blocked: table.blocked(state),
    };
  }

  /**
   * Samples up to maxTokens tokens after the prompt, reporting each step as it is chosen.
   * With `cache` (the default) each step feeds one token and the previous keys/values;
   * without it every step recomputes the whole prefix (the benchmark's comparison).
   * With `utf8` (the default) each step draws only among tokens that keep the generated bytes
   * valid UTF-8 (utf8-mask.ts; sampling.ts says in which order with temperature, top-k and
   * top-p), so the text never holds U+FFFD; `utf8: false` samples as before, for comparison.
   */
  async generate(
    text: string,
    s: GenerateSettings,
    opts: { onStep?: (step: GptStep) => void; signal?: AbortSignal; cache?: boolean; utf8?: boolean } = {},
  ): Promise<GptGeneration> {
    checkSettings(s);
    if (!Number.isInteger(s.maxTokens) || s.maxTokens < 1 || s.maxTokens > this.config.n_positions) {
      throw new RangeError(`maxTokens must be 1..${this.config.n_positions}`);
    }
    if (!Number.isInteger(s.seed)) throw new RangeError('seed must be a whole number');
    const cache = opts.cache ?? true;
    const room = this.config.n_positions - Math.min(s.maxTokens, this.config.n_positions / 2);
    const { tokenization: prompt, ids } = this.promptWindow(text, room);
    const result: GptGeneration = {
      prompt,
      settings: { ...s },
      steps: [],
      text: '',
      stopped: 'max-tokens',
      timings: { prefillMs: 0, decodeMs: 0, tokensPerSecond: 0 },
      cache,
    };
    if (ids.length === 0) return { ...result, stopped: 'empty-prompt' };
    const rng = mulberry32(s.seed);
    const decoder = new TextDecoder();
    // The generated bytes are decoded on their own, from a decoder with no character open.
    const table = (opts.utf8 ?? true) ? this.utf8Table() : undefined;
    let state = 0;
    const all = [...ids];
    let past = this.emptyPast();
    let t0 = performance.now();
    let out = await this.forward(ids, past, ['logits', ...(cache ? this.presentNames() : [])]);
    result.timings.prefillMs = performance.now() - t0;
    const decodeStart = performance.now();
    try {
      for (let step = 0; ; step++) {
        const logits = lastRow(await out.logits.getData() as Float32Array, this.config.vocab_size);
        const d = distribution(logits, s, table?.allowed[state]);
        const id = sample(d, rng);
        if (table) state = table.feed(state, [id]);
        const stepInfo: GptStep = {
          step,
          id,
          display: this.tokenizer.display(id),
          text: id === this.config.eos_token_id ? '' : decoder.decode(Uint8Array.from(this.tokenizer.bytes(id)), { stream: true }),
          prob: d.probs[id],
          alternatives: this.topOf(d.probs, d.order, STEP_ALTERNATIVES),
          ms: performance.now() - t0,
        };
        if (table) stepInfo.masked = d.masked;
        result.steps.push(stepInfo);
        result.text += stepInfo.text;
        opts.onStep?.(stepInfo);
        if (id === this.config.eos_token_id) {
          result.stopped = 'end-of-text';
          break;
        }
        if (result.steps.length >= s.maxTokens) break;
        if (all.length + 1 > this.config.n_positions) {
          result.stopped = 'context-full';
          break;
        }
        if (opts.signal?.aborted) {
          result.stopped = 'cancelled';
          break;
        }
        all.push(id);
        t0 = performance.now();
        if (cache) {
          const next = this.takePresent(out);
          disposeAll(past);
          past = next;
          out = await this.forward([id], past, ['logits', ...this.presentNames()]);
        } else {
          out = await this.forward(all, this.emptyPast(), ['logits']);
        }
      }
    } finally {
      disposeAll(past);
      if (cache) disposeAll(this.takePresent(out));
    }
    // Constrained, the only bytes the decoder can still hold are a character cut off by the stop:
    // its flush would be a U+FFFD that no model choice broke, so it is left out.
    const tail = decoder.decode();
    if (!table || state === 0) result.text += tail;
    result.timings.decodeMs = performance.now() - decodeStart;
    const decoded = result.steps.length - 1;
    result.timings.tokensPerSecond = decoded > 0 ? decoded / (result.timings.decodeMs / 1000) : 0;
    return result;
  }

  /** Runs the graph on `ids` after `past`, fetching only `names`. */
  forward(ids: number[], past: Past, names: string[]): Promise<Record<string, Tensor>> {
    const call = async () => {
      const input_ids = new this.Tensor('int64', BigInt64Array.from(ids, (i) => BigInt(i)), [1, ids.length]);
      return this.session.run({ input_ids, ...past }, names);
    };
    const run = this.exclusive ? () => this.exclusive!(call) : call;
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  emptyPast(): Past {
    const past: Past = {};
    for (let i = 0; i < this.config.n_layer; i++) {
      for (const kv of ['key', 'value']) {
        past[`past_key_values.${i}.${kv}`] = new this.Tensor('float32', new Float32Array(0), [1, this.config.n_head, 0, this.headDim]);
      }
    }
    return past;
  }

  private presentNames(): string[] {
    return Array.from({ length: this.config.n_layer }, (_, i) => [`present.${i}.key`, `present.${i}.value`]).flat();
  }

  private takePresent(out: Record<string, Tensor>): Past {
    const past: Past = {};
    for (const name of this.presentNames()) if (out[name]) past[name.replace('present', 'past_key_values')] = out[name];
    return past;
  }

  /** The prompt's last `room` tokens (a prompt is continued from its end). */
  private promptWindow(text: string, room: number): { tokenization: GptTokenization; ids: number[] } {
    // A very long prompt is read from its end: only its last tokens can matter.
    let base = Math.max(0, text.length - MAX_READ_CHARS);
    if (base > 0 && /[\udc00-\udfff]/.test(text[base])) base++;
    const full = this.tokenizer.tokenize(text.slice(base), Number.MAX_SAFE_INTEGER);
    if (base === 0 && full.tokens.length <= room) return { tokenization: { ...full, contextSize: room }, ids: full.tokens.map((t) => t.id) };
    const tokens = full.tokens.slice(-room).map((t, index) => ({ ...t, index, start: t.start + base, end: t.end + base, group: undefined }));
    const tokenization: GptTokenization = {
      tokens,
      groups: [],
      truncated: true,
      usedChars: tokens.length ? text.length - tokens[0].start : 0,
      totalChars: text.length,
      contextSize: room,
    };
    return { tokenization, ids: tokens.map((t) => t.id) };
  }

  /** A token's neighbours never change: each is a pass over the whole vocabulary, so keep them. */
  private tokenNeighbours(id: number, row: Float32Array, k: number): Neighbour[] {
    const key = id * 64 + k;
    let n = this.nearestCache.get(key);
    if (!n) {
      if (this.nearestCache.size >= 4096) this.nearestCache.clear();
      n = this.neighbours(row, k, new Set([id]));
      this.nearestCache.set(key, n);
    }
    return n;
  }

  private neighbours(v: ArrayLike<number>, k: number, exclude: Set<number>): Neighbour[] {
    return this.wte.nearest(v, k, exclude).map((n) => ({ ...n, display: this.tokenizer.display(n.id) }));
  }

  private topOf(probs: Float32Array, order: Int32Array, k: number): TokenProb[] {
    return Array.from(order.subarray(0, k), (id) => ({ id, display: this.tokenizer.display(id), prob: probs[id] }));
  }
}

function checkSettings(s: SamplingSettings) {
  const why = validSettings(s);
  if (why) throw new RangeError(why);
}

function topIndices(v: ArrayLike<number>, k: number): number[] {
  return Array.from({ length: v.length }, (_, i) => i)
    .sort((a, b) => v[b] - v[a] || a - b)
    .slice(0, k);
}

function lastRow(data: Float32Array, width: number): Float32Array {
  return data.slice(data.length - width);
}

function disposeAll(past: Past) {
  for (const t of Object.values(past)) {
    // CPU tensors have nothing to free; GPU-resident caches do.
    if (t.location === 'gpu-buffer') t.dispose();
  }
}
