// Decoding with the KV cache (prefix, then one token at a time) must give the same logits as
// recomputing the whole sequence, for both exported files.
import { describe, expect, it } from 'vitest';
import { emptyPast, lastLogits, loadFixture, loadSession, maxAbsDiff, step } from '@/tests/unit/gpt/gpt-helpers';

const fixture = loadFixture();

describe.each(['model.onnx', 'model_quantized.onnx'] as const)('KV cache of %s', (file) => {
  it('matches full recomputation token by token', async () => {
    const session = await loadSession(file);
    for (const prompt of fixture.prompts.filter((p) => p.input_ids.length >= 5)) {
      const ids = prompt.input_ids;
      const vocab = fixture.config.vocab_size;
      const full = await step(session, ids, emptyPast(fixture.config));
      const fullLogits = full.out.logits.data as Float32Array;

      let { out, next } = await step(session, ids.slice(0, 2), emptyPast(fixture.config));
      for (let t = 2; t < ids.length; t++) {
        ({ out, next } = await step(session, [ids[t]], next));
        const expected = fullLogits.subarray(t * vocab, (t + 1) * vocab);
        expect(maxAbsDiff(lastLogits(out.logits), expected)).toBeLessThan(1e-4);
      }
      expect(next['past_key_values.0.key'].dims[2]).toBe(ids.length);
    }
  });

  it('matches full recomputation for a multi-token chunk after a past', async () => {
    const session = await loadSession(file);
    const ids = fixture.prompts[0].input_ids;
    const full = await step(session, ids, emptyPast(fixture.config));
    const first = await step(session, ids.slice(0, 3), emptyPast(fixture.config));
    const { out } = await step(session, ids.slice(3), first.next);
    const vocab = fixture.config.vocab_size;
    const tail = (full.out.logits.data as Float32Array).subarray(3 * vocab);
    expect(maxAbsDiff(out.logits.data as Float32Array, tail)).toBeLessThan(1e-4);
  });
});
