// What the Tokens view draws and how charts label tokens, on a real tokenization.
import { describe, expect, it } from 'vitest';
import { segments, tokenLabels } from '@/components/gpt-lab/shared/token-segments';
import { engineFor } from '@/tests/unit/gpt/engine-helpers';

describe('token segments and labels', () => {
  it('draws a multi-token character once and labels each of its byte tokens by place', async () => {
    const engine = await engineFor();
    // Common Chinese is whole tokens in the bilingual tokenizer; rare characters still fall back to bytes.
    const tok = engine.tokenize('Attention 注意 龘靐 ok');
    const segs = segments(tok);
    expect(segs.map((s) => s.text).join('')).toBe('Attention 注意 龘靐 ok');
    expect(segs.flatMap((s) => s.tokens)).toEqual(tok.tokens.map((t) => t.index));
    const grouped = segs.filter((s) => s.grouped);
    expect(grouped.map((s) => s.text)).toEqual(['龘', '靐']);
    // 注意 ("attention") is one token, not byte fragments.
    expect(segs.some((s) => s.text.trim() === '注意' && !s.grouped)).toBe(true);
    const labels = tokenLabels(tok);
    expect(labels).toHaveLength(tok.tokens.length);
    const first = grouped[0];
    expect(first.tokens.map((i) => labels[i])).toEqual(first.tokens.map((_, k) => `龘 ${k + 1}/${first.tokens.length}`));
    expect(labels.some((l) => l.includes('·'))).toBe(true);
  });
});
