import type { ConceptDetails } from '@/platform/protocol/concept';
import type { Result } from '@/platform/protocol/protocol';

/** A card body as the page knows it: asked for, arrived, or failed (with the reason, in English). */
export type DetailsState = { state: 'loading' } | { state: 'ready'; details: ConceptDetails } | { state: 'failed'; reason: string };

/** Asks the background for one body (bg.concept). */
export type FetchDetails = (id: string, signal: AbortSignal) => Promise<Result<ConceptDetails>>;

/** A body that has not come in this long is given up, so the card offers a retry instead of waiting forever. */
export const DETAILS_TIMEOUT_MS = 10_000;

/**
 * Card bodies for the page, fetched once each and kept for the page's life (120 bodies are
 * ~300 kB at most). Fetching starts when the pointer or focus reaches a term, so the body is
 * usually there before the click; the card shows its names and links at once either way.
 */
export class CardDetails {
  private readonly known = new Map<string, DetailsState>();
  private readonly life = new AbortController();

  constructor(
    private readonly fetchDetails: FetchDetails,
    /** Called when a body arrives or fails, to paint the card again. */
    private readonly changed: () => void,
    private readonly timeoutMs = DETAILS_TIMEOUT_MS,
  ) {}

  /** The body's state; asks for it the first time. */
  get(id: string): DetailsState {
    const now = this.known.get(id);
    if (now) return now;
    this.load(id);
    return this.known.get(id)!;
  }

  /** Starts fetching a body the learner is likely to open. */
  prefetch(id: string): void {
    if (!this.known.has(id)) this.load(id);
  }

  /** Asks again for a body that failed. */
  retry(id: string): void {
    if (this.known.get(id)?.state === 'failed') this.load(id);
  }

  /** Stops every pending request (the UI was torn down). */
  dispose(): void {
    this.life.abort();
  }

  private load(id: string): void {
    if (this.life.signal.aborted) return;
    this.known.set(id, { state: 'loading' });
    const signal = AbortSignal.any([this.life.signal, AbortSignal.timeout(this.timeoutMs)]);
    void this.fetchDetails(id, signal)
      .catch((e: unknown): Result<ConceptDetails> => ({ ok: false, error: { code: 'internal', message: String(e) } }))
      .then((r) => {
        if (this.life.signal.aborted) return;
        const timedOut = !r.ok && r.error.code === 'cancelled' && signal.aborted;
        this.known.set(id, r.ok ? { state: 'ready', details: r.value } : { state: 'failed', reason: timedOut ? 'no answer in time' : r.error.message });
        this.changed();
      });
  }
}
