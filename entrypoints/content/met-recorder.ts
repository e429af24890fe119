import { isOwnMark, ownTags } from '@/features/concepts/annotate/own-tags';
import { sentenceOfTerm } from '@/features/concepts/annotate/term-sentence';
import type { MetEvent, MetKind } from '@/platform/protocol/met';
import { MAX_MET_BATCH } from '@/platform/protocol/met';

/** A mark counts as seen after this long on screen (at least half of it visible). */
const DWELL_MS = 1000;
/** Reports wait this long to travel together. */
const FLUSH_MS = 2000;
/** The most a page reports in its life: the background limits tabs too, this keeps the port quiet. */
const PAGE_BUDGET = 200;

const clip = (s: string, n: number) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};

/** The heading the term's section starts with, and an id to link to. */
function sectionOf(term: Element): { section?: string; anchor?: string } {
  const headings = document.querySelectorAll('h1, h2, h3, h4, h5, h6');
  for (let i = headings.length - 1; i >= 0; i--) {
    const h = headings[i]!;
    if (h.compareDocumentPosition(term) & Node.DOCUMENT_POSITION_FOLLOWING) {
      const id = h.id || h.closest('section[id]')?.id || '';
      return { section: clip(h.textContent ?? '', 200) || undefined, anchor: id && id.length <= 200 ? id : undefined };
    }
  }
  return {};
}

/**
 * Tells the background which concepts the learner met on this page: a mark on screen for a
 * moment, a card opened, a chip shown in a playing video. Each concept and way once per address,
 * sent in small batches.
 */
export class MetRecorder {
  private readonly io: IntersectionObserver;
  private readonly timers = new Map<Element, ReturnType<typeof setTimeout>>();
  private sent = new Set<string>();
  private href = location.href;
  private queue: MetEvent[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private budget = PAGE_BUDGET;

  constructor(private readonly send: (events: MetEvent[]) => Promise<unknown>) {
    this.io = new IntersectionObserver((entries) => {
      for (const e of entries) {
        const el = e.target as HTMLElement;
        clearTimeout(this.timers.get(el));
        this.timers.delete(el);
        if (e.isIntersecting) this.timers.set(el, setTimeout(() => this.seen(el), DWELL_MS));
      }
    }, { threshold: 0.5 });
    for (const el of document.querySelectorAll<HTMLElement>(ownTags().wrapper)) if (isOwnMark(el)) this.watch(el);
  }

  watch(mark: HTMLElement): void {
    const id = mark.dataset.concept;
    if (id && !this.sent.has(`seen:${id}`)) this.io.observe(mark);
  }

  private seen(mark: HTMLElement): void {
    this.timers.delete(mark);
    this.io.unobserve(mark);
    if (mark.isConnected) this.met('seen', mark.dataset.concept, mark);
  }

  cardOpened(conceptId: string, term: HTMLElement | null, videoTime: number | null): void {
    this.met('card', conceptId, term, videoTime ?? undefined);
  }

  chipsShown(conceptIds: readonly string[], time: number): void {
    for (const id of conceptIds) this.met('video', id, null, time);
  }

  private met(kind: MetKind, conceptId: string | undefined, term: HTMLElement | null, time?: number): void {
    if (!conceptId || this.budget <= 0) return;
    // A single-page app's navigation is a new page: its concepts are met afresh.
    if (location.href !== this.href) {
      this.href = location.href;
      this.sent = new Set();
    }
    const key = `${kind}:${conceptId}`;
    if (this.sent.has(key)) return;
    const url = location.href.split('#')[0]!;
    if (url.length > 2048) return;
    this.sent.add(key);
    this.budget -= 1;
    const event: MetEvent = { conceptId, kind, url, title: clip(document.title, 300) };
    if (term) Object.assign(event, sectionOf(term), { sentence: clip(sentenceOfTerm(term), 200) || undefined });
    if (time !== undefined) event.time = Math.max(0, time);
    for (const k of Object.keys(event) as (keyof MetEvent)[]) if (event[k] === undefined) delete event[k];
    this.queue.push(event);
    if (this.queue.length >= MAX_MET_BATCH) this.flush();
    else this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const events = this.queue.splice(0, MAX_MET_BATCH);
    if (events.length) void this.send(events).catch(() => undefined);
    if (this.queue.length) this.flushTimer = setTimeout(() => this.flush(), FLUSH_MS);
  }

  stop(): void {
    this.io.disconnect();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.flush();
  }
}
