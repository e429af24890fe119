import { currentOffer, selectionLines, type SelectionOffer } from '@/features/selection/offer';

/** Quiet time after the last selectionchange before the button shows (keyboard selection). */
const SETTLE_MS = 250;
/** After a pointer release the selection is final; this only lets a triple click finish. */
const RELEASE_MS = 40;

type Ends = [Node | null, number, Node | null, number];
const endsOf = (s: Selection | null): Ends => [s?.anchorNode ?? null, s?.anchorOffset ?? 0, s?.focusNode ?? null, s?.focusOffset ?? 0];
const sameEnds = (a: Ends | null, b: Ends) => !!a && a.every((v, i) => v === b[i]);

/**
 * Watches the page's selection for the "Look inside GPT" button. It only
 * reads: the selection, its boxes, where the pointer went; the page's text,
 * focus and selection are never touched.
 */
export class SelectionFeatures {
  private offer: SelectionOffer | null = null;
  /** The selection the user dismissed (Esc, a click elsewhere); it stays dismissed until it changes. */
  private dismissed: Ends | null = null;
  private pressed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private life: AbortController | null = null;
  /** While the button is up: the page's changes, which may take the selected text away. */
  private watch: MutationObserver | null = null;

  constructor(
    /** The extension's shadow host: clicks and selections there are its own. */
    private readonly host: () => Element | null,
    private readonly repaint: () => void,
  ) {}

  start(): void {
    const ours = (e: Event) => {
      const host = this.host();
      return !!host && e.composedPath().includes(host);
    };
    const onDown = (e: PointerEvent) => {
      if (ours(e)) return;
      // Only the primary button drags out selections; a right click's release
      // may never arrive (the context menu takes it).
      this.pressed = e.button === 0;
      clearTimeout(this.timer);
      if (this.offer) this.dismiss();
    };
    const onUp = (e: PointerEvent) => {
      if (!this.pressed) return;
      this.pressed = false;
      if (!ours(e)) this.schedule(RELEASE_MS);
    };
    // While the pointer is down the selection is still being dragged out.
    const onChange = () => !this.pressed && this.schedule(SETTLE_MS);
    const onKey = (e: KeyboardEvent) => {
      // The page may have its own use for Esc, so it still gets the key.
      if (e.key === 'Escape' && this.offer) this.dismiss();
    };
    const onLayout = () => {
      if (!this.offer || this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.follow();
      });
    };
    // One abort removes them all (stop()).
    this.life = new AbortController();
    const signal = this.life.signal;
    document.addEventListener('pointerdown', onDown, { capture: true, signal });
    document.addEventListener('pointerup', onUp, { capture: true, signal });
    document.addEventListener('pointercancel', onUp, { capture: true, signal });
    document.addEventListener('selectionchange', onChange, { signal });
    document.addEventListener('keydown', onKey, { capture: true, signal });
    document.addEventListener('fullscreenchange', onLayout, { signal });
    addEventListener('scroll', onLayout, { passive: true, capture: true, signal });
    addEventListener('resize', onLayout, { passive: true, signal });
  }

  stop(): void {
    clearTimeout(this.timer);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.life?.abort();
    this.life = null;
    this.watchPage(false);
    this.offer = null;
    this.dismissed = null;
  }

  /** The selection the button is offered for, if any. */
  view(): SelectionOffer | null {
    return this.offer;
  }

  /** Hides the button until the selection changes. */
  dismiss(): void {
    this.dismissed = endsOf(document.getSelection());
    this.set(null);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), ms);
  }

  /** Reads the selection again after it changed. */
  private update(): void {
    if (sameEnds(this.dismissed, endsOf(document.getSelection()))) return this.set(null);
    const offer = currentOffer(document, this.host());
    // A selection gone (or one that can't be offered) forgets the dismissal.
    if (!offer) this.dismissed = null;
    this.set(offer);
  }

  /** Moves the button with its selection when the page scrolls or resizes; the text stays. */
  private follow(): void {
    if (!this.offer) return;
    // No lines (fullscreen elsewhere) hides the button until they are back.
    this.set({ text: this.offer.text, lines: selectionLines(document, document.getSelection()) });
  }

  private set(offer: SelectionOffer | null): void {
    if (!offer && !this.offer) return;
    this.offer = offer;
    this.watchPage(!!offer);
    this.repaint();
  }

  /**
   * A page that removes the selected text (a new body, a list rendered again) collapses the
   * selection without a selectionchange in Chromium, and the button would stay beside nothing.
   * So while it is up, each batch of the page's changes checks that the selection is still there.
   */
  private watchPage(on: boolean): void {
    if (!on) {
      this.watch?.disconnect();
      this.watch = null;
      return;
    }
    this.watch ??= new MutationObserver(() => {
      const s = document.getSelection();
      if (!s || s.isCollapsed || !s.anchorNode?.isConnected || !s.focusNode?.isConnected) this.update();
    });
    this.watch.observe(document, { childList: true, subtree: true });
  }
}
