"""Write the inspection graph the GPT lab's "inside the layers" views run beside the model.

The model graph returns the residual stream after the embeddings and after every block
(`hidden_states`) and every MLP activation after GELU (`mlp_activations`). Reading them needs the
model's own output weights, so this graph holds exactly those, copied from a model file (int8 and
its scales verbatim from model_quantized.onnx, or fp32 from model.onnx) and nothing else:

- logit lens: `hidden` [N, C] -> softmax(LayerNorm_f(hidden) . wte^T) -> top-k `lens_ids`,
  `lens_probs` [N, k]. Fed the last row of hidden_states it is the model's own next-token
  distribution.
- neuron direct effect: `neurons` [M] (flat index layer * 4C + i) -> (W_out[i] * gamma_f) . wte^T
  -> top-k raised (`up_ids`, `up_values`) and lowered (`down_ids`, `down_values`) [M, k]. W_out[i]
  is the row of the MLP's output projection c_proj that neuron i writes into the residual stream;
  gamma_f is ln_f's gain (the direct path ignores the normalisation's data-dependent scale).
- MLP outputs: `mlp_activations` [L, T, 4C] -> `mlp_out` [L, T, C] = a . W_out + b per block, so
  the lab can split what each block added to the residual stream into its attention part and its
  MLP part.

A separate graph rather than more outputs of the model: onnxruntime runs every node of a graph on
each call whatever outputs are fetched, so a lens inside the model would slow every decode step.

    python3 export_inspect.py --model onnx/model_quantized.onnx --out onnx/inspect_quantized.onnx
    python3 export_inspect.py --model onnx/model.onnx --out onnx/inspect.onnx
"""
import argparse
import json
import pathlib

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = pathlib.Path(__file__).parent
K = 10  # LENS_K in platform/protocol/gpt-inside.ts


class Weights:
    """Initializers of the source model, float or int8 with their DequantizeLinear node."""

    def __init__(self, model):
        self.init = {t.name: t for t in model.graph.initializer}
        self.dq = {n.input[0]: n for n in model.graph.node if n.op_type == 'DequantizeLinear'}
        self.ln_eps = next(a.f for n in model.graph.node if n.op_type == 'LayerNormalization'
                           for a in n.attribute if a.name == 'epsilon')
        self.initializers, self.nodes = [], []

    def get(self, name):
        """The graph value holding weight `name` as float, adding what it needs."""
        if name in self.init:
            self.initializers.append(self.init[name])
            return name
        q = f'{name}_quantized'
        node = self.dq.get(q)
        if node is None:
            raise SystemExit(f'{name}: not in the model, as float or int8')
        for i in node.input:
            self.initializers.append(self.init[i])
        self.nodes.append(helper.make_node('DequantizeLinear', list(node.input), [name],
                                           name=f'dq_{name}', **{a.name: helper.get_attribute_value(a) for a in node.attribute}))
        return name


def build(model_path):
    src = onnx.load(model_path)
    cfg = json.loads((pathlib.Path(model_path).parent.parent / 'config.json').read_text())
    L, C = cfg['n_layer'], cfg['n_embd']
    D = 4 * C
    w = Weights(src)
    wte, gamma, beta = w.get('wte.weight'), w.get('ln_f.weight'), w.get('ln_f.bias')
    W_out = [w.get(f'h.{l}.mlp.c_proj.weight_t') for l in range(L)]
    b_out = [w.get(f'h.{l}.mlp.c_proj.bias') for l in range(L)]
    n = list(w.nodes)
    consts = [numpy_helper.from_array(np.array([K], dtype=np.int64), 'k'),
              numpy_helper.from_array(np.array([0], dtype=np.int64), 'axis0')]

    # Logit lens.
    n += [helper.make_node('LayerNormalization', ['hidden', gamma, beta], ['lens_ln'], axis=-1, epsilon=w.ln_eps),
          helper.make_node('Gemm', ['lens_ln', wte], ['lens_logits'], transB=1),
          helper.make_node('Softmax', ['lens_logits'], ['lens_p'], axis=-1),
          helper.make_node('TopK', ['lens_p', 'k'], ['lens_probs', 'lens_ids'], axis=-1, largest=1, sorted=1)]

    # Neuron direct effect.
    n += [helper.make_node('Concat', W_out, ['W_out_all'], axis=0),
          helper.make_node('Gather', ['W_out_all', 'neurons'], ['w_rows'], axis=0),
          helper.make_node('Mul', ['w_rows', gamma], ['w_scaled']),
          helper.make_node('Gemm', ['w_scaled', wte], ['direct'], transB=1),
          helper.make_node('TopK', ['direct', 'k'], ['up_values', 'up_ids'], axis=-1, largest=1, sorted=1),
          helper.make_node('Neg', ['direct'], ['direct_neg']),
          helper.make_node('TopK', ['direct_neg', 'k'], ['down_neg', 'down_ids'], axis=-1, largest=1, sorted=1),
          helper.make_node('Neg', ['down_neg'], ['down_values'])]

    # Each block's MLP output.
    n.append(helper.make_node('Split', ['mlp_activations'], [f'a_{l}' for l in range(L)], axis=0, num_outputs=L)
             if src.opset_import[0].version >= 18 else
             helper.make_node('Split', ['mlp_activations'], [f'a_{l}' for l in range(L)], axis=0))
    for l in range(L):
        n += [helper.make_node('Squeeze', [f'a_{l}', 'axis0'], [f'a_{l}_2d']),
              helper.make_node('MatMul', [f'a_{l}_2d', W_out[l]], [f'm_{l}']),
              helper.make_node('Add', [f'm_{l}', b_out[l]], [f'mb_{l}']),
              helper.make_node('Unsqueeze', [f'mb_{l}', 'axis0'], [f'mo_{l}'])]
    n.append(helper.make_node('Concat', [f'mo_{l}' for l in range(L)], ['mlp_out'], axis=0))

    f, i64 = TensorProto.FLOAT, TensorProto.INT64
    inputs = [helper.make_tensor_value_info('hidden', f, ['n', C]),
              helper.make_tensor_value_info('neurons', i64, ['m']),
              helper.make_tensor_value_info('mlp_activations', f, [L, 't', D])]
    outputs = [helper.make_tensor_value_info('lens_ids', i64, ['n', K]),
               helper.make_tensor_value_info('lens_probs', f, ['n', K]),
               helper.make_tensor_value_info('up_ids', i64, ['m', K]),
               helper.make_tensor_value_info('up_values', f, ['m', K]),
               helper.make_tensor_value_info('down_ids', i64, ['m', K]),
               helper.make_tensor_value_info('down_values', f, ['m', K]),
               helper.make_tensor_value_info('mlp_out', f, [L, 't', C])]
    # Weights shared by several uses are listed once.
    seen, inits = set(), []
    for t in w.initializers + consts:
        if t.name not in seen:
            seen.add(t.name)
            inits.append(t)
    graph = helper.make_graph(n, 'tutor-gpt-mini-inspect', inputs, outputs, inits)
    out = helper.make_model(graph, opset_imports=list(src.opset_import), producer_name='export_inspect.py')
    out.ir_version = src.ir_version
    onnx.checker.check_model(out)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--model', default=str(HERE / 'onnx' / 'model_quantized.onnx'))
    ap.add_argument('--out', default=str(HERE / 'onnx' / 'inspect_quantized.onnx'))
    args = ap.parse_args()
    model = build(args.model)
    onnx.save(model, args.out)
    print(f'{args.out}: {pathlib.Path(args.out).stat().st_size:,} bytes')


if __name__ == '__main__':
    main()
