// One mini-batch training step of the reference MLP as a single ONNX inference
// graph: forward, cost, backpropagation and the optimizer update. onnxruntime-web
// has no training API any more, but an ordinary graph with the parameters in and
// the updated parameters out trains just as well, and its outputs can stay on the
// GPU and be fed back as the next step's inputs. Names: see signature.ts.

import { GraphBuilder } from '@/models/host/graph';
import { addBackward, addPenalty } from '@/models/mnist-mlp/graph/backward';
import { resolveTrainConfig, type TrainStepConfig } from '@/models/mnist-mlp/graph/config';
import { axes } from '@/models/mnist-mlp/graph/constants';
import { addCorrectCount, addOutputCost } from '@/models/mnist-mlp/graph/cost';
import { addForward } from '@/models/mnist-mlp/graph/forward';
import { addOptimizerUpdate, type ParamGradient } from '@/models/mnist-mlp/graph/optimizer';
import { outName, trainStepSignature } from '@/models/mnist-mlp/graph/signature';

export const TRAIN_STEP_OPSET = 17;

export function buildTrainStepModel(config: TrainStepConfig = {}): Uint8Array {
  const resolved = resolveTrainConfig(config);
  const { sizes, L } = resolved;
  const signature = trainStepSignature(config);
  const g = new GraphBuilder('mlp_train_step');

  const x = g.input('x', 'float32', ['B', sizes[0]!]);
  const y = g.input('y', 'float32', ['B', sizes[L]!]);
  for (const name of signature.state) g.input(name, 'float32', signature.shapes[name]!);
  const [eta, l1, l2] = signature.hyper.map((name) => g.input(name, 'float32', [1])) as [string, string, string];
  const masks = ['', ...signature.masks.map((name, i) => g.input(name, 'float32', ['B', sizes[i + 1]!]))];

  const W = ['', ...Array.from({ length: L }, (_, i) => `W${i + 1}`)];
  const b = ['', ...Array.from({ length: L }, (_, i) => `b${i + 1}`)];
  const fwd = addForward(g, resolved, x, W, b, resolved.dropout ? masks : undefined);

  // 1/m from the batch dimension, so one graph serves every batch size (the last
  // batch of an epoch is usually short). Shape is the only int64 op in the graph.
  const m = g.op('Cast', [g.op('Shape', [x], { start: 0, end: 1 })], { to: 1 }, 'm');
  const invM = g.op('Reciprocal', [m], {}, 'inv_m');

  const out = addOutputCost(g, resolved, fwd, y);
  const grads = addBackward(g, resolved, {
    fwd,
    deltaL: out.delta,
    W,
    masks: resolved.dropout ? masks : undefined,
    invM,
    l1,
    l2,
  });

  // C = (1/m) sum_x C_x + penalty, measured before the update, as the reference's backward() returns it.
  const cost = g.op('Add', [g.op('Mul', [out.total, invM]), addPenalty(g, W, L, l1, l2)], {}, 'cost');
  const correct = g.op('Unsqueeze', [addCorrectCount(g, sizes[L]!, fwd.a[L]!, y), axes(g, [0])], {}, 'correct');

  const params: ParamGradient[] = [];
  for (let l = 1; l <= L; l++) {
    params.push({ name: W[l]!, grad: grads.nabla_W[l]! }, { name: b[l]!, grad: grads.nabla_b[l]! });
  }
  addOptimizerUpdate(g, resolved.optimizer, params, eta, 't');

  for (const name of signature.state) g.output(outName(name), 'float32', signature.shapes[name]!);
  g.output(cost, 'float32', [1]);
  g.output(correct, 'float32', [1]);
  return g.toModel({ opset: TRAIN_STEP_OPSET });
}
