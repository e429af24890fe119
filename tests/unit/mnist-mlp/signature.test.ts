// The names are the contract between the step graph and whoever drives it:
// inputs and outputs must be exactly what the descriptor promises, in order.
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import {
  buildTrainStepModel,
  initialTrainState,
  outName,
  trainStepSignature,
  weightsFromState,
} from '@/models/mnist-mlp/graph';
import { createNetwork } from '@/models/mnist-mlp/reference/network';

ort.env.wasm.numThreads = 1;

describe('training-step signature', () => {
  it('lists parameters, optimizer state and t in the reference order', () => {
    const sig = trainStepSignature({ optimizer: { kind: 'adam' } });
    expect(sig.params).toEqual(['W1', 'b1', 'W2', 'b2', 'W3', 'b3']);
    expect(sig.optimizerState).toEqual([
      ...['m_W1', 'm_b1', 'm_W2', 'm_b2', 'm_W3', 'm_b3'],
      ...['v_W1', 'v_b1', 'v_W2', 'v_b2', 'v_W3', 'v_b3'],
    ]);
    expect(sig.state.at(-1)).toBe('t');
    expect(sig.shapes.W1).toEqual([16, 784]);
    expect(sig.shapes.v_b3).toEqual([10]);
    expect(sig.masks).toEqual(['mask1', 'mask2']);
    expect(sig.outputs.slice(-2)).toEqual(['cost', 'correct']);
    expect(trainStepSignature({ optimizer: { kind: 'momentum' } }).optimizerState[0]).toBe('v_W1');
    expect(trainStepSignature({ optimizer: { kind: 'rmsprop' } }).optimizerState[0]).toBe('s_W1');
    expect(trainStepSignature({ dropout: false }).masks).toEqual([]);
    expect(trainStepSignature().optimizerState).toEqual([]);
  });

  it('matches the graph the builder makes, output k feeding input k', async () => {
    for (const kind of ['sgd', 'momentum', 'rmsprop', 'adam'] as const) {
      const config = { sizes: [12, 5, 3], optimizer: { kind } };
      const sig = trainStepSignature(config);
      const session = await ort.InferenceSession.create(buildTrainStepModel(config));
      try {
        expect([...session.inputNames].sort()).toEqual(['x', 'y', ...sig.state, ...sig.hyper, ...sig.masks].sort());
        expect(session.outputNames).toEqual(sig.outputs);
        expect(sig.outputs.slice(0, sig.state.length)).toEqual(sig.state.map(outName));
      } finally {
        await session.release();
      }
    }
  });

  it('starts from the network, zero averages and t = 0', () => {
    const net = createNetwork({ sizes: [12, 5, 3], activation: 'relu', cost: 'cross-entropy' });
    net.W[2]!.fill(0.5);
    const state = initialTrainState(net, { sizes: [12, 5, 3], optimizer: { kind: 'adam' } });
    expect(Object.keys(state)).toEqual(trainStepSignature({ sizes: [12, 5, 3], optimizer: { kind: 'adam' } }).state);
    expect(Array.from(state.W2!)).toEqual(new Array(15).fill(0.5));
    expect(state.v_W2!.length).toBe(15);
    expect(Array.from(state.t!)).toEqual([0]);
    expect(() => initialTrainState(net, { sizes: [12, 6, 3] })).toThrow(/W1 must hold 72 values/);
  });

  it('gives the parameters back as layer weights for the inference graph', () => {
    const net = createNetwork({ sizes: [12, 5, 3], activation: 'relu', cost: 'cross-entropy' });
    net.W[1]!.fill(0.25);
    net.b[2]!.fill(-1);
    const weights = weightsFromState(initialTrainState(net, { sizes: [12, 5, 3] }), 2);
    expect(Array.from(weights.W[1]!)).toEqual(Array.from(net.W[1]!));
    expect(Array.from(weights.b[2]!)).toEqual(Array.from(net.b[2]!));
    expect(() => weightsFromState({}, 1)).toThrow(/no W1/);
  });
});
