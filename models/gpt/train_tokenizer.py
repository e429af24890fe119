"""Train the byte-level BPE tokenizer on the training split and save it in Hugging Face format.

Writes tokenizer.json (BPE model + ByteLevel pre-tokenizer/decoder, loadable by transformers.js
and the `tokenizers` library) and tokenizer_config.json. Merges are learned with incremental pair
counts and a lazy max-heap, so 8k merges over the corpus take well under a minute in pure Python.
"""
import argparse
import collections
import heapq
import json
import pathlib

from bpe import BYTE_ENCODER, EOT, pieces

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


def hf_tokenizer_json(vocab, merges, eot_id):
    byte_level = {'type': 'ByteLevel', 'add_prefix_space': False, 'trim_offsets': True,
                  'use_regex': True}
    return {
        'version': '1.0',
        'truncation': None,
        'padding': None,
        'added_tokens': [{'id': eot_id, 'content': EOT, 'single_word': False, 'lstrip': False,
                          'rstrip': False, 'normalized': False, 'special': True}],
        'normalizer': None,
        'pre_tokenizer': byte_level,
        'post_processor': dict(byte_level),
        'decoder': dict(byte_level),
        'model': {'type': 'BPE', 'dropout': None, 'unk_token': None,
                  'continuing_subword_prefix': '', 'end_of_word_suffix': '',
                  'fuse_unk': False, 'byte_fallback': False, 'vocab': vocab,
                  'merges': [f'{a} {b}' for a, b in merges]},
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--corpus', default=str(HERE / 'data' / 'train.txt'))
    ap.add_argument('--vocab-size', type=int, default=8192)
    ap.add_argument('--out', default=str(HERE))
    args = ap.parse_args()
    text = pathlib.Path(args.corpus).read_text(encoding='utf-8')
    word_counts = collections.Counter()
    for doc in text.split(EOT):
        word_counts.update(pieces(doc))
    # Ids: 0..255 are the bytes in byte order, then merges in learned order, last the separator.
    n_merges = args.vocab_size - 256 - 1
    merges = learn_merges(word_counts, n_merges)
    vocab = {BYTE_ENCODER[b]: b for b in range(256)}
    for a, b in merges:
        vocab[a + b] = len(vocab)
    eot_id = len(vocab)
    out = pathlib.Path(args.out)
    spec = hf_tokenizer_json(vocab, merges, eot_id)
    (out / 'tokenizer.json').write_text(json.dumps(spec, ensure_ascii=False, indent=1) + '\n',
                                        encoding='utf-8')
    config = {'tokenizer_class': 'GPT2Tokenizer', 'model_max_length': 256,
              'bos_token': EOT, 'eos_token': EOT, 'unk_token': EOT, 'pad_token': None,
              'add_prefix_space': False, 'add_bos_token': False,
              'clean_up_tokenization_spaces': False}
    (out / 'tokenizer_config.json').write_text(json.dumps(config, indent=1) + '\n')
    print(f'{len(merges)} merges, vocab size {eot_id + 1}, {len(word_counts)} distinct pieces')


if __name__ == '__main__':
    main()
