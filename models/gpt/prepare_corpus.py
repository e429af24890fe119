"""Build the GPT training corpus from Debian documentation packages.

Main part: the scikit-learn user guide and example write-ups (`python-sklearn-doc`, BSD-3-Clause),
which is machine-learning prose. Small secondary part: the Python tutorial and FAQ
(`python3.11-doc`, PSF License), added because the ML text alone (~1 MB) is too little English.

Only prose survives: reStructuredText directives, literal/code blocks, indented examples,
tables, doctest lines and heavy math are dropped, and inline markup is reduced to its text.
The output is deterministic (sorted file list, hash-based split), so the corpus need not be
committed: `python3 prepare_corpus.py` rebuilds it byte for byte.
"""
import argparse
import hashlib
import pathlib
import re

SOURCE = pathlib.Path('/usr/share/doc/python-sklearn-doc/html/_sources')
PY_SOURCE = pathlib.Path('/usr/share/doc/python3.11/html/_sources')
# Sections that are prose; changelogs and author lists are left out because they would teach
# the model names and PR numbers instead of ML.
INCLUDE = ['modules', 'tutorial', 'auto_examples', 'datasets', 'computing', 'developers']
PY_INCLUDE = ['tutorial', 'faq']
INCLUDE_TOP = ['common_pitfalls', 'data_transforms', 'dispatching', 'faq', 'getting_started',
               'glossary', 'inspection', 'model_persistence', 'model_selection', 'preface',
               'supervised_learning', 'unsupervised_learning', 'visualizations']
EOT = '<|endoftext|>'
VAL_EVERY = 20  # about 5% of documents go to validation, chosen by a stable hash of the path

UNDERLINE = re.compile(r'^([=\-~^"\'`#*+.:_])\1{2,}\s*$')
TABLE = re.compile(r'^\s*(\+[-=+]+\+|\|.*\||=+(\s+=+)+)\s*$')
ROLE = re.compile(r':[a-zA-Z:]+:`([^`]*)`')
LINK = re.compile(r'`([^`<]+?)\s*<[^>]*>`__?')
SUBST = re.compile(r'\|[A-Za-z]+\|\s*')


def role_text(m):
    body = m.group(1)
    if '\\' in body or '{' in body or '^' in body or '_' in body.strip('_'):
        # LaTeX and internal reference targets read as noise, not English.
        if '<' in body:
            return body.split('<')[0].strip()
        return '' if '\\' in body or '{' in body else body.split('.')[-1].lstrip('~')
    if '<' in body:
        return body.split('<')[0].strip()
    return body.lstrip('~').split('.')[-1] if body.count('.') and ' ' not in body else body


def inline(text):
    text = ROLE.sub(role_text, text)
    text = LINK.sub(r'\1', text)
    text = SUBST.sub('', text)
    text = text.replace('``', '').replace('`', '').replace('**', '').replace('\\ ', '')
    text = re.sub(r'(?<=\w)_\b', '', text)  # trailing underscore of `name`_ references
    text = re.sub(r'\(\s*\)', '', text)
    return re.sub(r'[ \t]+', ' ', text).strip()


def paragraphs(lines):
    block = []
    for line in lines:
        if line.strip():
            block.append(line.rstrip())
        elif block:
            yield block
            block = []
    if block:
        yield block


def prose(raw):
    """Keep paragraphs that start at column 0 and are not markup; return cleaned text."""
    out = []
    skip_indented = False
    for block in paragraphs(raw.splitlines()):
        first = block[0]
        indented = first[:1] in (' ', '\t')
        if indented and skip_indented:
            continue  # body of a directive or literal block
        skip_indented = False
        if indented:
            continue  # block quotes here are almost always examples or output
        if first.startswith('..'):
            skip_indented = True
            continue
        if first.startswith('>>>') or any(TABLE.match(l) for l in block):
            continue
        # Section title: one text line followed by an underline (optionally overlined).
        body = [l for l in block if not UNDERLINE.match(l)]
        if len(body) < len(block):
            title = inline(' '.join(body))
            if title and len(body) == 1:
                out.append(title)
            continue
        text = ' '.join(l.strip() for l in body)
        if text.endswith('::'):
            skip_indented = True
            text = text[:-2].rstrip()
            text = text + ':' if text and text[-1].isalnum() else text
        text = inline(text)
        letters = sum(c.isalpha() for c in text)
        if len(text) < 20 or letters < 0.6 * len(text):
            continue  # fragments and symbol-heavy lines
        out.append(text)
    return '\n\n'.join(out)


def documents():
    files = []
    for d in INCLUDE:
        files += sorted((SOURCE / d).rglob('*.rst.txt'))
    files += [SOURCE / f'{n}.rst.txt' for n in INCLUDE_TOP]
    for d in PY_INCLUDE:
        files += sorted((PY_SOURCE / d).rglob('*.rst.txt'))
    for f in files:
        if '/generated/' in str(f) or f.name.startswith('sg_execution_times'):
            continue  # API stubs and timing tables, no prose
        text = prose(f.read_text(encoding='utf-8'))
        if len(text) > 200:
            yield str(f), text


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--out', default=str(pathlib.Path(__file__).parent / 'data'))
    args = ap.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    train, val = [], []
    for name, text in documents():
        bucket = int(hashlib.sha1(name.encode()).hexdigest(), 16) % VAL_EVERY
        (val if bucket == 0 else train).append(text)
    for split, docs in (('train', train), ('val', val)):
        # Every document ends with the separator so the model learns where texts stop.
        data = ''.join(d + EOT for d in docs)
        (out / f'{split}.txt').write_text(data, encoding='utf-8')
        print(f'{split}: {len(docs)} documents, {len(data.encode())} bytes')


if __name__ == '__main__':
    main()
