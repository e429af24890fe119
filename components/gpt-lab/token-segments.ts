import type { GptTokenization } from '@/utils/messaging/protocol';

/** What the Tokens view draws: one segment per token, or one per group of byte tokens spelling one character. */
export interface Segment {
  text: string;
  /** Indices into tokenization.tokens. */
  tokens: number[];
  grouped: boolean;
}

export function segments(tok: GptTokenization): Segment[] {
  const out: Segment[] = [];
  const seen = new Set<number>();
  for (const token of tok.tokens) {
    if (token.group === undefined) {
      out.push({ text: token.display, tokens: [token.index], grouped: false });
    } else if (!seen.has(token.group)) {
      seen.add(token.group);
      const g = tok.groups[token.group];
      out.push({ text: g.text, tokens: g.tokens, grouped: true });
    }
  }
  return out;
}
