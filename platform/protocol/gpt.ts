// Shapes the GPT engine returns. Plain data (numbers, strings, arrays), so they
// cross extension ports unchanged and serialise to the lab's JSON exports.
import type { PackedF32 } from '@/platform/protocol/packed';

export interface GptConfig {
  n_layer: number;
  n_head: number;
  n_embd: number;
  n_positions: number;
  vocab_size: number;
  eos_token_id: number;
}

export interface GptToken {
  /** Position in the model's input. */
  index: number;
  id: number;
  /** The token's text when it holds whole characters; its bytes as hex (e.g. "<e6 9c>") when it holds part of one. */
  display: string;
  /** UTF-8 bytes of the token. */
  bytes: number[];
  /** UTF-16 offsets into the original text of the characters this token touches. */
  start: number;
  end: number;
  /** Index into `groups` when the token is one of several that spell a single character. */
  group?: number;
}

/** Consecutive tokens that together spell whole characters (a CJK character or an emoji in byte tokens). */
export interface GptTokenGroup {
  text: string;
  start: number;
  end: number;
  /** Indices into `tokens`. */
  tokens: number[];
}

export interface GptTokenization {
  tokens: GptToken[];
  groups: GptTokenGroup[];
  /** The input was longer than the context window (or the engine's read limit) and was cut. */
  truncated: boolean;
  /** Characters of the input the tokens cover (all of it unless truncated). */
  usedChars: number;
  totalChars: number;
  contextSize: number;
}

export interface Neighbour {
  id: number;
  display: string;
  cosine: number;
}

/**
 * The vectors travel packed (see packed.ts): as nested arrays, 50 tokens' answer was about 15,000
 * numbers of JSON, which the offscreen document relaying it (on the side panel's renderer)
 * serialized in one task of 30-50 ms.
 */
export interface GptEmbedding {
  tokenization: GptTokenization;
  /** Each token's row of the embedding matrix wte, [T][n_embd]. */
  wte: PackedF32;
  /** What the first block reads: wte[id] + wpe[position], [T][n_embd]. */
  inputsEmbeds: PackedF32;
  /** Nearest tokens of the whole vocabulary to each token's wte row, by cosine similarity (the token itself excluded). */
  nearest: Neighbour[][];
  /** 2-D PCA of the given tokens' wte rows, [T][2], and the share of variance each axis explains. */
  pca: number[][];
  pcaExplained: [number, number];
  /** Cosine similarity between the given tokens, [T][T]. */
  similarity: PackedF32;
}

export interface GptAnalogy {
  /** The words as tokenised; a word of several tokens is the mean of their rows. */
  terms: { word: string; ids: number[] }[];
  nearest: Neighbour[];
}

export interface GptAttention {
  tokenization: GptTokenization;
  n_layer: number;
  n_head: number;
  /** d_k, the size of each head's queries and keys. */
  head_dim: number;
  /** Attention probabilities, [layer][head][query][key]; rows sum to 1, zero above the diagonal. */
  attentions: number[][][][];
}

/**
 * GptAttention as it crosses the ports: the maps packed (see attention-codec.ts). Over a port the
 * host streams them a layer at a time as progress and answers with `packed.lower` empty.
 */
export interface GptAttentionPacked extends Omit<GptAttention, 'attentions'> {
  packed: import('@/platform/protocol/attention-codec').PackedAttention;
}

export interface SamplingSettings {
  /** 0 is greedy. */
  temperature: number;
  /** 0 keeps every token. */
  topK: number;
  /** 1 keeps every token. */
  topP: number;
}

export interface TokenProb {
  id: number;
  display: string;
  prob: number;
}

export interface GptNextToken {
  tokenization: GptTokenization;
  settings: SamplingSettings;
  /** Raw logits over the whole vocabulary for the position after the prefix (empty for empty input). */
  logits: number[];
  /** The display string of each appended id, in order. */
  appended: { id: number; display: string }[];
  /** The most likely tokens by logit (the same order at any temperature), with their probability under the settings. */
  top: TokenProb[];
  /**
   * Ids the UTF-8 constraint gives probability 0 at this position (tokens whose bytes cannot
   * continue the bytes of the appended ids; `<|endoftext|>` inside a character), ascending.
   * `top` probabilities already leave them out; a view recomputing probabilities from `logits`
   * passes them as a mask to `distribution`. Absent from engines without the constraint.
   */
  blocked?: number[];
}

/**
 * The most tokens one generation may add (and the most ids a next-token request may append): the
 * model's context, n_positions (a unit test holds the two equal), since the engine slides its
 * window over prompt and output and refuses more. The lab's own limit is this one.
 */
export const MAX_NEW_TOKENS = 256;

/** How many of the most likely tokens each generated step reports beside the chosen one. */
export const STEP_ALTERNATIVES = 8;

export interface GenerateSettings extends SamplingSettings {
  seed: number;
  /** 1..MAX_NEW_TOKENS. */
  maxTokens: number;
}

export interface GptStep {
  step: number;
  id: number;
  display: string;
  /** Text this step adds to the output (empty while a character's bytes are still arriving). */
  text: string;
  /** Probability of the chosen token under the settings (and the UTF-8 constraint). */
  prob: number;
  /** The STEP_ALTERNATIVES most likely tokens of the distribution the token was drawn from (constrained to valid UTF-8). */
  alternatives: TokenProb[];
  ms: number;
  /**
   * Probability mass the UTF-8 constraint removed at this step: the share of softmax(z / T) over
   * the whole vocabulary on tokens that would have broken a character, before top-k/top-p (greedy:
   * 1 if the most likely token was such a token). Absent when generation ran unconstrained.
   */
  masked?: number;
}

export interface GptGeneration {
  prompt: GptTokenization;
  settings: GenerateSettings;
  steps: GptStep[];
  /**
   * The generated text. With the UTF-8 constraint (the default) it is whole characters: a
   * character whose bytes were cut off by the stop (max tokens, context full, cancel) is left out
   * rather than written as U+FFFD; its bytes are still in `steps`.
   */
  text: string;
  stopped: 'max-tokens' | 'end-of-text' | 'context-full' | 'cancelled' | 'empty-prompt';
  timings: { prefillMs: number; decodeMs: number; tokensPerSecond: number };
  cache: boolean;
}
