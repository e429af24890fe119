// Is an everyday word ("Adam", "attention", "bias", "weight", "temperature",
// "token", "embedding") used in its deep-learning sense here?
//
// The model is a small additive score, positive meaning "deep learning":
//
// 1. Person names. A capitalised given name followed by another capitalised
//    word ("Adam Smith") or preceded by a title ("Dr Adam") is a person. This
//    is decisive: no amount of nearby jargon makes "Adam Smith" an optimizer.
//    A capitalised word that is itself a cue ("Adam Optimizer" in a title)
//    does not count as a surname.
// 2. Local collocations. Word senses are signalled by their neighbours
//    ("attention span" vs "attention head"). We look at up to WINDOW_TOKENS
//    words on each side, inside the same sentence, and add the weight of each
//    cue: an adjacent cue is the strongest evidence (NEAR_WEIGHT), a cue a few
//    words away a little less (FAR_WEIGHT). Negative cues subtract the same.
//    Chinese cue words count when they appear within ZH_WINDOW characters.
//    Personal possessives right before the word ("my attention") and fixed
//    idioms ("by the same token") are everyday usage.
//    Plural cue words are looked up by their singular too ("CNNs").
// 3. Topic density. Deep-learning text talks about deep learning in every
//    sentence, so a term with no telling neighbours is still likely technical
//    when unambiguous concepts (stochastic gradient descent, softmax, ...)
//    occur nearby. The matcher counts them in a window of a paragraph or so
//    (other everyday-word candidates count half, those already accepted count
//    one; see matcher.ts). The count is capped at DENSITY_CAP, so density can
//    carry a neutral mention but never outvotes an adjacent negative cue
//    ("my attention span" in a lecture stays everyday).
//
// The term is accepted when the score reaches ACCEPT_SCORE. Everything is a
// pure function of the strings passed in, so rules are tested in isolation.

import {
  GENERIC_POSITIVE,
  GENERIC_ZH_POSITIVE,
  PERSONAL_POSSESSIVES,
  termCues,
  TITLES,
  type CueTable,
} from '@/features/concepts/match/cues';
import { isWordChar } from '@/features/concepts/match/chars';

export const WINDOW_TOKENS = 5;
export const NEAR_WEIGHT = 3;
export const FAR_WEIGHT = 2;
export const ZH_WINDOW = 12;
export const DENSITY_CAP = 2;
export const ACCEPT_SCORE = 2;
/** How many characters of context on each side the caller should pass. */
export const CONTEXT_CHARS = 100;

export interface AmbiguousCandidate {
  /** Folded singular form naming the cue table ("adam", "bias"). */
  key: string;
  /** The term as written in the text ("Adam", "biases"). */
  surface: string;
  /** Text just before the term (about CONTEXT_CHARS; more is ignored). */
  before: string;
  /** Text just after the term. */
  after: string;
  /** Unambiguous concept mentions nearby (see matcher.ts). */
  density: number;
}

export interface Verdict {
  accept: boolean;
  score: number;
  /** Human-readable evidence, for tests and debugging. */
  reasons: string[];
}

const EMPTY_TABLE: CueTable = { positive: [], negative: [] };

/** Cue table for a key, trying a singular of plural keys ("weights"). */
export function cueTableFor(key: string): CueTable {
  return termCues(key) ?? termCues(key.replace(/e?s$/, '')) ?? EMPTY_TABLE;
}

/** A cue table folded into one lookup: word -> +1 (deep learning) or -1 (everyday). */
interface CompiledCues {
  table: CueTable;
  polarity: Map<string, 1 | -1>;
  zh: readonly string[];
}

const compiled = new Map<string, CompiledCues>();

function compiledFor(key: string): CompiledCues {
  let c = compiled.get(key);
  if (c === undefined) {
    const table = cueTableFor(key);
    const polarity = new Map<string, 1 | -1>();
    for (const w of GENERIC_POSITIVE) polarity.set(w, 1);
    for (const w of table.positive) polarity.set(w, 1);
    // The term's own everyday collocations win over the generic list
    // ("weight loss": "weight" is generic jargon but an everyday cue for loss).
    for (const w of table.negative) polarity.set(w, -1);
    // Forms of the term itself never count as its own cue ("token ... tokens").
    for (const w of [key, key + 's', key + 'es', key.replace(/y$/, 'ies')]) polarity.delete(w);
    c = { table, polarity, zh: [...(table.zhPositive ?? []), ...GENERIC_ZH_POSITIVE] };
    compiled.set(key, c);
  }
  return c;
}

/** Polarity of a cue word, trying its singular too ("CNNs" -> "cnn"). */
function polarityOf(cues: CompiledCues, word: string): 1 | -1 | undefined {
  const p = cues.polarity.get(word);
  if (p !== undefined || word.length < 4 || !word.endsWith('s')) return p;
  if (word.endsWith('ies')) return cues.polarity.get(word.slice(0, -3) + 'y');
  return cues.polarity.get(word.slice(0, -1)) ?? (word.endsWith('es') ? cues.polarity.get(word.slice(0, -2)) : undefined);
}

const HAS_CJK = /[\u3400-\u9fff]/;

// Sentence ends: ".", "!", "?", ";" followed by a space or the end, and the
// Chinese full-width forms. Cues beyond them describe another thought.
function isSentenceEnd(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b) return true; // 。！？；
  if (c !== 0x2e && c !== 0x21 && c !== 0x3f && c !== 0x3b) return false; // . ! ? ;
  return i + 1 >= s.length || /\s/.test(s[i + 1]);
}

function sentenceTail(before: string): string {
  const s = before.slice(-CONTEXT_CHARS);
  for (let i = s.length - 1; i >= 0; i--) if (isSentenceEnd(s, i)) return s.slice(i + 1);
  return s;
}

function sentenceHead(after: string): string {
  const s = after.slice(0, CONTEXT_CHARS);
  for (let i = 0; i < s.length; i++) if (isSentenceEnd(s, i)) return s.slice(0, i);
  return s;
}

/** Up to `max` words of s (letters/digits of spaced scripts), nearest to the term first. */
function nearWords(s: string, max: number, backward: boolean): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = backward ? n - 1 : 0;
  const step = backward ? -1 : 1;
  while (out.length < max && i >= 0 && i < n) {
    if (!isWordChar(s.charCodeAt(i))) {
      i += step;
      continue;
    }
    let j = i;
    while (j >= 0 && j < n && isWordChar(s.charCodeAt(j))) j += step;
    out.push(backward ? s.slice(j + 1, i + 1) : s.slice(i, j));
    i = j;
  }
  return out;
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(word);
}

/** Rule 1: "Adam Smith", "Dr Adam". beforeWords are nearest first. */
function isPersonName(c: AmbiguousCandidate, cues: CompiledCues, beforeWords: string[]): string | null {
  if (cues.table.givenName !== true || !isCapitalised(c.surface)) return null;
  const next = /^ (\p{Lu}\p{Ll}+)/u.exec(c.after);
  if (next !== null && polarityOf(cues, next[1].toLowerCase()) !== 1) return `surname "${next[1]}"`;
  const prev = beforeWords[0];
  if (prev !== undefined && TITLES.includes(prev.toLowerCase())) return `title "${prev}"`;
  return null;
}

function cueWeight(distance: number): number {
  return distance <= 1 ? NEAR_WEIGHT : FAR_WEIGHT;
}

export function judgeAmbiguous(c: AmbiguousCandidate): Verdict {
  const cues = compiledFor(c.key);
  const reasons: string[] = [];
  const beforeText = sentenceTail(c.before);
  const afterText = sentenceHead(c.after);
  const beforeWords = nearWords(beforeText, WINDOW_TOKENS, true);

  const person = isPersonName(c, cues, beforeWords);
  if (person !== null) return { accept: false, score: -Infinity, reasons: [`person: ${person}`] };

  let score = 0;
  const addCue = (word: string, distance: number): void => {
    const w = word.toLowerCase();
    const p = polarityOf(cues, w);
    if (p === undefined) return;
    const weight = p * cueWeight(distance);
    score += weight;
    reasons.push(`${weight > 0 ? '+' : ''}${weight} "${w}"`);
  };
  beforeWords.forEach((w, k) => addCue(w, k + 1));
  nearWords(afterText, WINDOW_TOKENS, false).forEach((w, k) => addCue(w, k + 1));

  const prev = beforeWords[0]?.toLowerCase();
  if (prev !== undefined && PERSONAL_POSSESSIVES.includes(prev) && /\s$/.test(beforeText)) {
    score -= NEAR_WEIGHT;
    reasons.push(`-${NEAR_WEIGHT} possessive "${prev}"`);
  }

  for (const idiom of cues.table.idioms ?? []) {
    if ((idiom.before === undefined || idiom.before.test(beforeText)) && (idiom.after === undefined || idiom.after.test(afterText))) {
      score -= 2 * NEAR_WEIGHT;
      reasons.push('idiom');
    }
  }

  const zhBefore = beforeText.slice(-ZH_WINDOW);
  const zhAfter = afterText.slice(0, ZH_WINDOW);
  if (HAS_CJK.test(zhBefore) || HAS_CJK.test(zhAfter)) {
    // One Chinese cue is enough evidence; "优化器" and "优化" are not counted twice.
    const cue = cues.zh.find((z) => zhBefore.includes(z) || zhAfter.includes(z));
    if (cue !== undefined) {
      score += FAR_WEIGHT;
      reasons.push(`+${FAR_WEIGHT} zh "${cue}"`);
    }
    // An everyday collocation beside the term outweighs a jargon word in the window.
    const against = cues.table.zhNegative?.find((z) => zhBefore.includes(z) || zhAfter.includes(z));
    if (against !== undefined) {
      score -= NEAR_WEIGHT + FAR_WEIGHT;
      reasons.push(`-${NEAR_WEIGHT + FAR_WEIGHT} zh "${against}"`);
    }
  }

  const density = Math.min(c.density, DENSITY_CAP);
  if (density > 0) {
    score += density;
    reasons.push(`+${density} density`);
  }
  return { accept: score >= ACCEPT_SCORE, score, reasons };
}
