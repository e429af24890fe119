// What the Tokens view draws and how charts label tokens, on a real tokenization.
import { describe, expect, it } from 'vitest';
import { segments, tokenLabels } from '@/components/gpt-lab/token-segments';
import { engineFor } from '@/tests/unit/gpt/engine-helpers';

describe('token segments and labels', () => {
  it('draws a multi-token character once and labels each of its byte tokens by place', async () => {
    const engine = await engineFor();
    const tok = engine.tokenize('Attention 注意 ok');
    const segs = segments(tok);
    expect(segs.map((s) => s.text).join('')).toBe('Attention 注意 ok');
    expect(segs.flatMap((s) => s.tokens)).toEqual(tok.tokens.map((t) => t.index));
    const grouped = segs.filter((s) => s.grouped);
    expect(grouped.map((s) => s.text)).toEqual(['注', '意']);
    const labels = tokenLabels(tok);
    expect(labels).toHaveLength(tok.tokens.length);
    const first = grouped[0];
    expect(first.tokens.map((i) => labels[i])).toEqual(first.tokens.map((_, k) => `注 ${k + 1}/${first.tokens.length}`));
    expect(labels.some((l) => l.includes('·'))).toBe(true);
  });
});
