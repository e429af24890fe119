"""What the corpus keeps, by kind of line: the raw corpus (markdown, notebook markdown and rst
lines outside code fences) against the prose-mode (data-old/) and notes-mode (data/) prepared text
(train + val). Kinds as eval_notes.py sorts lines: formula (holds `$` or a `\\command`), markup
(list/heading/quote/table line or holds `**`), rest; plus counts of `$` spans, headings, list
items, table rows and bold spans. Writes runs/line_kinds.json.

    /usr/bin/python3 line_kinds.py
"""
import json, pathlib, re, sys
sys.path.insert(0, '.')
import prepare_corpus as p
from eval_notes import line_kind
KINDS = ('formula', 'markup', 'rest')

MATH = re.compile(r'\$\$.*?\$\$|\\\[.*?\\\]|\$[^$\n]{1,300}\$', re.S)
LIST = re.compile(r'^\s*([-*+]|\d+[.)])\s')
HEAD = re.compile(r'^\s{0,3}#{1,6}\s')
TABLE = re.compile(r'^\s*\|')
def kinds_of(text):
    c = dict.fromkeys(KINDS, 0)
    c['math_span_bytes'] = sum(len(m.group(0).encode()) for m in MATH.finditer(text))
    c['math_spans'] = len(MATH.findall(text))
    c['bold_spans'] = len(re.findall(r'\*\*[^*\n]+\*\*', text))
    for line in text.split('\n'):
        if LIST.match(line): c['list_lines'] = c.get('list_lines', 0) + 1
        if HEAD.match(line): c['heading_lines'] = c.get('heading_lines', 0) + 1
        if TABLE.match(line): c['table_lines'] = c.get('table_lines', 0) + 1
    for line in text.split('\n'):
        if line.strip():
            c[line_kind(line)] += len(line.encode()) + 1
    return c

raw = dict.fromkeys(KINDS, 0)
for source, lang, rel, path in p.documents(p.corpus_root(None)):
    t = path.read_text(encoding='utf-8', errors='replace')
    if path.suffix == '.srt':
        continue
    if path.suffix == '.ipynb':
        try:
            nb = json.loads(t)
        except Exception:
            continue
        t = '\n'.join(''.join(c['source']) if isinstance(c.get('source'), list) else c.get('source', '')
                      for c in nb.get('cells', []) if c.get('cell_type') == 'markdown')
    out, fence = [], False
    for line in t.split('\n'):
        if p.FENCE.match(line) and not p.MATH_FENCE.match(line):
            fence = not fence
            continue
        if not fence:
            out.append(line)
    for k, v in kinds_of('\n'.join(out)).items():
        raw[k] = raw.get(k, 0) + v
res = {'raw corpus (outside code)': raw}
for name, d in (('old prose corpus', 'data-old'), ('new notes corpus', 'data')):
    c = {}
    for f in ('train.txt', 'val.en.txt', 'val.zh.txt'):
        for k, v in kinds_of((pathlib.Path(d) / f).read_text(encoding='utf-8').replace('<|endoftext|>', '\n')).items():
            c[k] = c.get(k, 0) + v
    res[name] = c
print(json.dumps(res, indent=1))
pathlib.Path('runs').mkdir(exist_ok=True)
pathlib.Path('runs/line_kinds.json').write_text(json.dumps(res, indent=1))
