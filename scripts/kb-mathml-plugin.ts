import katex from 'katex';
import type { Plugin } from 'vite';
import { CONCEPTS } from '../features/concepts/kb';
import { mathmlKey } from '../features/concepts/mathml-key';

const ID = 'virtual:kb-mathml';

/**
 * Typesets every knowledge-base formula to MathML at build time, so the content
 * script ships ~150 kB of finished markup instead of KaTeX itself (whose
 * start-up alone would cost the page a long task on every load).
 */
export function kbMathml(): Plugin {
  return {
    name: 'dl-tutor:kb-mathml',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    load(id) {
      if (id !== `\0${ID}`) return null;
      const out: Record<string, string> = {};
      const add = (tex: string, display: boolean) => {
        out[mathmlKey(tex, display)] ??= katex.renderToString(tex, { displayMode: display, output: 'mathml', throwOnError: true });
      };
      for (const c of CONCEPTS) {
        for (const f of c.formulas) {
          add(f.tex, true);
          for (const row of f.legend) add(row.symbol, false);
        }
      }
      return `export const MATHML = ${JSON.stringify(out)};`;
    },
  };
}
