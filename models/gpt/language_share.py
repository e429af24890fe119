"""How often a sample stays in its prompt's language, over many seeds (sample.py shows one).

For each checkpoint, prompt (sample.py's five English and five Chinese) and seed: 60 new tokens
at temperature 0.8, plain sampling, constrained to valid UTF-8 (utf8_mask.py; `--no-utf8-mask`
samples unconstrained, as before). Two criteria, each a sample "stays" when the share is at
least 80 %:
- letters: of the letters written (Latin letters and Han characters), the share in the prompt's
  script (the original criterion);
- words: of the Latin words (runs of A-Z/a-z) and Han characters written, the share in the
  prompt's script (an English identifier such as PyTorch counts once, not seven times).
Broken characters (U+FFFD from an invalid UTF-8 sequence; an incomplete character at the cut is
not one) are counted over all samples.

Reference (`--data D`, the prepare_corpus.py output): the same criteria on real held-out text,
--reference-windows seeded random windows per language of the validation split (val.en.txt,
val.zh.txt, tokenized with the model's tokenizer): a 1-5 token prompt, then the next --tokens
tokens as the "continuation" (decoded on their own); windows that cross a document separator are
drawn again.

    python3 language_share.py --checkpoint A.pt --checkpoint B.pt --seeds 20 [--data D]
"""
import argparse
import json
import pathlib
import re

import numpy as np
import torch

from bpe import EOT, Tokenizer
from export_onnx import load_model
from sample import HAN, PROMPTS, PROMPTS_ZH, generate, HERE
import utf8_mask

LATIN = re.compile(r'[A-Za-z]')
LATIN_WORD = re.compile(r'[A-Za-z]+')
LANGS = ('en', 'zh')


def shares(lang, new):
    """(letter share, word share) of the prompt's script in the text `new`."""
    han = len(HAN.findall(new))
    latin = len(LATIN.findall(new))
    words = len(LATIN_WORD.findall(new))
    if lang == 'en':
        return latin / max(1, han + latin), words / max(1, han + words)
    return han / max(1, han + latin), han / max(1, han + words)


class Tally:
    def __init__(self):
        self.n = {lang: 0 for lang in LANGS}
        self.stays = {lang: [0, 0] for lang in LANGS}
        self.sums = {lang: [0.0, 0.0] for lang in LANGS}

    def add(self, lang, new):
        self.n[lang] += 1
        for k, share in enumerate(shares(lang, new)):
            self.sums[lang][k] += share
            self.stays[lang][k] += share >= 0.8

    def summary(self):
        return {lang: {'n': self.n[lang],
                       'stay_letters': self.stays[lang][0], 'mean_share_letters': self.sums[lang][0] / max(1, self.n[lang]),
                       'stay_words': self.stays[lang][1], 'mean_share_words': self.sums[lang][1] / max(1, self.n[lang])}
                for lang in LANGS}

    def line(self):
        s = self.summary()
        en, zh = s['en'], s['zh']
        return (f'English stays English in {en["stay_letters"]}/{en["n"]} (mean Latin share '
                f'{100 * en["mean_share_letters"]:.1f} %); Chinese stays Chinese in {zh["stay_letters"]}/{zh["n"]} '
                f'(mean Han share {100 * zh["mean_share_letters"]:.1f} %) | by words: English {en["stay_words"]}/{en["n"]} '
                f'({100 * en["mean_share_words"]:.1f} %), Chinese {zh["stay_words"]}/{zh["n"]} '
                f'({100 * zh["mean_share_words"]:.1f} %)')


def reference(tok, data, windows, n_tokens, seed):
    """The criteria on real validation text (see the module docstring)."""
    import train  # the cached token ids of the splits (train.encoded)
    tally = Tally()
    rng = np.random.default_rng(seed)
    for lang in LANGS:
        ids = train.encoded(pathlib.Path(data) / f'val.{lang}.txt', HERE / 'tokenizer.json')
        for _ in range(windows):
            while True:
                k = int(rng.integers(1, 6))
                start = int(rng.integers(0, len(ids) - k - n_tokens))
                window = [int(t) for t in ids[start:start + k + n_tokens]]
                if tok.eot_id not in window:
                    break
            tally.add(lang, tok.decode(window[k:]))
    return tally


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--checkpoint', action='append', default=[])
    ap.add_argument('--seeds', type=int, default=20)
    ap.add_argument('--tokens', type=int, default=60)
    ap.add_argument('--temperature', type=float, default=0.8)
    ap.add_argument('--no-utf8-mask', action='store_true',
                    help='sample unconstrained (tokens that break a character are not masked)')
    ap.add_argument('--data', default=None, help='prepare_corpus.py output, for the reference on real validation text')
    ap.add_argument('--reference-windows', type=int, default=100, help='windows per language for the reference')
    ap.add_argument('--reference-seed', type=int, default=0)
    ap.add_argument('--json', default=None, help='also write the numbers here')
    args = ap.parse_args()
    if not args.checkpoint and not args.data:
        ap.error('give --checkpoint and/or --data')
    tok = Tokenizer.load(HERE / 'tokenizer.json')
    utf8 = None if args.no_utf8_mask else utf8_mask.table(tok)
    report = {'args': vars(args), 'checkpoints': {}}
    for path in args.checkpoint:
        model, _ = load_model(path)
        tally = Tally()
        broken = 0
        for seed in range(args.seeds):
            gen = torch.Generator().manual_seed(seed)
            for lang, prompts in (('en', PROMPTS), ('zh', PROMPTS_ZH)):
                for prompt in prompts:
                    ids = generate(model, tok.encode(prompt), args.tokens, args.temperature, 0, gen, utf8)
                    full = tok.decode(ids)
                    text = full.split(EOT)[0]
                    if EOT not in full:
                        text = text.rstrip('\ufffd')
                    new = text[len(prompt):]
                    broken += new.count('\ufffd')
                    tally.add(lang, new)
        mode = 'unconstrained' if utf8 is None else 'UTF-8 constrained'
        print(f'{path} ({mode}): {tally.line()}; broken characters {broken}', flush=True)
        report['checkpoints'][path] = {**tally.summary(), 'broken': broken, 'utf8_mask': utf8 is not None}
    if args.data:
        tally = reference(tok, args.data, args.reference_windows, args.tokens, args.reference_seed)
        print(f'reference, real validation text ({args.reference_windows} windows of {args.tokens} tokens '
              f'per language): {tally.line()}', flush=True)
        report['reference'] = tally.summary()
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(report, indent=1))


if __name__ == '__main__':
    main()
