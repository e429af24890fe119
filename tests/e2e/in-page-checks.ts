// Checks that run inside a page, each one self-contained function (no imports, no closures), so
// that Playwright (Chromium) and Puppeteer (Firefox) can both evaluate it with one argument. Each
// returns '' when the check holds, else what is wrong; or the value it reads.

/**
 * The extension's element with this test id is shown: in the shadow root of a connected host,
 * laid out inside the viewport, and the topmost element at its centre.
 */
export function shownOnTop(testid: string): string {
  const host = [...document.querySelectorAll('*')].find((e) => e.localName.startsWith('dl-tutor-root') && !e.hasAttribute('data-spoof') && e.shadowRoot);
  if (!host) return 'no host in the document';
  const el = host.shadowRoot!.querySelector(`[data-testid="${testid}"]`);
  if (!el) return `no ${testid} in the host`;
  const r = el.getBoundingClientRect();
  if (r.width < 1 || r.height < 1 || r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) return `${testid} is not in view: ${JSON.stringify(r)}`;
  const top = document.elementFromPoint(Math.min(r.left + r.width / 2, innerWidth - 1), Math.min(r.top + Math.min(r.height / 2, 20), innerHeight - 1));
  return top === host ? '' : `${testid} is covered by <${top?.localName ?? 'nothing'}>`;
}

/** How often the host was put into the document and taken out of it (probe.js counts). */
export function hostMoves(): { inserts: number; removals: number } {
  const w = window as unknown as { __hostInserts: number; __hostRemovals: number };
  return { inserts: w.__hostInserts, removals: w.__hostRemovals };
}

/** Where the host is: '#id' or the tag name of its parent, '' when it is not in the document. */
export function hostParent(): string {
  const host = [...document.querySelectorAll('*')].find((e) => e.localName.startsWith('dl-tutor-root') && !e.hasAttribute('data-spoof'));
  const p = host?.parentElement;
  return p ? (p.id ? `#${p.id}` : p.localName) : '';
}

/** The extension's elements in the document: hosts and WXT's document styles. */
export function extensionNodes(): number {
  return (
    document.querySelectorAll('[wxt-shadow-root-document-styles]').length +
    [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('dl-tutor-root') && !e.hasAttribute('data-spoof')).length
  );
}

/** Resolves after `n` animation frames. */
export function frames(n: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const step = (left: number): unknown => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
    step(n);
  });
}

/** Selects the contents of an element, as a script or keyboard selection would; the selected text. */
export function selectContents(selector: string): string {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector(selector)!);
  const s = getSelection()!;
  s.removeAllRanges();
  s.addRange(range);
  return s.toString().trim();
}

/**
 * The open card sits where it points, in viewport coordinates: where placeCard (lib/rects.ts)
 * puts it beside the first mark of its concept inside `within`.
 */
export function cardBesideTerm([within, conceptId]: [string, string]): string {
  const host = [...document.querySelectorAll('*')].find((e) => e.localName.startsWith('dl-tutor-root') && !e.hasAttribute('data-spoof') && e.shadowRoot);
  const card = host?.shadowRoot?.querySelector('[data-testid=concept-card]')?.getBoundingClientRect();
  const term = [...document.querySelectorAll(`${within} [data-concept="${conceptId}"]`)].find((e) => e.localName.startsWith('dl-concept'))?.getBoundingClientRect();
  if (!card || !term) return `card ${!!card}, term ${!!term}`;
  const [GAP, MARGIN] = [6, 8];
  const spaceBelow = innerHeight - term.bottom - GAP - MARGIN;
  const spaceAbove = term.top - GAP - MARGIN;
  const below = card.height <= spaceBelow || spaceBelow >= spaceAbove;
  const top = Math.max(MARGIN, Math.min(below ? term.bottom + GAP : term.top - GAP - card.height, innerHeight - MARGIN - card.height));
  const left = Math.max(MARGIN, Math.min(term.left, innerWidth - MARGIN - card.width));
  const r = (b: DOMRect) => `${Math.round(b.left)},${Math.round(b.top)} ${Math.round(b.width)}x${Math.round(b.height)}`;
  return Math.abs(card.left - left) <= 1.5 && Math.abs(card.top - top) <= 1.5 ? '' : `card at ${r(card)}, term at ${r(term)}, expected ${Math.round(left)},${Math.round(top)}`;
}

/** The "Look inside GPT" button is visible, inside the viewport, just under or over the selection. */
export function buttonBesideSelection(): string {
  const host = [...document.querySelectorAll('*')].find((e) => e.localName.startsWith('dl-tutor-root') && !e.hasAttribute('data-spoof') && e.shadowRoot);
  const button = host?.shadowRoot?.querySelector('[data-testid=gpt-selection-button]');
  const sel = getSelection();
  if (!button || !sel?.rangeCount) return `button ${!!button}, selection ${!!sel?.rangeCount}`;
  const b = button.getBoundingClientRect();
  const s = sel.getRangeAt(0).getBoundingClientRect();
  const inView = b.top >= 0 && b.left >= 0 && b.bottom <= innerHeight && b.right <= innerWidth;
  const below = b.top >= s.bottom && b.top < s.bottom + 20;
  const above = b.bottom <= s.top && b.bottom > s.top - 20;
  const visible = getComputedStyle(button).visibility === 'visible';
  return inView && visible && (below || above) ? '' : `button at ${JSON.stringify(b)}, selection at ${JSON.stringify(s)}, visible ${visible}`;
}

/** The concept timeline runs under the page's video, as wide as its picture (video-layer.tsx). */
export function timelineUnderVideo(videoSelector: string): string {
  const host = [...document.querySelectorAll('*')].find((e) => e.localName.startsWith('dl-tutor-root') && !e.hasAttribute('data-spoof') && e.shadowRoot);
  const t = host?.shadowRoot?.querySelector('[data-testid=concept-timeline]')?.getBoundingClientRect();
  const v = document.querySelector(videoSelector)?.getBoundingClientRect();
  if (!t || !v) return `timeline ${!!t}, video ${!!v}`;
  const top = Math.min(v.bottom + 4, innerHeight - 18 - 2);
  const ok = Math.abs(t.top - top) <= 1.5 && Math.abs(t.left - v.left) <= 1.5 && Math.abs(t.width - v.width) <= 1.5;
  return ok ? '' : `timeline at ${JSON.stringify(t)}, video at ${JSON.stringify(v)}`;
}

/** The concepts of the timeline's markers, as concept@seconds. */
export function timelineMarkers(): string[] {
  const host = [...document.querySelectorAll('*')].find((e) => e.localName.startsWith('dl-tutor-root') && !e.hasAttribute('data-spoof') && e.shadowRoot);
  return [...(host?.shadowRoot?.querySelectorAll('[data-testid=timeline-marker]') ?? [])].map((e) => `${(e as HTMLElement).dataset.concept}@${(e as HTMLElement).dataset.time}`);
}

/** The concepts of the chips over the video. */
export function videoChips(): string[] {
  const host = [...document.querySelectorAll('*')].find((e) => e.localName.startsWith('dl-tutor-root') && !e.hasAttribute('data-spoof') && e.shadowRoot);
  return [...(host?.shadowRoot?.querySelectorAll('[data-testid=concept-chip]') ?? [])].map((e) => (e as HTMLElement).dataset.concept ?? '');
}

/** The open card's concept, or null. */
export function openCard(): string | null {
  const host = [...document.querySelectorAll('*')].find((e) => e.localName.startsWith('dl-tutor-root') && !e.hasAttribute('data-spoof') && e.shadowRoot);
  return host?.shadowRoot?.querySelector('[data-testid=concept-card]')?.getAttribute('data-concept') ?? null;
}

/** The extension's marks inside `within`, as concept:text (not the page's look-alikes, data-spoof). */
export function marksIn(within: string): string[] {
  return [...document.querySelectorAll(`${within} [data-concept]`)]
    .filter((e) => e.localName.startsWith('dl-concept') && !e.hasAttribute('data-spoof'))
    .map((e) => `${(e as HTMLElement).dataset.concept}:${e.textContent}`);
}

/** The centre of the first mark of a concept inside `within`, scrolled into view, in viewport coordinates. */
export function markCentre([within, conceptId]: [string, string]): { x: number; y: number } | null {
  const mark = [...document.querySelectorAll(`${within} [data-concept="${conceptId}"]`)].find((e) => e.localName.startsWith('dl-concept') && !e.hasAttribute('data-spoof'));
  if (!mark) return null;
  mark.scrollIntoView({ block: 'center' });
  const r = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

/** The centre of the extension's element with this test id (and concept, if given), in viewport coordinates. */
export function ownCentre([testid, conceptId]: [string, string | null]): { x: number; y: number } | null {
  const host = [...document.querySelectorAll('*')].find((e) => e.localName.startsWith('dl-tutor-root') && !e.hasAttribute('data-spoof') && e.shadowRoot);
  const el = host?.shadowRoot?.querySelector(`[data-testid="${testid}"]${conceptId ? `[data-concept="${conceptId}"]` : ''}`);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

/** The page's text as the user reads it (innerText) and as the DOM holds it (textContent). */
export function bodyText(): { inner: string; content: string } {
  return { inner: document.body.innerText, content: document.body.textContent ?? '' };
}

/** How many times the page has rendered (the body-owner fixtures count). */
export function renderCount(): number {
  return (window as unknown as { __renders: number }).__renders;
}
