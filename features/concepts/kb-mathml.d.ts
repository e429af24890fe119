declare module 'virtual:kb-mathml' {
  /** KaTeX's MathML for a knowledge-base formula, keyed by mathmlKey(); undefined when unknown. */
  export function mathmlOf(key: string): string | undefined;
}
