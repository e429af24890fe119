import katex from 'katex';
import type { Plugin } from 'vite';
import { CONCEPTS } from '../features/concepts/kb';
import { mathmlKey } from '../features/concepts/mathml-key';

const ID = 'virtual:kb-mathml';

/**
 * Typesets every knowledge-base formula to MathML at build time (~190 kB of finished markup), so
 * that no extension context runs KaTeX. The background holds it and sends a card's formulas with
 * the card's body (bg.concept); KaTeX's start-up in the page cost a long task on every load.
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
      // One string, parsed on the first card asked for: the background starts often (a service
      // worker is stopped when idle), and most starts serve no card.
      return [
        `const RAW = ${JSON.stringify(JSON.stringify(out))};`,
        'let table = null;',
        'export function mathmlOf(key) { table ??= JSON.parse(RAW); return Object.hasOwn(table, key) ? table[key] : undefined; }',
      ].join('\n');
    },
  };
}
