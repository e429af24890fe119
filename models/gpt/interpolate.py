"""Weight interpolation between two checkpoints of the same shape (WiSE-FT style):
    w = alpha * B + (1 - alpha) * A
A is the model a run started from (e.g. the shipped weights rebuilt by onnx_to_checkpoint.py), B a
continuation of it (e.g. train.py --init-from A on the notes corpus). A continuation stays in the
same basin, so the line between the two trades B's gains on the new text against A's on the old
smoothly; --scan evaluates several alphas on the windows train.py logs (every set of a packed
folder) and --alpha writes one.

    /usr/bin/python3 interpolate.py --a runs/init.pt --b runs/main/best.pt --scan 0.5,0.7,0.85,1
    /usr/bin/python3 interpolate.py --a runs/init.pt --b runs/main/best.pt --alpha 0.7 --out runs/mix.pt
"""
import argparse
import json
import pathlib

import numpy as np
import torch

from bpe import Tokenizer
from model import GPT, GPTConfig
from train import evaluate, token_bytes, val_windows

HERE = pathlib.Path(__file__).parent


def mix(a, b, alpha):
    if a['config'] != b['config'] and {k: v for k, v in a['config'].items() if k != 'dropout'} != \
            {k: v for k, v in b['config'].items() if k != 'dropout'}:
        raise SystemExit('error: the checkpoints have different shapes')
    return {k: alpha * b['model'][k].float() + (1 - alpha) * a['model'][k].float()
            for k in b['model']}


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--a', required=True)
    ap.add_argument('--b', required=True)
    ap.add_argument('--alpha', type=float, default=None)
    ap.add_argument('--out', default=None)
    ap.add_argument('--scan', default=None, help='comma list of alphas to evaluate')
    ap.add_argument('--data', default=str(HERE / 'packed-mix'), help='packed folder (pack_tokens.py)')
    ap.add_argument('--val-windows', type=int, default=64)
    ap.add_argument('--sets', default=None, help='comma list of the sets to evaluate (default all)')
    ap.add_argument('--threads', type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    a = torch.load(args.a, map_location='cpu')
    b = torch.load(args.b, map_location='cpu')
    cfg = dict(b['config'], dropout=0.0)
    if args.scan:
        data = pathlib.Path(args.data)
        meta = json.loads((data / 'meta.json').read_text())
        nb = token_bytes(Tokenizer.load(data / 'tokenizer.json'))
        sets = {p.name[:-4].replace('extra.', '').replace('val.', ''): p
                for p in sorted(data.glob('*.bin')) if p.name != 'train.bin'}
        if args.sets:
            sets = {n: sets[n] for n in args.sets.split(',')}
        wins = {n: val_windows(np.fromfile(p, dtype=np.dtype(meta['dtype'])), cfg['block_size'],
                               args.val_windows) for n, p in sets.items()}
        for alpha in [float(x) for x in args.scan.split(',')]:
            model = GPT(GPTConfig(**cfg))
            model.load_state_dict(mix(a, b, alpha))
            row = {'alpha': alpha}
            for n, (vx, vy) in wins.items():
                row[f'val_bpb_{n}'] = round(evaluate(model, vx, vy, nb, 'cpu')[1], 4)
            print(json.dumps(row), flush=True)
    if args.alpha is not None and args.out:
        out = dict(b)
        out['model'] = mix(a, b, args.alpha)
        out['optimizer'] = None
        out['interpolated'] = {'a': args.a, 'b': args.b, 'alpha': args.alpha,
                               'b_step': b.get('step'), 'b_val': b.get('val')}
        torch.save(out, args.out)
        print(f'wrote {args.out}: {args.alpha} x {args.b} + {1 - args.alpha:.3f} x {args.a}')


if __name__ == '__main__':
    main()
