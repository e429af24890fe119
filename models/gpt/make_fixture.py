"""Write fixtures/reference.json: what the PyTorch model computes for a few fixed prompts.

The TypeScript tests run the exported ONNX files on the same token ids and compare. Stored per
prompt: text, token ids and token strings (the expected tokenization), last-position logits over
the full vocabulary, attention probabilities of every layer and head, and the token+position
input embeddings. Numbers are rounded to 7 decimals, far below the 1e-4 test tolerance.
"""
import argparse
import json
import pathlib

import torch

from bpe import Tokenizer
from export_onnx import load_model

HERE = pathlib.Path(__file__).parent
PROMPTS = {
    'english': 'Gradient descent minimizes the loss function by',
    'short': 'The model',
    'chinese': '机器学习很有趣。',
    'emoji': 'Neural networks 🤖 learn from data 🎉!',
}
# Extra strings whose tokenization the JS tokenizer must reproduce (no model outputs needed).
TOKENIZATION_ONLY = ['  two spaces, a\ttab and\nnew lines\n\n', 'naïve café déjà vu',
                     "it's don't we'll", 'end<|endoftext|>start', '👍🏽 👨‍👩‍👧 ﷺ', '']


def rounded(t, digits=7):
    return torch.round(t * 10 ** digits).div(10 ** digits).tolist()


@torch.no_grad()
def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--checkpoint', default=str(HERE / 'checkpoints' / 'best.pt'))
    ap.add_argument('--out', default=str(HERE / 'fixtures' / 'reference.json'))
    args = ap.parse_args()
    model, ckpt = load_model(args.checkpoint)
    tok = Tokenizer.load(HERE / 'tokenizer.json')
    cases = []
    for name, text in PROMPTS.items():
        ids = tok.encode(text)
        assert tok.decode(ids) == text
        logits, _, attentions, embeds = model(torch.tensor([ids]), None)
        last = logits[0, -1]
        cases.append({
            'name': name, 'text': text, 'input_ids': ids,
            'tokens': [tok.inverse[i] for i in ids],
            'last_logits': rounded(last),
            'top5': torch.topk(last, 5).indices.tolist(),
            'attentions': rounded(attentions[:, 0]),  # [n_layer, n_head, seq, seq]
            'inputs_embeds': rounded(embeds[0]),      # [seq, n_embd]
        })
    cfg = model.cfg
    fixture = {
        'config': {'n_layer': cfg.n_layer, 'n_head': cfg.n_head, 'n_embd': cfg.n_embd,
                   'vocab_size': cfg.vocab_size, 'n_positions': cfg.block_size,
                   'eos_token_id': tok.eot_id},
        'checkpoint_step': ckpt['step'],
        'prompts': cases,
        'tokenization': [{'text': t, 'input_ids': tok.encode(t)} for t in TOKENIZATION_ONLY],
    }
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(fixture, ensure_ascii=False, separators=(',', ':')) + '\n',
                   encoding='utf-8')
    print(f'wrote {out} ({out.stat().st_size / 1e3:.0f} kB)')


if __name__ == '__main__':
    main()
