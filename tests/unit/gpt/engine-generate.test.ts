// generate(): KV-cached decoding equals recomputation, seeds reproduce, greedy is
// deterministic, cancellation stops with what was made, long prompts are cut.
import { describe, expect, it } from 'vitest';
import { STEP_ALTERNATIVES } from '@/platform/protocol/gpt';
import { engineFor } from '@/tests/unit/gpt/engine-helpers';

const prompt = 'Gradient descent updates the weights';

describe('engine.generate', () => {
  it('greedy output is the same with and without the KV cache, and twice in a row', async () => {
    const engine = await engineFor();
    const s = { temperature: 0, topK: 0, topP: 1, seed: 0, maxTokens: 12 };
    const a = await engine.generate(prompt, s);
    const b = await engine.generate(prompt, s);
    const c = await engine.generate(prompt, s, { cache: false });
    expect(a.steps.map((x) => x.id)).toEqual(b.steps.map((x) => x.id));
    expect(a.steps.map((x) => x.id)).toEqual(c.steps.map((x) => x.id));
    expect(a.steps.every((x) => x.prob === 1)).toBe(true);
    expect(a.text.length).toBeGreaterThan(0);
  });

  it('the same seed gives the same sample; each step reports its probability and alternatives', async () => {
    const engine = await engineFor();
    const s = { temperature: 0.8, topK: 40, topP: 0.95, seed: 42, maxTokens: 20 };
    const streamed: number[] = [];
    const a = await engine.generate(prompt, s, { onStep: (x) => streamed.push(x.id) });
    const b = await engine.generate(prompt, s, { cache: false });
    expect(streamed).toEqual(a.steps.map((x) => x.id));
    expect(b.steps.map((x) => x.id)).toEqual(a.steps.map((x) => x.id));
    for (const step of a.steps) {
      expect(step.prob).toBeGreaterThan(0);
      expect(step.alternatives.length).toBeGreaterThan(0);
      expect(step.alternatives.length).toBeLessThanOrEqual(STEP_ALTERNATIVES);
      expect(step.alternatives.some((alt) => alt.id === step.id) || step.prob <= step.alternatives.at(-1)!.prob).toBe(true);
    }
    const other = await engine.generate(prompt, { ...s, seed: 7 });
    expect(other.steps.map((x) => x.id)).not.toEqual(a.steps.map((x) => x.id));
  });

  it('next-token after appended ids follows the same greedy path as generate (step mode)', async () => {
    const engine = await engineFor();
    const g = await engine.generate(prompt, { temperature: 0, topK: 0, topP: 1, seed: 0, maxTokens: 5 });
    const chosen: number[] = [];
    for (let i = 0; i < 5; i++) {
      const next = await engine.nextToken(prompt, { temperature: 0, topK: 0, topP: 1 }, 3, chosen);
      expect(next.top[0].prob).toBe(1);
      chosen.push(next.top[0].id);
    }
    expect(chosen).toEqual(g.steps.map((s) => s.id));
  });

  it('stops when cancelled and keeps what it made', async () => {
    const engine = await engineFor();
    const ctl = new AbortController();
    const g = await engine.generate(prompt, { temperature: 1, topK: 0, topP: 1, seed: 3, maxTokens: 100 }, {
      signal: ctl.signal,
      onStep: (x) => x.step === 2 && ctl.abort(),
    });
    expect(g.stopped).toBe('cancelled');
    expect(g.steps).toHaveLength(3);
  });

  it('continues a prompt longer than the window from its end, with the truncated flag', async () => {
    const engine = await engineFor();
    const text = 'The loss falls as training goes on. '.repeat(3000);
    const g = await engine.generate(text, { temperature: 0, topK: 0, topP: 1, seed: 0, maxTokens: 4 });
    expect(g.prompt.truncated).toBe(true);
    expect(g.prompt.tokens.length + 4).toBeLessThanOrEqual(256);
    expect(g.prompt.tokens.at(-1)!.end).toBe(text.length);
    expect(g.steps).toHaveLength(4);
  });

  it('rejects settings out of range', async () => {
    const engine = await engineFor();
    await expect(engine.generate(prompt, { temperature: -1, topK: 0, topP: 1, seed: 0, maxTokens: 4 })).rejects.toThrow(/temperature/);
    await expect(engine.generate(prompt, { temperature: 1, topK: 0, topP: 0, seed: 0, maxTokens: 4 })).rejects.toThrow(/topP/);
    await expect(engine.generate(prompt, { temperature: 1, topK: 0, topP: 1, seed: 0, maxTokens: 0 })).rejects.toThrow(/maxTokens/);
  });
});
