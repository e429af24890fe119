"""Write fixtures/reference.json: what the PyTorch model computes for a few fixed prompts.

The TypeScript tests run the exported ONNX files on the same token ids and compare. Stored per
prompt: text, token ids and token strings (the expected tokenization), last-position logits over
the full vocabulary, attention probabilities of every layer and head, and the token+position
input embeddings. Numbers are rounded to 7 decimals, far below the 1e-4 test tolerance.

Added for the bilingual model (rounded to 6 decimals):
- per prompt: `hidden_states_last` [n_layer+1][n_embd] and `mlp_activations_last`
  [n_layer][4*n_embd] (last position), `residual_norms` [n_layer+1][seq] (L2 norm of every
  hidden_states row); for prompts of at most FULL_MAX_TOKENS tokens also the full
  `hidden_states` [n_layer+1][seq][n_embd] and `mlp_activations` [n_layer][seq][4*n_embd]
  (batch 1 of the ONNX outputs of the same names);
- for the LENS_PROMPTS (one English, one Chinese): `logit_lens` = {ids, probs, tokens}, each
  [n_layer+1][seq][5]: top-5 of softmax(ln_f(hidden_states[l][t]) @ wte.T) (the last layer is the
  model's own next-token distribution), and `top_neurons` = {index, value}, each [n_layer][10]:
  the 10 largest MLP activations (after GELU, by value) of every layer at the last position.

Added for the lab's inside-the-layers views (head-roles.ts and inside.ts compute the same):
- for the LENS_PROMPTS: `attn_norms`, `mlp_norms` [n_layer][seq] (L2 norm of what each block's
  attention and MLP added to the residual stream), `neuron_effects`: for the top neuron of every
  layer at the last position, the top-5 token ids/values of (W_out[i] * ln_f.weight) @ wte.T
  raised (`up`) and lowered (`down`), and `text_head_scores` {previous, first, self}
  [n_layer][n_head] on the prompt;
- `head_roles`: the probe (a separator token then PROBE_REPEAT random ids from 256..eos-1 drawn
  with mulberry32, repeated twice, for each of PROBE_SEEDS), its ids, and the mean scores
  {previous, first, self, induction} [n_layer][n_head].
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
    'chinese_backprop': '反向传播算法利用链式法则计算损失函数对参数的梯度，',
    'mixed': '我们用 PyTorch 训练一个 Transformer 模型，loss 逐渐',
}
LENS_PROMPTS = ['english', 'chinese_backprop']
FULL_MAX_TOKENS = 10
PROBE_SEEDS = [1, 2, 3, 4]  # head-roles.ts
PROBE_REPEAT = 50
# Extra strings whose tokenization the JS tokenizer must reproduce (no model outputs needed).
TOKENIZATION_ONLY = ['  two spaces, a\ttab and\nnew lines\n\n', 'naïve café déjà vu',
                     "it's don't we'll", 'end<|endoftext|>start', '👍🏽 👨‍👩‍👧 ﷺ', '',
                     '我们用PyTorch训练模型，loss下降了。', '表情😀和emoji混合：👍🏽！', '２０２４年，ＧＰＴ－２和BERT。',
                     '東京 ｶﾀｶﾅ 한국어 العربية', '深度学习（deep learning）是机器学习的一个分支。\n\n第二段']


def mulberry32(seed):
    """lib/rng.ts's generator, bit for bit."""
    state = seed & 0xFFFFFFFF

    def imul(a, b):
        return (a * b) & 0xFFFFFFFF

    def nxt():
        nonlocal state
        state = (state + 0x6D2B79F5) & 0xFFFFFFFF
        t = state
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    return nxt


def probe_ids(seed, repeat, eos):
    rng = mulberry32(seed)
    r = [256 + int(rng() * (eos - 256)) for _ in range(repeat)]
    return [eos] + r + r


def head_scores(att, repeat=None):
    """att [n_layer, n_head, T, T] -> mean scores per head, as head-roles.ts computes them."""
    T = att.shape[-1]
    q = torch.arange(1, T)
    scores = {'previous': att[:, :, q, q - 1].mean(-1), 'first': att[:, :, q, 0].mean(-1),
              'self': att[:, :, q, q].mean(-1)}
    if repeat:
        q2 = torch.arange(repeat + 1, 2 * repeat + 1)
        scores['induction'] = att[:, :, q2, q2 - repeat + 1].mean(-1)
    return scores


def rounded(t, digits=7):
    return torch.round(t * 10 ** digits).div(10 ** digits).tolist()


@torch.no_grad()
def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--checkpoint', default=str(HERE / 'checkpoints' / 'best.pt'))
    ap.add_argument('--dir', default=str(HERE), help='model folder (its tokenizer.json is used)')
    ap.add_argument('--out', default=None, help='default: <dir>/fixtures/reference.json')
    args = ap.parse_args()
    model, ckpt = load_model(args.checkpoint)
    tok = Tokenizer.load(pathlib.Path(args.dir) / 'tokenizer.json')
    cases = []
    for name, text in PROMPTS.items():
        ids = tok.encode(text)
        assert tok.decode(ids) == text
        logits, _, attentions, embeds, hidden, acts = model(torch.tensor([ids]), None,
                                                            internals=True)
        hidden, acts = hidden[:, 0], acts[:, 0]  # [n_layer+1, seq, n_embd], [n_layer, seq, 4C]
        last = logits[0, -1]
        extra = {'hidden_states_last': rounded(hidden[:, -1], 6),
                 'mlp_activations_last': rounded(acts[:, -1], 6),
                 'residual_norms': rounded(hidden.norm(dim=-1), 6)}
        if len(ids) <= FULL_MAX_TOKENS:
            extra['hidden_states'] = rounded(hidden, 6)
            extra['mlp_activations'] = rounded(acts, 6)
        if name in LENS_PROMPTS:
            probs = torch.softmax(model.ln_f(hidden) @ model.wte.weight.t(), dim=-1)
            top = torch.topk(probs, 5, dim=-1)  # [n_layer+1, seq, 5]
            extra['logit_lens'] = {'ids': top.indices.tolist(), 'probs': rounded(top.values, 6),
                                   'tokens': [[[tok.decode([i]) for i in row] for row in layer]
                                              for layer in top.indices.tolist()]}
            neurons = torch.topk(acts[:, -1], 10, dim=-1)  # [n_layer, 10]
            extra['top_neurons'] = {'index': neurons.indices.tolist(),
                                    'value': rounded(neurons.values, 6)}
            mlp_out = torch.stack([model.h[l].mlp.c_proj(acts[l]) for l in range(len(model.h))])
            attn_out = hidden[1:] - hidden[:-1] - mlp_out
            extra['attn_norms'] = rounded(attn_out.norm(dim=-1), 6)
            extra['mlp_norms'] = rounded(mlp_out.norm(dim=-1), 6)
            effects = []
            for l, i in enumerate(neurons.indices[:, 0].tolist()):
                direct = (model.h[l].mlp.c_proj.weight[:, i] * model.ln_f.weight) @ model.wte.weight.t()
                up, down = torch.topk(direct, 5), torch.topk(-direct, 5)
                effects.append({'layer': l, 'index': i,
                                'up': {'ids': up.indices.tolist(), 'values': rounded(up.values, 6)},
                                'down': {'ids': down.indices.tolist(), 'values': rounded(-down.values, 6)}})
            extra['neuron_effects'] = effects
            extra['text_head_scores'] = {k: rounded(v, 6) for k, v in head_scores(attentions[:, 0]).items()}
        cases.append({
            'name': name, 'text': text, 'input_ids': ids,
            'tokens': [tok.inverse[i] for i in ids],
            'last_logits': rounded(last),
            'top5': torch.topk(last, 5).indices.tolist(),
            'attentions': rounded(attentions[:, 0]),  # [n_layer, n_head, seq, seq]
            'inputs_embeds': rounded(embeds[0]),      # [seq, n_embd]
            **extra,
        })
    cfg = model.cfg
    runs = []
    for seed in PROBE_SEEDS:
        ids = probe_ids(seed, PROBE_REPEAT, tok.eot_id)
        runs.append({'seed': seed, 'ids': ids,
                     'scores': head_scores(model(torch.tensor([ids]))[2][:, 0], PROBE_REPEAT)})
    head_roles = {'repeat': PROBE_REPEAT, 'probes': [{'seed': r['seed'], 'ids': r['ids']} for r in runs],
                  'scores': {k: rounded(torch.stack([r['scores'][k] for r in runs]).mean(0), 6)
                             for k in runs[0]['scores']}}
    fixture = {
        'config': {'n_layer': cfg.n_layer, 'n_head': cfg.n_head, 'n_embd': cfg.n_embd,
                   'vocab_size': cfg.vocab_size, 'n_positions': cfg.block_size,
                   'eos_token_id': tok.eot_id, 'n_inner': 4 * cfg.n_embd},
        # A checkpoint rebuilt from the ONNX file (onnx_to_checkpoint.py) keeps the original step.
        'checkpoint_step': ckpt.get('source', {}).get('original_step', ckpt['step']),
        'prompts': cases,
        'head_roles': head_roles,
        'tokenization': [{'text': t, 'input_ids': tok.encode(t)} for t in TOKENIZATION_ONLY],
    }
    out = pathlib.Path(args.out or pathlib.Path(args.dir) / 'fixtures' / 'reference.json')
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(fixture, ensure_ascii=False, separators=(',', ':')) + '\n',
                   encoding='utf-8')
    print(f'wrote {out} ({out.stat().st_size / 1e3:.0f} kB)')


if __name__ == '__main__':
    main()
