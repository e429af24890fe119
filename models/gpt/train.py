"""Train the project's GPT on the prepared bilingual corpus.

Seeded and reproducible on CPU (same seed, same thread count, same stops -> same losses); uses
CUDA when present. Resumable: `--resume` continues from `<out>/last.pt` (model, optimizer, data
and dropout random states, step, tokens seen, log), so a run can be cut into pieces of any
length, e.g. pieces under 10 minutes on a GPU machine:
    python3 train.py --out ckpt --steps 20000 --max-minutes 9            # first piece
    python3 train.py --out ckpt --steps 20000 --max-minutes 9 --resume   # each later piece
`--steps` is the length of the learning-rate schedule; a resumed run may give a new one (the
cosine then continues from the current step on the new length).
`--init-from CKPT` starts a new run (step 0, fresh AdamW, new warm-up and cosine schedule) from the
weights of CKPT only, e.g. one rebuilt from the shipped ONNX file by onnx_to_checkpoint.py; with
--resume and an existing <out>/last.pt, the resume wins, so one command serves every piece.

Validation: English and Chinese separately (val.en.txt, val.zh.txt), on fixed, evenly spread
256-token windows (--val-windows per language; 0 = all), reported as loss (nats/token) and bits per
byte (total negative log2-likelihood / UTF-8 bytes of the predicted tokens; the <|endoftext|>
separators count as 0 bytes but their loss is included). `best.pt` keeps the lowest mean of the
two languages' bits per byte; `last.pt` is written at every evaluation and at least every
--ckpt-minutes. On a shared machine run it as:
    OMP_NUM_THREADS=2 nice -n 19 python3 train.py --threads 2 ...
`--smoke` trains a tiny model for a few steps so the pipeline can be checked in seconds.

Data: `--data` is a prepare_corpus.py folder (text, tokenized and cached on first use) or a packed
folder from pack_tokens.py (train.bin, val.*.bin, extra.*.bin, tokenizer.json, meta.json; no
tokenizing). `--extra-val NAME=FILE` (and every extra.NAME.bin of a packed folder) is evaluated and
logged at each evaluation like the validation split, never trained on; `--best-by` names the sets
whose mean bits per byte picks best.pt (e.g. en,zh,notes,old_en,old_zh). `--anneal-by-time` ties
the cosine to the wall clock so a run ends annealed at --max-minutes (total, pieces included).

`--preset gpu`: a 6 x 6 x 192 model (4.3M parameters, int8 ~4.7 MB) trained on one CUDA GPU within
9 minutes from a packed folder (bfloat16 autocast, batch 64 x 256, dropout 0.1, lr 1.5e-3 cosine
tied to 8 minutes), then exported (ONNX, int8, embeddings, inspection graphs) to <out>/export:
    python3 train.py --preset gpu --data packed --out gpu-run
Flags given on the command line win over the preset. Checked on CPU with
    python3 train.py --preset gpu --device cpu --steps 3 --eval-every 3 --val-windows 2 --data packed --out /tmp/t
"""
import argparse
import contextlib
import hashlib
import json
import math
import os
import pathlib
import time

import numpy as np
import torch

from bpe import EOT, BYTE_DECODER, Tokenizer
from model import GPT, GPTConfig
from pack_tokens import encoded  # noqa: F401 (eval_bpb.py and others import it from here)

HERE = pathlib.Path(__file__).parent
LANGS = ('en', 'zh')
def token_bytes(tok):
    """UTF-8 length of every token id (0 for the separator)."""
    n = np.zeros(len(tok.vocab), dtype=np.int64)
    for t, i in tok.vocab.items():
        n[i] = 0 if t == EOT else len(t)  # one byte-level character per byte
    return n


def val_windows(ids, block, limit=0):
    """Fixed non-overlapping windows so validation loss is comparable across runs; with a limit,
    that many windows evenly spread over the split."""
    n = (len(ids) - 1) // block
    pick = np.arange(n) if not limit or limit >= n else np.linspace(0, n - 1, limit).astype(int)
    x = np.stack([ids[i * block:(i + 1) * block] for i in pick]).astype(np.int64)
    y = np.stack([ids[i * block + 1:(i + 1) * block + 1] for i in pick]).astype(np.int64)
    return torch.from_numpy(x), torch.from_numpy(y)


@torch.no_grad()
def evaluate(model, vx, vy, nbytes, device, batch=16):
    """(mean loss in nats/token, bits per byte) over the windows."""
    model.eval()
    nll, count, nb = 0.0, 0, 0
    for i in range(0, len(vx), batch):
        x, y = vx[i:i + batch].to(device), vy[i:i + batch].to(device)
        logits = model(x)[0]
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]),
                                                 y.reshape(-1), reduction='sum')
        nll += loss.item()
        count += y.numel()
        nb += int(nbytes[vy[i:i + batch].numpy()].sum())
    model.train()
    return nll / count, nll / math.log(2) / max(1, nb)


def lr_at(step, args, time_frac=0.0):
    if step < args.warmup:
        return args.lr * (step + 1) / args.warmup
    frac = min(1.0, (step - args.warmup) / max(1, args.steps - args.warmup))
    # --anneal-by-time: the cosine also follows the wall clock (whichever is further along), so a
    # run on unknown hardware still ends annealed at --max-minutes.
    frac = max(frac, min(1.0, time_frac))
    return args.min_lr + 0.5 * (args.lr - args.min_lr) * (1 + math.cos(math.pi * frac))


def parse():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--n-layer', type=int, default=4)
    ap.add_argument('--n-head', type=int, default=4)
    ap.add_argument('--n-embd', type=int, default=128)
    ap.add_argument('--block-size', type=int, default=256)
    ap.add_argument('--dropout', type=float, default=0.0)
    ap.add_argument('--batch', type=int, default=16)
    ap.add_argument('--steps', type=int, default=5000, help='length of the lr schedule')
    ap.add_argument('--lr', type=float, default=1.5e-3)
    ap.add_argument('--min-lr', type=float, default=1.5e-4)
    ap.add_argument('--warmup', type=int, default=100)
    ap.add_argument('--weight-decay', type=float, default=0.1)
    ap.add_argument('--eval-every', type=int, default=100)
    ap.add_argument('--val-windows', type=int, default=64,
                    help='validation windows per language at each evaluation (0 = all)')
    ap.add_argument('--ckpt-minutes', type=float, default=5.0, help='write last.pt this often')
    ap.add_argument('--max-minutes', type=float, default=120.0,
                    help='wall-clock budget of this invocation')
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--seed', type=int, default=1337)
    ap.add_argument('--resume', action='store_true', help='continue from <out>/last.pt')
    ap.add_argument('--init-from', default=None, metavar='CKPT',
                    help='start a new run (step 0, fresh optimizer and schedule) from the weights '
                         'of CKPT; ignored when --resume finds <out>/last.pt')
    ap.add_argument('--out', default=str(HERE / 'checkpoints'))
    ap.add_argument('--data', default=str(HERE / 'data'),
                    help='prepare_corpus.py output: train.txt, val.en.txt, val.zh.txt')
    ap.add_argument('--tokenizer', default=str(HERE / 'tokenizer.json'))
    ap.add_argument('--extra-val', action='append', metavar='NAME=FILE[,FILE]',
                    help='also evaluate (never train on) these text files at every evaluation, '
                         'logged as val_bpb_NAME; repeatable')
    ap.add_argument('--best-by', default='en,zh',
                    help='comma list of evaluation names whose mean bpb picks best.pt '
                         '(default en,zh; e.g. en,zh,notes,old_en,old_zh)')
    ap.add_argument('--device', default=None, help='cpu or cuda (default: cuda when present)')
    ap.add_argument('--dtype', default=None, choices=['float32', 'bfloat16'],
                    help='autocast dtype on CUDA (default float32; the gpu preset uses bfloat16)')
    ap.add_argument('--export', action='store_true',
                    help='at the end, export best.pt to <out>/export: onnx/model.onnx, '
                         'model_quantized.onnx, wte_int8.bin, inspect graphs, config files')
    ap.add_argument('--anneal-by-time', action='store_true',
                    help='the lr cosine ends at --max-minutes (total, resumed pieces included) '
                         'or at --steps, whichever comes first')
    ap.add_argument('--preset', choices=['gpu'], default=None,
                    help='gpu: the larger model trained on one CUDA GPU within 9 minutes from a '
                         'packed folder (pack_tokens.py); other flags given explicitly still win')
    ap.add_argument('--smoke', action='store_true', help='tiny model, a few steps')
    args = ap.parse_args()
    if args.preset == 'gpu':
        import sys
        given = {a.split('=')[0] for a in sys.argv[1:] if a.startswith('--')}
        preset = {'n_layer': 6, 'n_head': 6, 'n_embd': 192, 'block_size': 256, 'dropout': 0.1,
                  'batch': 64, 'lr': 1.5e-3, 'min_lr': 1.5e-4, 'warmup': 200,
                  'eval_every': 250, 'val_windows': 0, 'max_minutes': 8.0, 'ckpt_minutes': 2.0,
                  'dtype': 'bfloat16', 'export': True, 'best_by': 'en,zh', 'anneal_by_time': True,
                  'steps': 100000}
        for k, v in preset.items():
            if '--' + k.replace('_', '-') not in given:
                setattr(args, k, v)
    if args.smoke:
        args.n_layer, args.n_head, args.n_embd, args.block_size = 2, 2, 32, 64
        args.batch, args.steps, args.eval_every, args.warmup = 4, 20, 10, 5
        args.val_windows = 4
    return args


def main():
    args = parse()
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    torch.set_num_threads(args.threads)
    device = args.device or ('cuda' if torch.cuda.is_available() else 'cpu')
    amp = torch.autocast('cuda', dtype=torch.bfloat16) \
        if device == 'cuda' and args.dtype == 'bfloat16' else contextlib.nullcontext()
    data_dir = pathlib.Path(args.data)
    packed = (data_dir / 'train.bin').exists()
    if packed:  # pack_tokens.py output: token ids, no tokenizing here
        meta = json.loads((data_dir / 'meta.json').read_text())
        if args.tokenizer == str(HERE / 'tokenizer.json') and (data_dir / 'tokenizer.json').exists():
            args.tokenizer = str(data_dir / 'tokenizer.json')
        tok_hash = hashlib.sha1(pathlib.Path(args.tokenizer).read_bytes()).hexdigest()[:10]
        if meta['tokenizer_sha1'] != tok_hash:
            raise SystemExit(f'error: {data_dir} was packed with tokenizer {meta["tokenizer_sha1"]}, '
                             f'not {args.tokenizer} ({tok_hash})')
    else:
        for f in ['train.txt'] + [f'val.{l}.txt' for l in LANGS]:
            if not (data_dir / f).exists():
                raise SystemExit(f'error: {data_dir / f} is missing; run prepare_corpus.py --out '
                                 f'{data_dir} first (or pack_tokens.py for a packed folder)')
    tok = Tokenizer.load(args.tokenizer)
    nbytes = token_bytes(tok)
    t_enc = time.time()

    def ids_of(name):
        if packed:
            return np.fromfile(data_dir / f'{name}.bin', dtype=np.dtype(meta['dtype']))
        return encoded(data_dir / f'{name}.txt', args.tokenizer)

    train_ids = ids_of('train')
    val = {}
    for lang in LANGS:
        val[lang] = val_windows(ids_of(f'val.{lang}'), args.block_size, args.val_windows)
    # Extra checks, evaluated and logged like the validation split (never trained on):
    # --extra-val NAME=FILE (a text file of documents each ending in <|endoftext|>, like
    # val.en.txt), and in a packed folder every extra.NAME.bin it holds.
    extra_specs = list(args.extra_val or [])
    if packed:
        extra_specs += [f'{p.name[6:-4]}=@{p}' for p in sorted(data_dir.glob('extra.*.bin'))]
    for spec in extra_specs:
        name, f = spec.split('=', 1)
        ids = np.fromfile(f[1:], dtype=np.dtype(meta['dtype'])) if f.startswith('@') \
            else encoded(f, args.tokenizer)
        val[name] = val_windows(ids, args.block_size, args.val_windows)
    print(f'token caches ready in {time.time() - t_enc:.0f} s', flush=True)
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
    rng = np.random.default_rng(args.seed)
    data = torch.from_numpy(train_ids.astype(np.int64))
    best, seen, step, prior_minutes, log = float('inf'), 0, 0, 0.0, []
    if args.init_from and not (args.resume and (out / 'last.pt').exists()):
        ck = torch.load(args.init_from, map_location=device)
        shape = {k: v for k, v in cfg.__dict__.items() if k != 'dropout'}
        if {k: v for k, v in ck['config'].items() if k != 'dropout'} != shape:
            raise SystemExit(f'error: {args.init_from} has config {ck["config"]}, not {cfg.__dict__}')
        model.load_state_dict(ck['model'])  # weights only: step 0, fresh AdamW, new schedule
        print(f'initialised from {args.init_from} (weights only; new schedule from step 0)',
              flush=True)
    if args.resume and (out / 'last.pt').exists():
        ck = torch.load(out / 'last.pt', map_location=device)
        if ck['config'] != cfg.__dict__:
            raise SystemExit(f'error: {out / "last.pt"} has config {ck["config"]}, not {cfg.__dict__}')
        model.load_state_dict(ck['model'])
        opt.load_state_dict(ck['optimizer'])
        rng.bit_generator.state = ck['data_rng']
        torch.set_rng_state(ck['torch_rng'])
        if device == 'cuda' and ck.get('cuda_rng') is not None:
            torch.cuda.set_rng_state(ck['cuda_rng'])
        step, seen, prior_minutes = ck['step'], ck['tokens_seen'], ck['minutes']
        log = json.loads((out / 'log.json').read_text()) if (out / 'log.json').exists() else []
        best = min((r['val_bpb_mean'] for r in log), default=float('inf'))
        print(f'resumed from step {step} ({seen} tokens, {prior_minutes:.1f} min)', flush=True)
    print(f'params {n_params}, config {cfg.__dict__}, train tokens {len(train_ids)}, '
          f'val windows {[len(v[0]) for v in val.values()]}, device {device}, '
          f'threads {torch.get_num_threads()}', flush=True)
    t0 = time.time()
    last_ckpt = time.time()

    def minutes():
        return prior_minutes + (time.time() - t0) / 60

    def save(name, extra):
        torch.save({'model': model.state_dict(), 'optimizer': opt.state_dict(),
                    'config': cfg.__dict__, 'step': step, 'tokens_seen': seen,
                    'minutes': minutes(), 'args': vars(args), 'data_rng': rng.bit_generator.state,
                    'torch_rng': torch.get_rng_state(),
                    'cuda_rng': torch.cuda.get_rng_state() if device == 'cuda' else None,
                    **extra}, out / (name + '.tmp'))
        os.replace(out / (name + '.tmp'), out / name)  # a stop mid-write never loses the file

    def time_frac():
        if not args.anneal_by_time:
            return 0.0
        return minutes() / args.max_minutes if args.max_minutes else 0.0

    while step < args.steps:
        starts = rng.integers(0, len(data) - args.block_size - 1, size=args.batch)
        x = torch.stack([data[s:s + args.block_size] for s in starts]).to(device)
        y = torch.stack([data[s + 1:s + 1 + args.block_size] for s in starts]).to(device)
        for g in opt.param_groups:
            g['lr'] = lr_at(step, args, time_frac())
        with amp:
            loss = model.loss(x, y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        seen += x.numel()
        out_of_time = (time.time() - t0) / 60 >= args.max_minutes or \
            (args.anneal_by_time and time_frac() >= 1.0)
        if step % args.eval_every == 0 or step == args.steps or out_of_time:
            row = {'step': step, 'tokens_seen': seen, 'minutes': round(minutes(), 2),
                   'train_loss': round(loss.item(), 4), 'lr': lr_at(step, args, time_frac())}
            for lang, (vx, vy) in val.items():
                vl, bpb = evaluate(model, vx, vy, nbytes, device)
                row[f'val_loss_{lang}'], row[f'val_bpb_{lang}'] = round(vl, 4), round(bpb, 4)
            keys = [k.strip() for k in args.best_by.split(',') if f'val_bpb_{k.strip()}' in row]
            row['val_bpb_mean'] = round(sum(row[f'val_bpb_{k}'] for k in keys) / len(keys), 4)
            log.append(row)
            print(' '.join(f'{k} {v:.4g}' if isinstance(v, float) else f'{k} {v}'
                           for k, v in row.items()) + f' tok/s {seen / 60 / max(1e-9, minutes()):.0f}',
                  flush=True)
            if row['val_bpb_mean'] < best:
                best = row['val_bpb_mean']
                save('best.pt', {'val': row})
            save('last.pt', {'val': row})
            last_ckpt = time.time()
            (out / 'log.json').write_text(json.dumps(log, indent=1))
        elif (time.time() - last_ckpt) / 60 >= args.ckpt_minutes:
            save('last.pt', {})
            last_ckpt = time.time()
        if out_of_time:
            print('stopping: wall-clock budget of this invocation reached', flush=True)
            break
    print(f'done: best mean val bpb {best:.4f}, step {step}, {seen} tokens, '
          f'{minutes():.1f} min', flush=True)
    if args.export:
        export_all(out / 'best.pt', out / 'export', args.tokenizer)


def export_all(ckpt, dest, tokenizer):
    """The release files of a checkpoint in one folder, as the model card's Rebuild section
    makes them (export_onnx, quantize, export_embeddings, export_inspect)."""
    import subprocess
    import sys
    py = sys.executable
    dest = pathlib.Path(dest)
    (dest / 'onnx').mkdir(parents=True, exist_ok=True)
    steps = [
        ['export_onnx.py', '--checkpoint', str(ckpt), '--out', str(dest), '--tokenizer', str(tokenizer)],
        ['quantize.py', '--input', str(dest / 'onnx/model.onnx'),
         '--output', str(dest / 'onnx/model_quantized.onnx')],
        ['export_embeddings.py', '--model', str(dest / 'onnx/model_quantized.onnx'),
         '--output', str(dest / 'onnx/wte_int8.bin')],
        ['export_inspect.py', '--model', str(dest / 'onnx/model_quantized.onnx'),
         '--out', str(dest / 'onnx/inspect_quantized.onnx')],
        ['export_inspect.py', '--model', str(dest / 'onnx/model.onnx'),
         '--out', str(dest / 'onnx/inspect.onnx')],
    ]
    import shutil
    shutil.copyfile(tokenizer, dest / 'tokenizer.json')
    for s in steps:
        print('export:', ' '.join(s), flush=True)
        subprocess.run([py, str(HERE / s[0]), *s[1:]], check=True)
    print(f'exported {ckpt} to {dest}', flush=True)


if __name__ == '__main__':
    os.environ.setdefault('OMP_NUM_THREADS', '2')
    main()
