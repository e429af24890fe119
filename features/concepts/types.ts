// The shape of one entry in the concept knowledge base. Pure data: no browser
// dependency, so the matcher and the schema test run in Node.

export type { Lang } from '../../platform/i18n/lang';

/** Text in both UI languages. */
export interface Bilingual {
  en: string;
  zh: string;
}

/** Color family on the page and in the video timeline. */
export type Topic =
  | 'neuron' // neurons, activations, layers
  | 'training' // costs, gradients, backprop
  | 'optimization' // optimizers, learning rates, landscapes
  | 'regularization' // overfitting and its cures
  | 'architecture' // CNN, RNN, LSTM, GAN, ...
  | 'transformer' // tokens, embeddings, attention, GPT
  | 'data' // datasets and splits
  | 'theory'; // approximation, counting, history

import type { Demo } from '../../platform/protocol/demo';

export interface Formula {
  /** KaTeX source, display mode. */
  tex: string;
  /** One row per symbol, in 3Blue1Brown's notation where one exists. */
  legend: { symbol: string /* KaTeX source */; en: string; zh: string }[];
}

export interface Concept {
  /** kebab-case English, unique. */
  id: string;
  topic: Topic;
  name: Bilingual;
  /**
   * Surface forms to find in text, besides the names.
   * en: matched case-insensitively with regular plurals, except all-caps
   *     abbreviations (SGD, MLP, BP), which match exactly and only as whole words.
   * zh: matched as written, no word boundaries.
   */
  aliases: { en: string[]; zh: string[] };
  /**
   * English forms that are everyday words too (Adam, attention, bias, weight,
   * temperature, token, embedding, ...): annotated only when the surrounding
   * text is about deep learning.
   */
  ambiguous?: string[];
  /**
   * Chinese names or aliases that are everyday words too (注意力): judged by
   * the same context rules as `ambiguous`.
   */
  ambiguousZh?: string[];
  /**
   * Forms that name this concept only near one of `cues` (in the same paragraph), because they
   * also name a more general idea: "feed-forward network" is the transformer's block on a
   * transformer page and any network without loops elsewhere. Away from the cues such a form
   * names `otherwise` (a concept id), or nothing when that is null.
   */
  narrow?: {
    forms: string[];
    /** English words (lower case, matched whole) and Chinese strings (matched as substrings). */
    cues: string[];
    otherwise: string | null;
  };
  /** Two or three sentences written by the project. */
  summary: Bilingual;
  /** One line: the picture to keep in mind. */
  intuition: Bilingual;
  formulas: Formula[];
  related: string[];
  prerequisites: string[];
  demo?: Demo;
}

/** The body of a card: read only when a card opens, so the content script does not carry it. */
export type ConceptBodyField = 'summary' | 'intuition' | 'formulas';

/**
 * What the page side needs of a concept: names and forms to find it, its colour, its links.
 * The content script ships only these (kb/heads.ts); a card's body comes from the background.
 */
export type ConceptHead = Omit<Concept, ConceptBodyField>;
