import { useLayoutEffect, useRef } from 'preact/hooks';
import katex from 'katex';

// KaTeX for the lab's formulas, with the typeset DOM kept per formula: the symbolic chain rules
// and costs come back again and again as the learner clicks around, and typesetting one took
// several milliseconds of the panel's thread. katex.render builds DOM nodes itself (no markup
// string is ever injected); a cached formula is a deep clone of them.

const cache = new Map<string, HTMLElement>();
const MAX = 300;

function typeset(tex: string): HTMLElement {
  let node = cache.get(tex);
  if (!node) {
    node = document.createElement('span');
    katex.render(tex, node, { displayMode: true, throwOnError: false });
    if (cache.size >= MAX) cache.delete(cache.keys().next().value!);
    cache.set(tex, node);
  }
  return node.cloneNode(true) as HTMLElement;
}

export function BpTex({ tex }: { tex: string }) {
  const el = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    el.current?.replaceChildren(typeset(tex));
  }, [tex]);
  return <span ref={el} class="tex" />;
}
