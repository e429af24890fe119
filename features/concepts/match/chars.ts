// Per-code-unit character classes for the term finder.
//
// Everything here works on single UTF-16 code units and never changes a
// string's length, so offsets found on the folded view are offsets into the
// original text. Results are cached in 64K tables filled on first use: the
// Unicode-aware regexes are only consulted once per distinct code unit.

/** Code unit the trie uses for "one or more spaces or hyphens". */
export const SEP = 0x20;

const FOLD_UNKNOWN = 0xffff;
const foldTable = new Uint16Array(0x10000).fill(FOLD_UNKNOWN);

/** 0 unknown, 1 word character, 2 not a word character. */
const wordTable = new Uint8Array(0x10000);

/** 0 unknown, 1 separator, 2 ignorable, 3 other. */
const kindTable = new Uint8Array(0x10000);

const LETTER_OR_DIGIT = /^[\p{L}\p{N}\p{M}]$/u;
// Scripts written without spaces between words: a neighbouring character from
// them never blocks an English match ("用SGD训练" must find SGD).
const SPACELESS = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]$/u;

/**
 * Map one code unit to the form the trie is keyed on: full-width ASCII to
 * ASCII, curly apostrophes to ', then lower case when lower-casing keeps it a
 * single code unit (e.g. 'İ' lower-cases to two units and is kept as is).
 */
export function fold(code: number): number {
  let f = foldTable[code];
  if (f === FOLD_UNKNOWN) {
    f = computeFold(code);
    foldTable[code] = f;
  }
  return f;
}

/** Like fold() but without lower-casing: used to check exact-case abbreviations. */
export function unfold(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (code === 0x2019 || code === 0x2018 || code === 0x02bc) return 0x27;
  return code;
}

function computeFold(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  const c = unfold(code);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  if (c >= 0xd800 && c <= 0xdfff) return c; // half of a surrogate pair
  const lower = String.fromCharCode(c).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/**
 * Letters, digits and marks of space-separated scripts: such a character next
 * to an English match means the match is inside a longer word ("neuronal",
 * "bias2", "GPTx"). Surrogate halves (emoji, rare ideographs) never block.
 */
export function isWordChar(code: number): boolean {
  if (code < 0x80) {
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  }
  let w = wordTable[code];
  if (w === 0) {
    const ch = String.fromCharCode(code);
    w = code < 0xd800 || code > 0xdfff ? (LETTER_OR_DIGIT.test(ch) && !SPACELESS.test(ch) ? 1 : 2) : 2;
    wordTable[code] = w;
  }
  return w === 1;
}

function kind(code: number): number {
  let k = kindTable[code];
  if (k === 0) {
    k = computeKind(code);
    kindTable[code] = k;
  }
  return k;
}

function computeKind(code: number): number {
  switch (code) {
    case 0x20: // space
    case 0x09: // tab
    case 0x0a: // line feed
    case 0x0d: // carriage return
    case 0x0c: // form feed
    case 0xa0: // no-break space
    case 0x202f: // narrow no-break space
    case 0x3000: // ideographic space
    case 0x2d: // hyphen-minus
    case 0x2010: // hyphen
    case 0x2011: // non-breaking hyphen
    case 0x2012: // figure dash
    case 0x2013: // en dash ("cross–entropy" in typeset notes)
      return 1;
    case 0xad: // soft hyphen
    case 0x200b: // zero-width space
    case 0x200c: // zero-width non-joiner
    case 0x200d: // zero-width joiner
    case 0x2060: // word joiner
    case 0xfeff: // zero-width no-break space
      return 2;
    default:
      return code >= 0x2000 && code <= 0x200a ? 1 : 3;
  }
}

/** Space or hyphen: a run of them matches one SEP in a pattern. */
export function isSeparator(code: number): boolean {
  return kind(code) === 1;
}

/** Invisible characters skipped inside a match ("back\u00ADpropagation"). */
export function isIgnorable(code: number): boolean {
  return kind(code) === 2;
}
