import { runSliced } from '@/features/concepts/annotate/slice';

/**
 * Pages with more text than this are not marked automatically. Every mark is a DOM change, and
 * the browser lays out again what it touched: one mark and a forced layout took 15-78 ms on the
 * 20 MB hostile page (78 ms inside its block of 50,000 paragraphs), against about 20 ms on the
 * 2 MB lecture page (1.8 million characters of text, marked with no long task,
 * `tests/e2e/long-tasks.test.ts`), and marking the 20 MB page took minutes. The learner can
 * still ask for the marks (the notice's button, the toolbar, Alt+Shift+D).
 */
export const MAX_AUTO_CHARS = 5_000_000;

/** Text the browser does not lay out (a page's inline JSON can be megabytes). */
const NOT_RENDERED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Counts the characters of laid-out text under `root`, in slices (reading `Text.length` copies
 * nothing), stopping as soon as `limit` is passed. Text in runs longer than `skipAbove` is not
 * counted: the annotator leaves such runs alone anyway (annotator.ts).
 */
export async function textChars(root: Node, limit: number, skipAbove: number, cancelled: () => boolean): Promise<number> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, (n) =>
    n.nodeType === Node.ELEMENT_NODE && NOT_RENDERED.has((n as Element).tagName.toUpperCase()) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  );
  let chars = 0;
  await runSliced(() => {
    for (let i = 0; i < 256; i++) {
      const n = walker.nextNode();
      if (!n) return false;
      if (n.nodeType === Node.TEXT_NODE && (n as Text).length <= skipAbove) chars += (n as Text).length;
      if (chars > limit) return false;
    }
    return true;
  }, cancelled);
  return chars;
}
