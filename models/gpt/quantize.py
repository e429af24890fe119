"""Weight-only int8 quantization of the exported model, written with the plain onnx API.

Each large float weight that feeds a MatMul/Gemm (and the token-embedding Gather) is replaced by
an int8 initializer, a per-channel float scale and a DequantizeLinear node; activations stay
float32. Symmetric (zero point 0) and one scale per output channel: columns of a MatMul weight
[in, out], rows of the embedding table [vocab, n_embd], which keeps each row's error relative to
that row's own range. No DynamicQuantizeLinear/MatMulInteger: those fall back to CPU on WebGPU.
"""
import argparse
import pathlib

import numpy as np
import onnx
from onnx import helper, numpy_helper

HERE = pathlib.Path(__file__).parent
MIN_ELEMENTS = 4096  # smaller tensors (biases, LayerNorm gains) are not worth the error


def channel_axis(graph, name):
    """Axis holding one scale per output channel, or None if the tensor should stay float."""
    for node in graph.node:
        if node.op_type == 'MatMul' and len(node.input) > 1 and node.input[1] == name:
            return 1
        if node.op_type == 'Gemm' and len(node.input) > 1 and node.input[1] == name:
            trans_b = next((a.i for a in node.attribute if a.name == 'transB'), 0)
            return 0 if trans_b else 1
        if node.op_type == 'Gather' and node.input[0] == name:
            # Only the token table: the 256 position rows are small and feed every token.
            return 0 if name == 'wte.weight' else None
    return None


def quantize_tensor(w, axis):
    reduce_axes = tuple(a for a in range(w.ndim) if a != axis)
    scale = np.abs(w).max(axis=reduce_axes) / 127.0
    scale = np.where(scale == 0, 1.0, scale).astype(np.float32)
    shape = [1] * w.ndim
    shape[axis] = -1
    q = np.clip(np.rint(w / scale.reshape(shape)), -127, 127).astype(np.int8)
    return q, scale


def quantize(model):
    graph = model.graph
    keep, nodes, report = [], [], []
    for init in graph.initializer:
        w = numpy_helper.to_array(init)
        axis = channel_axis(graph, init.name) if w.dtype == np.float32 and w.ndim == 2 else None
        if axis is None or w.size < MIN_ELEMENTS:
            keep.append(init)
            continue
        q, scale = quantize_tensor(w, axis)
        base = init.name
        keep += [numpy_helper.from_array(q, base + '_quantized'),
                 numpy_helper.from_array(scale, base + '_scale'),
                 numpy_helper.from_array(np.zeros_like(scale, dtype=np.int8), base + '_zero_point')]
        # The dequantized tensor keeps the original name, so consumers need no rewiring.
        nodes.append(helper.make_node('DequantizeLinear',
                                      [base + '_quantized', base + '_scale', base + '_zero_point'],
                                      [base], name=base + '_DequantizeLinear', axis=axis))
        deq = q.astype(np.float32) * scale.reshape([-1 if a == axis else 1 for a in range(2)])
        report.append((base, w.shape, float(np.abs(deq - w).max())))
    graph.ClearField('initializer')
    graph.initializer.extend(keep)
    rest = list(graph.node)
    graph.ClearField('node')
    graph.node.extend(nodes + rest)  # DequantizeLinear first keeps the graph topologically sorted
    return report


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--input', default=str(HERE / 'onnx' / 'model.onnx'))
    ap.add_argument('--output', default=str(HERE / 'onnx' / 'model_quantized.onnx'))
    args = ap.parse_args()
    model = onnx.load(args.input)
    for name, shape, err in quantize(model):
        print(f'{name:32s} {str(shape):14s} max |w - dequant(q)| = {err:.2e}')
    onnx.checker.check_model(model)
    onnx.save(model, args.output)
    mb = pathlib.Path(args.output).stat().st_size / 1e6
    print(f'wrote {args.output} ({mb:.2f} MB)')


if __name__ == '__main__':
    main()
