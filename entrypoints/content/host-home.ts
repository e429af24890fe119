/** Elements that render none of their children: a host inside one would show nothing. */
const NO_CHILD_BOXES = new Set(['video', 'audio', 'canvas', 'iframe', 'img', 'object', 'embed', 'input', 'textarea', 'select']);

/**
 * Where the extension's UI host lives: the fullscreen element while one that renders children is
 * shown (anything outside it is hidden then), else the document element, outside <body>.
 * Single-page frameworks own <body>: mounted on it, they remove on every render the children they
 * did not create, or replace body itself; none of them manages the children of <html>. Outside
 * body, the host is also outside body's transform, zoom and scrolling, so its fixed layers are
 * placed in viewport coordinates, the ones getBoundingClientRect gives.
 */
export function hostHome(doc: Document = document): Element {
  const fs = doc.fullscreenElement;
  return fs instanceof HTMLElement && !NO_CHILD_BOXES.has(fs.localName) ? fs : doc.documentElement;
}
