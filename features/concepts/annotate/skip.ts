// Where terms are never marked: code and its kin, anything the user types
// into, anything that isn't prose, links and controls (a click there already
// means something), and the extension's own UI.
import { isOwnMark, ownTags, UI_HOST_TAG, WRAPPER_TAG } from '@/features/concepts/annotate/own-tags';

const SKIP_TAGS = new Set([
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'TT',
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT',
  'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'LABEL',
  'A', 'SVG', 'MATH', 'CANVAS', 'VIDEO', 'AUDIO',
  // A page's own elements of these names (look-alikes of ours) are left alone too.
  WRAPPER_TAG.toUpperCase(), UI_HOST_TAG.toUpperCase(),
]);

/** True when nothing inside el may be annotated. */
export function isSkippedElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  if (isOwnMark(el) || el.localName === ownTags(el.ownerDocument).host) return true;
  if (el instanceof HTMLElement && el.isContentEditable) return true;
  if (el.namespaceURI === 'http://www.w3.org/2000/svg') return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  if (el.hasAttribute('data-dl-tutor-ignore')) return true;
  return false;
}

const BLOCK_TAGS = new Set([
  'P', 'LI', 'DD', 'DT', 'TD', 'TH', 'CAPTION', 'FIGCAPTION', 'BLOCKQUOTE',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'SECTION', 'ARTICLE', 'MAIN', 'ASIDE',
  'HEADER', 'FOOTER', 'NAV', 'DIV', 'BODY', 'TABLE', 'UL', 'OL', 'DL', 'FIGURE',
]);

/** The block a text node's words belong to: its paragraph, list item, cell, ... */
export function blockOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el && !BLOCK_TAGS.has(el.tagName.toUpperCase())) el = el.parentElement;
  return el;
}

export const isHeading = (el: Element): boolean => /^H[1-6]$/.test(el.tagName.toUpperCase());
