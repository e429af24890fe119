import { useLayoutEffect, useRef } from 'preact/hooks';
import katex from 'katex';

/**
 * A formula typeset by KaTeX. katex.render builds DOM nodes itself, so no
 * markup string is ever injected; a malformed formula shows as red source text.
 * Extension pages import KaTeX's CSS and get its HTML rendering; inside a
 * page's shadow root, where @font-face rules don't apply, MathML is used.
 */
export function Tex({ tex, display = false, mathml = false }: { tex: string; display?: boolean; mathml?: boolean }) {
  const el = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    if (el.current) {
      katex.render(tex, el.current, { displayMode: display, throwOnError: false, output: mathml ? 'mathml' : 'htmlAndMathml' });
    }
  }, [tex, display, mathml]);
  return <span ref={el} class="tex" />;
}
