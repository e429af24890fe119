"""Notes checks of a checkpoint (PyTorch, fp32): bits per byte on learners' notes, per file and
per kind of line, and head-role scores on natural text.

- Notes (default `../shared/seeds/000…002`, a development check: measured, never trained on):
  each file is scored whole as one stream, `<|endoftext|>` then the file's tokens, in consecutive
  256-token windows (like eval_bpb.py's captions). Each token's loss is given to the line that
  holds its first byte, and lines are sorted into kinds: formula lines (holding `$` or a LaTeX
  command `\\name`), list/heading/bold/table lines (starting with `#`, a list marker, `>` or `|`, or
  holding `**`), and the rest; bits per byte per kind = their tokens' loss / their bytes.
- --fine sorts lines more finely, the first kind that applies: front matter, fenced blocks
  (diagrams, code), tables, HTML tags, Liquid, URLs (and file paths), image references, formulas,
  headings, list items, quotes, bold, rules, prose; the report adds each kind's share of the bits.
- Head roles on natural text (--roles): for each text (first 256 tokens after `<|endoftext|>`), the
  mean attention of every head to the previous token, the first token, itself (q >= 1, as
  engine/head-roles.ts), and induction: at every position q whose token occurred earlier, the
  attention mass on the positions right after its earlier occurrences (the natural-text form of
  the probe's q -> q - R + 1).

    /usr/bin/python3 eval_notes.py --checkpoint runs/init.pt --checkpoint runs/main/best.pt --roles
    /usr/bin/python3 eval_notes.py --checkpoint runs/init.pt --fine
"""
import argparse
import json
import math
import pathlib
import re

import torch

from bpe import Tokenizer
from export_onnx import load_model
from train import token_bytes

HERE = pathlib.Path(__file__).parent
SEEDS = HERE.parent.parent.parent / 'shared' / 'seeds'
FORMULA = re.compile(r'\$|\\[A-Za-z]+')
MARKUP = re.compile(r'^\s*(#{1,6}\s|[-*+]\s|\d+[.)]\s|>|\|)|\*\*')
KINDS = ('formula', 'markup', 'rest')
# --fine: what notes sites write, one kind per line, the first that applies (fenced blocks and
# front matter by position, the rest by what the line holds).
FINE_KINDS = ('front matter', 'fenced', 'table', 'html', 'liquid', 'url', 'image', 'formula',
              'heading', 'list', 'quote', 'bold', 'rule', 'prose')
FINE_TESTS = (
    ('table', re.compile(r'^\s*\|')),
    ('html', re.compile(r'</?(?!https?:)[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>')),
    ('liquid', re.compile(r'\{%|\{\{')),
    ('url', re.compile(r'https?://|www\.|[A-Za-z]:/')),
    ('image', re.compile(r'!\[')),
    ('formula', FORMULA),
    ('heading', re.compile(r'^\s{0,3}#{1,6}\s')),
    ('list', re.compile(r'^\s*([-*+]|\d+[.)])\s')),
    ('quote', re.compile(r'^\s*>')),
    ('bold', re.compile(r'\*\*')),
    ('rule', re.compile(r'^\s*([-*_])\1{2,}\s*$')),
)


def fine_kinds(lines):
    """The fine kind of each line of one file."""
    out, fence, front = [], False, bool(lines) and lines[0].strip() == '---'
    for i, line in enumerate(lines):
        if front:
            out.append('front matter')
            front = not (i > 0 and line.strip() == '---')
            continue
        if re.match(r'^\s*(```|~~~)', line):
            out.append('fenced')
            fence = not fence
            continue
        if fence:
            out.append('fenced')
            continue
        out.append(next((k for k, rx in FINE_TESTS if rx.search(line)), 'prose'))
    return out


def line_kind(line):
    if FORMULA.search(line):
        return 'formula'
    if MARKUP.search(line):
        return 'markup'
    return 'rest'


@torch.no_grad()
def token_nll(model, ids, block):
    """Loss (nats) of every token after the first, consecutive windows of `block` tokens."""
    out = []
    for s in range(0, len(ids) - 1, block):
        chunk = ids[s:s + block + 1]
        logits = model(torch.tensor([chunk[:-1]]))[0][0]
        out += torch.nn.functional.cross_entropy(logits, torch.tensor(chunk[1:]),
                                                 reduction='none').tolist()
    return out


def notes_report(model, tok, nbytes, path, block, fine=False):
    text = path.read_text(encoding='utf-8')
    ids = [tok.eot_id] + tok.encode(text)
    nll = token_nll(model, ids, block)
    # byte offset of every token, and the kind of the line each byte belongs to
    raw = text.encode('utf-8')
    lines = raw.split(b'\n')
    kinds = fine_kinds([l.decode('utf-8', 'replace') for l in lines]) if fine else \
        [line_kind(l.decode('utf-8', 'replace')) for l in lines]
    kind_of_byte = []
    for line, k in zip(lines, kinds):
        kind_of_byte += [k] * (len(line) + 1)
    acc = {k: [0.0, 0] for k in (FINE_KINDS if fine else KINDS)}
    pos = 0
    for t, l in zip(ids[1:], nll):
        nb = int(nbytes[t])
        k = kind_of_byte[min(pos, len(kind_of_byte) - 1)]
        acc[k][0] += l
        acc[k][1] += nb
        pos += nb
    total = sum(nll) / math.log(2) / len(raw)
    kinds = {k: {'bytes': b, 'bpb': round(v / math.log(2) / max(1, b), 4)} for k, (v, b) in acc.items()}
    return {'bytes': len(raw), 'tokens': len(ids) - 1, 'bpb': round(total, 4), 'kinds': kinds,
            '_acc': acc}


@torch.no_grad()
def text_roles(model, ids):
    att = model(torch.tensor([ids]))[2][:, 0]  # [layer, head, T, T]
    T = att.shape[-1]
    q = torch.arange(1, T)
    s = {'previous': att[:, :, q, q - 1].mean(-1), 'first': att[:, :, q, 0].mean(-1),
         'self': att[:, :, q, q].mean(-1)}
    ind, n = torch.zeros(att.shape[:2]), 0
    for p in range(2, T):
        ks = [k + 1 for k in range(p - 1) if ids[k] == ids[p] and k + 1 < p]
        if ks:
            ind += att[:, :, p, ks].sum(-1)
            n += 1
    s['induction'] = ind / max(1, n)
    return {k: v.tolist() for k, v in s.items()}, n


def strongest(grid):
    best = max(((v, l, h) for l, row in enumerate(grid) for h, v in enumerate(row)))
    return f'{best[0]:.3f} L{best[1]}H{best[2]}'


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--checkpoint', action='append', required=True)
    ap.add_argument('--dir', default=str(HERE), help='model folder (its tokenizer.json is used)')
    ap.add_argument('--notes', nargs='*', default=None,
                    help='notes files (default ../shared/seeds/000*, 001*, 002*)')
    ap.add_argument('--roles', action='store_true', help='also head roles on natural text')
    ap.add_argument('--role-texts', nargs='*', default=None,
                    help='NAME=FILE[:OFFSET] texts for the head roles (default: notes 000 and 002, '
                         'old validation en/zh)')
    ap.add_argument('--fine', action='store_true',
                    help='finer kinds of line (tables, fenced blocks, HTML, Liquid, URLs, front '
                         'matter, ...): where the bits go on notes as sites write them')
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--json', default=None)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    tok = Tokenizer.load(pathlib.Path(args.dir) / 'tokenizer.json')
    nbytes = token_bytes(tok)
    notes = [pathlib.Path(p) for p in args.notes] if args.notes is not None else \
        [sorted(SEEDS.glob(f'{i:03d}_*.txt'))[0] for i in range(3)]
    # The default role texts read the prepared data folders: only built when --roles asks.
    role_texts = (args.role_texts or default_role_texts(notes)) if args.roles else []
    report = {}
    for ck in args.checkpoint:
        model, meta = load_model(ck)
        block = model.cfg.block_size
        r = {'step': meta.get('step'), 'notes': {}, 'roles': {}}
        kinds = FINE_KINDS if args.fine else KINDS
        total = {k: [0.0, 0] for k in kinds}
        for p in notes:
            rep = notes_report(model, tok, nbytes, p, block, args.fine)
            for k in kinds:
                total[k][0] += rep['_acc'][k][0]
                total[k][1] += rep['_acc'][k][1]
            del rep['_acc']
            r['notes'][p.name] = rep
            print(ck, p.name, json.dumps(rep), flush=True)
        all_bits = sum(v for v, _ in total.values()) / math.log(2)
        r['notes_kinds_all'] = {k: {'bytes': b, 'bpb': round(v / math.log(2) / max(1, b), 4),
                                    'share_of_bits': round(v / math.log(2) / max(1e-9, all_bits), 3)}
                                for k, (v, b) in total.items() if b}
        print(ck, 'kinds, all notes', json.dumps(r['notes_kinds_all']), flush=True)
        if args.roles:
            for spec in role_texts:
                name, rest = spec.split('=', 1)
                f, _, off = rest.rpartition(':')
                text = pathlib.Path(f).read_text(encoding='utf-8')[int(off):]
                ids = ([tok.eot_id] + tok.encode(text))[:block]
                grid, n_ind = text_roles(model, ids)
                r['roles'][name] = {'grid': grid, 'induction_positions': n_ind,
                                    'strongest': {k: strongest(v) for k, v in grid.items()}}
                print(ck, 'roles', name, r['roles'][name]['strongest'], f'(induction over {n_ind} positions)',
                      flush=True)
        report[ck] = r
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(report, indent=1, ensure_ascii=False))


def default_role_texts(notes):
    return [f'notes-zh={notes[0]}:0', f'notes-mixed={notes[1]}:3000',
            f'prose-en={HERE / "data-old" / "val.en.txt"}:0',
            f'prose-zh={HERE / "data-old" / "val.zh.txt"}:0',
            f'notes-en={HERE / "data" / "val.en.txt"}:{find_formula(HERE / "data" / "val.en.txt")}']


def find_formula(path):
    """Offset of a paragraph with inline math in the new validation text (a note-like passage)."""
    text = pathlib.Path(path).read_text(encoding='utf-8')
    m = re.search(r'\n\n[^\n]*\$[^$\n]+\$[^\n]*\$[^$\n]+\$', text)
    return m.start() + 2 if m else 0


if __name__ == '__main__':
    main()
