import type { TermMatch } from '@/features/concepts/match';

import { WRAPPER_TAG } from '@/features/concepts/annotate/own-tags';

/**
 * What one text node became: the original node keeps the text before the
 * first term, and `parts` are the nodes split off after it (wrappers and the
 * plain text between them), in document order.
 */
export interface Wrapped {
  original: Text;
  parts: Node[];
}

// Inline styles so the page's CSS can't give the wrapper a box: `all: unset`
// makes it inherit font and color and stay inline, and an underline takes
// no layout space.
const STYLE =
  'all: unset; text-decoration: underline dotted; text-decoration-thickness: 1px;' +
  ' text-underline-offset: 0.18em; text-decoration-color: rgba(47, 111, 222, 0.75); cursor: help;';

function makeWrapper(doc: Document, conceptId: string): HTMLElement {
  const w = doc.createElement(WRAPPER_TAG);
  w.setAttribute('data-concept', conceptId);
  w.setAttribute('tabindex', '0');
  w.setAttribute('role', 'button');
  w.setAttribute('style', STYLE);
  return w;
}

/** Wraps the given (sorted, non-overlapping) matches of one text node. */
export function wrapMatches(node: Text, matches: readonly TermMatch[]): Wrapped | null {
  if (matches.length === 0 || !node.parentNode) return null;
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
  return { original: node, parts };
}

/** Puts the exact original text node back, with all its text, and removes what we added. */
export function unwrap(w: Wrapped): void {
  let text = w.original.data;
  for (const p of w.parts) text += p.textContent ?? '';
  w.original.data = text;
  for (const p of w.parts) p.parentNode?.removeChild(p);
}
