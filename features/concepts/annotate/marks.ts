import { dropParts, unwrap, type Wrapped } from '@/features/concepts/annotate/wrap';

/** Marks looked at per step of a sweep (a few property reads each). */
const STEP = 2000;
/** Marks restored per step of an unwrap (each changes the DOM). */
const UNWRAP_STEP = 200;

/**
 * The marks made in one document, by the page's text node each was split from, so that what the
 * page later does to those nodes can be followed: frameworks keep references to the text nodes
 * they made and rewrite (`node.data = ...`), move or remove them directly, and the pieces we split
 * off would otherwise stay behind with text the page no longer has.
 */
export class MarkBook {
  private readonly byOriginal = new Map<Text, Wrapped>();

  get size(): number {
    return this.byOriginal.size;
  }

  add(w: Wrapped): void {
    // A node split before and read again (the page moved it): the new pieces come before the old.
    const before = this.byOriginal.get(w.original);
    if (before) before.parts.unshift(...w.parts);
    else this.byOriginal.set(w.original, w);
  }

  /**
   * The page set the text of a node we had split: the node now holds all of the page's new text,
   * and the pieces split off it hold old text, so they go. (An edit relative to the old text,
   * appendData, can't be told apart from this; frameworks replace the whole value.)
   * True if the node was one we had split.
   */
  rewritten(node: Node): boolean {
    const w = this.byOriginal.get(node as Text);
    if (!w) return false;
    dropParts(w);
    this.byOriginal.delete(w.original);
    return true;
  }

  /**
   * After the page removed nodes: where it removed or moved one of the original text nodes by
   * itself, our pieces beside it go too (and a moved node is handed to `moved`, to be looked at
   * where it went); marks whose whole block left the document are forgotten (they stay with it,
   * should the page put it back). One yield per step.
   */
  *sweep(moved: (node: Text) => void): Generator<void> {
    let n = 0;
    for (const w of [...this.byOriginal.values()]) {
      if (++n % STEP === 0) yield;
      if (w.original.parentNode === w.parent) {
        if (!w.parent.isConnected) this.byOriginal.delete(w.original);
        continue;
      }
      dropParts(w);
      this.byOriginal.delete(w.original);
      if (w.original.isConnected) moved(w.original);
    }
  }

  /** Restores the original text nodes inside `root` (the page made it editable), newest marks first. */
  unwrapWithin(root: Node): void {
    for (const w of [...this.byOriginal.values()].reverse()) {
      if (!root.contains(w.parent)) continue;
      unwrap(w);
      this.byOriginal.delete(w.original);
    }
  }

  /** Restores every original text node, newest marks first; one yield per step. */
  *unwrapAll(): Generator<void> {
    const all = [...this.byOriginal.values()];
    this.byOriginal.clear();
    for (let i = all.length - 1; i >= 0; i--) {
      unwrap(all[i]!);
      if (i % UNWRAP_STEP === 0) yield;
    }
  }
}
