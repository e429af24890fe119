// A character trie over folded pattern keys, and the walk that follows the
// original text down it from one start offset.
//
// Why a trie walk rather than one regex per alias: the walk from a start
// offset is bounded by the longest key (a few dozen code units) and most walks
// die after one or two characters, so a whole page costs O(length x small),
// whatever the number of aliases. Walking the ORIGINAL string and folding each
// code unit on the fly means there is no normalised copy and no offset map:
// every offset reported is already an offset into the caller's text.

import { SEP, fold, isIgnorable, isSeparator } from '@/features/concepts/match/chars';
import type { Pattern } from '@/features/concepts/match/patterns';

export interface TrieNode {
  next: Map<number, TrieNode> | null;
  /** Patterns whose key ends here, knowledge-base order. */
  out: Pattern[] | null;
}

export interface Trie {
  root: TrieNode;
  /** Longest key, in code units: bounds every walk. */
  maxKeyLength: number;
}

/** Longest run of spaces/hyphens/invisibles taken as one separator ("gradient\n      descent"). */
const MAX_SEPARATOR_RUN = 32;

export function buildTrie(patterns: readonly Pattern[]): Trie {
  const trie: Trie = { root: { next: null, out: null }, maxKeyLength: 0 };
  insertPatterns(trie, patterns);
  return trie;
}

/** Adds patterns to a trie; on a shared key they rank after the ones already there. */
export function insertPatterns(trie: Trie, patterns: readonly Pattern[]): void {
  const root = trie.root;
  let maxKeyLength = trie.maxKeyLength;
  for (const p of patterns) {
    let node = root;
    for (let i = 0; i < p.key.length; i++) {
      const c = p.key.charCodeAt(i);
      if (node.next === null) node.next = new Map();
      let child = node.next.get(c);
      if (child === undefined) {
        child = { next: null, out: null };
        node.next.set(c, child);
      }
      node = child;
    }
    if (node.out === null) node.out = [];
    node.out.push(p);
    if (p.key.length > maxKeyLength) maxKeyLength = p.key.length;
  }
  trie.maxKeyLength = maxKeyLength;
}

/** Terminal hits of one walk, shortest first; reused between walks to avoid garbage. */
export interface WalkHits {
  count: number;
  ends: number[];
  outs: Pattern[][];
}

export function newWalkHits(): WalkHits {
  return { count: 0, ends: [], outs: [] };
}

/** Does the trie have any key starting with this code unit? (Cheap pre-check.) */
export function canStart(trie: Trie, code: number): boolean {
  return trie.root.next !== null && trie.root.next.has(fold(code));
}

/**
 * Follow text from `start` down the trie, recording every node with patterns
 * (with the offset just past its last character) into `hits`. A run of
 * spaces/hyphens in the text steps over one SEP edge; invisible characters
 * (soft hyphen, zero-width space) are skipped.
 */
export function walkFrom(trie: Trie, text: string, start: number, hits: WalkHits): void {
  hits.count = 0;
  const n = text.length;
  let node: TrieNode | undefined = trie.root;
  let i = start;
  let steps = 0;
  while (i < n && steps < trie.maxKeyLength) {
    const c = text.charCodeAt(i);
    let key: number;
    if (isSeparator(c) || isIgnorable(c)) {
      let j = i;
      let sawSeparator = false;
      while (j < n && j - i < MAX_SEPARATOR_RUN) {
        const d = text.charCodeAt(j);
        if (isSeparator(d)) sawSeparator = true;
        else if (!isIgnorable(d)) break;
        j++;
      }
      i = j;
      if (!sawSeparator) continue;
      key = SEP;
    } else {
      key = fold(c);
      i++;
    }
    node = node.next?.get(key);
    if (node === undefined) return;
    steps++;
    if (node.out !== null && key !== SEP) {
      hits.ends[hits.count] = i;
      hits.outs[hits.count] = node.out;
      hits.count++;
    }
  }
}
