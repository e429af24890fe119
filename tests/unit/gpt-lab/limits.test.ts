// The Generate view's limits are the host's: the lab must never offer a value the validator
// refuses (the request would fail), nor hide one the model can serve.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { GPT_CONTEXT, GPT_VOCAB_SIZE } from '@/models/gpt/config';
import { MAX_NEW_TOKENS, STEP_ALTERNATIVES } from '@/platform/protocol/gpt';
import { parseClientMsg } from '@/platform/protocol/validate';

const generate = (maxTokens: number) =>
  parseClientMsg({ kind: 'request', id: 'g1', type: 'host.gpt.generate', payload: { text: 'x', settings: { temperature: 1, topK: GPT_VOCAB_SIZE, topP: 1, seed: 1, maxTokens } } });
const next = (appended: number) =>
  parseClientMsg({ kind: 'request', id: 'n1', type: 'host.gpt.next', payload: { text: 'x', settings: { temperature: 1, topK: 0, topP: 1 }, appendIds: new Array<number>(appended).fill(1) } });

describe("the GPT lab's limits", () => {
  it("come from the shipped model's config.json", () => {
    const config = JSON.parse(readFileSync('models/gpt/config.json', 'utf8')) as { vocab_size: number; n_positions: number };
    expect(GPT_VOCAB_SIZE).toBe(config.vocab_size);
    expect(GPT_CONTEXT).toBe(config.n_positions);
  });

  it('new tokens: the validator takes exactly what the lab offers, the model\'s context', () => {
    expect(MAX_NEW_TOKENS).toBe(GPT_CONTEXT);
    expect(generate(MAX_NEW_TOKENS).ok).toBe(true);
    expect(generate(MAX_NEW_TOKENS + 1).ok).toBe(false);
    expect(generate(0).ok).toBe(false);
    expect(next(MAX_NEW_TOKENS).ok).toBe(true);
    expect(next(MAX_NEW_TOKENS + 1).ok).toBe(false);
  });

  it('alternatives: a step shows no more than the vocabulary holds', () => {
    expect(STEP_ALTERNATIVES).toBeGreaterThan(0);
    expect(STEP_ALTERNATIVES).toBeLessThanOrEqual(GPT_VOCAB_SIZE);
  });
});
