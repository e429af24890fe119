// Turns knowledge-base entries into the surface patterns the trie stores.
//
// Each name or alias gives one or more keys: the form folded per code unit
// (see chars.ts), with every run of spaces/hyphens collapsed to one SEP, plus
// its regular plurals, its derived forms (morphology.ts) and, for hyphenated
// forms, the closed-up spelling ("back-propagation" -> "backpropagation").

import type { ConceptHead } from '@/features/concepts/types';
import { SEP, fold, isIgnorable, isSeparator, unfold } from '@/features/concepts/match/chars';
import { derivedForms } from '@/features/concepts/match/morphology';
import { abbreviationPlural, regularPlurals } from '@/features/concepts/match/plural';

export interface Pattern {
  conceptId: string;
  /** Folded form the trie is keyed on. */
  key: string;
  /** For all-caps abbreviations: the exact (unfolded) form the text must show. */
  exact: string | null;
  /** For everyday words: the folded singular form naming the cue table to use. */
  ambiguousKey: string | null;
}

/** Shorter keys ("x", "层") would light up everywhere; they are not matched. */
export const MIN_KEY_LENGTH = 2;

/**
 * Fold a form the way text is folded while matching. keepCase skips only the
 * lower-casing, for abbreviations checked letter by letter.
 */
export function normalizeForm(form: string, keepCase = false): string {
  let out = '';
  let pendingSep = false;
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    if (isIgnorable(c)) continue;
    if (isSeparator(c)) {
      pendingSep = out.length > 0;
      continue;
    }
    if (pendingSep) {
      out += String.fromCharCode(SEP);
      pendingSep = false;
    }
    out += String.fromCharCode(keepCase ? unfold(c) : fold(c));
  }
  return out;
}

/**
 * All-caps abbreviations (SGD, MLP, BP, GPT-3) match only with that exact
 * case, so "bp" or "Gpt" in ordinary prose stay plain. Mixed case (ReLU,
 * t-SNE) means a coined word, matched case-insensitively.
 */
export function isAbbreviation(form: string): boolean {
  if (/\p{Ll}/u.test(form)) return false;
  const upper = form.match(/\p{Lu}/gu);
  return upper !== null && upper.length >= 2;
}

/** "Rectified Linear Unit (ReLU)" -> ["Rectified Linear Unit", "ReLU"]. */
function splitParentheses(form: string): string[] {
  // Most forms have none; skipping the regex keeps the matcher's build cheap.
  if (!form.includes('(') && !form.includes('（')) return [form];
  const inner: string[] = [];
  const outer = form.replace(/[(（]([^()（）]*)[)）]/g, (_m, g: string) => {
    inner.push(g);
    return ' ';
  });
  return [outer, ...inner].map((s) => s.trim()).filter((s) => s.length > 0);
}

const HAS_HYPHEN = /[-\u2010\u2011]/;

/** Which patterns to compile: names, aliases and plurals, or only the derived forms (morphology.ts). */
export type PatternKind = 'base' | 'derived';

function englishVariants(form: string, kind: PatternKind): { key: string; exact: string | null }[] {
  const out: { key: string; exact: string | null }[] = [];
  if (isAbbreviation(form)) {
    if (kind === 'derived') return out;
    const exact = normalizeForm(form, true);
    out.push({ key: normalizeForm(form), exact });
    for (const p of abbreviationPlural(exact)) out.push({ key: normalizeForm(p), exact: p });
    return out;
  }
  const forms = [form];
  // Closed-up spelling of hyphenated compounds: "back-propagation" also finds
  // "backpropagation". (Spaced and hyphenated spellings already share a key.)
  if (HAS_HYPHEN.test(form) && /\p{L}[-\u2010\u2011]\p{L}/u.test(form)) forms.push(form.replace(/(?<=\p{L})[-\u2010\u2011](?=\p{L})/gu, ''));
  for (const f of forms) {
    const key = normalizeForm(f);
    if (kind === 'derived') {
      for (const d of derivedForms(key)) out.push({ key: d, exact: null });
      continue;
    }
    out.push({ key, exact: null });
    for (const p of regularPlurals(key)) out.push({ key: p, exact: null });
  }
  return out;
}

function chineseVariants(form: string): { key: string; exact: string | null }[] {
  return [{ key: normalizeForm(form), exact: isAbbreviation(form) ? normalizeForm(form, true) : null }];
}

/**
 * Folded keys of every everyday-word form (with plurals) -> folded singular.
 * Global over the knowledge base: a word that is everyday for one concept is
 * treated as everyday wherever it appears as an alias.
 */
function ambiguousKeys(concepts: readonly ConceptHead[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const concept of concepts) {
    for (const raw of [...(concept.ambiguous ?? []), ...(concept.ambiguousZh ?? [])]) {
      const key = normalizeForm(raw);
      if (key.length === 0) continue;
      map.set(key, key);
      for (const p of regularPlurals(key)) map.set(p, key);
      map.set(key + 's', key); // abbreviations: BP -> BPs
      // Derived forms are as everyday as the word ("generalizes" like "generalization").
      for (const d of derivedForms(key)) if (!map.has(d)) map.set(d, key);
    }
  }
  return map;
}

/**
 * Every pattern of every concept, de-duplicated, in knowledge-base order:
 * the names, aliases and their plurals ('base'), or the derived forms alone
 * ('derived'), which the matcher compiles later, on first use.
 */
export function conceptPatterns(concepts: readonly ConceptHead[], kind: PatternKind = 'base'): Pattern[] {
  const patterns: Pattern[] = [];
  for (const _ of conceptPatternSteps(concepts, kind, patterns));
  return patterns;
}

/** Concepts turned into patterns per step of conceptPatternSteps. */
const CONCEPTS_PER_STEP = 24;

/** conceptPatterns in steps (a page builds its matcher in slices), appending to `patterns`. */
export function* conceptPatternSteps(concepts: readonly ConceptHead[], kind: PatternKind, patterns: Pattern[]): Generator<void> {
  const seen = new Set<string>();
  const amb = ambiguousKeys(concepts);
  let n = 0;
  for (const concept of concepts) {
    if (++n % CONCEPTS_PER_STEP === 0) yield;
    // Per concept, so the de-duplication key needs no concept id.
    seen.clear();
    const variants: { key: string; exact: string | null }[] = [];
    for (const form of [concept.name.en, ...concept.aliases.en, ...(concept.ambiguous ?? [])]) {
      for (const part of splitParentheses(form)) variants.push(...englishVariants(part, kind));
    }
    for (const form of kind === 'base' ? [concept.name.zh, ...concept.aliases.zh] : []) {
      for (const part of splitParentheses(form)) variants.push(...chineseVariants(part));
    }
    for (const v of variants) {
      if (v.key.length < MIN_KEY_LENGTH) continue;
      const id = v.exact === null ? v.key : `${v.key}\u0000${v.exact}`;
      if (seen.has(id)) continue;
      seen.add(id);
      patterns.push({
        conceptId: concept.id,
        key: v.key,
        exact: v.exact,
        ambiguousKey: amb.get(v.key) ?? null,
      });
    }
  }
}
