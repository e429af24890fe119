import { useLayoutEffect, useRef } from 'preact/hooks';
import katex from 'katex';

/**
 * A formula typeset by KaTeX. katex.render builds DOM nodes itself, so no
 * markup string is ever injected; a malformed formula shows as red source text.
 * For extension pages, which import KaTeX's CSS (cards on web pages use
 * MathML typeset at build time instead: see concept-card/math.tsx).
 */
export function Tex({ tex, display = false }: { tex: string; display?: boolean }) {
  const el = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    if (el.current) katex.render(tex, el.current, { displayMode: display, throwOnError: false });
  }, [tex, display]);
  return <span ref={el} class="tex" />;
}
