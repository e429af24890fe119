/** The first sentence of an explanation, for one-line notes (CJK stops need no space after them). */
export function firstSentence(text: string): string {
  const t = text.trim();
  const m = /^(.+?(?:[。！？]|[.!?](?=\s|$)))/.exec(t);
  return (m ? m[1]! : t).trim();
}
