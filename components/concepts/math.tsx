import { useLayoutEffect, useRef } from 'preact/hooks';
import { MATHML } from 'virtual:kb-mathml';
import { mathmlKey } from '@/features/concepts/mathml-key';

/**
 * A knowledge-base formula, from MathML typeset at build time. The markup is
 * the extension's own build output (never page content); DOMParser builds the
 * nodes and runs nothing. An unknown formula shows its TeX source as text.
 */
export function KbMath({ tex, display = false }: { tex: string; display?: boolean }) {
  const el = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const host = el.current;
    if (!host) return;
    const markup = MATHML[mathmlKey(tex, display)];
    const node = markup ? new DOMParser().parseFromString(markup, 'text/html').body.firstElementChild : null;
    if (node) host.replaceChildren(document.importNode(node, true));
    else host.replaceChildren(document.createTextNode(tex));
  }, [tex, display]);
  return <span ref={el} class={display ? 'math display' : 'math'} />;
}
