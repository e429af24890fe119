"""Sample text from a checkpoint (plain temperature sampling, seeded) for the model card."""
import argparse
import pathlib

import torch

from bpe import EOT, Tokenizer
from export_onnx import load_model

HERE = pathlib.Path(__file__).parent
PROMPTS = ['The', 'A decision tree', 'Cross-validation is used to', 'In machine learning,',
           'The gradient of the loss']


@torch.no_grad()
def generate(model, ids, n_new, temperature, top_k, gen):
    past = None
    x = torch.tensor([ids])
    out = list(ids)
    for _ in range(n_new):
        if len(out) >= model.cfg.block_size:
            break
        logits, presents, _, _ = model(x, past)
        past = presents
        logits = logits[0, -1] / temperature
        if top_k:
            kth = torch.topk(logits, top_k).values[-1]
            logits = logits.masked_fill(logits < kth, float('-inf'))
        nxt = torch.multinomial(torch.softmax(logits, -1), 1, generator=gen).item()
        out.append(nxt)
        x = torch.tensor([[nxt]])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--checkpoint', default=str(HERE / 'checkpoints' / 'best.pt'))
    ap.add_argument('--temperature', type=float, default=0.8)
    ap.add_argument('--top-k', type=int, default=0)
    ap.add_argument('--tokens', type=int, default=60)
    ap.add_argument('--seed', type=int, default=0)
    args = ap.parse_args()
    model, _ = load_model(args.checkpoint)
    tok = Tokenizer.load(HERE / 'tokenizer.json')
    gen = torch.Generator().manual_seed(args.seed)
    for prompt in PROMPTS:
        ids = generate(model, tok.encode(prompt), args.tokens, args.temperature, args.top_k, gen)
        text = tok.decode(ids).split(EOT)[0]
        print(f'--- {prompt!r}\n{text}\n')


if __name__ == '__main__':
    main()
