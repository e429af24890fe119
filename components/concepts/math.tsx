import { useEffect, useRef } from 'preact/hooks';
import { MATHML } from 'virtual:kb-mathml';
import { mathmlKey } from '@/features/concepts/mathml-key';

let inert: Range | null = null;

/**
 * Markup parsed in one inert document, made once: a DOMParser would make a document per
 * formula, and a card has a dozen formulas and symbols, which made opening it a long task.
 * An inert document (no window) runs nothing it parses.
 */
function parse(markup: string): Element | null {
  if (!inert) {
    const doc = document.implementation.createHTMLDocument('');
    inert = doc.createRange();
    inert.selectNodeContents(doc.body);
  }
  return inert.createContextualFragment(markup).firstElementChild;
}

/**
 * A knowledge-base formula, from MathML typeset at build time. The markup is
 * the extension's own build output (never page content). An unknown formula
 * shows its TeX source as text. Formulas go in after the card's first paint,
 * in a task of their own: laid out with the card (fonts found for every symbol),
 * they made opening it one long task. The card layer places the card again
 * when they change its size.
 */
export function KbMath({ tex, display = false }: { tex: string; display?: boolean }) {
  const el = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const host = el.current;
    if (!host) return;
    const markup = MATHML[mathmlKey(tex, display)];
    const node = markup ? parse(markup) : null;
    if (node) host.replaceChildren(document.importNode(node, true));
    else host.replaceChildren(document.createTextNode(tex));
  }, [tex, display]);
  return <span ref={el} class={display ? 'math display' : 'math'} />;
}
