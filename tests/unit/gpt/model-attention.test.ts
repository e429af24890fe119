// Attention probabilities are what the GPT lab draws, so they must be a proper causal softmax:
// rows sum to 1 and every entry above the diagonal is exactly 0, with and without a KV cache.
import { describe, expect, it } from 'vitest';
import type * as ort from 'onnxruntime-web';
import { emptyPast, loadFixture, loadSession, step } from '@/tests/unit/gpt/gpt-helpers';

const fixture = loadFixture();

function checkCausal(attentions: ort.Tensor, past: number) {
  const [layers, , heads, seq, total] = attentions.dims;
  expect(total).toBe(past + seq);
  const data = attentions.data as Float32Array;
  let worstSum = 0;
  let nonZeroAbove = 0;
  for (let m = 0; m < layers * heads; m++) {
    for (let row = 0; row < seq; row++) {
      const base = (m * seq + row) * total;
      let sum = 0;
      for (let col = 0; col < total; col++) {
        const p = data[base + col];
        sum += p;
        if (col > past + row && p !== 0) nonZeroAbove++;
      }
      worstSum = Math.max(worstSum, Math.abs(sum - 1));
    }
  }
  expect(nonZeroAbove).toBe(0);
  expect(worstSum).toBeLessThan(1e-5);
}

describe.each(['model.onnx', 'model_quantized.onnx'] as const)('attention of %s', (file) => {
  it('is causal and normalised without a past', async () => {
    const session = await loadSession(file);
    for (const prompt of fixture.prompts) {
      const { out } = await step(session, prompt.input_ids, emptyPast(fixture.config));
      checkCausal(out.attentions, 0);
    }
  });

  it('is causal and normalised for a chunk after a past', async () => {
    const session = await loadSession(file);
    const ids = fixture.prompts[0].input_ids;
    const first = await step(session, ids.slice(0, 3), emptyPast(fixture.config));
    const { out } = await step(session, ids.slice(3), first.next);
    checkCausal(out.attentions, 3);
  });
});
