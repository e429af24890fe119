import { useEffect, useRef } from 'preact/hooks';

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

/** KaTeX's output: a <math> element, maybe in its wrapper spans, and nothing that loads or runs. */
const isMath = (node: Element) => (node.localName === 'math' || node.querySelector('math') !== null) && !node.querySelector('script, style, iframe, object, embed, link, img');

/**
 * A knowledge-base formula, from MathML typeset at build time and sent by the background with
 * the card's body (the extension's own build output, never page content). Without markup it
 * shows its TeX source as text, as it does for markup that is not KaTeX's MathML. Formulas go in after
 * the card's first paint, in a task of their own: laid out with the card (fonts found for every
 * symbol), they made opening it one long task. The card layer places the card again when they
 * change its size.
 */
export function KbMath({ tex, markup, display = false }: { tex: string; markup?: string; display?: boolean }) {
  const el = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const host = el.current;
    if (!host) return;
    const node = markup ? parse(markup) : null;
    if (node && isMath(node)) host.replaceChildren(document.importNode(node, true));
    else host.replaceChildren(document.createTextNode(tex));
  }, [tex, markup]);
  return <span ref={el} class={display ? 'math display' : 'math'} />;
}
