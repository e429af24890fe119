// Splitting a caption file into lines, whatever produced it.

/** Drops a leading byte-order mark and splits on CRLF, CR or LF. */
export function splitLines(source: string): string[] {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  return text.split(/\r\n|\r|\n/);
}
