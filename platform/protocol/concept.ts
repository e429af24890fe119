// A concept card's body on the wire: what the background sends when a card opens (bg.concept).

export interface ConceptText {
  en: string;
  zh: string;
}

export interface ConceptFormula {
  /** KaTeX source: shown as text when there is no MathML. */
  tex: string;
  /** The formula typeset at build time (the extension's own markup, never page content). */
  mathml?: string;
  legend: { symbol: string; mathml?: string; en: string; zh: string }[];
}

export interface ConceptDetails {
  id: string;
  summary: ConceptText;
  intuition: ConceptText;
  formulas: ConceptFormula[];
}
