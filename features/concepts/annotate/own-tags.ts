// The extension's own elements on a page, named once: the annotator skips them and the content
// script finds terms and mounts its UI by these names.

/** Wraps a marked term (a custom element: no page style or script knows it). */
export const WRAPPER_TAG = 'dl-concept';

/** The shadow host of the extension's page UI: cards, the selection button, the video layer. */
export const UI_HOST_TAG = 'dl-tutor-root';

export interface OwnTags {
  wrapper: string;
  host: string;
}

let resolved: OwnTags | null = null;

/**
 * A page may define custom elements of our names before we run: ours would be upgraded to its
 * class (its constructor attaching a shadow root of its own, its callbacks rewriting our marks).
 * Made in the page's document, an element of a name the page defined is upgraded at once, which
 * :defined tells; then a name of our own making is used.
 */
function freeName(doc: Document, name: string): string {
  if (!doc.createElement(name).matches(':defined')) return name;
  return `${name}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The tag names this page leaves to the extension (the plain ones on every page but hostile ones). */
export function ownTags(doc: Document = document): OwnTags {
  resolved ??= { wrapper: freeName(doc, WRAPPER_TAG), host: freeName(doc, UI_HOST_TAG) };
  return resolved;
}

/** Every mark the extension made, so that a page's look-alikes (spoofed data-concept marks) never open a card. */
const marks = new WeakSet<Element>();

/** Told of each new mark (the review deck's recorder watches marks come on screen); one listener, the content script's. */
let onMark: ((el: HTMLElement) => void) | null = null;

export function watchNewMarks(cb: ((el: HTMLElement) => void) | null): void {
  onMark = cb;
}

export function rememberMark(el: Element): void {
  marks.add(el);
  onMark?.(el as HTMLElement);
}

export function isOwnMark(el: Element | null): el is HTMLElement {
  return !!el && marks.has(el);
}
