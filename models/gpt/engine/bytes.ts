// GPT-2's byte-level alphabet: each of the 256 bytes is written as a printable
// character, so BPE merges operate on strings. Decoding a token means mapping
// its characters back to bytes.

function byteToChar(): string[] {
  const printable = (b: number) => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  const out: string[] = [];
  let shift = 0;
  for (let b = 0; b < 256; b++) out[b] = String.fromCharCode(printable(b) ? b : 256 + shift++);
  return out;
}

const CHAR_TO_BYTE = new Map(byteToChar().map((c, b) => [c, b]));

/** The bytes of a byte-level token string; undefined if it is not one (an added token). */
export function tokenBytes(token: string): number[] | undefined {
  const bytes: number[] = [];
  for (const ch of token) {
    const b = CHAR_TO_BYTE.get(ch);
    if (b === undefined) return undefined;
    bytes.push(b);
  }
  return bytes;
}

export const hexBytes = (bytes: readonly number[]) => `<${bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ')}>`;

/** Lone surrogates have no UTF-8 form; replace them so byte offsets map back to characters. */
export const wellFormed = (text: string) => text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
