import type { TermMatch } from '@/features/concepts/match';

import { ownTags, rememberMark } from '@/features/concepts/annotate/own-tags';

/**
 * What one text node became: the original node keeps the text before the
 * first term, and `parts` are the nodes split off after it (wrappers and the
 * plain text between them), in document order.
 */
export interface Wrapped {
  original: Text;
  /** Where the original and the parts were put: the page may move the original away from them. */
  parent: Node;
  parts: Node[];
}

// Inline styles so the page's CSS can't give the wrapper a box: `all: unset`
// makes it inherit font and color and stay inline, and an underline takes
// no layout space. !important, because a page's own !important rules (on
// [data-concept], say) lose only to important declarations of the element itself.
const STYLE =
  'all: unset !important; text-decoration: underline dotted !important; text-decoration-thickness: 1px !important;' +
  ' text-underline-offset: 0.18em !important; text-decoration-color: rgba(47, 111, 222, 0.75) !important; cursor: help !important;';

function makeWrapper(doc: Document, conceptId: string): HTMLElement {
  const w = doc.createElement(ownTags(doc).wrapper);
  w.setAttribute('data-concept', conceptId);
  w.setAttribute('tabindex', '0');
  w.setAttribute('role', 'button');
  w.setAttribute('style', STYLE);
  rememberMark(w);
  return w;
}

/** Wraps the given (sorted, non-overlapping) matches of one text node. */
export function wrapMatches(node: Text, matches: readonly TermMatch[]): Wrapped | null {
  const parent = node.parentNode;
  if (matches.length === 0 || !parent) return null;
  const doc = node.ownerDocument;
  const parts: Node[] = [];
  // From the end, so earlier offsets stay valid while we split.
  for (let i = matches.length - 1; i >= 0; i--) {
    const m = matches[i]!;
    if (m.end < node.data.length) parts.unshift(node.splitText(m.end));
    const term = node.splitText(m.start);
    const wrapper = makeWrapper(doc, m.conceptId);
    term.replaceWith(wrapper);
    wrapper.append(term);
    parts.unshift(wrapper);
  }
  return { original: node, parent, parts };
}

/** Takes away what we split off, leaving the original as the page now has it (it rewrote or moved it). */
export function dropParts(w: Wrapped): void {
  for (const p of w.parts) if (p.parentNode === w.parent) w.parent.removeChild(p);
}

/** Puts the exact original text node back, with all its text, and removes what we added. */
export function unwrap(w: Wrapped): void {
  // An original the page moved elsewhere keeps what the page gave it.
  if (w.original.parentNode !== w.parent) return dropParts(w);
  let text = w.original.data;
  // A part the page took away (with its own hands) takes its text with it.
  for (const p of w.parts) if (p.parentNode === w.parent) text += p.textContent ?? '';
  w.original.data = text;
  dropParts(w);
}
