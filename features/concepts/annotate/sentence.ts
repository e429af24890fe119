// Line breaks are not sentence ends: in page text they are just white space.
const END = /[.!?。！？；;]/;

/**
 * The sentence around text[start, end): what "Try it" hands to the GPT lab.
 * Sentence ends are Western or CJK stops; the result is trimmed and capped so a
 * run-on block can't become a huge prompt.
 */
export function sentenceAround(text: string, start: number, end: number, max = 400): string {
  let s = start;
  while (s > 0 && !END.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && !END.test(text[e]!)) e++;
  if (e < text.length) e++;
  let out = text.slice(s, e).replace(/\s+/g, ' ').trim();
  if (out.length > max) {
    const mid = Math.max(0, Math.min(out.length - max, start - s - max / 2));
    out = out.slice(mid, mid + max).trim();
  }
  return out;
}
