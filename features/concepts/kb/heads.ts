// The knowledge base without its card bodies: what the content script carries.
//
// Why apart: the content script is compiled on every page it runs on, in the page's own thread,
// and the compile time grows with its size. With the card bodies (summaries, legends) and their
// MathML it was half a megabyte, and evaluating it was a long task on a loaded machine. The page
// needs only what finds a concept and links it; a card's body is fetched when the card opens
// (`bg.concept`, answered by the background from kb/index.ts).
//
// In source this module derives the heads from the whole knowledge base (so the unit tests read
// exactly this); the build replaces it with the same heads as one JSON string
// (scripts/kb-heads-plugin.ts), so that the bodies are not bundled with it.

import type { Concept, ConceptHead } from '../types';
import { CONCEPTS } from './index';

/** A concept without its card body. */
function toHead({ summary: _s, intuition: _i, formulas: _f, ...head }: Concept): ConceptHead {
  return head;
}

export const CONCEPT_HEADS: readonly ConceptHead[] = Object.freeze(CONCEPTS.map(toHead));

const BY_ID: ReadonlyMap<string, ConceptHead> = new Map(CONCEPT_HEADS.map((c) => [c.id, c]));

/** The concept's head with this id, or undefined. */
export function headById(id: string): ConceptHead | undefined {
  return BY_ID.get(id);
}
