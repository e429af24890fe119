"""Byte-level BPE shared by the tokenizer trainer, the training script and the fixture maker.

Same scheme as GPT-2: text is split by GPT-2's pre-tokenization regex, each piece is turned into
UTF-8 bytes, and every byte is shown as one printable unicode character so that vocab entries
and merges are plain strings (this is what Hugging Face's ByteLevel pre-tokenizer expects).
Any text, CJK and emoji included, therefore encodes losslessly.
"""
import json
import regex

EOT = '<|endoftext|>'
# GPT-2's pattern; the Hugging Face ByteLevel pre-tokenizer (use_regex=true) applies the same one.
PRETOKENIZE = regex.compile(
    r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+""")


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


def pieces(text):
    """Pre-tokenized pieces in byte-level alphabet."""
    return [''.join(BYTE_ENCODER[b] for b in p.encode('utf-8')) for p in PRETOKENIZE.findall(text)]


class Tokenizer:
    def __init__(self, vocab, merges):
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
        return cls(vocab, spec['model']['merges'])

    def _bpe(self, piece):
        if piece in self.cache:
            return self.cache[piece]
        parts = list(piece)
        while len(parts) > 1:
            # Apply the earliest-learned merge present, exactly like training did.
            best = min(range(len(parts) - 1),
                       key=lambda i: self.ranks.get((parts[i], parts[i + 1]), 1 << 30))
            pair = (parts[best], parts[best + 1])
            if pair not in self.ranks:
                break
            merged, i = [], 0
            while i < len(parts):
                if i < len(parts) - 1 and (parts[i], parts[i + 1]) == pair:
                    merged.append(parts[i] + parts[i + 1])
                    i += 2
                else:
                    merged.append(parts[i])
                    i += 1
            parts = merged
        ids = [self.vocab[p] for p in parts]
        self.cache[piece] = ids
        return ids

    def encode(self, text):
        """Token ids; the literal text <|endoftext|> becomes the special token."""
        ids = []
        for n, chunk in enumerate(text.split(EOT)):
            if n:
                ids.append(self.eot_id)
            for piece in pieces(chunk):
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
