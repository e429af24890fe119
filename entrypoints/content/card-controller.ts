import type { OpenCard } from '@/components/concepts/layer';
import type { Rect } from '@/lib/rects';
import { isOwnMark, ownTags } from '@/features/concepts/annotate/own-tags';
import { sentenceOfTerm } from '@/features/concepts/annotate/term-sentence';
import { clipSelection } from '@/features/selection/clip';
import { CardDetails } from '@/features/concepts/card-details';
import { call } from '@/platform/messaging/client';
import type { Demo } from '@/platform/protocol/demo';

/** The extension's mark an event is on; a page's look-alike (a spoofed data-concept mark) is not one. */
const termOf = (target: EventTarget | null) => {
  const el = (target as Element | null)?.closest?.(ownTags().wrapper) ?? null;
  return isOwnMark(el) ? el : null;
};

/** The open concept card: a click or Enter on a term opens it; Esc, a click outside or a scroll closes it. */
export class CardController {
  card: OpenCard | null = null;
  /** Card bodies, from the background: the content script carries only the concepts' heads. */
  readonly details: CardDetails;

  constructor(
    private readonly host: () => HTMLElement | null,
    private readonly repaint: () => void,
    /** Told of every card opened (the review deck records it as met). */
    private readonly opened: (conceptId: string, term: HTMLElement | null) => void = () => {},
  ) {
    this.details = new CardDetails((id, signal) => call('bg.concept', { id }, { signal, retryOnDisconnect: true }), repaint);
  }

  /** Listens on the page until `signal` aborts (the UI is unmounted). */
  listen(signal: AbortSignal): void {
    const opts = { capture: true, signal };
    document.addEventListener(
      'click',
      (e) => {
        const term = termOf(e.target);
        const host = this.host();
        if (term) {
          e.preventDefault();
          this.open(term);
        } else if (this.card && host && !e.composedPath().includes(host)) {
          this.close(false);
        }
      },
      opts,
    );
    document.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape' && this.card) {
          e.stopPropagation();
          this.close(true);
          return;
        }
        const term = termOf(e.target);
        if (term && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          this.open(term);
        }
      },
      opts,
    );
    // A term under the pointer or focus is likely to be opened: its body is asked for now, so it
    // is usually there by the click (a stopped service worker takes a moment to start).
    const prefetch = (e: Event) => {
      const id = termOf(e.target)?.dataset.concept;
      if (id) this.details.prefetch(id);
    };
    document.addEventListener('pointerover', prefetch, { capture: true, passive: true, signal });
    document.addEventListener('focusin', prefetch, { capture: true, signal });
    // The host follows the page into fullscreen (page-features.ts); the card's term moved.
    document.addEventListener('fullscreenchange', () => this.card && this.close(false), { signal });
    // A scroll that moves the card's term takes the card away: the document's, or an element's
    // around the term (pages that scroll <body> or a container instead of the document).
    window.addEventListener('scroll', (e) => this.card && this.moves(e.target) && this.close(false), { passive: true, capture: true, signal });
  }

  /** Does scrolling `target` move the open card's anchor? */
  private moves(target: EventTarget | null): boolean {
    if (!(target instanceof Node) || target === document || target === document.scrollingElement) return true;
    const term = this.card?.term;
    // A chip's card (no term) points at the chip, which moves with the page's own scrolling.
    return term ? target.contains(term) : target === document.body;
  }

  open(term: HTMLElement): void {
    const id = term.dataset.concept;
    if (!id) return;
    // Measured when the card is placed: measuring now would force a layout of the whole page.
    const anchor = () => {
      const r = term.getBoundingClientRect();
      return { top: r.top, left: r.left, width: r.width, height: r.height };
    };
    this.card = { conceptId: id, anchor, term };
    this.repaint();
    this.opened(id, term);
  }

  /** A chip under a video names a concept with no term on the page. */
  openAt(conceptId: string, anchor: Rect): void {
    this.card = { conceptId, anchor: () => anchor, term: null };
    this.repaint();
    this.opened(conceptId, null);
  }

  close(refocus: boolean): void {
    const term = this.card?.term;
    this.card = null;
    this.repaint();
    if (refocus) term?.focus();
  }

  /** "Try it": the demo opens on the sentence around the term. */
  tryDemo(demo: Demo, term: HTMLElement | null): void {
    void call('ui.openDemo', { demo, text: term ? clipSelection(sentenceOfTerm(term)) : '' });
  }
}
