import type { Rect } from '@/lib/rects';
import { clipSelection, MAX_SELECTION_CHARS } from '@/features/selection/clip';
import { rangeEdges } from '@/features/selection/edges';

/** A selection the floating button may be offered for. */
export interface SelectionOffer {
  text: string;
  /** The boxes of its first and last characters, in viewport coordinates. */
  lines: Rect[];
}

const FIELDS = 'input, textarea, select';

/** Text the user is typing or editing is theirs, not a passage to look inside. */
function isEditable(node: Node | null): boolean {
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  if (!el) return false;
  return !!el.closest(FIELDS) || (el instanceof HTMLElement && el.isContentEditable);
}

const rangesOf = (sel: Selection) => Array.from({ length: sel.rangeCount }, (_, i) => sel.getRangeAt(i));

/**
 * Where a selection starts and ends on screen; none when it is not laid out,
 * or when the page is in fullscreen and the selection is not part of it.
 */
export function selectionLines(doc: Document, sel: Selection | null): Rect[] {
  const ranges = sel ? rangesOf(sel) : [];
  if (!ranges.length) return [];
  const fs = doc.fullscreenElement;
  if (fs && !ranges.every((r) => fs.contains(r.commonAncestorContainer))) return [];
  // Firefox keeps one range per table cell or Ctrl-selection; the others have one.
  const head = rangeEdges(ranges[0]!);
  const tail = ranges.length > 1 ? rangeEdges(ranges[ranges.length - 1]!) : head;
  return head.length && tail.length ? [head[0]!, tail[1]!] : [];
}

/**
 * The page's selection, when the button may be offered for it: not empty,
 * not in a form field or editable area, not in the extension's own UI
 * (ownHost, whose shadow tree the page's selection only sees as the host).
 */
export function currentOffer(doc: Document, ownHost: Element | null): SelectionOffer | null {
  const sel = doc.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0 || doc.designMode === 'on') return null;
  const active = doc.activeElement;
  if (active && (active === ownHost || isEditable(active))) return null;
  for (const node of [sel.anchorNode, sel.focusNode]) {
    if (!node || isEditable(node) || (ownHost && (node === ownHost || ownHost.contains(node)))) return null;
  }
  // Selection.toString() lays the text out like innerText (line breaks
  // between blocks), and costs as much; a selection far longer than what is
  // sent (Ctrl+A on a long page) gives its plain DOM text instead, which is cheap.
  const plain = rangesOf(sel).map((r) => r.toString()).join('\n');
  const text = clipSelection(plain.length <= 4 * MAX_SELECTION_CHARS ? sel.toString() : plain);
  if (!text) return null;
  const lines = selectionLines(doc, sel);
  return lines.length ? { text, lines } : null;
}
