"""Rebuild a PyTorch training checkpoint from the fp32 ONNX export (onnx/model.onnx).

For when the training checkpoints are gone but the shipped fp32 file remains: export_onnx.py
keeps every weight under its GPT-2 name, so the file holds the whole model.
- `wte.weight`, `wpe.weight`, LayerNorm gains/biases and Linear biases are stored as they are in
  model.py's state_dict;
- Linear weights are stored transposed, as `<name>_t` ([in, out] for MatMul), and are transposed
  back here;
- the tied unembedding is a `Transpose` node of `wte.weight` (no `lm_head.weight_t` initializer;
  if an older export holds one, it must equal `wte.weight`.T).
The int8 file (model_quantized.onnx) is refused: its weights are rounded.

The output has the keys train.py writes to last.pt (model, optimizer, config, step, tokens_seen,
minutes, args, data_rng, torch_rng, cuda_rng), so it can be read by `train.py --init-from` (weights
only, new schedule from step 0) or copied to `<out>/last.pt` for `--resume`. What the ONNX file
cannot hold is fresh: the AdamW moments are empty (state {}, param groups as train.py builds
them), the random states are seeded, and step, tokens_seen and minutes are 0; the original run's
step (from fixtures/reference.json when it matches) is kept under `source` for the record.

Check (--verify, on by default): the converted model is run on the prompts of
fixtures/reference.json (PyTorch outputs of the checkpoint the ONNX file was exported from) and,
when onnxruntime is importable, on the ONNX file itself; the largest |logit difference| must stay
under --tol (1e-4).

    /usr/bin/python3 onnx_to_checkpoint.py --onnx onnx/model.onnx --out /tmp/gpt-run2/init.pt
"""
import argparse
import hashlib
import json
import pathlib

import numpy as np
import onnx
import torch
from onnx import numpy_helper

from model import GPT, GPTConfig

HERE = pathlib.Path(__file__).parent


def onnx_weights(path):
    """{name: float32 array} of the file's initializers."""
    graph = onnx.load(str(path)).graph
    weights = {}
    for init in graph.initializer:
        value = numpy_helper.to_array(init)
        if value.dtype != np.float32:
            raise SystemExit(f'error: {path}: initializer {init.name} is {value.dtype}, not '
                             'float32; convert the fp32 export (onnx/model.onnx), not the int8 one')
        weights[init.name] = value
    return weights


def infer_config(weights):
    """GPTConfig from the initializer shapes (n_head is not in the weights: from the caller)."""
    vocab, n_embd = weights['wte.weight'].shape
    block = weights['wpe.weight'].shape[0]
    n_layer = 1 + max(int(n.split('.')[1]) for n in weights if n.startswith('h.'))
    return dict(vocab_size=int(vocab), block_size=int(block), n_layer=n_layer,
                n_embd=int(n_embd))


def state_dict_from_onnx(weights, model):
    """model.py state_dict built from the ONNX initializers; every parameter must be found once
    and every initializer used."""
    sd, used = {}, set()
    for name, p in model.state_dict().items():
        if name in weights:
            value = weights[name]
            used.add(name)
        elif name + '_t' in weights:
            value = weights[name + '_t'].T
            used.add(name + '_t')
        else:
            raise SystemExit(f'error: no initializer for {name} (nor {name}_t) in the ONNX file')
        if tuple(value.shape) != tuple(p.shape):
            raise SystemExit(f'error: {name}: ONNX shape {value.shape}, model shape {tuple(p.shape)}')
        sd[name] = torch.from_numpy(np.array(value, dtype=np.float32, copy=True))
    if 'lm_head.weight_t' in weights:  # an export without the tied Transpose node
        if not np.array_equal(weights['lm_head.weight_t'], weights['wte.weight'].T):
            raise SystemExit('error: lm_head.weight_t is not wte.weight.T; the model is not tied')
        used.add('lm_head.weight_t')
    unused = sorted(set(weights) - used)
    if unused:
        raise SystemExit(f'error: initializers not mapped onto model.py: {unused}')
    return sd


def fresh_optimizer_state(model, lr=1.5e-3, weight_decay=0.1):
    """An empty AdamW state with train.py's two parameter groups (decay: matrices except wpe;
    no decay: biases, LayerNorm, wpe) in train.py's order, so `optimizer.load_state_dict` accepts
    it. The moments of the original run are not in the ONNX file: they start from zero."""
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2 and n != 'wpe.weight']
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2 or n == 'wpe.weight']
    opt = torch.optim.AdamW([{'params': decay, 'weight_decay': weight_decay},
                             {'params': no_decay, 'weight_decay': 0.0}],
                            lr=lr, betas=(0.9, 0.95))
    return opt.state_dict()


@torch.no_grad()
def verify_fixture(model, fixture):
    """Largest |difference| per field against the PyTorch reference outputs."""
    worst = {'last_logits': 0.0, 'attentions': 0.0, 'inputs_embeds': 0.0,
             'hidden_states_last': 0.0, 'mlp_activations_last': 0.0}
    top5_same = 0
    for case in fixture['prompts']:
        ids = torch.tensor([case['input_ids']])
        logits, _, att, emb, hidden, acts = model(ids, None, internals=True)
        got = {'last_logits': logits[0, -1], 'attentions': att[:, 0], 'inputs_embeds': emb[0],
               'hidden_states_last': hidden[:, 0, -1], 'mlp_activations_last': acts[:, 0, -1]}
        for k, v in got.items():
            ref = torch.tensor(case[k], dtype=torch.float32)
            worst[k] = max(worst[k], (v - ref).abs().max().item())
        top5_same += torch.topk(logits[0, -1], 5).indices.tolist() == case['top5']
    return worst, top5_same


def verify_onnxruntime(model, onnx_path, fixture):
    """Largest |logit difference| (all positions) against the ONNX file run by onnxruntime, or
    None when onnxruntime is not installed."""
    try:
        import onnxruntime as ort
    except ImportError:
        return None
    sess = ort.InferenceSession(str(onnx_path), providers=['CPUExecutionProvider'])
    cfg = model.cfg
    hd = cfg.n_embd // cfg.n_head
    worst = 0.0
    for case in fixture['prompts']:
        ids = np.array([case['input_ids']], dtype=np.int64)
        feed = {'input_ids': ids}
        for i in range(cfg.n_layer):
            for kv in ('key', 'value'):
                feed[f'past_key_values.{i}.{kv}'] = np.zeros((1, cfg.n_head, 0, hd), np.float32)
        ref = sess.run(['logits'], feed)[0]
        with torch.no_grad():
            got = model(torch.from_numpy(ids))[0].numpy()
        worst = max(worst, float(np.abs(got - ref).max()))
    return worst


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--onnx', default=str(HERE / 'onnx' / 'model.onnx'), help='fp32 export')
    ap.add_argument('--out', required=True, help='checkpoint to write (e.g. init.pt)')
    ap.add_argument('--n-head', type=int, default=None,
                    help='heads (not visible in the weights; default: config.json next to the '
                         'ONNX folder, else 4)')
    ap.add_argument('--fixture', default=str(HERE / 'fixtures' / 'reference.json'))
    ap.add_argument('--tol', type=float, default=1e-4)
    ap.add_argument('--seed', type=int, default=1337, help="train.py's default seed")
    ap.add_argument('--no-verify', action='store_true')
    args = ap.parse_args()

    onnx_path = pathlib.Path(args.onnx)
    weights = onnx_weights(onnx_path)
    shape = infer_config(weights)
    n_head = args.n_head
    hf_config = onnx_path.resolve().parent.parent / 'config.json'
    if n_head is None and hf_config.exists():
        hf = json.loads(hf_config.read_text())
        if hf.get('n_embd') == shape['n_embd'] and hf.get('n_layer') == shape['n_layer']:
            n_head = hf['n_head']
    cfg = GPTConfig(**shape, n_head=n_head or 4, dropout=0.0)
    torch.manual_seed(args.seed)
    model = GPT(cfg)
    model.load_state_dict(state_dict_from_onnx(weights, model), strict=True)
    model.eval()

    fixture = None
    fixture_path = pathlib.Path(args.fixture)
    if fixture_path.exists():
        fixture = json.loads(fixture_path.read_text(encoding='utf-8'))
        fc = fixture['config']
        if (fc['n_layer'], fc['n_head'], fc['n_embd'], fc['vocab_size']) != \
                (cfg.n_layer, cfg.n_head, cfg.n_embd, cfg.vocab_size):
            print(f'note: {fixture_path} is for another shape ({fc}); not used')
            fixture = None

    check = {}
    if not args.no_verify:
        if fixture is None:
            raise SystemExit('error: nothing to verify against (no matching fixture); '
                             'pass --no-verify to skip')
        worst, top5 = verify_fixture(model, fixture)
        check['fixture'] = {k: float(f'{v:.3g}') for k, v in worst.items()}
        check['fixture_top5_same'] = f'{top5}/{len(fixture["prompts"])}'
        print(f'vs {fixture_path.name} (PyTorch, step {fixture["checkpoint_step"]}): worst |diff| '
              + ', '.join(f'{k} {v:.2e}' for k, v in worst.items())
              + f'; top-5 identical on {top5} of {len(fixture["prompts"])} prompts')
        ort_diff = verify_onnxruntime(model, onnx_path, fixture)
        if ort_diff is None:
            print('onnxruntime not installed: ONNX file itself not run (the fixture check stands)')
        else:
            check['onnxruntime_logits'] = float(f'{ort_diff:.3g}')
            print(f'vs onnxruntime on {onnx_path.name}: worst |logit diff| {ort_diff:.2e}')
        bad = worst['last_logits'] > args.tol or (ort_diff is not None and ort_diff > args.tol)
        if bad or top5 != len(fixture['prompts']):
            raise SystemExit(f'error: converted model differs from the reference (tol {args.tol})')

    rng = np.random.default_rng(args.seed)
    torch.manual_seed(args.seed)
    ckpt = {
        'model': model.state_dict(),
        'optimizer': fresh_optimizer_state(model),  # fresh: AdamW moments are not in the ONNX
        'config': cfg.__dict__,
        'step': 0, 'tokens_seen': 0, 'minutes': 0.0,
        'args': {'converted_from': str(onnx_path)},
        'data_rng': rng.bit_generator.state,
        'torch_rng': torch.get_rng_state(),
        'cuda_rng': None,
        'source': {'onnx': str(onnx_path),
                   'onnx_sha1': hashlib.sha1(onnx_path.read_bytes()).hexdigest(),
                   'original_step': fixture['checkpoint_step'] if fixture else None,
                   'check': check},
    }
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.save(ckpt, out)
    n = sum(p.numel() for p in model.parameters())
    print(f'wrote {out}: {n} parameters, config {cfg.__dict__}')


if __name__ == '__main__':
    main()
