import { createSelector, resumeOffset, type Density, type MatchSession, type Matcher, type Selector, type TermMatch } from '@/features/concepts/match';
import { MarkBook } from '@/features/concepts/annotate/marks';
import { Sections } from '@/features/concepts/annotate/sections';
import { blockOf, isHeading, isSkippedElement } from '@/features/concepts/annotate/skip';
import { runSliced } from '@/features/concepts/annotate/slice';
import { wrapMatches } from '@/features/concepts/annotate/wrap';
import { MAX_AUTO_CHARS, textChars } from '@/features/concepts/annotate/page-size';

const CONTEXT = 400;
/** Text nodes longer than this are matched in pieces, one per step. */
const PIECE = 20_000;
/**
 * Text nodes longer than this are left alone: after a mark, the browser shapes and breaks the
 * whole node's text again (1 MB of Chinese took 170 ms of shaping alone, a long task every time
 * a mark went in), and a single run of text that long is pasted data, not prose.
 */
const MAX_NODE_CHARS = 50_000;
/** A block's nodes are handled in groups of at most this many per step. */
const GROUP = 64;
/** Page mutations are collected for this long before they are looked at. */
const MUTATION_DEBOUNCE_MS = 120;

export interface AnnotatorOptions {
  matcher: Matcher;
  density: Density;
  /** Called (at most once per slice of work) when the set of marked terms changed. */
  onChange?: () => void;
  /** Mark the page however much text it holds (the learner asked). */
  force?: boolean;
  /** Test hook: the text size above which the page is left unmarked (default MAX_AUTO_CHARS). */
  maxChars?: number;
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
 * with one MutationObserver whose records are batched: what was added or
 * rewritten is scanned, and marks in text the page rewrote, moved or removed
 * are given up (marks.ts).
 */
export class PageAnnotator {
  private readonly book = new MarkBook();
  /** Every mention found, marked or not (density may mark only the first). */
  private readonly mentions = new Map<string, number>();
  private readonly sections = new Sections();
  private selector: Selector;
  /** Remembers which concepts each section named, for short forms ("the mask" after "causal mask"). */
  private session: MatchSession;
  /** The address the marks were made for: a single-page app's navigation starts the count afresh. */
  private url: string;
  /** The page removed nodes since the last look: some may have been ones we split. */
  private sweepDue = false;
  private observer: MutationObserver | null = null;
  private queue: Node[] = [];
  private readonly queued = new Set<Node>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private working: Promise<void> | null = null;
  private stopped = false;
  /** Characters of text counted when the page was found too large to mark (start() did nothing). */
  tooLarge: number | null = null;

  constructor(
    private readonly doc: Document,
    private readonly opts: AnnotatorOptions,
  ) {
    this.selector = createSelector(opts.density);
    this.session = opts.matcher.session();
    this.url = doc.location?.href ?? '';
  }

  /** Annotates what is on the page now, then follows changes. Resolves when the first pass is done. */
  async start(): Promise<void> {
    const body = this.doc.body;
    if (!body) return;
    if (!this.opts.force) {
      const limit = this.opts.maxChars ?? MAX_AUTO_CHARS;
      const chars = await textChars(this.doc.documentElement, limit, MAX_NODE_CHARS, () => this.stopped);
      if (this.stopped) return;
      if (chars > limit) {
        this.tooLarge = chars;
        return;
      }
    }
    this.observer = new MutationObserver((records) => this.onMutations(records));
    // The whole document, not the body: a page may replace document.body itself.
    this.observer.observe(this.doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      // A region the page makes editable is the user's to type in: its marks go.
      attributeFilter: ['contenteditable'],
    });
    this.enqueue(body);
    await this.drain();
  }

  /**
   * Removes every mark and restores the original text nodes exactly, in slices like the rest of
   * the work (tens of thousands of marks on a long page take longer than a task may). Nothing is
   * annotated any more from the moment it is called; it resolves when the last mark is gone.
   */
  stop(): Promise<void> {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
    if (this.timer) clearTimeout(this.timer);
    this.queue = [];
    this.queued.clear();
    this.mentions.clear();
    const steps = this.book.unwrapAll();
    return runSliced(() => !steps.next().done, () => false);
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
      if (r.type === 'attributes') {
        const el = r.target as HTMLElement;
        if (el.isContentEditable) this.book.unwrapWithin(el);
        else this.enqueue(el);
        continue;
      }
      if (r.type === 'characterData') {
        // Text changed in place: if we had split it, our pieces go; either way it is read again.
        this.book.rewritten(r.target);
        this.enqueue(r.target);
        continue;
      }
      if (r.removedNodes.length) this.sweepDue = true;
      for (const n of r.addedNodes) {
        if (n.nodeType === Node.ELEMENT_NODE || n.nodeType === Node.TEXT_NODE) this.enqueue(n);
      }
    }
    if ((this.queue.length === 0 && !this.sweepDue) || this.timer) return;
    // One look per burst: a page that mutates in a loop gets batched, not a rescan per record.
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.drain();
    }, MUTATION_DEBOUNCE_MS);
  }

  /** Queues a node to be read, once however often it changes before its turn comes. */
  private enqueue(n: Node): void {
    if (this.queued.has(n)) return;
    this.queued.add(n);
    this.queue.push(n);
  }

  private drain(): Promise<void> {
    this.working ??= this.process().finally(() => {
      this.working = null;
      if ((this.queue.length || this.sweepDue) && !this.stopped) void this.drain();
    });
    return this.working;
  }

  private async process(): Promise<void> {
    let changed = false;
    let steps: Iterator<void> | null = null;
    await runSliced(
      () => {
        // The page's changes since the last step are taken in first; then ours, made in this
        // step (splitting and wrapping), are dropped: they are not page changes.
        const pending = this.observer?.takeRecords();
        if (pending?.length) this.onMutations(pending);
        if (!steps) {
          steps = this.nextJob();
          if (!steps) return false;
        }
        const r = steps.next();
        if (r.done) steps = null;
        else changed = true;
        this.observer?.takeRecords();
        return true;
      },
      () => this.stopped,
    );
    if (changed && !this.stopped) this.opts.onChange?.();
  }

  private nextJob(): Iterator<void> | null {
    const url = this.doc.location?.href ?? '';
    if (url !== this.url) {
      // A single-page app went to another page: its first mentions are first mentions again.
      this.url = url;
      this.selector = createSelector(this.opts.density);
      this.session = this.opts.matcher.session();
      this.mentions.clear();
    }
    if (this.sweepDue) {
      this.sweepDue = false;
      return this.book.sweep((moved) => this.enqueue(moved));
    }
    const root = this.queue.shift();
    if (!root) return null;
    this.queued.delete(root);
    return this.scan(root);
  }

  /** Is n still in the body and outside everything we skip? */
  private eligible(n: Node): boolean {
    if (!n.isConnected || !this.doc.body?.contains(n)) return false;
    for (let el = n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement; el; el = el.parentElement) {
      if (isSkippedElement(el)) return false;
    }
    return true;
  }

  /** Walks one root; each yield is one bounded step of work. */
  private *scan(root: Node): Generator<void> {
    if (!this.eligible(root)) return;
    if (root.nodeType === Node.TEXT_NODE) {
      if ((root as Text).length > MAX_NODE_CHARS) return;
      yield* this.group([root as Text], this.sections.of(root));
      return;
    }
    let section = root === this.doc.body ? 0 : this.sections.of(root);
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
          section = this.sections.open(n as Element);
        }
        // Keep each step short even on pages that are mostly markup.
        if (++visited % 512 === 0) yield;
        continue;
      }
      const text = n as Text;
      if (text.length > MAX_NODE_CHARS || !/\S/.test(text.data)) continue;
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
        from = resumeOffset(found, to);
        if (from < text.length) yield;
      }
      for (const m of matches) this.mentions.set(m.conceptId, (this.mentions.get(m.conceptId) ?? 0) + 1);
      const chosen = matches.filter((m) => this.selector.take(m, p.section));
      const w = p.node.isConnected ? wrapMatches(p.node, chosen) : null;
      if (w) this.book.add(w);
    }
    yield;
  }
}
