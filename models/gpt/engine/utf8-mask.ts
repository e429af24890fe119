// Constrained decoding to valid UTF-8. A byte-level BPE vocabulary holds tokens that are
// only part of a character (a lone lead byte, a tail of continuation bytes), so plain sampling
// can pick a token that cannot continue the bytes written so far, and the decoded text then
// holds U+FFFD. This table says, for every token and every state of a strict UTF-8 decoder,
// the state after the token or that the token is invalid there; the sampler gives invalid
// tokens probability 0 and renormalises over the rest (sampling.ts).
//
// The decoder states (those of the WHATWG and Python decoders, which reject overlong forms,
// surrogates and code points above U+10FFFF, so a sequence the table allows never decodes to
// U+FFFD in either):
//   0  no character open (a lead byte or ASCII may come)
//   1  1 continuation byte owed, 80..BF
//   2  2 owed, next 80..BF (after E1..EC, EE, EF)
//   3  2 owed, next A0..BF (after E0: no overlong 3-byte form)
//   4  2 owed, next 80..9F (after ED: no surrogates)
//   5  3 owed, next 80..BF (after F1..F3)
//   6  3 owed, next 90..BF (after F0: no overlong 4-byte form)
//   7  3 owed, next 80..8F (after F4: nothing above U+10FFFF)
// The restricted states 3/4/6/7 are needed: with "bytes owed" alone, E0 80 or ED A0 would pass.
//
// Special (added) tokens such as <|endoftext|> are not bytes of the text: they are allowed only
// in state 0 (a document never ends inside a character) and leave the state at 0.

export const UTF8_STATES = 8;
/** `next` value of a token that cannot follow the state. */
export const UTF8_INVALID = 255;

/** The state after one byte, or UTF8_INVALID. */
export function utf8Step(state: number, b: number): number {
  switch (state) {
    case 0:
      if (b < 0x80) return 0;
      if (b >= 0xc2 && b <= 0xdf) return 1;
      if (b === 0xe0) return 3;
      if (b === 0xed) return 4;
      if (b >= 0xe1 && b <= 0xef) return 2;
      if (b === 0xf0) return 6;
      if (b >= 0xf1 && b <= 0xf3) return 5;
      if (b === 0xf4) return 7;
      return UTF8_INVALID;
    case 1:
      return b >= 0x80 && b <= 0xbf ? 0 : UTF8_INVALID;
    case 2:
      return b >= 0x80 && b <= 0xbf ? 1 : UTF8_INVALID;
    case 3:
      return b >= 0xa0 && b <= 0xbf ? 1 : UTF8_INVALID;
    case 4:
      return b >= 0x80 && b <= 0x9f ? 1 : UTF8_INVALID;
    case 5:
      return b >= 0x80 && b <= 0xbf ? 2 : UTF8_INVALID;
    case 6:
      return b >= 0x90 && b <= 0xbf ? 2 : UTF8_INVALID;
    case 7:
      return b >= 0x80 && b <= 0x8f ? 2 : UTF8_INVALID;
    default:
      return UTF8_INVALID;
  }
}

/** The state after a byte sequence from `state`, or UTF8_INVALID at the first byte that cannot come. */
export function utf8Run(state: number, bytes: readonly number[]): number {
  let s = state;
  for (const b of bytes) {
    s = utf8Step(s, b);
    if (s === UTF8_INVALID) return s;
  }
  return s;
}

/** What a decoder does after an invalid byte (writes U+FFFD, then reads the byte again from state 0): never invalid. */
function utf8RunLenient(state: number, bytes: readonly number[]): number {
  let s = state;
  for (const b of bytes) {
    let n = utf8Step(s, b);
    if (n === UTF8_INVALID) n = utf8Step(0, b);
    s = n === UTF8_INVALID ? 0 : n;
  }
  return s;
}

export class Utf8Table {
  /** `next[state * vocab + id]`: the state after token `id`, or UTF8_INVALID. */
  readonly next: Uint8Array;
  /** `allowed[state][id]`: 1 where `next` is a state, 0 where it is UTF8_INVALID; what `distribution` takes. */
  readonly allowed: readonly Uint8Array[];
  private readonly lenient: Uint8Array;

  /** `bytesOf(id)`: the token's bytes, or undefined for a special (added) token. */
  constructor(
    readonly vocab: number,
    bytesOf: (id: number) => readonly number[] | undefined,
  ) {
    this.next = new Uint8Array(UTF8_STATES * vocab);
    this.lenient = new Uint8Array(UTF8_STATES * vocab);
    const allowed: Uint8Array[] = [];
    for (let s = 0; s < UTF8_STATES; s++) allowed.push(new Uint8Array(vocab));
    for (let id = 0; id < vocab; id++) {
      const bytes = bytesOf(id);
      for (let s = 0; s < UTF8_STATES; s++) {
        const n = bytes === undefined ? (s === 0 ? 0 : UTF8_INVALID) : bytes.length === 0 ? s : utf8Run(s, bytes);
        this.next[s * vocab + id] = n;
        this.lenient[s * vocab + id] = bytes === undefined ? 0 : utf8RunLenient(s, bytes);
        allowed[s][id] = n === UTF8_INVALID ? 0 : 1;
      }
    }
    this.allowed = allowed;
  }

  /** The state after `id`, or UTF8_INVALID. */
  step(state: number, id: number): number {
    return this.next[state * this.vocab + id];
  }

  /**
   * The state a decoder is in after `ids` from `state`, reading past invalid tokens the way a
   * decoder does (U+FFFD, then on): for ids that did not come from the constrained sampler.
   */
  feed(state: number, ids: readonly number[]): number {
    let s = state;
    for (const id of ids) s = this.lenient[s * this.vocab + id];
    return s;
  }

  /** Ids invalid in `state`, ascending. */
  blocked(state: number): number[] {
    const out: number[] = [];
    const a = this.allowed[state];
    for (let id = 0; id < this.vocab; id++) if (!a[id]) out.push(id);
    return out;
  }
}

/** A 0/1 mask over the vocabulary with 0 at `blocked` (the lab's form of a `blocked` list sent over a port). */
export function maskFromBlocked(vocab: number, blocked: readonly number[]): Uint8Array {
  const m = new Uint8Array(vocab).fill(1);
  for (const id of blocked) if (id >= 0 && id < vocab) m[id] = 0;
  return m;
}
