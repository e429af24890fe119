"""Sample text from a checkpoint (plain temperature sampling, seeded) for the model card.

Decoding is constrained to valid UTF-8 (utf8_mask.py): at each step the tokens whose bytes cannot
continue the text written so far get probability 0 and the rest are renormalised (the mask comes
first, then temperature, top-k and softmax). `--no-utf8-mask` samples as before, unconstrained.

Prompts in English and in Chinese. For the Chinese prompts it also reports the share of Chinese
(Han) characters among the non-space characters the model wrote, and the number of broken
characters (U+FFFD from an invalid UTF-8 sequence; an incomplete character at the 60-token cut is dropped,
not counted) over all samples.
"""
import argparse
import json
import pathlib
import re

import torch

from bpe import EOT, Tokenizer
from export_onnx import load_model
import utf8_mask

HERE = pathlib.Path(__file__).parent
PROMPTS = ['The', 'A neural network', 'Cross-validation is used to', 'In machine learning,',
           'The gradient of the loss']
PROMPTS_ZH = ['神经网络', '在深度学习中，', '反向传播算法', '我们使用梯度下降', '注意力机制可以']
# Prompts shaped like learners' notes (--notes): a heading, bullets, formulas; the check says
# whether the continuation keeps the form (a list goes on as a list, a formula closes its `$`).
PROMPTS_NOTES = [
    ('heading', '## 反向传播算法\n\n'),
    ('heading', '# Softmax Regression\n\n'),
    ('bullet', '- **梯度下降**：沿负梯度方向更新参数\n- **学习率**：'),
    ('bullet', '- **Loss function**: measures how far the prediction is from the label\n- '),
    ('formula', '交叉熵损失定义为 $'),
    ('formula', 'The softmax is defined as $$\\hat{y}_i = '),
    ('numbered', '1. **前向传播**：输入 → 逐层计算激活值\n2. '),
]
HAN = re.compile(r'[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]')


@torch.no_grad()
def generate(model, ids, n_new, temperature, top_k, gen, utf8=None):
    """Samples n_new tokens after ids. `utf8`: a utf8_mask.table (constrained to valid UTF-8, from
    state 0: the prompt is whole characters), or None for unconstrained sampling."""
    past = None
    x = torch.tensor([ids])
    out = list(ids)
    allowed = None if utf8 is None else torch.from_numpy(utf8 != utf8_mask.INVALID)
    state = 0
    for _ in range(n_new):
        if len(out) >= model.cfg.block_size:
            break
        logits, presents, _, _ = model(x, past)
        past = presents
        logits = logits[0, -1]
        if allowed is not None:
            logits = logits.masked_fill(~allowed[state], float('-inf'))
        logits = logits / temperature
        if top_k:
            kth = torch.topk(logits, top_k).values[-1]
            logits = logits.masked_fill(logits < kth, float('-inf'))
        nxt = torch.multinomial(torch.softmax(logits, -1), 1, generator=gen).item()
        if utf8 is not None:
            state = int(utf8[state, nxt])
        out.append(nxt)
        x = torch.tensor([[nxt]])
    return out


def form_kept(kind, prompt, new):
    """Whether the continuation keeps the prompt's form."""
    if kind == 'formula':
        close = '$$' if '$$' in prompt else '$'
        return close in new
    if kind in ('bullet', 'numbered'):
        first = new.split('\n')[0]
        later = new.split('\n')[1:]
        mark = r'\s*([-*+]|\d+[.)])\s'
        return bool(first.strip()) and (not later or any(re.match(mark, l) for l in later[:1])
                                        or not later[0].strip())
    if kind == 'heading':
        body = new.strip().split('\n')[0] if new.strip() else ''
        return bool(body) and not body.startswith('#')  # text under the heading, not a new heading
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--checkpoint', default=str(HERE / 'checkpoints' / 'best.pt'))
    ap.add_argument('--temperature', type=float, default=0.8)
    ap.add_argument('--top-k', type=int, default=0)
    ap.add_argument('--tokens', type=int, default=60)
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--dir', default=str(HERE), help='model folder (its tokenizer.json is used)')
    ap.add_argument('--json', default=None, help='also write the samples and counts here')
    ap.add_argument('--notes', action='store_true',
                    help='also sample the note-shaped prompts (a heading, bullets, formulas) and '
                         'check that the continuation keeps the form')
    ap.add_argument('--no-utf8-mask', action='store_true',
                    help='sample unconstrained (tokens that break a character are not masked)')
    args = ap.parse_args()
    model, _ = load_model(args.checkpoint)
    tok = Tokenizer.load(pathlib.Path(args.dir) / 'tokenizer.json')
    utf8 = None if args.no_utf8_mask else utf8_mask.table(tok)
    gen = torch.Generator().manual_seed(args.seed)
    results, han, chars, broken = [], 0, 0, 0
    for lang, prompts in (('en', PROMPTS), ('zh', PROMPTS_ZH)):
        for prompt in prompts:
            ids = generate(model, tok.encode(prompt), args.tokens, args.temperature, args.top_k,
                           gen, utf8)
            text = tok.decode(ids).split(EOT)[0]
            if EOT not in tok.decode(ids):
                # A character whose bytes were cut off by the token limit is not a broken one.
                text = text.rstrip('\ufffd')
            new = text[len(prompt):]
            broken += new.count('\ufffd')
            if lang == 'zh':
                visible = [c for c in new if not c.isspace()]
                han += sum(bool(HAN.match(c)) for c in visible)
                chars += len(visible)
            results.append({'lang': lang, 'prompt': prompt, 'text': text})
            print(f'--- [{lang}] {prompt!r}\n{text}\n')
    kept = []
    for kind, prompt in (PROMPTS_NOTES if args.notes else []):
        ids = generate(model, tok.encode(prompt), args.tokens, args.temperature, args.top_k, gen, utf8)
        full = tok.decode(ids)
        text = full.split(EOT)[0]
        if EOT not in full:
            text = text.rstrip('\ufffd')
        new = text[len(prompt):]
        broken += new.count('\ufffd')
        ok = form_kept(kind, prompt, new)
        kept.append(ok)
        results.append({'lang': 'notes', 'kind': kind, 'prompt': prompt, 'text': text,
                        'form_kept': ok})
        print(f'--- [notes/{kind}, form kept: {ok}] {prompt!r}\n{text}\n')
    if kept:
        print(f'note-shaped prompts: form kept in {sum(kept)} of {len(kept)}')
    share = han / max(1, chars)
    print(f'Chinese prompts: {han} of {chars} non-space characters written are Han '
          f'({100 * share:.1f} %); broken characters in all samples: {broken}')
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(
            {'samples': results, 'han_share_zh': share, 'han': han, 'chars': chars,
             'broken': broken, 'args': vars(args)}, ensure_ascii=False, indent=1))


if __name__ == '__main__':
    main()
