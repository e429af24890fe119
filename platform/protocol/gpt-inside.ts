import type { GptTokenization } from '@/platform/protocol/gpt';
import type { PackedF32, PackedI32 } from '@/platform/protocol/packed';

// What the GPT lab's "inside the layers" views receive: the logit lens, MLP neurons and the
// measured roles of attention heads. Big tables travel packed (see packed.ts).

/** How many tokens the lens keeps per layer and position, and a neuron's direct effect per side. */
export const LENS_K = 10;

/**
 * The logit lens: at every layer (0 = after the embeddings, n_layer = after the last block) and
 * position, softmax(ln_f(h) · wteᵀ), the distribution the model would give if it stopped there.
 * Row n_layer is the model's own next-token distribution.
 */
export interface GptLens {
  tokenization: GptTokenization;
  n_layer: number;
  k: number;
  /** Top-k token ids, [n_layer+1][T][k], most probable first. */
  ids: PackedI32;
  /** Their probabilities, [n_layer+1][T][k]. */
  probs: PackedF32;
  /** The display string of every id in `ids` (keys are ids). */
  displays: Record<string, string>;
  /** ‖h‖₂ of the residual stream, [n_layer+1][T]. */
  residualNorms: number[][];
  /** ‖what block l's attention added‖₂ and ‖what its MLP added‖₂, each [n_layer][T]. */
  attnNorms: number[][];
  mlpNorms: number[][];
}

/** Every MLP neuron's activation after GELU, for the whole text. */
export interface GptNeurons {
  tokenization: GptTokenization;
  n_layer: number;
  /** Neurons per layer, 4·n_embd. */
  d_mlp: number;
  /** [n_layer][T][d_mlp]. */
  activations: PackedF32;
}

export interface TokenValue {
  id: number;
  display: string;
  value: number;
}

/**
 * A neuron's direct effect on the output: its row of the MLP's output weight W_out, scaled by
 * ln_f's gain γ and read through the unembedding wte, (W_out[i] ⊙ γ) · wteᵀ, one logit per token.
 */
export interface GptNeuronEffect {
  layer: number;
  index: number;
  /** The k tokens it raises most, largest first. */
  up: TokenValue[];
  /** The k tokens it lowers most, most negative first. */
  down: TokenValue[];
}

export const HEAD_ROLES = ['previous', 'first', 'self', 'induction'] as const;
export type HeadRole = (typeof HEAD_ROLES)[number];
/** Roles that can be measured on any text (induction needs a repeat). */
export const TEXT_HEAD_ROLES = ['previous', 'first', 'self'] as const;
export type TextHeadRole = (typeof TEXT_HEAD_ROLES)[number];

/**
 * Mean attention scores of every head, [layer][head], measured on a probe: a beginning-of-text
 * token then R random tokens repeated twice, for several seeds.
 * - previous: attention from position q to q-1;
 * - first: to position 0 (an attention sink);
 * - self: to q itself;
 * - induction: from a token of the second copy to the token after its earlier occurrence (q-R+1).
 * previous, first and self average over q ≥ 1; induction over the second copy.
 */
export interface GptHeadRoles {
  n_layer: number;
  n_head: number;
  probe: { seeds: number[]; repeat: number; length: number };
  scores: Record<HeadRole, number[][]>;
  /** The same three text-independent scores on the learner's text (absent for an empty text). */
  text?: { tokenization: GptTokenization; scores: Record<TextHeadRole, number[][]> };
  /** A head gets a role's badge when its probe score reaches this. */
  threshold: number;
}
