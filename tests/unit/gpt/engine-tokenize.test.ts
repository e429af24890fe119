// tokenize(): ids as the PyTorch side made them, offsets that map back to the
// text, byte tokens of one character grouped, and the edges (empty, huge, binary).
import { describe, expect, it } from 'vitest';
import { engineFor } from '@/tests/unit/gpt/engine-helpers';
import { describeCost, relativeCost } from '@/tests/unit/relative-cost';
import { loadFixture } from '@/tests/unit/gpt/gpt-helpers';

const fixture = loadFixture();
const utf8 = new TextEncoder();

describe('engine.tokenize', () => {
  it('gives the ids of the reference tokenizer, and its bytes spell the text', async () => {
    const engine = await engineFor();
    const cases = [...fixture.tokenization, ...fixture.prompts.map((p) => ({ text: p.text, input_ids: p.input_ids }))];
    for (const { text, input_ids } of cases) {
      const t = engine.tokenize(text, 100_000);
      expect(t.tokens.map((x) => x.id)).toEqual(input_ids);
      expect(t.tokens.flatMap((x) => x.bytes)).toEqual(Array.from(utf8.encode(text)));
      expect(t.truncated).toBe(false);
      expect(t.usedChars).toBe(text.length);
      expect(engine.tokenizer.decode(input_ids)).toBe(text);
    }
  });

  it('gives offsets whose slice is the token, and groups the byte tokens of one character', async () => {
    const engine = await engineFor();
    const text = 'Neural networks 🤖 learn 机器学习 naïve';
    const t = engine.tokenize(text);
    for (const tok of t.tokens) {
      if (tok.group === undefined) expect(text.slice(tok.start, tok.end)).toBe(tok.display);
      else expect(tok.display).toMatch(/^(<[0-9a-f ]+>|.+)$/u);
    }
    expect(t.groups.length).toBeGreaterThan(0);
    for (const g of t.groups) {
      expect(g.tokens.length).toBeGreaterThan(1);
      expect(text.slice(g.start, g.end)).toBe(g.text);
      const bytes = g.tokens.flatMap((i) => t.tokens[i].bytes);
      expect(new TextDecoder().decode(Uint8Array.from(bytes))).toBe(g.text);
    }
    expect(t.groups.map((g) => g.text).join('')).toContain('🤖');
    // Every character of the text is covered, in order.
    expect(t.tokens[0].start).toBe(0);
    expect(t.tokens.at(-1)!.end).toBe(text.length);
  });

  it('returns an empty result for empty input', async () => {
    const engine = await engineFor();
    expect(engine.tokenize('')).toMatchObject({ tokens: [], groups: [], truncated: false, usedChars: 0, totalChars: 0 });
  });

  it('cuts 100k characters to the context window with the truncated flag, quickly', async () => {
    const engine = await engineFor();
    const text = 'Backpropagation computes the gradient of the loss. '.repeat(2000);
    const t = engine.tokenize(text);
    // Cut before encoding, not after: in units of a reference workload timed alongside
    // (relative-cost.ts), encoding all 100k characters would be many times this bound.
    const cost = relativeCost(() => engine.tokenize(text));
    console.log(`tokenize 100k characters: ${describeCost(cost)}`);
    expect(cost.units).toBeLessThan(10); // 0.8 measured
    expect(t.tokens).toHaveLength(256);
    expect(t.truncated).toBe(true);
    expect(t.totalChars).toBe(text.length);
    expect(t.usedChars).toBe(t.tokens.at(-1)!.end);
    expect(t.usedChars).toBeLessThan(text.length);
  });

  it('survives binary-looking and broken text', async () => {
    const engine = await engineFor();
    const binary = String.fromCharCode(...Array.from({ length: 300 }, (_, i) => i % 256)) + '\ud800 lone \udfff';
    const t = engine.tokenize(binary);
    expect(t.tokens.length).toBeGreaterThan(0);
    expect(t.tokens.length).toBeLessThanOrEqual(256);
    for (const tok of t.tokens) expect(tok.end).toBeGreaterThanOrEqual(tok.start);
  });
});
