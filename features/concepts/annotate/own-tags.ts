// The extension's own elements on a page, named once: the annotator skips them and the content
// script finds terms and mounts its UI by these names.

/** Wraps a marked term (a custom element: no page style or script knows it). */
export const WRAPPER_TAG = 'dl-concept';

/** The shadow host of the extension's page UI: cards, the selection button, the video layer. */
export const UI_HOST_TAG = 'dl-tutor-root';
