import { createSelector, type Density, type MatchSession, type Matcher, type Selector, type TermMatch } from '@/features/concepts/match';
import { blockOf, isHeading, isSkippedElement } from '@/features/concepts/annotate/skip';
import { runSliced } from '@/features/concepts/annotate/slice';
import { unwrap, wrapMatches, type Wrapped } from '@/features/concepts/annotate/wrap';

const CONTEXT = 400;
/** Text nodes longer than this are matched in pieces, one per step. */
const PIECE = 20_000;
/** A block's nodes are handled in groups of at most this many per step. */
const GROUP = 64;
/** Page mutations are collected for this long before they are looked at. */
const MUTATION_DEBOUNCE_MS = 120;

export interface AnnotatorOptions {
  matcher: Matcher;
  density: Density;
  /** Called (at most once per slice of work) when the set of marked terms changed. */
  onChange?: () => void;
}

interface Pending {
  node: Text;
  section: number;
  before: string;
  after: string;
}

/**
 * Marks concept terms in a document and takes every mark away again on stop().
 * All work runs in slices of a few milliseconds; page changes are followed
 * with one MutationObserver whose records are batched, and only what was
 * added is scanned.
 */
export class PageAnnotator {
  private readonly wrapped: Wrapped[] = [];
  /** Every mention found, marked or not (density may mark only the first). */
  private readonly mentions = new Map<string, number>();
  private readonly headingSection = new WeakMap<Element, number>();
  private readonly selector: Selector;
  /** Remembers which concepts each section named, for short forms ("the mask" after "causal mask"). */
  private readonly session: MatchSession;
  private sections = 0;
  private observer: MutationObserver | null = null;
  private queue: Node[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private working: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly doc: Document,
    private readonly opts: AnnotatorOptions,
  ) {
    this.selector = createSelector(opts.density);
    this.session = opts.matcher.session();
  }

  /** Annotates what is on the page now, then follows changes. Resolves when the first pass is done. */
  async start(): Promise<void> {
    const body = this.doc.body;
    if (!body) return;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(body, { childList: true, subtree: true });
    this.queue.push(body);
    await this.drain();
  }

  /** Removes every mark and restores the original text nodes exactly. */
  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
    if (this.timer) clearTimeout(this.timer);
    this.queue = [];
    for (let i = this.wrapped.length - 1; i >= 0; i--) unwrap(this.wrapped[i]!);
    this.wrapped.length = 0;
    this.mentions.clear();
  }

  /** How many times each concept is mentioned, in the order the page first mentions them. */
  counts(): Map<string, number> {
    return new Map(this.mentions);
  }

  /** Resolves when all queued work is done (tests and the side panel use it). */
  idle(): Promise<void> {
    return this.working ?? Promise.resolve();
  }

  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType === Node.ELEMENT_NODE || n.nodeType === Node.TEXT_NODE) this.queue.push(n);
      }
    }
    if (this.queue.length === 0 || this.timer) return;
    // One look per burst: a page that mutates in a loop gets batched, not a rescan per record.
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.drain();
    }, MUTATION_DEBOUNCE_MS);
  }

  private drain(): Promise<void> {
    this.working ??= this.process().finally(() => {
      this.working = null;
      if (this.queue.length && !this.stopped) void this.drain();
    });
    return this.working;
  }

  private async process(): Promise<void> {
    let changed = false;
    let steps: Iterator<void> | null = null;
    await runSliced(
      () => {
        if (!steps) {
          const root = this.queue.shift();
          if (!root) return false;
          steps = this.scan(root);
        }
        const r = steps.next();
        if (r.done) steps = null;
        else changed = true;
        // Our own splitting and wrapping are not page changes.
        this.observer?.takeRecords();
        return true;
      },
      () => this.stopped,
    );
    if (changed && !this.stopped) this.opts.onChange?.();
  }

  /** Is n still in the document and outside everything we skip? */
  private eligible(n: Node): boolean {
    if (!n.isConnected) return false;
    for (let el = n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement; el; el = el.parentElement) {
      if (isSkippedElement(el)) return false;
    }
    return true;
  }

  private sectionBefore(root: Node): number {
    const walker = this.doc.createTreeWalker(this.doc.body, NodeFilter.SHOW_ELEMENT);
    walker.currentNode = root;
    for (let i = 0; i < 5000; i++) {
      const prev = walker.previousNode() as Element | null;
      if (!prev) break;
      if (isHeading(prev)) return this.sectionFor(prev);
    }
    return 0;
  }

  private sectionFor(heading: Element): number {
    let s = this.headingSection.get(heading);
    if (s === undefined) {
      s = ++this.sections;
      this.headingSection.set(heading, s);
    }
    return s;
  }

  /** Walks one root; each yield is one bounded step of work. */
  private *scan(root: Node): Generator<void> {
    if (!this.eligible(root)) return;
    if (root.nodeType === Node.TEXT_NODE) {
      yield* this.group([root as Text], this.sectionBefore(root));
      return;
    }
    let section = root === this.doc.body ? 0 : this.sectionBefore(root);
    const walker = this.doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) =>
        n.nodeType === Node.ELEMENT_NODE && isSkippedElement(n as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    let block: Element | null = null;
    let nodes: Text[] = [];
    let visited = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === Node.ELEMENT_NODE) {
        if (isHeading(n as Element)) {
          if (nodes.length) yield* this.group(nodes, section);
          nodes = [];
          section = this.sectionFor(n as Element);
        }
        // Keep each step short even on pages that are mostly markup.
        if (++visited % 512 === 0) yield;
        continue;
      }
      const text = n as Text;
      if (!/\S/.test(text.data)) continue;
      const b = blockOf(text);
      if (b !== block || nodes.length >= GROUP) {
        if (nodes.length) yield* this.group(nodes, section);
        nodes = [];
        block = b;
      }
      nodes.push(text);
    }
    if (nodes.length) yield* this.group(nodes, section);
  }

  /** Matches and wraps the text nodes of one block, reading the block's text as context. */
  private *group(nodes: Text[], section: number): Generator<void> {
    const texts = nodes.map((n) => n.data);
    const joined = texts.join('');
    let offset = 0;
    const pending: Pending[] = [];
    for (let i = 0; i < nodes.length; i++) {
      const len = texts[i]!.length;
      pending.push({
        node: nodes[i]!,
        section,
        before: joined.slice(Math.max(0, offset - CONTEXT), offset),
        after: joined.slice(offset + len, offset + len + CONTEXT),
      });
      offset += len;
    }
    for (const p of pending) {
      const matches: TermMatch[] = [];
      const text = p.node.data;
      for (let from = 0; from < text.length; ) {
        const to = Math.min(text.length, from + PIECE);
        const found = this.session.find({ text, contextBefore: p.before, contextAfter: p.after, from, to }, p.section);
        matches.push(...found);
        const last = found[found.length - 1];
        from = last && last.end > to ? last.end : to;
        if (from < text.length) yield;
      }
      for (const m of matches) this.mentions.set(m.conceptId, (this.mentions.get(m.conceptId) ?? 0) + 1);
      const chosen = matches.filter((m) => this.selector.take(m, p.section));
      const w = p.node.isConnected ? wrapMatches(p.node, chosen) : null;
      if (w) this.wrapped.push(w);
    }
    yield;
  }
}
