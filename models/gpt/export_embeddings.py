"""Writes onnx/wte_int8.bin: the token-embedding table exactly as the shipped int8 model holds it.

The engine needs the whole table for nearest-neighbour and analogy queries, and the ONNX session
does not expose initializers. Reading it out of model_quantized.onnx (rather than the checkpoint)
keeps the neighbours consistent with the vectors the model actually uses.

Layout (little-endian): magic b'WTE8', uint32 vocab_size, uint32 n_embd, float32 scale[vocab_size],
int8 q[vocab_size * n_embd] (row-major); wte[i] = q[i] * scale[i].
"""
import argparse
import pathlib
import struct

import numpy as np
import onnx
from onnx import numpy_helper

HERE = pathlib.Path(__file__).parent


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--model', default=str(HERE / 'onnx' / 'model_quantized.onnx'))
    ap.add_argument('--output', default=str(HERE / 'onnx' / 'wte_int8.bin'))
    args = ap.parse_args()
    inits = {i.name: i for i in onnx.load(args.model).graph.initializer}
    q = numpy_helper.to_array(inits['wte.weight_quantized']).astype(np.int8)
    scale = numpy_helper.to_array(inits['wte.weight_scale']).astype('<f4')
    vocab, n_embd = q.shape
    with open(args.output, 'wb') as f:
        f.write(b'WTE8' + struct.pack('<II', vocab, n_embd))
        f.write(scale.tobytes())
        f.write(q.tobytes())
    print(f'wrote {args.output}: {vocab} x {n_embd}')


if __name__ == '__main__':
    main()
