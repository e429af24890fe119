"""Train the project's GPT on the prepared corpus.

Seeded and reproducible on CPU (same seed, same thread count -> same losses); uses CUDA if present.
On a shared machine run it as: OMP_NUM_THREADS=1 nice -n 19 python3 train.py --threads 1 ...
`--smoke` trains a tiny model for a few steps so the pipeline can be checked in seconds.
"""
import argparse
import json
import math
import os
import pathlib
import time

import numpy as np
import torch

from bpe import Tokenizer
from model import GPT, GPTConfig

HERE = pathlib.Path(__file__).parent


def encoded(split, tok, data_dir):
    """Token ids of a split, cached next to the text (uint16 fits an 8k vocabulary)."""
    cache = data_dir / f'{split}.ids.npy'
    text_file = data_dir / f'{split}.txt'
    if cache.exists() and cache.stat().st_mtime > text_file.stat().st_mtime:
        return np.load(cache)
    ids = np.array(tok.encode(text_file.read_text(encoding='utf-8')), dtype=np.uint16)
    np.save(cache, ids)
    return ids


def val_windows(ids, block):
    """Fixed non-overlapping windows so validation loss is comparable across runs."""
    n = (len(ids) - 1) // block
    x = torch.from_numpy(ids[:n * block].astype(np.int64)).view(n, block)
    y = torch.from_numpy(ids[1:n * block + 1].astype(np.int64)).view(n, block)
    return x, y


@torch.no_grad()
def evaluate(model, vx, vy, device, batch=16):
    model.eval()
    total = 0.0
    for i in range(0, len(vx), batch):
        total += model.loss(vx[i:i + batch].to(device), vy[i:i + batch].to(device)).item() \
            * len(vx[i:i + batch])
    model.train()
    return total / len(vx)


def lr_at(step, args):
    if step < args.warmup:
        return args.lr * (step + 1) / args.warmup
    frac = min(1.0, (step - args.warmup) / max(1, args.steps - args.warmup))
    return args.min_lr + 0.5 * (args.lr - args.min_lr) * (1 + math.cos(math.pi * frac))


def parse():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--n-layer', type=int, default=4)
    ap.add_argument('--n-head', type=int, default=4)
    ap.add_argument('--n-embd', type=int, default=128)
    ap.add_argument('--block-size', type=int, default=256)
    ap.add_argument('--dropout', type=float, default=0.1)
    ap.add_argument('--batch', type=int, default=16)
    ap.add_argument('--steps', type=int, default=5000, help='length of the lr schedule')
    ap.add_argument('--lr', type=float, default=1e-3)
    ap.add_argument('--min-lr', type=float, default=1e-4)
    ap.add_argument('--warmup', type=int, default=100)
    ap.add_argument('--weight-decay', type=float, default=0.1)
    ap.add_argument('--eval-every', type=int, default=200)
    ap.add_argument('--max-minutes', type=float, default=120.0, help='wall-clock budget')
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--seed', type=int, default=1337)
    ap.add_argument('--out', default=str(HERE / 'checkpoints'))
    ap.add_argument('--data', default=str(HERE / 'data'))
    ap.add_argument('--smoke', action='store_true', help='tiny model, a few steps')
    args = ap.parse_args()
    if args.smoke:
        args.n_layer, args.n_head, args.n_embd, args.block_size = 2, 2, 32, 64
        args.batch, args.steps, args.eval_every, args.warmup = 4, 20, 10, 5
    return args


def main():
    args = parse()
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    torch.set_num_threads(args.threads)
    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    tok = Tokenizer.load(HERE / 'tokenizer.json')
    data_dir = pathlib.Path(args.data)
    train_ids, val_ids = encoded('train', tok, data_dir), encoded('val', tok, data_dir)
    vx, vy = val_windows(val_ids, args.block_size)
    if args.smoke:
        vx, vy = vx[:4], vy[:4]
    cfg = GPTConfig(vocab_size=len(tok.vocab), block_size=args.block_size, n_layer=args.n_layer,
                    n_head=args.n_head, n_embd=args.n_embd, dropout=args.dropout)
    model = GPT(cfg).to(device)
    n_params = sum(p.numel() for p in model.parameters())
    # Decay matrices only; biases, LayerNorm gains and positions stay unregularised (GPT-2 recipe).
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2 and n != 'wpe.weight']
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2 or n == 'wpe.weight']
    opt = torch.optim.AdamW([{'params': decay, 'weight_decay': args.weight_decay},
                             {'params': no_decay, 'weight_decay': 0.0}],
                            lr=args.lr, betas=(0.9, 0.95))
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    print(f'params {n_params}, train tokens {len(train_ids)}, val tokens {vx.numel()}, '
          f'device {device}, threads {torch.get_num_threads()}', flush=True)
    rng = np.random.default_rng(args.seed)
    data = torch.from_numpy(train_ids.astype(np.int64))
    best, t0, seen, step = float('inf'), time.time(), 0, 0
    log = []

    def save(name, val):
        torch.save({'model': model.state_dict(), 'config': cfg.__dict__, 'step': step,
                    'val_loss': val, 'tokens_seen': seen, 'minutes': (time.time() - t0) / 60,
                    'args': vars(args)}, out / name)

    while step < args.steps:
        starts = rng.integers(0, len(data) - args.block_size - 1, size=args.batch)
        x = torch.stack([data[s:s + args.block_size] for s in starts]).to(device)
        y = torch.stack([data[s + 1:s + 1 + args.block_size] for s in starts]).to(device)
        for g in opt.param_groups:
            g['lr'] = lr_at(step, args)
        loss = model.loss(x, y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        seen += x.numel()
        minutes = (time.time() - t0) / 60
        out_of_time = minutes >= args.max_minutes
        if step % args.eval_every == 0 or step == args.steps or out_of_time:
            val = evaluate(model, vx, vy, device)
            rate = seen / (time.time() - t0)
            print(f'step {step} train {loss.item():.4f} val {val:.4f} ppl {math.exp(val):.1f} '
                  f'lr {lr_at(step, args):.2e} tok/s {rate:.0f} min {minutes:.1f}', flush=True)
            log.append({'step': step, 'train_loss': loss.item(), 'val_loss': val,
                        'tokens_seen': seen, 'minutes': minutes})
            if val < best:
                best = val
                save('best.pt', val)
            save('last.pt', val)
            (out / 'log.json').write_text(json.dumps(log, indent=1))
        if out_of_time:
            print('stopping: wall-clock budget reached', flush=True)
            break
    print(f'done: best val {best:.4f} (ppl {math.exp(best):.1f}), {seen} tokens, '
          f'{(time.time() - t0) / 60:.1f} min', flush=True)


if __name__ == '__main__':
    os.environ.setdefault('OMP_NUM_THREADS', '1')
    main()
