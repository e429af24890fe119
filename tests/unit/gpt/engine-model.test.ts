// attend / nextToken / embed against the PyTorch reference, through the engine.
import { describe, expect, it } from 'vitest';
import { distribution } from '@/models/gpt/engine/sampling';
import { engineFor } from '@/tests/unit/gpt/engine-helpers';
import { acceptableFirst, loadFixture, maxAbsDiff, topK } from '@/tests/unit/gpt/gpt-helpers';
import { unpackRows } from '@/platform/protocol/packed';

const fixture = loadFixture();
const greedy = { temperature: 0, topK: 0, topP: 1 };

describe('engine on the fp32 file matches PyTorch', () => {
  it.each(fixture.prompts.map((p) => [p.name, p] as const))('%s: attention, logits, embeddings', async (_, p) => {
    const engine = await engineFor('model.onnx');
    const att = await engine.attend(p.text);
    expect(att.tokenization.tokens.map((t) => t.id)).toEqual(p.input_ids);
    expect(maxAbsDiff(att.attentions.flat(3), p.attentions.flat(3))).toBeLessThan(1e-4);
    const next = await engine.nextToken(p.text, greedy);
    expect(maxAbsDiff(next.logits, p.last_logits)).toBeLessThan(1e-4);
    expect(next.top[0].id).toBe(p.top5[0]);
  });
});

describe('engine on the shipped int8 file', () => {
  it('attention is [layer][head][T][T], rows sum to 1, exactly 0 above the diagonal', async () => {
    const engine = await engineFor();
    const { attentions, n_layer, n_head, tokenization } = await engine.attend('Attention lets every token look back at the tokens before it.');
    const T = tokenization.tokens.length;
    expect(attentions).toHaveLength(n_layer);
    for (const layer of attentions) {
      expect(layer).toHaveLength(n_head);
      for (const head of layer) {
        expect(head).toHaveLength(T);
        head.forEach((row, q) => {
          expect(row).toHaveLength(T);
          expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-5);
          for (let k = q + 1; k < T; k++) expect(row[k]).toBe(0);
        });
      }
    }
  });

  it('has the same top-5 next tokens as PyTorch (as a set; the first one in place unless a near-tie)', async () => {
    const engine = await engineFor();
    for (const p of fixture.prompts) {
      const next = await engine.nextToken(p.text, { temperature: 1, topK: 0, topP: 1 }, 5);
      expect(new Set(topK(next.logits, 5))).toEqual(new Set(p.top5));
      expect(next.top.map((t) => t.id)).toEqual(topK(next.logits, 5));
      expect(acceptableFirst(p.last_logits, p.top5)).toContain(next.top[0].id);
    }
  });

  it('embeds: wte rows, input embeddings near the reference, neighbours by cosine, PCA and similarity', async () => {
    const engine = await engineFor();
    const p = fixture.prompts[0];
    const e = await engine.embed(p.text, 5);
    const T = p.input_ids.length;
    const d = fixture.config.n_embd;
    expect(e.wte.shape).toEqual([T, d]);
    expect(e.inputsEmbeds.shape).toEqual([T, d]);
    expect(e.similarity.shape).toEqual([T, T]);
    const inputsEmbeds = unpackRows(e.inputsEmbeds);
    const similarity = unpackRows(e.similarity);
    expect(maxAbsDiff(inputsEmbeds.flatMap((r) => Array.from(r)), p.inputs_embeds.flat())).toBeLessThan(0.01);
    for (let t = 0; t < T; t++) {
      expect(e.nearest[t]).toHaveLength(5);
      expect(e.nearest[t].map((n) => n.id)).not.toContain(p.input_ids[t]);
      const c = e.nearest[t].map((n) => n.cosine);
      expect([...c].sort((a, b) => b - a)).toEqual(c);
      expect(similarity[t][t]).toBeCloseTo(1, 5);
    }
    expect(e.pca).toHaveLength(T);
    expect(e.pcaExplained[0]).toBeGreaterThanOrEqual(e.pcaExplained[1]);
    expect(e.pcaExplained[0] + e.pcaExplained[1]).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('answers an analogy without returning its own inputs', async () => {
    const engine = await engineFor();
    const a = engine.analogy(' training', ' train', ' test');
    expect(a.nearest).toHaveLength(8);
    const inputs = new Set(a.terms.flatMap((t) => t.ids));
    for (const n of a.nearest) expect(inputs.has(n.id)).toBe(false);
  });

  it('returns empty results for empty input', async () => {
    const engine = await engineFor();
    expect((await engine.attend('')).attentions).toEqual([]);
    const none = await engine.embed('');
    expect(unpackRows(none.wte)).toEqual([]);
    expect(unpackRows(none.similarity)).toEqual([]);
    expect((await engine.nextToken('', greedy)).logits).toEqual([]);
    const g = await engine.generate('', { ...greedy, seed: 1, maxTokens: 5 });
    expect(g.steps).toEqual([]);
    expect(g.stopped).toBe('empty-prompt');
  });

  it('next-token distribution: top-p over the full vocabulary, entropy grows with temperature', async () => {
    const engine = await engineFor();
    const { logits } = await engine.nextToken('The learning rate', greedy);
    expect(logits).toHaveLength(engine.config.vocab_size);
    const h = [0.3, 0.7, 1, 1.5, 2].map((temperature) => distribution(logits, { temperature, topK: 0, topP: 1 }).entropy);
    for (let i = 1; i < h.length; i++) expect(h[i]).toBeGreaterThan(h[i - 1]);
    const nucleus = distribution(logits, { temperature: 1, topK: 0, topP: 0.9 });
    const full = distribution(logits, { temperature: 1, topK: 0, topP: 1 });
    // The kept set is the smallest prefix of the full sorted vocabulary reaching 0.9.
    let cum = 0;
    for (let r = 0; r < nucleus.order.length - 1; r++) cum += full.probs[full.order[r]];
    expect(cum).toBeLessThan(0.9);
    expect(cum + full.probs[full.order[nucleus.order.length - 1]]).toBeGreaterThanOrEqual(0.9 - 1e-6);
    expect(nucleus.order.length).toBeGreaterThan(40); // not a truncated top-40 list
  });
});
