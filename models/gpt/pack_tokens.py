"""Token ids of the prepared corpus, packed into one folder that train.py reads with --data.

    /usr/bin/python3 pack_tokens.py --data data --out packed
    python3 train.py --preset gpu --data packed --out runs/gpu      # e.g. on a GPU machine

Writes to --out: train.bin, val.en.bin, val.zh.bin (token ids, little-endian uint16 when the
vocabulary fits, else uint32, documents ending in <|endoftext|>), extra.NAME.bin for every
--extra NAME=FILE (checks logged at every evaluation, never trained on, e.g. the old validation
text or the notes seeds), a copy of tokenizer.json and meta.json (dtype, token counts and the
tokenizer's SHA-1 prefix, checked by train.py). The folder is self-contained: copy it next to
the repository on another machine; train.py needs no tokenizing there.

`encoded()` (used by train.py and eval_bpb.py too) caches the ids of a text file next to it
(`<stem>.<tokenizer hash>.ids.npy`); it needs no torch, so the caches can be built before torch is
installed. Deterministic: the same text and tokenizer give the same bytes.
"""
import argparse
import hashlib
import json
import multiprocessing
import pathlib
import shutil

import numpy as np

from bpe import EOT, Tokenizer

HERE = pathlib.Path(__file__).parent
_TOK = None


def _encode_chunk(args):
    path, docs = args
    global _TOK
    if _TOK is None or _TOK[0] != path:
        _TOK = (path, Tokenizer.load(path))
    tok = _TOK[1]
    out = []
    for d in docs:
        out.extend(tok.encode(d))
        out.append(tok.eot_id)
    return out


def tokenizer_hash(tok_path):
    return hashlib.sha1(pathlib.Path(tok_path).read_bytes()).hexdigest()[:10]


def encoded(text_file, tok_path, workers=2):
    """Token ids of a text file, cached next to it (uint16 if the vocabulary fits, else uint32).
    The cache name carries a hash of the tokenizer, so a new tokenizer never reads old ids."""
    text_file = pathlib.Path(text_file)
    cache = text_file.with_name(f'{text_file.stem}.{tokenizer_hash(tok_path)}.ids.npy')
    if cache.exists() and cache.stat().st_mtime > text_file.stat().st_mtime:
        return np.load(cache)
    tok = Tokenizer.load(tok_path)
    dtype = np.uint16 if len(tok.vocab) <= 65536 else np.uint32
    docs = text_file.read_text(encoding='utf-8').split(EOT)
    if docs and docs[-1] == '':
        docs.pop()  # every document ends with the separator
    chunks = [(str(tok_path), docs[i::64]) for i in range(64)] if len(docs) > 256 else None
    if chunks and workers > 1:
        # Documents are encoded independently (the separator is a token of its own), so they can
        # be split over processes; the interleaving is undone below to keep the file's order.
        with multiprocessing.get_context('fork').Pool(workers) as pool:
            parts = pool.map(_encode_chunk, chunks)
        per_doc = [[] for _ in docs]
        for c, part in enumerate(parts):
            k = c
            cur = []
            for t in part:
                cur.append(t)
                if t == tok.eot_id:
                    per_doc[k] = cur
                    cur, k = [], k + 64
        ids = [t for d in per_doc for t in d]
    else:
        ids = _encode_chunk((str(tok_path), docs))
    arr = np.array(ids, dtype=dtype)
    np.save(cache, arr)
    return arr


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--data', default=str(HERE / 'data'), help='prepare_corpus.py output')
    ap.add_argument('--tokenizer', default=str(HERE / 'tokenizer.json'))
    ap.add_argument('--out', default=str(HERE / 'packed'))
    ap.add_argument('--extra', action='append', default=[], metavar='NAME=FILE',
                    help='also pack FILE (documents ending in <|endoftext|>) as extra.NAME.bin')
    ap.add_argument('--train-also', action='append', default=[], metavar='FILE',
                    help='append the token ids of FILE (e.g. the prose-mode train.txt) to train.bin, '
                         'so training samples both forms of the text')
    ap.add_argument('--workers', type=int, default=2)
    args = ap.parse_args()
    data, out = pathlib.Path(args.data), pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    files = {'train': data / 'train.txt', 'val.en': data / 'val.en.txt',
             'val.zh': data / 'val.zh.txt'}
    for spec in args.extra:
        name, f = spec.split('=', 1)
        files[f'extra.{name}'] = pathlib.Path(f)
    meta = {'tokenizer_sha1': tokenizer_hash(args.tokenizer), 'files': {}}
    for name, f in files.items():
        ids = encoded(f, args.tokenizer, args.workers)
        if name == 'train' and args.train_also:
            ids = np.concatenate([ids] + [encoded(g, args.tokenizer, args.workers)
                                          for g in args.train_also])
            meta['train_also'] = [str(g) for g in args.train_also]
        ids.tofile(out / f'{name}.bin')
        meta['dtype'] = ids.dtype.str
        meta['files'][name] = {'source': str(f), 'tokens': int(len(ids)),
                               'sha1': hashlib.sha1(ids.tobytes()).hexdigest()}
        print(f'{name}: {len(ids):,} tokens from {f}', flush=True)
    shutil.copyfile(args.tokenizer, out / 'tokenizer.json')
    (out / 'meta.json').write_text(json.dumps(meta, indent=1))
    print(f'packed into {out}')


if __name__ == '__main__':
    main()
