// English derivations of a concept's name, so a lecture's verbs and
// inflections find the card without each form being listed in the knowledge
// base: "generalization" -> "generalizes", "tokenization" -> "tokenized",
// "fine-tuning" -> "fine-tuned", "weight initialization" -> "initialize the
// weights". Works on folded keys (lower case, one space between words).
//
// Only suffixes that are regular in the field's vocabulary are undone. Single
// words ending in -ing are left alone: "pooling" -> "pool" or "sampling" ->
// "samples" would turn everyday nouns into terms. A wrong spelling that the
// rules produce ("augmentate") is harmless: it never occurs in text.

import { regularPlurals } from '@/features/concepts/match/plural';

/** Nominal suffix -> verb stem suffix and the verb's inflections. */
const NOMINALIZATIONS: readonly { noun: string; verb: readonly string[]; minLength: number }[] = [
  { noun: 'ization', verb: ['ize', 'izes', 'ized', 'izing', 'izer', 'izers'], minLength: 0 },
  { noun: 'isation', verb: ['ise', 'ises', 'ised', 'ising', 'iser', 'isers'], minLength: 0 },
  { noun: 'ification', verb: ['ify', 'ifies', 'ified', 'ifying'], minLength: 0 },
  { noun: 'mentation', verb: ['ment', 'ments', 'mented', 'menting'], minLength: 0 },
  { noun: 'iction', verb: ['ict', 'icts', 'icted', 'icting'], minLength: 0 },
  // Plain -ation only for long words: "propagation" -> "propagate", while
  // "activation" -> "activate" is everyday software language.
  { noun: 'ation', verb: ['ate', 'ates', 'ated', 'ating'], minLength: 11 },
];

/** Shorter derived keys are too likely to be everyday words. */
const MIN_DERIVED_LENGTH = 5;

/** Verb forms of a nominalised last word, or [] when it is not one. */
function verbsOfNoun(word: string): string[] {
  for (const n of NOMINALIZATIONS) {
    if (!word.endsWith(n.noun) || word.length < n.minLength) continue;
    const stem = word.slice(0, -n.noun.length);
    return stem.length >= 3 ? n.verb.map((v) => stem + v) : [];
  }
  return [];
}

/** Verb forms of an -ing noun in a compound ("fine tuning" -> "tune", "tuned"). */
function verbsOfGerund(word: string): string[] {
  if (!word.endsWith('ing')) return [];
  const base = word.slice(0, -3);
  if (base.length < 3) return [];
  const bases = [base];
  // "clipping" -> "clip": undo a doubled final consonant.
  if (/([bdgklmnprt])\1$/.test(base)) bases.push(base.slice(0, -1));
  const out: string[] = [];
  for (const b of bases) out.push(b, b + 'e', b + 's', b + 'es', b + 'ed');
  return out;
}

/**
 * Derived keys of one folded English key (never the key itself or its
 * plurals, which patterns.ts adds already).
 */
export function derivedForms(key: string): string[] {
  // Fast exit for the many keys no rule applies to (the matcher's build is on the start-up path).
  if (!key.endsWith('ion') && !(key.endsWith('ing') && key.includes(' '))) return [];
  const words = key.split(' ');
  const last = words[words.length - 1];
  const head = words.slice(0, -1).join(' ');
  const prefix = head.length > 0 ? head + ' ' : '';
  const nominal = verbsOfNoun(last);
  // Agent nouns ("tokenizer") only for single words: "batch normalizer" is not said.
  const verbs = nominal.length > 0 ? nominal.filter((v) => words.length === 1 || !/ers?$/.test(v)) : words.length > 1 ? verbsOfGerund(last) : [];
  const out = new Set<string>();
  for (const v of verbs) out.add(prefix + v);
  // "weight initialization" -> "initialize the weights", "initializing weights",
  // "augment the data": a two-word compound whose head is a nominalised verb,
  // said as verb + object. Base, -ing and -ed forms; the object with "the"
  // (singular or plural) or as a bare plural. Kept to these nine so the
  // matcher's build stays cheap.
  if (words.length === 2 && nominal.length > 0 && head.length >= 3) {
    const plurals = regularPlurals(head);
    const objects = [`the ${head}`, ...plurals.map((p) => `the ${p}`), ...plurals];
    for (const v of [nominal[0], nominal[2], nominal[3]]) for (const o of objects) out.add(`${v} ${o}`);
  }
  out.delete(key);
  return [...out].filter((k) => k.length >= MIN_DERIVED_LENGTH);
}
