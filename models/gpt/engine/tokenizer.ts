import { Tokenizer } from '@huggingface/tokenizers';
import { hexBytes, tokenBytes, wellFormed } from '@/models/gpt/engine/bytes';
import type { GptToken, GptTokenGroup, GptTokenization } from '@/platform/protocol/gpt';

// transformers.js's own tokenizer (@huggingface/tokenizers) does the BPE; this
// wrapper adds what the lab shows and the library does not give: character
// offsets and the grouping of byte tokens that spell one character.

/** Longest input read at all: 256 tokens never need more, and a 100k-character selection stays cheap. */
export const MAX_READ_CHARS = 16_384;

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export class GptTokenizer {
  private readonly tok: Tokenizer;
  private readonly displayCache = new Map<number, string>();
  private readonly added: Set<number>;
  readonly vocabSize: number;

  constructor(tokenizerJson: object, tokenizerConfig: object) {
    this.tok = new Tokenizer(tokenizerJson, tokenizerConfig);
    this.vocabSize = this.tok.get_vocab(true).size;
    const added = (tokenizerJson as { added_tokens?: { id: number }[] }).added_tokens;
    this.added = new Set(Array.isArray(added) ? added.map((t) => t.id) : []);
  }

  /** An added (special) token such as <|endoftext|>: not bytes of the text. */
  isSpecial(id: number): boolean {
    return this.added.has(id);
  }

  encode(text: string): number[] {
    return this.tok.encode(wellFormed(text), { add_special_tokens: false }).ids;
  }

  decode(ids: number[]): string {
    if (ids.length === 0) return '';
    return this.tok.decode(ids, { skip_special_tokens: false, clean_up_tokenization_spaces: false });
  }

  /** UTF-8 bytes of one token (an added token such as <|endoftext|> is its own text). */
  bytes(id: number): number[] {
    const s = this.tok.id_to_token(id);
    if (s === undefined) return [];
    return tokenBytes(s) ?? Array.from(utf8.encode(s));
  }

  /** How the lab writes a token: its text if its bytes are whole UTF-8, else the bytes in hex. */
  display(id: number): string {
    let d = this.displayCache.get(id);
    if (d === undefined) {
      const b = this.bytes(id);
      try {
        d = strictUtf8.decode(Uint8Array.from(b));
      } catch {
        d = hexBytes(b);
      }
      this.displayCache.set(id, d);
    }
    return d;
  }

  /** Tokens of `text` with offsets, cut to `maxTokens` (the first ones are kept). */
  tokenize(text: string, maxTokens: number): GptTokenization {
    const clean = wellFormed(text);
    const read = clean.length > MAX_READ_CHARS ? cutAtBoundary(clean, MAX_READ_CHARS) : clean;
    const ids = read ? this.encode(read) : [];
    const kept = ids.slice(0, maxTokens);
    const { tokens, groups, usedChars } = this.align(read, kept);
    return {
      tokens,
      groups,
      truncated: kept.length < ids.length || read.length < clean.length,
      usedChars: kept.length < ids.length || read.length < clean.length ? usedChars : clean.length,
      totalChars: clean.length,
      contextSize: maxTokens,
    };
  }

  /** Maps each token's byte span to the UTF-16 span of the characters it touches. */
  private align(text: string, ids: number[]) {
    // charAtByte[b] = UTF-16 offset of the character holding byte b; charEnd gives that character's end.
    const charAtByte: number[] = [];
    const ends: number[] = [];
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      const nBytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      for (let k = 0; k < nBytes; k++) {
        charAtByte.push(i);
        ends.push(i + width);
      }
      i += width;
    }
    const tokens: GptToken[] = [];
    const groups: GptTokenGroup[] = [];
    let byte = 0;
    let open: GptTokenGroup | null = null;
    for (let index = 0; index < ids.length; index++) {
      const id = ids[index];
      const bytes = this.bytes(id);
      const b0 = Math.min(byte, charAtByte.length - 1);
      const b1 = Math.min(byte + bytes.length, charAtByte.length);
      const start = charAtByte[b0] ?? text.length;
      const end = b1 > 0 ? ends[b1 - 1] : 0;
      const startsInside = byte > 0 && byte < charAtByte.length && charAtByte[byte - 1] === charAtByte[byte];
      const endsInside = b1 < charAtByte.length && b1 > 0 && charAtByte[b1 - 1] === charAtByte[b1];
      const token: GptToken = { index, id, display: this.display(id), bytes, start, end };
      if (startsInside && open) {
        open.tokens.push(index);
        open.end = end;
        token.group = groups.length - 1;
      } else if (endsInside) {
        open = { text: '', start, end, tokens: [index] };
        groups.push(open);
        token.group = groups.length - 1;
      }
      if (open && !endsInside) {
        open.text = text.slice(open.start, open.end);
        open = null;
      }
      tokens.push(token);
      byte += bytes.length;
    }
    // A cut in the middle of a character leaves its group open; it covers what was read.
    if (open) open.text = text.slice(open.start, open.end);
    const fullBytes = Math.min(byte, charAtByte.length);
    const usedChars = fullBytes === 0 ? 0 : fullBytes < charAtByte.length && charAtByte[fullBytes - 1] === charAtByte[fullBytes] ? charAtByte[fullBytes] : ends[fullBytes - 1];
    return { tokens, groups, usedChars };
  }
}

/** Cuts before `limit` at whitespace when there is some nearby, so the last word is not split by the read limit. */
function cutAtBoundary(text: string, limit: number): string {
  let end = limit;
  if (/[\ud800-\udbff]/.test(text[end - 1])) end--;
  const space = text.lastIndexOf(' ', end);
  return text.slice(0, space > end - 64 ? space : end);
}
