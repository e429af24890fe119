// The last step for every format: one canonical plain-text shape, so that
// consumers (the concept matcher, the timeline) never see format quirks.

/** Trims every line, drops empty ones and joins the rest with '\n'. */
export function toPlainText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}
