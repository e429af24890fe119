import type { GptTokenization } from '@/platform/protocol/protocol';
import { showWhitespace } from '@/components/gpt-lab/shared/show-whitespace';

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

/**
 * One short label per token for charts: its text, or for a byte token of a multi-token
 * character, that character with the byte token's place in it ("机 2/3"), which reads
 * better in a heatmap than "<e6 9c>".
 */
export function tokenLabels(tok: GptTokenization): string[] {
  return tok.tokens.map((k) => {
    if (k.group === undefined) return showWhitespace(k.display, true);
    const g = tok.groups[k.group];
    return `${g.text} ${g.tokens.indexOf(k.index) + 1}/${g.tokens.length}`;
  });
}
