// Small constants every part of the MLP graphs needs. Numbers are rounded to
// float32 once, here, from their float64 value: (1 - beta) is computed before
// rounding, not from an already rounded beta, so it matches the reference's
// float64 arithmetic as closely as float32 allows.

import type { GraphBuilder } from '@/models/host/graph';

/** A float32 constant of shape [] (broadcasts against anything). */
export function scalar(g: GraphBuilder, value: number, hint = 'k'): string {
  return g.constant(Float32Array.of(value), [], hint);
}

/** An int64 axes list for ReduceSum/Unsqueeze (inputs, not attributes, from opset 13). */
export function axes(g: GraphBuilder, list: number[]): string {
  return g.constant(BigInt64Array.from(list.map(BigInt)), [list.length], 'axes');
}
