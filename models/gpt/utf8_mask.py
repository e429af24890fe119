"""Constrained decoding to valid UTF-8: the table of engine/utf8-mask.ts, for the Python samplers.

A byte-level BPE vocabulary holds tokens that are only part of a character, so plain sampling can
pick a token that cannot continue the bytes written so far (a continuation byte with no character
open, a lead byte inside one), and the decoded text then holds U+FFFD. `table(tok)[state, id]` is
the decoder state after token `id` from `state`, or -1 where the token is invalid there; the
sampler sets the logits of invalid ids to -inf before temperature, top-k and softmax, i.e. it
draws from the model's distribution renormalised over the tokens that keep the text valid.

States (a strict decoder's, as Python's and the WHATWG decoder: no overlong forms, no surrogates,
nothing above U+10FFFF):
    0  no character open          4  2 bytes owed, next 80..9F (after ED)
    1  1 byte owed, 80..BF        5  3 owed, next 80..BF (after F1..F3)
    2  2 owed, next 80..BF        6  3 owed, next 90..BF (after F0)
    3  2 owed, next A0..BF (E0)   7  3 owed, next 80..8F (after F4)
Special tokens (<|endoftext|>) are allowed only in state 0 and leave it at 0.

    python3 utf8_mask.py   # checks the table against Python's decoder for every token and state
"""
import numpy as np

from bpe import BYTE_DECODER

STATES = 8
INVALID = -1
# Bytes that put a strict decoder in each state from state 0 (used by the check below).
PREFIX = [b'', b'\xc2', b'\xe1', b'\xe0', b'\xed', b'\xf1', b'\xf0', b'\xf4']


def step(state, b):
    """The state after one byte, or INVALID."""
    if state == 0:
        if b < 0x80:
            return 0
        if 0xc2 <= b <= 0xdf:
            return 1
        if b == 0xe0:
            return 3
        if b == 0xed:
            return 4
        if 0xe1 <= b <= 0xef:
            return 2
        if b == 0xf0:
            return 6
        if 0xf1 <= b <= 0xf3:
            return 5
        if b == 0xf4:
            return 7
        return INVALID
    lo, hi, after = {1: (0x80, 0xbf, 0), 2: (0x80, 0xbf, 1), 3: (0xa0, 0xbf, 1), 4: (0x80, 0x9f, 1),
                     5: (0x80, 0xbf, 2), 6: (0x90, 0xbf, 2), 7: (0x80, 0x8f, 2)}[state]
    return after if lo <= b <= hi else INVALID


def run(state, data):
    for b in data:
        state = step(state, b)
        if state == INVALID:
            break
    return state


def token_bytes(tok, special=None):
    """Bytes of every id (None for special tokens)."""
    special = {tok.eot_id} if special is None else special
    return [None if i in special else bytes(BYTE_DECODER[c] for c in tok.inverse[i])
            for i in range(len(tok.inverse))]


def table(tok, special=None):
    """int8 [STATES, vocab]: state after the token, or INVALID."""
    out = np.full((STATES, len(tok.inverse)), INVALID, dtype=np.int8)
    for i, data in enumerate(token_bytes(tok, special)):
        for s in range(STATES):
            out[s, i] = (0 if s == 0 else INVALID) if data is None else run(s, data)
    return out


def check(tok):
    """Brute force against Python's decoder, for every token and state: the state's prefix plus the
    token's bytes is valid iff some completion of 0-3 bytes makes it decode (strictly), and the
    state after it is told by the shortest such completion and which first bytes it may have.
    (Python's incremental decoder is no oracle: it accepts b'\\xed\\xa0' until the next byte.)
    Returns the number of (token, state) pairs checked."""
    t = table(tok)
    reps = (0x80, 0x90, 0xa0)  # one byte of each sub-range the states tell apart
    want = {(0, (None,)): 0, (1, reps): 1, (2, reps): 2, (2, (0xa0,)): 3, (2, (0x80, 0x90)): 4,
            (3, reps): 5, (3, (0x90, 0xa0)): 6, (3, (0x80,)): 7}
    n = 0
    for i, data in enumerate(token_bytes(tok)):
        if data is None:
            assert list(t[:, i]) == [0] + [INVALID] * (STATES - 1)
            continue
        for s in range(STATES):
            buf = PREFIX[s] + data
            sig = None
            for owed in range(4):
                fits = []
                for r in reps if owed else (None,):
                    tail = b'' if r is None else bytes([r]) + b'\x80' * (owed - 1)
                    try:
                        (buf + tail).decode('utf-8')
                        fits.append(r)
                    except UnicodeDecodeError:
                        pass
                if fits:
                    sig = (owed, tuple(fits))
                    break
            assert (INVALID if sig is None else want[sig]) == t[s, i], (i, s, data, sig)
            n += 1
    return n


if __name__ == '__main__':
    import pathlib
    from bpe import Tokenizer
    tk = Tokenizer.load(pathlib.Path(__file__).parent / 'tokenizer.json')
    print(f'{check(tk)} (token, state) pairs agree with Python\'s decoder; allowed per state:',
          list((table(tk) != INVALID).sum(1)))
