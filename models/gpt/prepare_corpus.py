"""Build the bilingual (English + Simplified Chinese) training corpus from shared/corpus/.

Input: the raw teaching text described in shared/corpus/SOURCES.md, laid out as
`<source>/<lang>/<original repo path>` (lang is `en` or `zh`). Default location: `../shared/corpus`
relative to the repository root (override with --corpus or $GPT_CORPUS).

Three modes (--mode):
- notes (default): the text as learners' notes hold it. Kept as source: inline and display LaTeX
  (`$...$`, `$$...$$` blocks, `\[...\]`, ```math fences and rst math as `$$` blocks, d2l's
  `:eqlabel:` lines removed), headings with their `#`, lists one item per line with markers and
  nesting, blockquotes, **bold**/*emphasis*, inline `code` up to 40 characters, links and image
  references as markdown, word tables (cells mostly letters; tables of numbers dropped).
  Dropped: fenced and indented code, notebook code cells and outputs, front matter, HTML tags and
  comments (their text stays), site markup (d2lbook roles, rst directives other than math),
  MDX/Svelte/shell lines, licence cells, SRT timestamps, and paragraphs that are code or numbers
  once math and markup are set aside.
- notes-src: notes, plus what notes sites and editors write around the words, as written:
  front matter (up to 40 `key: value` lines), layout HTML tags (img, div, center, font, br, ...;
  KEEP_TAGS), Liquid includes (`{% ... %}`, `{{ ... }}`), autolinks (`<https://...>`), diagram
  fences (```mermaid, up to 40 lines), horizontal rules, and word tables with the editor's padding
  and separators. Lines of only such markup are kept. Code blocks, scripts, JSX components and
  tables of numbers are still dropped (`test_prepare_corpus.py`).
- prose (sessions 1-4, byte for byte): only prose survives: fenced and indented code, notebook
  code cells and outputs, tables, front matter, HTML/JSX tags and comments, image references,
  link-only lines, display math, inline math with LaTeX commands, markdown markup, d2lbook and
  reStructuredText markup, licence header cells and SRT timestamps are dropped; links keep their
  text.
In both, whitespace is normalised and the lines of a paragraph are joined (Chinese lines broken
inside a paragraph are joined without a space); in notes mode a list keeps one item per line.

Deduplication: a paragraph (>= 30 characters) whose normalised hash was already seen anywhere is
dropped, and a document that loses more than half of its text that way is dropped whole (e.g.
d2l-zh's English `*_origin.md` pages, which d2l-en already holds). Sources are read in a fixed
priority order, so the kept copy is always the same. Translations of a page are different text
and are kept.

Validation: whole documents, 1 in 20 per language, chosen by a stable hash of the source and the
page path with its language marker removed, so a page and its translation land in the same split.

Writes to --out: train.txt, val.en.txt, val.zh.txt, train.en.txt, train.zh.txt (documents
separated by <|endoftext|>), in the notes modes train.tables.txt (the training documents holding a
word table, to pack more than once) and stats.json (documents and bytes per source, language, split).
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
RST_MATH = re.compile(r':math:`([^`]*)`')
RST_LINK = re.compile(r'`([^`<]+?)\s*<[^>]*>`__?')
LANG_MARKERS = re.compile(r'(?i)(^|[/_.-])(en-snapshot|zh-cn|zh_cn|zh-hans|en|zh|cn)(?=$|[/_.-])')

# --- notes mode (the default): what learners' notes contain stays as markdown/LaTeX source ---
MODES = ('notes', 'notes-src', 'prose')
NOTES_MODES = ('notes', 'notes-src')
# --- notes-src: notes mode plus what notes sites and editors write around the words ---
FRONT_MATTER_LINE = re.compile(r'^\s*([A-Za-z_][\w-]*:.*|-\s.*|)$')
MAX_FRONT_MATTER = 40
# Layout tags notes use (images with a width, centred figures, coloured words, line breaks):
# kept as written. Other tags (JSX components, scripts, tables of HTML) are still dropped.
KEEP_TAGS = {'img', 'div', 'center', 'br', 'font', 'span', 'p', 'a', 'sup', 'sub', 'details',
             'summary', 'b', 'i', 'u', 'strong', 'em', 'hr', 'figure', 'figcaption', 'kbd',
             'mark', 'small', 'big'}
TAG_NAME = re.compile(r'^</?([A-Za-z][A-Za-z0-9]*)')
LIQUID = re.compile(r'\{%.*?%\}|\{\{.*?\}\}')
AUTOLINK = re.compile(r'<(https?://[^<>\s]+)>')
RULE = re.compile(r'^\s*([-*_])\s*(\1\s*){2,}$')
DIAGRAM_FENCE = re.compile(r'^\s*(```|~~~)\s*(mermaid|flow|sequence|dot|plantuml)\s*$', re.I)
MAX_DIAGRAM_LINES = 40
D2L_LINE_NOTES = re.compile(r'^\s*:(label|eqlabel|width|height|begin_tab|end_tab|numref|eqref|citet?)[:`]')
D2L_ROLE_NOTES = re.compile(r'\s?(\(\s*)?:(label|numref|eqref|cite|ref|width|height|citet|citep|eqlabel):`[^`]*`(\s*\))?')
DISPLAY_MATH_ANY = re.compile(r'\$\$.*?\$\$|\\\[.*?\\\]', re.S)
MATH_SPAN = re.compile(r'\$\$.*?\$\$|\\\[.*?\\\]|\\\(.*?\\\)|\$[^$\n]{1,300}\$', re.S)
INLINE_CODE = re.compile(r'`([^`\n]+)`')
TABLE_ROW = re.compile(r'^\s*\|.*\|\s*$')
TABLE_SEP = re.compile(r'^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$')
LIST_MARK_KEEP = re.compile(r'^(\s*)([-*+]|\d+[.)])\s+')
QUOTE = re.compile(r'^\s*>\s?')
MATH_FENCE = re.compile(r'^\s*(```|~~~)\s*(math|latex|tex)\s*$', re.I)
MAX_INLINE_CODE = 40
MAX_MATH_BLOCK = 1200


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


def _strip_markup(text):
    """The words of a notes block: math, code spans, link targets, markup removed (for the
    prose checks and the language share; the kept text itself keeps all of it)."""
    text = MATH_SPAN.sub(' ', text)
    if MODE == 'notes-src':
        text = LIQUID.sub(' ', AUTOLINK.sub(' ', TAG.sub(' ', text)))
    text = INLINE_CODE.sub(r'\1', text)
    text = IMAGE.sub(' ', text)
    text = LINK.sub(r'\1', text)
    text = URL.sub(' ', text)
    text = re.sub(r'^\s*(#{1,6}|[-*+>]|\d+[.)])\s+', '', text, flags=re.M)
    text = EMPH.sub('', text).replace('|', ' ')
    return re.sub(r'\s+', ' ', text).strip()


def clean_inline_notes(text):
    """Inline cleanup that keeps notes' markup: $...$, **bold**, *emphasis*, short `code`, links
    and image references as markdown source. Drops only site markup and HTML entities."""
    text = ANCHOR.sub('', text)
    text = D2L_ROLE_NOTES.sub('', text)
    text = INLINE_CODE.sub(lambda m: m.group(0) if len(m.group(1)) <= MAX_INLINE_CODE
                           else m.group(1), text)
    text = text.replace('&nbsp;', ' ').replace('&lt;', '<').replace('&gt;', '>') \
        .replace('&amp;', '&')
    text = re.sub(r'[ \t\u00a0\u3000]+', ' ', text)
    text = re.sub(r'\(\s*\)|（\s*）', '', text)
    return text.strip()


def notes_ok(text, min_len=12):
    """Prose check on the words of a block (math, code spans and markup removed): a block of
    formulas with a few words passes, numbers, code and symbol soup do not."""
    words = _strip_markup(text)
    if MATH_SPAN.search(text) and sum(c.isalpha() for c in words) >= 2:
        return len(CODEISH.findall(words)) <= 0.12 * max(1, len(words))
    if len(words) >= 12:
        return is_prose(words)
    if IMAGE.fullmatch(text.strip()) and len(text) <= 300:
        return True  # an image reference on its own line, as notes hold them
    return len(words) >= min_len and sum(c.isalpha() for c in words) >= 0.5 * len(words) \
        and len(CODEISH.findall(words)) <= 0.1 * len(words)


def word_table(rows):
    """A markdown table of words (kept, normalised) or None (a table of numbers or code)."""
    cells = [c.strip() for r in rows if not TABLE_SEP.match(r)
             for c in r.strip().strip('|').split('|')]
    body = ''.join(_strip_markup(c) for c in cells)
    body = re.sub(r'\s', '', body)
    letters = sum(c.isalpha() for c in body)
    digits = sum(c.isdigit() for c in body)
    if len(body) < 12 or letters < 0.5 * len(body) or digits > 0.25 * len(body) \
            or len(CODEISH.findall(body)) > 0.06 * len(body):
        return None
    out = []
    for r in rows:
        if TABLE_SEP.match(r):
            n = r.strip().strip('|').count('|') + 1
            out.append('|' + '|'.join(
                (':' if c.strip().startswith(':') else '') + '---' +
                (':' if c.strip().endswith(':') else '')
                for c in r.strip().strip('|').split('|')[:n]) + '|')
        else:
            out.append('| ' + ' | '.join(clean_inline_notes(c) for c in
                                         r.strip().strip('|').split('|')) + ' |')
    return '\n'.join(out)


def markdown_notes(raw):
    """Markdown / MDX / notebook markdown cell -> list of blocks as notes hold them: paragraphs
    (one line each), headings with their #, lists (one item per line, nesting kept), word tables,
    display math as `$$ ... $$`, blockquotes; code blocks, HTML, numeric tables, site markup
    dropped."""
    raw = raw.replace('\r\n', '\n').replace('\t', '    ')
    src = MODE == 'notes-src'
    blocks = []   # (kind, [lines])
    if raw.startswith('---\n'):
        end = raw.find('\n---', 4)
        if end > 0:
            front = raw[4:end].split('\n')
            if src and len(front) <= MAX_FRONT_MATTER and all(FRONT_MATTER_LINE.match(l) for l in front):
                blocks.append(('front', ['---', *[l.rstrip() for l in front], '---']))
            raw = raw[end + 4:]  # front matter
    raw = HTML_COMMENT.sub('', raw)
    raw = BLOCK_TAGS.sub('\n', raw)
    if src:  # layout tags stay as written; a tag over several lines is put on one
        raw = TAG.sub(lambda m: re.sub(r'\s*\n\s*', ' ', m.group(0)) if kept_tag(m.group(0))
                      else '\n' if '\n' in m.group(0) else ' ', raw)
    else:
        raw = TAG.sub(lambda m: '\n' if '\n' in m.group(0) else ' ', raw)
    lines = raw.split('\n')
    cur, cur_kind = [], None

    def flush():
        nonlocal cur, cur_kind
        if cur:
            blocks.append((cur_kind, cur))
        cur, cur_kind = [], None

    i, n, prev_blank = 0, len(lines), True
    while i < n:
        line = lines[i]
        if MATH_FENCE.match(line):  # ```math fence: a display formula
            flush()
            j = i + 1
            body = []
            while j < n and not FENCE.match(lines[j]):
                body.append(lines[j].strip())
                j += 1
            blocks.append(('math', ['$$', *[b for b in body if b], '$$']))
            i, prev_blank = j + 1, False
            continue
        if src and DIAGRAM_FENCE.match(line):  # a diagram (mermaid, ...): kept as written
            flush()
            j = i + 1
            while j < n and not FENCE.match(lines[j]):
                j += 1
            if j < n and j - i - 1 <= MAX_DIAGRAM_LINES:
                blocks.append(('diagram', [l.rstrip() for l in lines[i:j + 1]]))
            i, prev_blank = j + 1, True
            continue
        if FENCE.match(line):  # code block: dropped
            flush()
            j = i + 1
            while j < n and not FENCE.match(lines[j]):
                j += 1
            i, prev_blank = j + 1, True
            continue
        s = line.strip()
        if s.startswith('$$') or s.startswith('\\['):  # display math, maybe over lines
            flush()
            close = '$$' if s.startswith('$$') else '\\]'
            body, j = [s], i
            joined = s
            while not (joined.count(close) >= (2 if close == '$$' else 1)
                       and (close != '$$' or len(joined) > 2)) and j + 1 < n \
                    and lines[j + 1].strip() and j - i < 40:
                j += 1
                body.append(lines[j].strip())
                joined = '\n'.join(body)
            if joined.count(close) >= (2 if close == '$$' else 1) and \
                    len(joined) <= MAX_MATH_BLOCK:
                inner = joined[2:].rsplit(close, 1)
                tail = inner[1].strip() if len(inner) > 1 else ''
                inner = [l.strip() for l in inner[0].split('\n') if l.strip()]
                blocks.append(('math', ['$$', *inner, '$$']))
                if tail and not D2L_LINE_NOTES.match(tail):
                    blocks.append(('para', [tail]))
            i, prev_blank = j + 1, False
            continue
        if not s:
            flush()
            prev_blank = True
            i += 1
            continue
        indented = line.startswith('    ')
        if indented and prev_blank and cur_kind != 'list' and not LIST_MARK.match(line):
            # indented code block: skip to the next blank line
            j = i
            while j < n and lines[j].strip():
                j += 1
            i, prev_blank = j, True
            continue
        prev_blank = False
        if TABLE_ROW.match(line):
            flush()
            j = i
            rows = []
            while j < n and (TABLE_ROW.match(lines[j]) or TABLE_SEP.match(lines[j])):
                rows.append(lines[j])
                j += 1
            if len(rows) >= 2 and any(TABLE_SEP.match(r) for r in rows[:3]):
                t = word_table(rows)
                if t:  # notes-src: as the editor wrote it (padded cells, its own separators)
                    blocks.append(('table', ['\n'.join(r.rstrip() for r in rows) if src else t]))
            i = j
            continue
        if src and RULE.match(line) and cur_kind != 'para':  # a horizontal rule (not a setext underline)
            flush()
            blocks.append(('rule', [line.strip()]))
            i += 1
            continue
        if (SVELTE.match(line) or JS_LINE.match(line) or D2L_LINE_NOTES.match(line)
                or TABLE_LINE.match(line) or LINK_DEF.match(line) or SHELL.match(line)):
            flush()
            i += 1
            continue
        if HEADING.match(line):
            flush()
            m = re.match(r'^\s{0,3}(#{1,6})\s*(.*?)\s*#*\s*$', line)
            blocks.append(('heading', [m.group(1) + ' ' + m.group(2)]))
            i += 1
            continue
        quote = ''
        if QUOTE.match(line):
            quote = '> '
            line = QUOTE.sub('', line)
        m = LIST_MARK_KEEP.match(line)
        if m:
            if cur_kind not in ('list',):
                flush()
                cur_kind = 'list'
            depth = min(len(m.group(1)) // 2, 3)
            mark = m.group(2) if not m.group(2)[0].isdigit() else m.group(2)
            cur.append([quote + '  ' * depth + mark + ' ', line[m.end():].strip()])
        elif cur_kind == 'list' and cur:
            cur[-1].append(line.strip())  # continuation of the item
        else:
            if cur_kind is None:
                cur_kind = 'quote' if quote else 'para'
            cur.append(line.strip())
        i += 1
    flush()

    out = []
    for kind, body in blocks:
        if kind in ('front', 'diagram', 'rule'):
            out.append('\n'.join(body))
        elif kind == 'math':
            text = '\n'.join(body)
            words = re.sub(r'\s', '', text)
            if len(words) >= 6 and sum(c.isdigit() for c in words) < 0.5 * len(words):
                out.append(text)
        elif kind == 'table':
            out.append(body[0])
        elif kind == 'heading':
            text = clean_inline_notes(body[0])
            if sum(c.isalpha() for c in _strip_markup(text)) >= 2:
                out.append(text)
        elif kind == 'list':
            items = []
            for item in body:
                text = clean_inline_notes(join_lines(item[1:]))
                if text and notes_ok(text, min_len=4):
                    items.append(item[0] + text)
            if items:
                out.append('\n'.join(items))
        else:
            text = clean_inline_notes(join_lines(body))
            if notes_ok(text) or (src and layout_only(text)):
                out.append(('> ' if kind == 'quote' else '') + text)
    return out


def kept_tag(tag):
    """notes-src: a layout tag notes write (img, div, font, br, ...), not a component or script."""
    m = TAG_NAME.match(tag)
    return bool(m) and m.group(1) in KEEP_TAGS and len(tag) <= 300


def layout_only(text):
    """notes-src: a short line of only layout tags, autolinks, Liquid includes or image references
    (a centred figure, a link to the lecture's video, a site include), kept though it has no words."""
    rest = LIQUID.sub('', AUTOLINK.sub('', IMAGE.sub('', TAG.sub('', text))))
    return len(text) <= 300 and not rest.strip(' .:：,，;；-') and text.strip() != ''


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
        out += markdown_text(src)
    return out


def rst_role(m):
    body = m.group(1)
    if '<' in body:
        return body.split('<')[0].strip()
    if '\\' in body or '{' in body:
        return ''
    return body.lstrip('~').split('.')[-1] if '.' in body and ' ' not in body else body


def rst_prose(raw):
    out, skip_indented, pending_math = [], False, False
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
            if pending_math:  # body of `.. math::`: a display formula
                body = [l.strip() for l in block if l.strip() and not l.strip().startswith(':')]
                if body and len('\n'.join(body)) <= MAX_MATH_BLOCK:
                    out.append('\n'.join(['$$', *body, '$$']))
                pending_math = False
            continue  # directive body or literal block
        pending_math = False
        skip_indented = False
        if indented:
            continue
        if first.startswith('..'):
            skip_indented = True
            if MODE in NOTES_MODES and re.match(r'\.\.\s+math::', first):
                pending_math = True
            continue
        if first.startswith('>>>') or any(RST_TABLE.match(l) for l in block) \
                or any(l.lstrip().startswith('|') for l in block):
            continue
        body = [l for l in block if not RST_UNDERLINE.match(l)]
        if len(body) < len(block):
            if len(body) == 1:
                title = clean_inline(RST_ROLE.sub(rst_role, body[0]))
                if title and sum(c.isalpha() for c in title) >= 2:
                    out.append(('## ' if MODE in NOTES_MODES else '') + title)
            continue
        if MODE in NOTES_MODES and LIST_MARK.match(body[0]):
            items = []
            for l in body:
                if LIST_MARK.match(l) or not items:
                    items.append([l])
                else:
                    items[-1].append(l)
            kept = []
            for it in items:
                m = LIST_MARK.match(it[0])
                mark = m.group(1) if m else '-'
                t = join_lines([LIST_MARK.sub('', it[0])] + it[1:])
                t = RST_MATH.sub(lambda mm: '$' + mm.group(1) + '$', t)
                t = RST_ROLE.sub(rst_role, t)
                t = RST_LINK.sub(r'\1', t).replace('``', '`')
                t = clean_inline_notes(t)
                if t and notes_ok(t, min_len=4):
                    kept.append(mark + ' ' + t)
            if kept:
                out.append('\n'.join(kept))
            continue
        text = join_lines(LIST_MARK.sub('', l) for l in body)
        if MODE in NOTES_MODES:
            text = RST_MATH.sub(lambda mm: '$' + mm.group(1) + '$', text)
        if text.endswith('::'):
            skip_indented = True
            text = text[:-2].rstrip()
            text = text + ':' if text and text[-1].isalnum() else text
        text = RST_ROLE.sub(rst_role, text)
        text = RST_LINK.sub(r'\1', text)
        text = re.sub(r'\|[A-Za-z_-]+\|', '', text)
        if MODE in NOTES_MODES:
            text = clean_inline_notes(re.sub(r'(?<=\w)_\b', '', text.replace('``', '`')))
            if notes_ok(text):
                out.append(text)
            continue
        text = text.replace('``', '')
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


MODE = 'notes'


def markdown_text(raw):
    return markdown_notes(raw) if MODE in NOTES_MODES else markdown_prose(raw)


def extract(path, lang):
    raw = path.read_text(encoding='utf-8', errors='replace')
    suffix = path.suffix.lower()
    if suffix == '.ipynb':
        return notebook_prose(raw)
    if suffix == '.rst':
        return rst_prose(raw)
    if suffix == '.srt':
        return srt_prose(raw, lang)
    return markdown_text(raw)


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
    ap.add_argument('--mode', choices=MODES, default='notes',
                    help="notes (default): keep LaTeX, markdown structure, word tables, short code "
                         "spans, links; notes-src: notes plus front matter, layout HTML tags, "
                         "Liquid includes, autolinks, diagram fences and tables as written; "
                         "prose: the earlier prose-only corpus (sessions 1-4)")
    args = ap.parse_args()
    global MODE
    MODE = args.mode
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
        share = han_share(_strip_markup(text) if MODE in NOTES_MODES else text)
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
    if MODE in NOTES_MODES:
        # The training documents that hold a word table, for packing more than once: notes hold
        # several times the corpus's share of table rows (pack_tokens.py --train-also).
        tables = [d for _, d in train if re.search(r'^\|.*\|\n\|\s*:?-', d, re.M)]
        (out / 'train.tables.txt').write_text(''.join(d + EOT for d in tables), encoding='utf-8')
        print(f'train.tables: {len(tables)} documents with a word table, '
              f'{sum(len(d.encode()) for d in tables)} bytes')
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
