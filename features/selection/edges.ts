import type { Rect } from '@/lib/rects';

// The button only needs where a selection starts and ends. Asking a range
// for all its line boxes costs one box per line, and a Ctrl+A on a long page
// has tens of thousands: here only the first and last visible characters are
// measured, so the cost does not grow with the selection.

/** Text nodes looked at from each end before giving up (hidden or blank ones). */
const MAX_NODES = 200;

const isBlank = (c: string) => /\s/.test(c);

/** The box of one character of a text node, if it is laid out. */
function charBox(node: Text, i: number): Rect | null {
  const r = node.ownerDocument.createRange();
  r.setStart(node, i);
  r.setEnd(node, Math.min(i + 1, node.length));
  const boxes = r.getClientRects();
  for (const b of boxes) if (b.width > 0 && b.height > 0) return { top: b.top, left: b.left, width: b.width, height: b.height };
  return null;
}

/** The node a boundary point sits before, or null at the end of its container. */
function nodeAt(container: Node, offset: number): Node | null {
  return container instanceof Text ? container : (container.childNodes[offset] ?? null);
}

function walkerFor(range: Range): TreeWalker {
  const root = range.commonAncestorContainer;
  return (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
}

function firstBox(range: Range): Rect | null {
  const walker = walkerFor(range);
  let node: Node | null = nodeAt(range.startContainer, range.startOffset);
  if (node) walker.currentNode = node;
  else {
    // The start sits after the container's last child: go on from there.
    let last: Node = range.startContainer;
    while (last.lastChild) last = last.lastChild;
    walker.currentNode = last;
    node = walker.nextNode();
  }
  if (node && !(node instanceof Text)) node = walker.nextNode();
  for (let n = 0; node instanceof Text && n < MAX_NODES && range.intersectsNode(node); n++, node = walker.nextNode()) {
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.length;
    for (let i = from; i < to; i++) {
      if (isBlank(node.data[i]!)) continue;
      const box = charBox(node, i);
      if (box) return box;
      break; // not laid out (hidden): no other character of it is either
    }
  }
  return null;
}

function lastBox(range: Range): Rect | null {
  const walker = walkerFor(range);
  const { endContainer: c, endOffset: o } = range;
  let node: Node | null;
  if (c instanceof Text) node = c;
  else if (o === 0) {
    // The end sits before the container's first child: go back from there.
    walker.currentNode = c;
    node = walker.previousNode();
  } else {
    // The end sits after child o-1: go back from its last descendant.
    let before: Node = c.childNodes[o - 1]!;
    while (before.lastChild) before = before.lastChild;
    walker.currentNode = before;
    node = before instanceof Text ? before : walker.previousNode();
  }
  if (node) walker.currentNode = node;
  for (let n = 0; node instanceof Text && n < MAX_NODES && range.intersectsNode(node); n++, node = walker.previousNode()) {
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.length;
    for (let i = to - 1; i >= from; i--) {
      if (isBlank(node.data[i]!)) continue;
      const box = charBox(node, i);
      if (box) return box;
      break;
    }
  }
  return null;
}

/** The boxes of a range's first and last visible characters, in viewport coordinates. */
export function rangeEdges(range: Range): Rect[] {
  const first = firstBox(range);
  const last = lastBox(range);
  return first && last ? [first, last] : [];
}
