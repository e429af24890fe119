"""Export a trained checkpoint to ONNX (fp32) and write the Hugging Face style config files.

Graph inputs:  input_ids int64 [batch, seq],
               past_key_values.{i}.key / .value float32 [batch, n_head, past_seq, head_dim]
               (pass shape [batch, n_head, 0, head_dim] for an empty cache).
Graph outputs: logits [batch, seq, vocab], present.{i}.key / .value [batch, n_head, total_seq,
               head_dim], attentions [n_layer, batch, n_head, seq, total_seq] (softmax
               probabilities, exactly 0 above the causal diagonal), inputs_embeds [batch, seq,
               n_embd] (token + position embedding), hidden_states [n_layer+1, batch, seq, n_embd]
               (residual stream after the embeddings and after every block; the last row is
               before ln_f), mlp_activations [n_layer, batch, seq, 4*n_embd] (every block's MLP
               activation after GELU).
Positions are past_seq .. past_seq+seq-1, so the caller never builds position ids.
"""
import argparse
import json
import pathlib

import numpy as np
import onnx
import torch
from onnx import numpy_helper

from bpe import EOT, Tokenizer
from model import GPT, GPTConfig

HERE = pathlib.Path(__file__).parent


class ExportWrapper(torch.nn.Module):
    """Flattens the KV cache into separate tensors, as ONNX needs named inputs/outputs."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, *flat_past):
        past = [(flat_past[2 * i], flat_past[2 * i + 1]) for i in range(len(flat_past) // 2)]
        logits, presents, attentions, inputs_embeds, hidden, acts = \
            self.model(input_ids, past, internals=True)
        flat = [t for kv in presents for t in kv]
        return (logits, *flat, attentions, inputs_embeds, hidden, acts)


def load_model(path):
    ckpt = torch.load(path, map_location='cpu')
    cfg = dict(ckpt['config'], dropout=0.0)
    model = GPT(GPTConfig(**cfg))
    model.load_state_dict(ckpt['model'])
    return model.eval(), ckpt


def io_names(n_layer):
    past = [f'past_key_values.{i}.{kv}' for i in range(n_layer) for kv in ('key', 'value')]
    present = [f'present.{i}.{kv}' for i in range(n_layer) for kv in ('key', 'value')]
    return ['input_ids', *past], ['logits', *present, 'attentions', 'inputs_embeds',
                                  'hidden_states', 'mlp_activations']


def export(model, path, opset):
    cfg = model.cfg
    hd = cfg.n_embd // cfg.n_head
    inputs, outputs = io_names(cfg.n_layer)
    # Trace with a non-empty past so every shape that depends on it stays symbolic.
    ids = torch.tensor([[5, 6, 7]], dtype=torch.long)
    past = [torch.zeros(1, cfg.n_head, 2, hd) for _ in range(2 * cfg.n_layer)]
    axes = {'input_ids': {0: 'batch', 1: 'seq'}, 'logits': {0: 'batch', 1: 'seq'},
            'attentions': {1: 'batch', 3: 'seq', 4: 'total_seq'},
            'inputs_embeds': {0: 'batch', 1: 'seq'},
            'hidden_states': {1: 'batch', 2: 'seq'}, 'mlp_activations': {1: 'batch', 2: 'seq'}}
    for name in inputs[1:]:
        axes[name] = {0: 'batch', 2: 'past_seq'}
    for name in outputs[1:-4]:
        axes[name] = {0: 'batch', 2: 'total_seq'}
    torch.onnx.export(ExportWrapper(model), (ids, *past), str(path), input_names=inputs,
                      output_names=outputs, dynamic_axes=axes, opset_version=opset,
                      do_constant_folding=True)


def rename_initializers(model, path):
    """Give weights their GPT-2 names (the exporter calls transposed Linear weights
    `onnx::MatMul_123`), so a UI can find e.g. `h.0.attn.c_attn.weight_t` or `wte.weight`."""
    graph = onnx.load(str(path))
    params = {n: p.detach().numpy() for n, p in model.state_dict().items()}
    renames = {}
    for init in graph.graph.initializer:
        value = numpy_helper.to_array(init)
        if init.name.startswith('model.'):
            renames[init.name] = init.name[len('model.'):]
            continue
        for name, p in params.items():
            if p.ndim == 2 and p.T.shape == value.shape and np.array_equal(p.T, value):
                renames[init.name] = 'lm_head.weight_t' if name == 'wte.weight' \
                    else name + '_t'
                break
    for init in graph.graph.initializer:
        init.name = renames.get(init.name, init.name)
    for node in graph.graph.node:
        node.input[:] = [renames.get(i, i) for i in node.input]
    # The exporter stores the tied unembedding as a second, transposed copy of wte. Computing it
    # with a Transpose instead keeps the weights tied in the file and saves a vocab x n_embd copy.
    kept = [i for i in graph.graph.initializer if i.name != 'lm_head.weight_t']
    if len(kept) < len(graph.graph.initializer):
        graph.graph.ClearField('initializer')
        graph.graph.initializer.extend(kept)
        nodes = list(graph.graph.node)
        graph.graph.ClearField('node')
        graph.graph.node.extend([onnx.helper.make_node('Transpose', ['wte.weight'],
                                                       ['lm_head.weight_t'], perm=[1, 0],
                                                       name='tied_unembedding')] + nodes)
    onnx.checker.check_model(graph)
    onnx.save(graph, str(path))


def tokenizer_path(arg, folder):
    """An explicit path, else the model folder's tokenizer.json, else the repository's."""
    if arg:
        return pathlib.Path(arg)
    own = pathlib.Path(folder) / 'tokenizer.json'
    return own if own.exists() else HERE / 'tokenizer.json'


def write_hf_configs(cfg, out, tok):
    eot = tok.eot_id
    config = {
        'model_type': 'gpt2', 'architectures': ['GPT2LMHeadModel'],
        'vocab_size': cfg.vocab_size, 'n_positions': cfg.block_size, 'n_ctx': cfg.block_size,
        'n_embd': cfg.n_embd, 'n_layer': cfg.n_layer, 'n_head': cfg.n_head, 'n_inner': None,
        'activation_function': 'gelu',  # exact erf GELU, not GPT-2's tanh approximation
        'layer_norm_epsilon': 1e-5, 'tie_word_embeddings': True, 'scale_attn_weights': True,
        'resid_pdrop': 0.0, 'embd_pdrop': 0.0, 'attn_pdrop': 0.0,
        'bos_token_id': eot, 'eos_token_id': eot, 'use_cache': True,
        'transformers.js_config': {'use_external_data_format': False},
    }
    (out / 'config.json').write_text(json.dumps(config, indent=1) + '\n')
    gen = {'bos_token_id': eot, 'eos_token_id': eot, 'do_sample': True, 'temperature': 0.8,
           'top_k': 50, 'max_length': cfg.block_size}
    (out / 'generation_config.json').write_text(json.dumps(gen, indent=1) + '\n')
    assert tok.inverse[eot] == EOT


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--checkpoint', default=str(HERE / 'checkpoints' / 'best.pt'))
    ap.add_argument('--out', default=str(HERE))
    ap.add_argument('--opset', type=int, default=17)
    ap.add_argument('--tokenizer', default=None,
                    help='tokenizer.json (default: the one in --out, else the one next to this file)')
    args = ap.parse_args()
    model, ckpt = load_model(args.checkpoint)
    out = pathlib.Path(args.out)
    (out / 'onnx').mkdir(parents=True, exist_ok=True)
    export(model, out / 'onnx' / 'model.onnx', args.opset)
    rename_initializers(model, out / 'onnx' / 'model.onnx')
    write_hf_configs(model.cfg, out, Tokenizer.load(tokenizer_path(args.tokenizer, out)))
    val = ckpt.get('val') or {'val_loss': ckpt.get('val_loss')}
    print(f"exported step {ckpt['step']} (validation {val}) to {out / 'onnx'}")


if __name__ == '__main__':
    main()
