// Forms that name a concept only in its own neighbourhood (the knowledge base's `narrow`): the
// transformer's "feed-forward network" is any loop-free network on a page that never mentions
// attention or tokens. Applied to the matches of one string, after the scan: a form of such a
// concept with none of its cues within NARROW_WINDOW characters (its string and the block's
// context around it) goes to the general concept, or is dropped.

import type { ConceptHead } from '@/features/concepts/types';
import { normalizeForm } from '@/features/concepts/match/patterns';
import { regularPlurals } from '@/features/concepts/match/plural';
import type { MatchInput, TermMatch } from '@/features/concepts/match/types';

/** How far from the term, on each side, a cue still counts: about a paragraph. */
export const NARROW_WINDOW = 300;

interface Rule {
  words: ReadonlySet<string>;
  zh: readonly string[];
  otherwise: string | null;
}

const HAS_CJK = /[\u3400-\u9fff]/;
const WORDS = /[a-z0-9]+(?:-[a-z0-9]+)*/g;

export type Narrow = (matches: TermMatch[], input: MatchInput) => TermMatch[];

/** The rules of a knowledge base, or null when it has none (then nothing is done per find). */
export function buildNarrow(concepts: readonly ConceptHead[]): Narrow | null {
  const rules = new Map<string, Rule>(); // concept id + NUL + folded form
  const ids = new Set<string>();
  for (const c of concepts) {
    if (c.narrow === undefined) continue;
    const rule: Rule = {
      words: new Set(c.narrow.cues.filter((w) => !HAS_CJK.test(w)).map((w) => w.toLowerCase())),
      zh: c.narrow.cues.filter((w) => HAS_CJK.test(w)),
      otherwise: c.narrow.otherwise,
    };
    ids.add(c.id);
    for (const form of c.narrow.forms) {
      const key = normalizeForm(form);
      for (const k of [key, key.replace(/(?<=\p{L})[-\u2010\u2011](?=\p{L})/gu, ''), ...regularPlurals(key)]) rules.set(`${c.id}\u0000${k}`, rule);
    }
  }
  if (ids.size === 0) return null;

  const cueNear = (rule: Rule, m: TermMatch, input: MatchInput): boolean => {
    const { text } = input;
    let window = text.slice(Math.max(0, m.start - NARROW_WINDOW), Math.min(text.length, m.end + NARROW_WINDOW));
    if (m.start < NARROW_WINDOW && input.contextBefore) window = input.contextBefore.slice(-(NARROW_WINDOW - m.start)) + ' ' + window;
    const tail = NARROW_WINDOW - (text.length - m.end);
    if (tail > 0 && input.contextAfter) window += ' ' + input.contextAfter.slice(0, tail);
    const lower = window.toLowerCase();
    if (rule.zh.some((z) => lower.includes(z))) return true;
    for (const w of lower.match(WORDS) ?? []) if (rule.words.has(w)) return true;
    return false;
  };

  return (matches, input) => {
    if (!matches.some((m) => ids.has(m.conceptId))) return matches;
    const out: TermMatch[] = [];
    for (const m of matches) {
      const rule = ids.has(m.conceptId) ? rules.get(`${m.conceptId}\u0000${normalizeForm(m.text)}`) : undefined;
      if (rule === undefined || cueNear(rule, m, input)) out.push(m);
      else if (rule.otherwise !== null) out.push({ ...m, conceptId: rule.otherwise });
    }
    return out;
  };
}
