import { sentenceAround } from '@/features/concepts/annotate/sentence';
import { blockOf } from '@/features/concepts/annotate/skip';

/** The sentence a marked term sits in, read from its block (paragraph, list item, caption): what "Try it" opens the demo with. */
export function sentenceOfTerm(term: HTMLElement): string {
  const block = blockOf(term);
  const all = block?.textContent ?? term.textContent ?? '';
  let start = 0;
  if (block) {
    const before = document.createRange();
    before.setStart(block, 0);
    before.setEndBefore(term);
    start = before.toString().length;
  }
  return sentenceAround(all, start, start + (term.textContent?.length ?? 0));
}
