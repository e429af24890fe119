// Decoding HTML character references in cue text.
//
// WebVTT allows every HTML named reference; caption files in practice use a
// handful, so only those are known and any other `&name;` is left as written
// rather than guessed at.

// A Map, not an object literal, so `&constructor;` cannot reach Object.prototype.
const NAMED: ReadonlyMap<string, string> = new Map(Object.entries({
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  // A non-breaking space becomes an ordinary one: the text is for reading and
  // matching words, where U+00A0 would only defeat a search for "neural network".
  nbsp: ' ',
  // Directional marks are invisible but change how mixed-script text is
  // shown, so they are kept as the characters they stand for.
  lrm: '\u200E',
  rlm: '\u200F',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201C',
  rdquo: '\u201D',
  times: '\u00D7',
  copy: '\u00A9',
  reg: '\u00AE',
  trade: '\u2122',
}));

const REFERENCE = /&(?:#(\d{1,8})|#[xX]([0-9A-Fa-f]{1,8})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

function fromCodePoint(code: number): string {
  // As in HTML: NUL, surrogates and values beyond Unicode become U+FFFD.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(code);
}

/** Decodes `&amp;`, `&nbsp;`, `&#233;`, `&#x1F600;` and the other references above. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole: string, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10));
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    return (name === undefined ? undefined : NAMED.get(name)) ?? whole;
  });
}
