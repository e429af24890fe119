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
import { concepts as activations } from './activations';
import { concepts as classic } from './classic';
import { concepts as losses } from './losses';
import { concepts as trainingPractice } from './training-practice';
import { concepts as optimizationPractice } from './optimization-practice';
import { concepts as regularizers } from './regularizers';
import { concepts as preprocessing } from './preprocessing';
import { concepts as convolution } from './convolution';
import { concepts as recurrent } from './recurrent';
import { concepts as seq2seq } from './seq2seq';
import { concepts as languageModeling } from './language-modeling';
import { concepts as math } from './math';

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
  ...activations,
  ...classic,
  ...losses,
  ...trainingPractice,
  ...optimizationPractice,
  ...regularizers,
  ...preprocessing,
  ...convolution,
  ...recurrent,
  ...seq2seq,
  ...languageModeling,
  ...math,
]);

const BY_ID: ReadonlyMap<string, Concept> = new Map(CONCEPTS.map((c) => [c.id, c]));

/** The concept with this id, or undefined. */
export function conceptById(id: string): Concept | undefined {
  return BY_ID.get(id);
}
