"""How often a sample stays in its prompt's language, over many seeds (sample.py shows one).

For each checkpoint, prompt (sample.py's five English and five Chinese) and seed: 60 new tokens
at temperature 0.8, plain sampling. Of the letters written (Latin letters and Han characters),
the share in the prompt's script; a sample "stays" when that share is at least 80 %. Broken
characters (U+FFFD from an invalid UTF-8 sequence; an incomplete character at the cut is not one)
are counted over all samples.

    python3 language_share.py --checkpoint A.pt --checkpoint B.pt --seeds 20
"""
import argparse
import re

import torch

from bpe import EOT, Tokenizer
from export_onnx import load_model
from sample import HAN, PROMPTS, PROMPTS_ZH, generate, HERE

LATIN = re.compile(r'[A-Za-z]')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--checkpoint', action='append', required=True)
    ap.add_argument('--seeds', type=int, default=20)
    ap.add_argument('--tokens', type=int, default=60)
    ap.add_argument('--temperature', type=float, default=0.8)
    args = ap.parse_args()
    tok = Tokenizer.load(HERE / 'tokenizer.json')
    for path in args.checkpoint:
        model, _ = load_model(path)
        stays = {'en': 0, 'zh': 0}
        shares = {'en': [], 'zh': []}
        broken = 0
        for seed in range(args.seeds):
            gen = torch.Generator().manual_seed(seed)
            for lang, prompts in (('en', PROMPTS), ('zh', PROMPTS_ZH)):
                for prompt in prompts:
                    ids = generate(model, tok.encode(prompt), args.tokens, args.temperature, 0, gen)
                    full = tok.decode(ids)
                    text = full.split(EOT)[0]
                    if EOT not in full:
                        text = text.rstrip('\ufffd')
                    new = text[len(prompt):]
                    broken += new.count('\ufffd')
                    han = len(HAN.findall(new))
                    latin = len(LATIN.findall(new))
                    own = latin if lang == 'en' else han
                    share = own / max(1, han + latin)
                    shares[lang].append(share)
                    stays[lang] += share >= 0.8
        n = args.seeds * 5
        print(f'{path}: English prompts stay English in {stays["en"]}/{n} samples '
              f'(mean Latin share {100 * sum(shares["en"]) / n:.1f} %); Chinese prompts stay Chinese in '
              f'{stays["zh"]}/{n} (mean Han share {100 * sum(shares["zh"]) / n:.1f} %); broken characters {broken}',
              flush=True)


if __name__ == '__main__':
    main()
