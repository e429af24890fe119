// The GPT engine on the WebGPU path (SwiftShader here): the KV cache stays in GPU
// buffers between steps, and the answers agree with the WASM path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, rawRpc, type Harness } from '@/tests/e2e/harness';

type Answer<T> = { ok: true; value: T } | { ok: false; error: { message: string } };
let n = 0;
const ask = async <T>(page: Page, type: string, payload: unknown): Promise<T> => {
  const r = (await rawRpc(page, { kind: 'request', id: `w${n++}`, type, payload })) as Answer<T>;
  if (!r.ok) throw new Error(`${type}: ${r.error.message}`);
  return r.value;
};

const PROMPT = 'The learning rate controls how far each step of gradient descent moves the weights';
const sampling = { temperature: 0, topK: 0, topP: 1 };
const greedy = { ...sampling, seed: 0, maxTokens: 12 };

describe('GPT engine on WebGPU', () => {
  let h: Harness;
  let page: Page;
  beforeAll(async () => {
    h = await launch({ webgpu: true });
    page = await h.context.newPage();
    await page.goto(h.url('diagnostics.html'));
  });
  afterAll(async () => h?.close());

  it('decodes with the GPU-resident KV cache like recomputation, and agrees with WASM', async () => {
    const gpu = await ask<{ backend: string }>(page, 'host.gpt.load', { backend: 'webgpu' });
    expect(gpu.backend).toBe('webgpu');
    const cached = await ask<{ steps: { id: number }[] }>(page, 'host.gpt.generate', { text: PROMPT, settings: greedy });
    const recomputed = await ask<{ steps: { id: number }[] }>(page, 'host.gpt.generate', { text: PROMPT, settings: greedy, cache: false });
    expect(cached.steps.map((s) => s.id)).toEqual(recomputed.steps.map((s) => s.id));
    const nextGpu = await ask<{ logits: number[] }>(page, 'host.gpt.next', { text: PROMPT, settings: sampling });

    const cpu = await ask<{ backend: string }>(page, 'host.gpt.load', { backend: 'wasm' });
    expect(cpu.backend).toBe('wasm');
    const nextCpu = await ask<{ logits: number[] }>(page, 'host.gpt.next', { text: PROMPT, settings: sampling });
    let worst = 0;
    nextCpu.logits.forEach((z, i) => (worst = Math.max(worst, Math.abs(z - nextGpu.logits[i]))));
    console.log(`[gpt webgpu] max |logit(webgpu) - logit(wasm)| = ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-2);
    const wasmGreedy = await ask<{ steps: { id: number }[] }>(page, 'host.gpt.generate', { text: PROMPT, settings: greedy });
    expect(wasmGreedy.steps.map((s) => s.id)).toEqual(cached.steps.map((s) => s.id));
  });
});
