/**
 * Session options every model of the host is opened with (kept apart from sessions.ts, which
 * imports onnxruntime-web, so that the native bench and the tests can share them).
 *
 * onnxruntime leaves DequantizeLinear out of constant folding by default, so that quantization-aware
 * fusions can still see it. Our int8 files quantize weights only, so every run dequantized every
 * weight again: 1.9M values per GPT decode step, more work than the step's matrix products. With
 * `disable_quant_qdq` the dequantized weights are folded into float32 initializers once, at load
 * (7.5 MB for the GPT). The arithmetic is the same dequantization; outputs differ from the unfolded
 * graph by at most ~2e-5 (float summation order). Measured in `npm run bench:gpt` (README there).
 */
export const FOLDED_WEIGHTS: { extra: Record<string, unknown> } = { extra: { session: { disable_quant_qdq: '1' } } };
