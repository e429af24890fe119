"""Train the bilingual byte-level BPE tokenizer and save it in Hugging Face format.

Learns the merges on a balanced sample of the training split (--sample-mb of whole documents per
language, English and Chinese), pre-tokenized with bpe.BILINGUAL_PATTERN (GPT-2's regex, but Han
characters form their own pieces). With --measure it reports bytes per token of each language's
validation split at several vocabulary sizes (prefixes of the same merge list).

Writes tokenizer.json (BPE model; Split + ByteLevel pre-tokenizer, ByteLevel decoder; loadable by
@huggingface/tokenizers / transformers.js and the `tokenizers` library) and tokenizer_config.json.
Merges are learned with incremental pair counts and a lazy max-heap.
"""
import argparse
import collections
import hashlib
import heapq
import json
import pathlib
import time

import regex

from bpe import BILINGUAL_PATTERN, BYTE_ENCODER, EOT, Tokenizer, pieces

PATTERN = regex.compile(BILINGUAL_PATTERN)

HERE = pathlib.Path(__file__).parent


def word_pairs(word):
    return list(zip(word, word[1:]))


def learn_merges(word_counts, n_merges):
    words = [list(w) for w in word_counts]
    counts = list(word_counts.values())
    pair_count = collections.Counter()
    where = collections.defaultdict(set)
    for i, w in enumerate(words):
        for p in word_pairs(w):
            pair_count[p] += counts[i]
            where[p].add(i)
    # Ties broken by the pair strings so training is deterministic.
    heap = [(-c, p) for p, c in pair_count.items()]
    heapq.heapify(heap)
    merges = []
    while len(merges) < n_merges and heap:
        neg, pair = heapq.heappop(heap)
        if pair_count.get(pair, 0) != -neg or -neg < 2:
            continue  # stale heap entry; the current count was pushed separately
        merges.append(pair)
        new_tok = pair[0] + pair[1]
        touched = set()
        for i in list(where[pair]):
            w = words[i]
            for p in word_pairs(w):
                pair_count[p] -= counts[i]
                touched.add(p)
            merged, j = [], 0
            while j < len(w):
                if j < len(w) - 1 and w[j] == pair[0] and w[j + 1] == pair[1]:
                    merged.append(new_tok)
                    j += 2
                else:
                    merged.append(w[j])
                    j += 1
            words[i] = merged
            for p in word_pairs(merged):
                pair_count[p] += counts[i]
                where[p].add(i)
                touched.add(p)
        del pair_count[pair]
        where.pop(pair, None)
        for p in touched:
            if p != pair and pair_count[p] > 0:
                heapq.heappush(heap, (-pair_count[p], p))
    return merges


def hf_tokenizer_json(vocab, merges, eot_id, pattern=BILINGUAL_PATTERN):
    """Hugging Face tokenizer.json: Split(pattern, Isolated) then ByteLevel without its own regex,
    so @huggingface/tokenizers (transformers.js) and `tokenizers` cut the text exactly as bpe.py."""
    byte_level = {'type': 'ByteLevel', 'add_prefix_space': False, 'trim_offsets': True,
                  'use_regex': False}
    pre = {'type': 'Sequence', 'pretokenizers': [
        {'type': 'Split', 'pattern': {'Regex': pattern}, 'behavior': 'Isolated', 'invert': False},
        dict(byte_level)]}
    return {
        'version': '1.0',
        'truncation': None,
        'padding': None,
        'added_tokens': [{'id': eot_id, 'content': EOT, 'single_word': False, 'lstrip': False,
                          'rstrip': False, 'normalized': False, 'special': True}],
        'normalizer': None,
        'pre_tokenizer': pre,
        'post_processor': dict(byte_level),
        'decoder': dict(byte_level),
        'model': {'type': 'BPE', 'dropout': None, 'unk_token': None,
                  'continuing_subword_prefix': '', 'end_of_word_suffix': '',
                  'fuse_unk': False, 'byte_fallback': False, 'vocab': vocab,
                  'merges': [f'{a} {b}' for a, b in merges]},
    }


def sample_documents(path, budget):
    """Whole documents, in a stable hash order, until `budget` UTF-8 bytes are taken."""
    docs = [d for d in path.read_text(encoding='utf-8').split(EOT) if d]
    docs.sort(key=lambda d: hashlib.sha1(d.encode()).digest())
    out, size = [], 0
    for d in docs:
        if size >= budget:
            break
        out.append(d)
        size += len(d.encode())
    return out, size


def vocab_for(merges):
    vocab = {BYTE_ENCODER[b]: b for b in range(256)}
    for a, b in merges:
        vocab[a + b] = len(vocab)
    vocab[EOT] = len(vocab)
    return vocab


def measure(merges, sizes, val_files):
    """Bytes per token of each validation split for the first (size - 257) merges."""
    rows = []
    for size in sizes:
        m = merges[:size - 257]
        tok = Tokenizer(vocab_for(m), [f'{a} {b}' for a, b in m], BILINGUAL_PATTERN)
        row = {'vocab_size': len(m) + 257}
        for lang, path in val_files.items():
            text = path.read_text(encoding='utf-8')
            n = len(tok.encode(text))
            row[lang] = {'bytes': len(text.encode()), 'tokens': n,
                         'bytes_per_token': round(len(text.encode()) / n, 3)}
        # How many distinct Han characters of the validation text are single tokens.
        zh = val_files['zh'].read_text(encoding='utf-8')
        chars = {c for c in zh if '\u4e00' <= c <= '\u9fff'}
        row['han_chars_single_token'] = sum(len(tok.encode(c)) == 1 for c in chars)
        row['han_chars_distinct'] = len(chars)
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--data-dir', default=str(HERE / 'data'),
                    help='prepare_corpus.py output (train.en.txt, train.zh.txt, val.*.txt)')
    ap.add_argument('--sample-mb', type=float, default=3.0,
                    help='MB of training documents per language used to learn the merges')
    ap.add_argument('--vocab-size', type=int, default=16384)
    ap.add_argument('--measure', default='', help='comma-separated vocab sizes to measure '
                    'bytes/token on the validation splits, e.g. 8192,16384,24576')
    ap.add_argument('--report', default=None, help='write the measurement as JSON here')
    ap.add_argument('--out', default=str(HERE))
    args = ap.parse_args()
    data = pathlib.Path(args.data_dir)
    for f in ('train.en.txt', 'train.zh.txt', 'val.en.txt', 'val.zh.txt'):
        if not (data / f).exists():
            raise SystemExit(f'error: {data / f} is missing; run prepare_corpus.py --out {data}')
    sizes = sorted({int(s) for s in args.measure.split(',') if s} | {args.vocab_size})
    t0 = time.time()
    word_counts = collections.Counter()
    sampled = {}
    for lang in ('en', 'zh'):
        docs, size = sample_documents(data / f'train.{lang}.txt', args.sample_mb * 1e6)
        sampled[lang] = {'documents': len(docs), 'bytes': size}
        for doc in docs:
            word_counts.update(pieces(doc, PATTERN))
    print(f'sample {sampled}, {len(word_counts)} distinct pieces', flush=True)
    # Ids: 0..255 are the bytes in byte order, then merges in learned order, last the separator.
    # Merges are learned greedily, so the first k of a longer run are exactly a k-merge run:
    # one run serves every measured size.
    merges = learn_merges(word_counts, max(sizes) - 257)
    print(f'{len(merges)} merges in {time.time() - t0:.0f} s', flush=True)
    rows = measure(merges, [s for s in sizes if s - 257 <= len(merges)],
                   {'en': data / 'val.en.txt', 'zh': data / 'val.zh.txt'}) if args.measure else []
    merges = merges[:args.vocab_size - 257]
    vocab = vocab_for(merges)
    eot_id = vocab.pop(EOT)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    spec = hf_tokenizer_json(vocab, merges, eot_id)
    (out / 'tokenizer.json').write_text(json.dumps(spec, ensure_ascii=False, indent=1) + '\n',
                                        encoding='utf-8')
    config = {'tokenizer_class': 'GPT2Tokenizer', 'model_max_length': 256,
              'bos_token': EOT, 'eos_token': EOT, 'unk_token': EOT, 'pad_token': None,
              'add_prefix_space': False, 'add_bos_token': False,
              'clean_up_tokenization_spaces': False}
    (out / 'tokenizer_config.json').write_text(json.dumps(config, indent=1) + '\n')
    if args.report:
        pathlib.Path(args.report).write_text(json.dumps(
            {'sample': sampled, 'distinct_pieces': len(word_counts), 'measured': rows,
             'chosen': args.vocab_size, 'seconds': round(time.time() - t0)}, indent=1))
    print(f'{len(merges)} merges, vocab size {eot_id + 1} -> {out / "tokenizer.json"} '
          f'({time.time() - t0:.0f} s)')


if __name__ == '__main__':
    main()
