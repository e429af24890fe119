import type { ConceptDetails } from '@/platform/protocol/concept';
import { conceptById } from '@/features/concepts/kb';
import { mathmlKey } from '@/features/concepts/mathml-key';

/** Looks up build-time MathML by mathmlKey() (virtual:kb-mathml in the extension). */
export type MathmlOf = (key: string) => string | undefined;

/**
 * A card's body as the background sends it (bg.concept): the knowledge base's texts, with every
 * formula and legend symbol's MathML beside its TeX. Undefined for an id the knowledge base lacks.
 */
export function conceptDetails(id: string, mathmlOf: MathmlOf): ConceptDetails | undefined {
  const c = conceptById(id);
  if (!c) return undefined;
  return {
    id: c.id,
    summary: c.summary,
    intuition: c.intuition,
    formulas: c.formulas.map((f) => ({
      tex: f.tex,
      mathml: mathmlOf(mathmlKey(f.tex, true)),
      legend: f.legend.map((row) => ({ ...row, mathml: mathmlOf(mathmlKey(row.symbol, false)) })),
    })),
  };
}
