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
# Extra strings whose tokenization the JS tokenizer must reproduce (no model outputs needed).
TOKENIZATION_ONLY = ['  two spaces, a\ttab and\nnew lines\n\n', 'naïve café déjà vu',
                     "it's don't we'll", 'end<|endoftext|>start', '👍🏽 👨‍👩‍👧 ﷺ', '',
                     '我们用PyTorch训练模型，loss下降了。', '表情😀和emoji混合：👍🏽！', '２０２４年，ＧＰＴ－２和BERT。',
                     '東京 ｶﾀｶﾅ 한국어 العربية', '深度学习（deep learning）是机器学习的一个分支。\n\n第二段']


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
    fixture = {
        'config': {'n_layer': cfg.n_layer, 'n_head': cfg.n_head, 'n_embd': cfg.n_embd,
                   'vocab_size': cfg.vocab_size, 'n_positions': cfg.block_size,
                   'eos_token_id': tok.eot_id, 'n_inner': 4 * cfg.n_embd},
        'checkpoint_step': ckpt['step'],
        'prompts': cases,
        'tokenization': [{'text': t, 'input_ids': tok.encode(t)} for t in TOKENIZATION_ONLY],
    }
    out = pathlib.Path(args.out or pathlib.Path(args.dir) / 'fixtures' / 'reference.json')
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(fixture, ensure_ascii=False, separators=(',', ':')) + '\n',
                   encoding='utf-8')
    print(f'wrote {out} ({out.stat().st_size / 1e3:.0f} kB)')


if __name__ == '__main__':
    main()
