// The inspection outputs the lab reads for "what each layer predicts" and "which neurons fire":
// the residual stream after the embeddings and after every block, and every block's MLP
// activation after GELU, checked against PyTorch (fixture) in the fp32 file (tight) and the int8
// file (a stated bound).
import { beforeAll, describe, expect, it } from 'vitest';
import type * as ort from 'onnxruntime-web';
import { emptyPast, loadFixture, loadSession, maxAbsDiff, step } from '@/tests/unit/gpt/gpt-helpers';

const fixture = loadFixture();
const sessions: Partial<Record<'fp32' | 'int8', ort.InferenceSession>> = {};

beforeAll(async () => {
  sessions.fp32 = await loadSession('model.onnx');
  sessions.int8 = await loadSession('model_quantized.onnx');
});

/** Rows of a [L, 1, T, C] tensor at position t, as [L][C]. */
function atPosition(t: ort.Tensor, pos: number): Float32Array[] {
  const [L, , T, C] = t.dims as number[];
  const data = t.data as Float32Array;
  return Array.from({ length: L! }, (_, l) => data.slice((l * T! + pos) * C!, (l * T! + pos + 1) * C!));
}

const relMax = (a: Float32Array[], b: number[][]) => Math.max(...a.map((row, i) => maxAbsDiff(row, b[i]!) / Math.max(1, ...b[i]!.map(Math.abs))));

describe('residual stream and MLP activations', () => {
  for (const [file, tol] of [['fp32', 1e-4], ['int8', 0.1]] as const) {
    for (const prompt of fixture.prompts) {
      it(`${file}: "${prompt.name}" matches PyTorch at the last position (relative ${tol})`, async () => {
        const { out } = await step(sessions[file]!, prompt.input_ids, emptyPast(fixture.config));
        const { n_layer, n_embd } = fixture.config;
        const T = prompt.input_ids.length;
        expect(out.hidden_states!.dims).toEqual([n_layer + 1, 1, T, n_embd]);
        expect(out.mlp_activations!.dims).toEqual([n_layer, 1, T, 4 * n_embd]);
        expect(relMax(atPosition(out.hidden_states!, T - 1), prompt.hidden_states_last)).toBeLessThan(tol);
        expect(relMax(atPosition(out.mlp_activations!, T - 1), prompt.mlp_activations_last)).toBeLessThan(tol);
        // Residual norms at every layer and position.
        const norms = Array.from({ length: n_layer + 1 }, (_, l) =>
          Array.from({ length: T }, (_, t) => Math.hypot(...atPosition(out.hidden_states!, t)[l]!)),
        );
        for (let l = 0; l <= n_layer; l++) {
          for (let t = 0; t < T; t++) expect(Math.abs(norms[l]![t]! - prompt.residual_norms[l]![t]!) / prompt.residual_norms[l]![t]!).toBeLessThan(tol);
        }
        if (file === 'fp32' && prompt.hidden_states) {
          for (let t = 0; t < T; t++) {
            expect(relMax(atPosition(out.hidden_states!, t), prompt.hidden_states.map((layer) => layer[t]!))).toBeLessThan(tol);
            expect(relMax(atPosition(out.mlp_activations!, t), prompt.mlp_activations!.map((layer) => layer[t]!))).toBeLessThan(tol);
          }
        }
      });
    }
  }

  it('hidden_states[0] is the input embedding the first block reads', async () => {
    const prompt = fixture.prompts[0]!;
    const { out } = await step(sessions.fp32!, prompt.input_ids, emptyPast(fixture.config));
    const T = prompt.input_ids.length;
    const first = (out.hidden_states!.data as Float32Array).slice(0, T * fixture.config.n_embd);
    expect(maxAbsDiff(first, out.inputs_embeds!.data as Float32Array)).toBeLessThan(1e-6);
  });
});
