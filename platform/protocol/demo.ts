import type { ACTIVATIONS, COSTS, OPTIMIZERS } from '@/platform/protocol/training';

// Where a card's "Try it" goes: a lab and, for the labs that have them, a view or settings.

export const GPT_VIEWS = ['tokens', 'embeddings', 'attention', 'heads', 'layers', 'neurons', 'generate'] as const;
export type GptView = (typeof GPT_VIEWS)[number];

export type Demo =
  | { kind: 'digit-lab' }
  /** The side panel's Backprop lab (lessons 3 and 4) on a sample digit. */
  | { kind: 'backprop-lab' }
  | {
      kind: 'training-lab';
      optimizer?: (typeof OPTIMIZERS)[number];
      activation?: (typeof ACTIVATIONS)[number];
      cost?: (typeof COSTS)[number];
    }
  | { kind: 'gpt-lab'; view: GptView };
