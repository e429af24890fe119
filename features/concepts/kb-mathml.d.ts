declare module 'virtual:kb-mathml' {
  /** KaTeX's MathML for every knowledge-base formula, keyed by mathmlKey(). */
  export const MATHML: Record<string, string>;
}
