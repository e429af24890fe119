// The fp32 ONNX export must reproduce the PyTorch model (fixture) to 1e-4.
import { beforeAll, describe, expect, it } from 'vitest';
import type * as ort from 'onnxruntime-web';
import { emptyPast, lastLogits, loadFixture, loadSession, maxAbsDiff, step } from '@/tests/unit/gpt/gpt-helpers';

const fixture = loadFixture();
let session: ort.InferenceSession;

beforeAll(async () => {
  session = await loadSession('model.onnx');
});

describe('GPT fp32 ONNX matches the PyTorch reference', () => {
  it('declares the documented inputs and outputs', () => {
    const n = fixture.config.n_layer;
    expect(session.inputNames).toEqual([
      'input_ids',
      ...Array.from({ length: n }, (_, i) => [
        `past_key_values.${i}.key`,
        `past_key_values.${i}.value`,
      ]).flat(),
    ]);
    expect(session.outputNames).toContain('logits');
    expect(session.outputNames).toContain('attentions');
    expect(session.outputNames).toContain('inputs_embeds');
    expect(session.outputNames).toContain(`present.${n - 1}.value`);
  });

  for (const prompt of fixture.prompts) {
    it(`reproduces logits, attentions and embeddings for "${prompt.name}"`, async () => {
      const { out } = await step(session, prompt.input_ids, emptyPast(fixture.config));
      const { n_layer, n_head, n_embd, vocab_size } = fixture.config;
      const seq = prompt.input_ids.length;
      expect(out.logits.dims).toEqual([1, seq, vocab_size]);
      expect(maxAbsDiff(lastLogits(out.logits), prompt.last_logits)).toBeLessThan(1e-4);

      expect(out.attentions.dims).toEqual([n_layer, 1, n_head, seq, seq]);
      const attn = out.attentions.data as Float32Array;
      expect(maxAbsDiff(attn, prompt.attentions.flat(3))).toBeLessThan(1e-4);

      expect(out.inputs_embeds.dims).toEqual([1, seq, n_embd]);
      const embeds = out.inputs_embeds.data as Float32Array;
      expect(maxAbsDiff(embeds, prompt.inputs_embeds.flat())).toBeLessThan(1e-4);
    });
  }
});
