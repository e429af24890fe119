/**
 * The page's headings in document order, each numbering the section it opens. Text added later
 * finds its section by a binary search over them, so a page that appends thousands of nodes a
 * second (a chat log under one heading) costs a few comparisons per node, not a walk back
 * through everything before it.
 */
export class Sections {
  private list: Element[] = [];
  private readonly numbers = new WeakMap<Element, number>();
  private count = 0;

  /** The section a heading opens, numbered the first time it is seen; it joins the ordered list. */
  open(heading: Element): number {
    let n = this.numbers.get(heading);
    if (n === undefined) {
      n = ++this.count;
      this.numbers.set(heading, n);
    }
    this.insert(heading);
    return n;
  }

  /** The section `node` is in: the one its last preceding heading opened, or 0 before any. */
  of(node: Node): number {
    const i = this.lastBefore(node);
    return i < 0 ? 0 : (this.numbers.get(this.list[i]!) ?? 0);
  }

  private insert(heading: Element): void {
    const last = this.list[this.list.length - 1];
    // The first pass meets headings in document order: appending is the common case.
    if (!last || follows(heading, last)) {
      if (last !== heading) this.list.push(heading);
      return;
    }
    const i = this.lastBefore(heading);
    if (this.list[i] !== heading) this.list.splice(i + 1, 0, heading);
  }

  /** Index of the last heading at or before `node` in document order (-1 if none). */
  private lastBefore(node: Node): number {
    // Headings the page removed can't be ordered: drop them first.
    if (this.list.some((h) => !h.isConnected)) this.list = this.list.filter((h) => h.isConnected);
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const h = this.list[mid]!;
      if (h === node || follows(node, h)) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}

/** Does `a` come after `b` in document order (b before a, or b containing a)? */
function follows(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
}
