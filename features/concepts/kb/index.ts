// The concept knowledge base: every card, in topic order.

import type { Concept } from '../types';
import { concepts as neuron } from './neuron';
import { concepts as training } from './training';
import { concepts as optimization } from './optimization';
import { concepts as regularization } from './regularization';
import { concepts as architecture } from './architecture';
import { concepts as transformer } from './transformer';
import { concepts as languageModel } from './language-model';
import { concepts as data } from './data';
import { concepts as theory } from './theory';
import { concepts as foundations } from './foundations';
import { concepts as generation } from './generation';

export const CONCEPTS: readonly Concept[] = Object.freeze([
  ...neuron,
  ...training,
  ...optimization,
  ...regularization,
  ...architecture,
  ...transformer,
  ...languageModel,
  ...data,
  ...theory,
  ...foundations,
  ...generation,
]);

const BY_ID: ReadonlyMap<string, Concept> = new Map(CONCEPTS.map((c) => [c.id, c]));

/** The concept with this id, or undefined. */
export function conceptById(id: string): Concept | undefined {
  return BY_ID.get(id);
}
