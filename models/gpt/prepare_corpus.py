"""Build the bilingual (English + Simplified Chinese) training corpus from shared/corpus/.

Input: the raw teaching text described in shared/corpus/SOURCES.md, laid out as
`<source>/<lang>/<original repo path>` (lang is `en` or `zh`). Default location: `../shared/corpus`
relative to the repository root (override with --corpus or $GPT_CORPUS).

Only prose survives: fenced and indented code, notebook code cells and outputs, tables, front
matter, HTML/JSX tags and comments, image references, link-only lines, display math, d2lbook and
reStructuredText markup, licence header cells and SRT timestamps are dropped; links keep their text;
whitespace is normalised (Chinese lines broken inside a paragraph are joined without a space).

Deduplication: a paragraph (>= 30 characters) whose normalised hash was already seen anywhere is
dropped, and a document that loses more than half of its text that way is dropped whole (e.g.
d2l-zh's English `*_origin.md` pages, which d2l-en already holds). Sources are read in a fixed
priority order, so the kept copy is always the same. Translations of a page are different text
and are kept.

Validation: whole documents, 1 in 20 per language, chosen by a stable hash of the source and the
page path with its language marker removed, so a page and its translation land in the same split.

Writes to --out: train.txt, val.en.txt, val.zh.txt, train.en.txt, train.zh.txt (documents
separated by <|endoftext|>) and stats.json (documents and bytes per source, language, split).
Deterministic: the same corpus gives the same bytes.
"""
import argparse
import collections
import hashlib
import json
import os
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_CORPUS = REPO.parent / 'shared' / 'corpus'
EOT = '<|endoftext|>'
VAL_EVERY = 20
MIN_DEDUP_CHARS = 30
# Read order: current editions before older copies (d2l-en before d2l-zh's English originals).
PRIORITY = ['d2l-en', 'tuning-playbook', 'spinningup', 'd2l-zh', 'hf-course']
EXTS = {'.md', '.mdx', '.rst', '.txt', '.ipynb', '.srt'}
SKIP_NAMES = re.compile(r'(^requirements.*\.txt$|^LICENSE|^docs_requirements\.txt$)')

HAN = re.compile(r'[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]')
FENCE = re.compile(r'^\s*(```|~~~)')
HTML_COMMENT = re.compile(r'<!--.*?-->', re.S)
BLOCK_TAGS = re.compile(r'<(script|style|pre|code|table|svg|math|iframe|video|audio)\b.*?</\1\s*>',
                        re.S | re.I)
TAG = re.compile(r'</?[A-Za-z][A-Za-z0-9_.:-]*(\s+[^<>]*?)?/?>', re.S)
IMAGE = re.compile(r'!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]')
LINK = re.compile(r'\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)')
REF_LINK = re.compile(r'\[([^\]]+)\]\[[^\]]*\]')
LINK_DEF = re.compile(r'^\s*\[[^\]]+\]:\s*\S+')
URL = re.compile(r'(https?://|www\.)\S+')
ANCHOR = re.compile(r'\[\[[^\]]*\]\]')
D2L_ROLE = re.compile(r':(label|numref|eqref|cite|ref|width|height|citet|citep):`[^`]*`')
D2L_LINE = re.compile(r'^\s*:(label|width|height|begin_tab|end_tab|numref|eqref|citet?)[:`]')
DISPLAY_MATH = re.compile(r'\$\$.*?\$\$', re.S)
INLINE_MATH = re.compile(r'\$([^$\n]{1,200})\$')
SVELTE = re.compile(r'^\s*\{[#:/@].*\}\s*$')
JS_LINE = re.compile(r'^\s*(import\s.+from\s|import\s+["\']|export\s+(const|default|function|let))')
TABLE_LINE = re.compile(r'^\s*\|.*\|?\s*$|^\s*[-:|]+\s*$')
LIST_MARK = re.compile(r'^\s*([-*+]|\d+[.)])\s+')
HEADING = re.compile(r'^\s{0,3}#{1,6}\s*')
EMPH = re.compile(r'(\*\*|__|\*(?=\S)|(?<=\S)\*)')
SHELL = re.compile(r'^\s*(\$ |!pip|pip install|%|>>>|\.\.\. |conda |git clone|python \S+\.py)')
CODEISH = re.compile(r'[{}();=<>\[\]_#\\|]')
SRT_TIME = re.compile(r'^\d+:\d+:\d+[,.]\d+\s*-->')
RST_UNDERLINE = re.compile(r'^([=\-~^"\'`#*+.:_])\1{2,}\s*$')
RST_TABLE = re.compile(r'^\s*(\+[-=+]+\+|=+(\s+=+)+)\s*$')
RST_ROLE = re.compile(r':[a-zA-Z:]+:`([^`]*)`')
RST_LINK = re.compile(r'`([^`<]+?)\s*<[^>]*>`__?')
LANG_MARKERS = re.compile(r'(?i)(^|[/_.-])(en-snapshot|zh-cn|zh_cn|zh-hans|en|zh|cn)(?=$|[/_.-])')


def corpus_root(arg):
    root = pathlib.Path(arg or os.environ.get('GPT_CORPUS') or DEFAULT_CORPUS)
    if not (root / 'SOURCES.md').exists():
        sys.exit(f'error: corpus not found at {root} (expected shared/corpus with SOURCES.md and '
                 f'<source>/<lang>/... folders; default {DEFAULT_CORPUS}, override with '
                 f'--corpus DIR or GPT_CORPUS=DIR)')
    return root


def han_share(text):
    letters = sum(c.isalpha() for c in text)
    return len(HAN.findall(text)) / max(1, letters)


def join_lines(lines):
    """Join the lines of one paragraph: no space between two CJK characters, else one space."""
    out = ''
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out and not (HAN.match(out[-1]) or out[-1] in '，。、；：？！）》」』'
                        or HAN.match(line[0]) or line[0] in '，。、；：？！（《「『'):
            out += ' '
        out += line
    return out


def clean_inline(text):
    text = IMAGE.sub('', text)
    text = LINK.sub(r'\1', text)
    text = REF_LINK.sub(r'\1', text)
    text = ANCHOR.sub('', text)
    text = D2L_ROLE.sub('', text)
    text = URL.sub('', text)
    text = INLINE_MATH.sub(lambda m: m.group(1) if len(m.group(1)) <= 24 and '\\' not in m.group(1) else '', text)
    text = text.replace('`', '')
    text = EMPH.sub('', text)
    text = text.replace('&nbsp;', ' ').replace('&lt;', '<').replace('&gt;', '>') \
        .replace('&amp;', '&').replace('\\_', '_').replace('\\*', '*')
    text = re.sub(r'[ \t\u00a0\u3000]+', ' ', text)
    text = re.sub(r'\(\s*\)|（\s*）|\[\s*\]', '', text)
    return text.strip()


def is_prose(text):
    if len(text) < 12:
        return False
    letters = sum(c.isalpha() for c in text)
    if letters < 0.5 * len(text):
        return False  # numbers, symbols, leftovers of tables and formulas
    if len(CODEISH.findall(text)) > 0.06 * len(text):
        return False  # code that was not fenced
    return True


def markdown_prose(raw):
    """Markdown / MDX / notebook markdown cell -> list of prose paragraphs."""
    raw = raw.replace('\r\n', '\n')
    if raw.startswith('---\n'):
        end = raw.find('\n---', 4)
        if end > 0:
            raw = raw[end + 4:]  # front matter
    raw = HTML_COMMENT.sub('', raw)
    raw = DISPLAY_MATH.sub('\n', raw)
    raw = BLOCK_TAGS.sub('\n', raw)
    # JSX/HTML tags (may span lines); their text content stays.
    raw = TAG.sub(lambda m: '\n' if '\n' in m.group(0) else ' ', raw)
    paras, block, in_fence, prev_blank = [], [], False, True
    for line in raw.split('\n'):
        if FENCE.match(line):
            in_fence = not in_fence
            if block:
                paras.append(block)
                block = []
            continue
        if in_fence:
            continue
        if not line.strip():
            if block:
                paras.append(block)
                block = []
            prev_blank = True
            continue
        indented = line.startswith('    ') or line.startswith('\t')
        if indented and prev_blank and not block and not LIST_MARK.match(line):
            prev_blank = True
            continue  # indented code block (paragraph starting with 4 spaces)
        prev_blank = False
        if (SVELTE.match(line) or JS_LINE.match(line) or D2L_LINE.match(line)
                or TABLE_LINE.match(line) or LINK_DEF.match(line) or SHELL.match(line)):
            if block:
                paras.append(block)
                block = []
            continue
        if HEADING.match(line):
            if block:
                paras.append(block)
            paras.append([HEADING.sub('', line).strip().rstrip('#').strip()])
            block = []
            continue
        if LIST_MARK.match(line) and block:
            paras.append(block)
            block = []
        block.append(LIST_MARK.sub('', line.lstrip('> ').rstrip()) if LIST_MARK.match(line)
                     else line.lstrip('> ').rstrip())
    if block:
        paras.append(block)
    out = []
    for block in paras:
        text = clean_inline(join_lines(block))
        if is_prose(text):
            out.append(text)
    return out


def notebook_prose(raw):
    try:
        nb = json.loads(raw)
    except json.JSONDecodeError:
        return []
    out = []
    for cell in nb.get('cells', []):
        if cell.get('cell_type') != 'markdown':
            continue  # code cells and their outputs are dropped
        src = cell.get('source', '')
        src = ''.join(src) if isinstance(src, list) else src
        if re.search(r'Copyright \d{4}|Licensed under the', src):
            continue  # licence header cells
        out += markdown_prose(src)
    return out


def rst_role(m):
    body = m.group(1)
    if '<' in body:
        return body.split('<')[0].strip()
    if '\\' in body or '{' in body:
        return ''
    return body.lstrip('~').split('.')[-1] if '.' in body and ' ' not in body else body


def rst_prose(raw):
    out, skip_indented = [], False
    blocks, block = [], []
    for line in raw.replace('\r\n', '\n').split('\n'):
        if line.strip():
            block.append(line.rstrip())
        elif block:
            blocks.append(block)
            block = []
    if block:
        blocks.append(block)
    for block in blocks:
        first = block[0]
        indented = first[:1] in (' ', '\t')
        if indented and skip_indented:
            continue  # directive body or literal block
        skip_indented = False
        if indented:
            continue
        if first.startswith('..'):
            skip_indented = True
            continue
        if first.startswith('>>>') or any(RST_TABLE.match(l) for l in block) \
                or any(l.lstrip().startswith('|') for l in block):
            continue
        body = [l for l in block if not RST_UNDERLINE.match(l)]
        if len(body) < len(block):
            if len(body) == 1:
                title = clean_inline(RST_ROLE.sub(rst_role, body[0]))
                if title and sum(c.isalpha() for c in title) >= 2:
                    out.append(title)
            continue
        text = join_lines(LIST_MARK.sub('', l) for l in body)
        if text.endswith('::'):
            skip_indented = True
            text = text[:-2].rstrip()
            text = text + ':' if text and text[-1].isalnum() else text
        text = RST_ROLE.sub(rst_role, text)
        text = RST_LINK.sub(r'\1', text)
        text = re.sub(r'\|[A-Za-z_-]+\|', '', text).replace('``', '')
        text = re.sub(r'(?<=\w)_\b', '', text)
        text = clean_inline(text)
        if is_prose(text):
            out.append(text)
    return out


def srt_prose(raw, lang):
    """Subtitles: drop numbers and timestamps, keep the lines of the folder's language, and join
    the cues into one paragraph per ~ 8 cues (they are fragments of running speech)."""
    lines = []
    for line in raw.replace('\r\n', '\n').split('\n'):
        line = line.strip()
        if not line or line.isdigit() or SRT_TIME.match(line):
            continue
        line = re.sub(r'^-\s*', '', line)
        if (lang == 'zh') != bool(HAN.search(line)):
            continue  # the other language's line of a bilingual cue
        if re.fullmatch(r'[（(].*[)）]', line):
            continue  # sound descriptions like （空气呼啸）
        lines.append(line)
    out = []
    for i in range(0, len(lines), 8):
        text = clean_inline(join_lines(lines[i:i + 8]))
        if is_prose(text):
            out.append(text)
    return out


def extract(path, lang):
    raw = path.read_text(encoding='utf-8', errors='replace')
    suffix = path.suffix.lower()
    if suffix == '.ipynb':
        return notebook_prose(raw)
    if suffix == '.rst':
        return rst_prose(raw)
    if suffix == '.srt':
        return srt_prose(raw, lang)
    return markdown_prose(raw)


def norm_key(text):
    return hashlib.sha1(re.sub(r'[\W_]+', '', text.lower()).encode()).digest()


def split_of(source, rel):
    """Stable hash of the page identity without its language marker."""
    page = LANG_MARKERS.sub(r'\1', rel.lower())
    page = re.sub(r'_origin(?=\.)', '', re.sub(r'\.[a-z]+$', '', page))
    bucket = int(hashlib.sha1(f'{source}/{page}'.encode()).hexdigest(), 16) % VAL_EVERY
    return 'val' if bucket == 0 else 'train'


def documents(root):
    sources = sorted(p.name for p in root.iterdir() if p.is_dir())
    sources = [s for s in PRIORITY if s in sources] + [s for s in sources if s not in PRIORITY]
    for source in sources:
        for lang in ('en', 'zh'):
            base = root / source / lang
            if not base.is_dir():
                continue
            for path in sorted(base.rglob('*')):
                if not path.is_file() or path.suffix.lower() not in EXTS \
                        or SKIP_NAMES.match(path.name):
                    continue
                yield source, lang, path.relative_to(base).as_posix(), path


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--corpus', default=None, help=f'corpus folder (default {DEFAULT_CORPUS} '
                    'or $GPT_CORPUS)')
    ap.add_argument('--out', default=str(HERE / 'data'))
    args = ap.parse_args()
    root = corpus_root(args.corpus)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    seen_docs, seen_paras = set(), set()
    splits = {(s, l): [] for s in ('train', 'val') for l in ('en', 'zh')}
    stats = collections.defaultdict(lambda: collections.Counter())
    dropped = collections.Counter()
    for source, lang, rel, path in documents(root):
        paras = extract(path, lang)
        raw_len = sum(len(p) for p in paras)
        if raw_len < 200:
            dropped['too little prose'] += 1
            continue
        kept = []
        for p in paras:
            if len(p) >= MIN_DEDUP_CHARS:
                key = norm_key(p)
                if key in seen_paras:
                    continue
                seen_paras.add(key)
            kept.append(p)
        text = '\n\n'.join(kept)
        if sum(len(p) for p in kept) < 0.5 * raw_len:
            dropped['duplicate (over half its paragraphs seen before)'] += 1
            stats[(source, lang, 'duplicate')]['documents'] += 1
            continue
        key = norm_key(text)
        if key in seen_docs:
            dropped['duplicate document'] += 1
            continue
        seen_docs.add(key)
        share = han_share(text)
        if (lang == 'zh' and share < 0.1) or (lang == 'en' and share > 0.03):
            dropped['wrong language'] += 1
            continue
        split = split_of(source, rel)
        splits[(split, lang)].append(text)
        st = stats[(source, lang, split)]
        st['documents'] += 1
        st['bytes'] += len(text.encode('utf-8')) + len(EOT)
    # Mix the languages and sources in the training file by a stable hash of the text.
    train = [(hashlib.sha1(d.encode()).digest(), d) for l in ('en', 'zh')
             for d in splits[('train', l)]]
    train.sort()
    (out / 'train.txt').write_text(''.join(d + EOT for _, d in train), encoding='utf-8')
    for (split, lang), docs in splits.items():
        data = ''.join(d + EOT for d in docs)
        (out / f'{split}.{lang}.txt').write_text(data, encoding='utf-8')
        print(f'{split}.{lang}: {len(docs)} documents, {len(data.encode())} bytes')
    table = [{'source': s, 'lang': l, 'split': sp, **c} for (s, l, sp), c in sorted(stats.items())]
    (out / 'stats.json').write_text(json.dumps({'corpus': str(root), 'dropped': dropped,
                                                'rows': table}, indent=1, ensure_ascii=False))
    print('dropped:', dict(dropped))


if __name__ == '__main__':
    main()
