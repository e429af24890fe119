import { useLayoutEffect, useRef } from 'preact/hooks';
import katex from 'katex';
import 'katex/dist/katex.min.css';

/**
 * A formula typeset by KaTeX. katex.render builds DOM nodes itself, so no
 * markup string is ever injected; a malformed formula shows as red source text.
 */
export function Tex({ tex, display = false }: { tex: string; display?: boolean }) {
  const el = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    if (el.current) katex.render(tex, el.current, { displayMode: display, throwOnError: false, output: 'htmlAndMathml' });
  }, [tex, display]);
  return <span ref={el} class="tex" />;
}
