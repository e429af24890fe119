"""Byte-level BPE shared by the tokenizer trainer, the training script and the fixture maker.

Same scheme as GPT-2: text is split into pieces by a pre-tokenization regex, each piece is turned
into UTF-8 bytes, and every byte is shown as one printable unicode character so that vocab entries
and merges are plain strings (this is what Hugging Face's ByteLevel pre-tokenizer expects).
Any text, CJK and emoji included, therefore encodes losslessly.

Two pre-tokenizers:
- GPT2_PATTERN, GPT-2's regex (Hugging Face ByteLevel with use_regex=true). It keeps a run of
  letters together, so a whole Chinese clause, or Chinese glued to an English word
  (`使用PyTorch训练`), is one piece.
- BILINGUAL_PATTERN (the bilingual tokenizer): the same, except that Han characters form pieces of
  their own (` ?\p{Han}+`) and never share a piece with Latin letters. tokenizer.json writes it as
  a Split pre-tokenizer (behavior Isolated) followed by ByteLevel(use_regex=false); the pattern is
  read back from tokenizer.json, so each file is encoded with the regex it was trained with.
"""
import json
import regex

EOT = '<|endoftext|>'
GPT2_PATTERN = r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"""
BILINGUAL_PATTERN = (r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{Han}+| ?[^\P{L}\p{Han}]+| ?\p{N}+"""
                     r"""| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+""")
PRETOKENIZE = regex.compile(GPT2_PATTERN)


def bytes_to_unicode():
    """Map bytes 0..255 to printable characters: visible latin-1 stays itself, the rest
    (control chars, space, ...) is moved to 256+ so no token contains whitespace."""
    keep = list(range(ord('!'), ord('~') + 1)) + list(range(ord('¡'), ord('¬') + 1)) \
        + list(range(ord('®'), ord('ÿ') + 1))
    table, extra = {}, 0
    for b in range(256):
        if b in keep:
            table[b] = chr(b)
        else:
            table[b] = chr(256 + extra)
            extra += 1
    return table


BYTE_ENCODER = bytes_to_unicode()
BYTE_DECODER = {c: b for b, c in BYTE_ENCODER.items()}


def pieces(text, pattern=None):
    """Pre-tokenized pieces in byte-level alphabet."""
    pattern = pattern or PRETOKENIZE
    return [''.join(BYTE_ENCODER[b] for b in p.encode('utf-8')) for p in pattern.findall(text)]


def pattern_of(spec):
    """The pre-tokenization regex a tokenizer.json describes (GPT-2's for plain ByteLevel)."""
    pre = spec.get('pre_tokenizer') or {}
    if pre.get('type') == 'Sequence':
        for p in pre['pretokenizers']:
            if p['type'] == 'Split':
                return p['pattern']['Regex']
    return GPT2_PATTERN


class Tokenizer:
    def __init__(self, vocab, merges, pattern=GPT2_PATTERN):
        self.pattern = regex.compile(pattern)
        self.vocab = vocab                      # token string -> id
        self.inverse = {i: t for t, i in vocab.items()}
        self.ranks = {tuple(m.split(' ')): r for r, m in enumerate(merges)}
        self.eot_id = vocab[EOT]
        self.cache = {}

    @classmethod
    def load(cls, path):
        with open(path, encoding='utf-8') as f:
            spec = json.load(f)
        vocab = dict(spec['model']['vocab'])
        for tok in spec['added_tokens']:
            vocab[tok['content']] = tok['id']
        return cls(vocab, spec['model']['merges'], pattern_of(spec))

    def _bpe(self, piece):
        ids = self.cache.get(piece)
        if ids is not None:
            return ids
        parts = list(piece)
        ranks = self.ranks
        while len(parts) > 1:
            # Apply the earliest-learned merge present (all its occurrences, left to right),
            # exactly like training did.
            best, where = 1 << 30, -1
            for i in range(len(parts) - 1):
                r = ranks.get((parts[i], parts[i + 1]))
                if r is not None and r < best:
                    best, where = r, i
            if where < 0:
                break
            a, b = parts[where], parts[where + 1]
            merged, i = parts[:where], where
            while i < len(parts):
                if i < len(parts) - 1 and parts[i] == a and parts[i + 1] == b:
                    merged.append(a + b)
                    i += 2
                else:
                    merged.append(parts[i])
                    i += 1
            parts = merged
        ids = [self.vocab[p] for p in parts]
        if len(self.cache) < 2_000_000:
            self.cache[piece] = ids
        return ids

    def encode(self, text):
        """Token ids; the literal text <|endoftext|> becomes the special token."""
        ids = []
        for n, chunk in enumerate(text.split(EOT)):
            if n:
                ids.append(self.eot_id)
            for piece in pieces(chunk, self.pattern):
                ids.extend(self._bpe(piece))
        return ids

    def decode(self, ids):
        out, buf = [], []
        for i in ids:
            tok = self.inverse[i]
            if tok == EOT:
                out.append(bytes(buf).decode('utf-8', errors='replace') + EOT)
                buf = []
            else:
                buf.extend(BYTE_DECODER[c] for c in tok)
        out.append(bytes(buf).decode('utf-8', errors='replace'))
        return ''.join(out)
