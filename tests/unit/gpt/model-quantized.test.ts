// The int8 weight-only file is what the extension ships: it must stay close to the fp32
// reference and agree on the five most likely next tokens.
import { readFileSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as ort from 'onnxruntime-web';
import {
  GPT_DIR,
  emptyPast,
  lastLogits,
  loadFixture,
  loadSession,
  maxAbsDiff,
  step,
  topK,
  acceptableFirst,
} from '@/tests/unit/gpt/gpt-helpers';

// Measured worst case over the fixture prompts is recorded in models/gpt/README.md; the bound
// leaves headroom for a retrained model without letting a broken rewrite through.
const LOGIT_TOLERANCE = 0.25;
const ATTENTION_TOLERANCE = 0.02;
const EMBEDDING_TOLERANCE = 0.01;

const fixture = loadFixture();
let session: ort.InferenceSession;

beforeAll(async () => {
  session = await loadSession('model_quantized.onnx');
});

describe('GPT int8 ONNX', () => {
  it('is at most 16 MB and uses weight-only DequantizeLinear', () => {
    const file = `${GPT_DIR}onnx/model_quantized.onnx`;
    expect(statSync(file).size).toBeLessThanOrEqual(16e6);
    // Op types are stored as plain strings in the protobuf, so a byte search is enough here.
    const bytes = readFileSync(file).toString('latin1');
    expect(bytes).toContain('DequantizeLinear');
    expect(bytes).not.toContain('DynamicQuantizeLinear');
    expect(bytes).not.toContain('MatMulInteger');
  });

  for (const prompt of fixture.prompts) {
    it(`stays close to the fp32 reference for "${prompt.name}"`, async () => {
      const { out } = await step(session, prompt.input_ids, emptyPast(fixture.config));
      const logits = lastLogits(out.logits);
      expect(maxAbsDiff(logits, prompt.last_logits)).toBeLessThan(LOGIT_TOLERANCE);
      expect(new Set(topK(logits, 5))).toEqual(new Set(prompt.top5));
      expect(acceptableFirst(prompt.last_logits, prompt.top5)).toContain(topK(logits, 1)[0]);
      const attn = out.attentions.data as Float32Array;
      expect(maxAbsDiff(attn, prompt.attentions.flat(3))).toBeLessThan(ATTENTION_TOLERANCE);
      const embeds = out.inputs_embeds.data as Float32Array;
      expect(maxAbsDiff(embeds, prompt.inputs_embeds.flat())).toBeLessThan(EMBEDDING_TOLERANCE);
    });
  }
});
