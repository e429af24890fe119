"""Bits per byte of a checkpoint (PyTorch, fp32) per language.

- Validation: every non-overlapping 256-token window of val.en.txt and val.zh.txt (the windows
  train.py uses with --val-windows 0).
- Unseen lecture speech (optional, --captions): SubRip caption files (e.g. shared/captions, the
  English and Chinese captions of two 3Blue1Brown lectures, which are not in the corpus). Each
  file's cue text is joined like prepare_corpus.py joins subtitles, preceded by <|endoftext|>, and
  scored in consecutive 256-token windows (the last one shorter).

Bits per byte = total negative log2-likelihood of the predicted tokens / their UTF-8 bytes (the
separator counts 0 bytes; its loss is included), so it does not depend on the tokenizer.
"""
import argparse
import json
import math
import pathlib

import torch

from bpe import Tokenizer
from export_onnx import load_model
from prepare_corpus import HAN, SRT_TIME, join_lines
from train import encoded, token_bytes, val_windows

HERE = pathlib.Path(__file__).parent
REPO = HERE.parent.parent


def srt_text(path):
    lines = []
    for line in path.read_text(encoding='utf-8-sig').replace('\r\n', '\n').split('\n'):
        line = line.strip()
        if line and not line.isdigit() and not SRT_TIME.match(line):
            lines.append(line)
    return join_lines(lines)


@torch.no_grad()
def score(model, x, y, nbytes, batch=16):
    nll, nb, n = 0.0, 0, 0
    for i in range(0, len(x), batch):
        logits = model(x[i:i + batch])[0]
        nll += torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]),
                                                 y[i:i + batch].reshape(-1), reduction='sum').item()
        nb += int(nbytes[y[i:i + batch].numpy()].sum())
        n += y[i:i + batch].numel()
    return nll, nb, n


def stream(model, ids, nbytes, block):
    nll, nb, n = 0.0, 0, 0
    for s in range(0, len(ids) - 1, block):
        chunk = ids[s:s + block + 1]
        x = torch.tensor([chunk[:-1]])
        y = torch.tensor([chunk[1:]])
        a, b, c = score(model, x, y, nbytes)
        nll, nb, n = nll + a, nb + b, n + c
    return nll, nb, n


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--checkpoint', default=str(HERE / 'checkpoints' / 'best.pt'))
    ap.add_argument('--dir', default=str(HERE), help='model folder (its tokenizer.json is used)')
    ap.add_argument('--data', default=str(HERE / 'data'))
    ap.add_argument('--captions', default=str(REPO.parent / 'shared' / 'captions'),
                    help='folder of .srt files to score as unseen lecture speech ("" to skip)')
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--json', default=None)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    model, ckpt = load_model(args.checkpoint)
    tok_path = pathlib.Path(args.dir) / 'tokenizer.json'
    tok = Tokenizer.load(tok_path)
    nbytes = token_bytes(tok)
    block = model.cfg.block_size
    report = {'checkpoint': str(args.checkpoint), 'step': ckpt['step'],
              'tokens_seen': ckpt.get('tokens_seen'), 'val': {}, 'captions': {}}
    for lang in ('en', 'zh'):
        ids = encoded(pathlib.Path(args.data) / f'val.{lang}.txt', tok_path)
        x, y = val_windows(ids, block)
        nll, nb, n = score(model, x, y, nbytes)
        report['val'][lang] = {'windows': len(x), 'tokens': n, 'bytes': nb,
                               'loss': round(nll / n, 4), 'bpb': round(nll / math.log(2) / nb, 4)}
        print(lang, 'val', report['val'][lang], flush=True)
    cap = pathlib.Path(args.captions) if args.captions else None
    if cap and cap.is_dir():
        per_lang = {'en': [0.0, 0, 0], 'zh': [0.0, 0, 0]}
        for f in sorted(cap.glob('*.srt')):
            text = srt_text(f)
            lang = 'zh' if len(HAN.findall(text)) > 0.1 * len(text) else 'en'
            ids = [tok.eot_id] + tok.encode(text)
            nll, nb, n = stream(model, ids, nbytes, block)
            report['captions'][f.name] = {'lang': lang, 'tokens': n, 'bytes': nb,
                                          'bpb': round(nll / math.log(2) / nb, 4)}
            for i, v in enumerate((nll, nb, n)):
                per_lang[lang][i] += v
            print(f.name, report['captions'][f.name], flush=True)
        for lang, (nll, nb, n) in per_lang.items():
            if n:
                report['captions'][f'all_{lang}'] = {'tokens': n, 'bytes': nb,
                                                     'bpb': round(nll / math.log(2) / nb, 4)}
                print(lang, 'captions', report['captions'][f'all_{lang}'], flush=True)
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == '__main__':
    main()
