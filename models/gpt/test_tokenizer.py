"""Tokenizer checks: lossless round trip for any text, and a well-formed tokenizer.json.

Run: cd models/gpt && /usr/bin/python3 -m unittest test_tokenizer -v
A staged model folder: GPT_MODEL_DIR=/work/gpt-run/release /usr/bin/python3 -m unittest test_tokenizer
"""
import json
import os
import pathlib
import random
import unittest

from bpe import EOT, Tokenizer

HERE = pathlib.Path(os.environ.get('GPT_MODEL_DIR') or pathlib.Path(__file__).parent)


class TokenizerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tok = Tokenizer.load(HERE / 'tokenizer.json')
        cls.spec = json.loads((HERE / 'tokenizer.json').read_text(encoding='utf-8'))

    def test_round_trip_of_hand_picked_texts(self):
        texts = ['Gradient descent minimizes the loss.', '机器学习很有趣。', 'I ❤️ 🤖 and 👨‍👩‍👧!',
                 '  leading and trailing  ', 'tabs\tand\r\nCRLF', "it's we'll", 'Ünïcödé',
                 'a<|endoftext|>b', '', '\x00\x01 control bytes', 'مرحبا', 'Ελληνικά']
        for text in texts:
            with self.subTest(text=text):
                self.assertEqual(self.tok.decode(self.tok.encode(text)), text)

    def test_round_trip_of_random_unicode(self):
        rng = random.Random(0)
        alphabet = [chr(c) for c in range(0x20, 0x2FF)] + list('机器学习模型训练数据') \
            + ['🤖', '🎉', '👍🏽', '\n', '\t', ' ']
        for _ in range(200):
            text = ''.join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
            self.assertEqual(self.tok.decode(self.tok.encode(text)), text)

    def test_separator_is_one_special_token(self):
        ids = self.tok.encode(f'one{EOT}two')
        self.assertEqual(ids.count(self.tok.eot_id), 1)
        self.assertEqual(self.tok.eot_id, len(self.tok.vocab) - 1)

    def test_common_words_are_single_tokens(self):
        for word in [' model', ' data', ' the', ' learning']:
            self.assertEqual(len(self.tok.encode(word)), 1, word)

    def test_frequent_chinese_is_single_tokens(self):
        if self.spec['pre_tokenizer']['type'] != 'Sequence':
            self.skipTest('English-only tokenizer')
        for text in ['的', '学', '模型', '数据', '训练', '梯度']:
            self.assertEqual(len(self.tok.encode(text)), 1, text)

    def test_han_never_shares_a_piece_with_latin(self):
        if self.spec['pre_tokenizer']['type'] != 'Sequence':
            self.skipTest('English-only tokenizer')
        ids = self.tok.encode('用PyTorch训练')
        text = [self.tok.decode([i]) for i in ids]
        self.assertEqual(''.join(text), '用PyTorch训练')
        self.assertTrue(all(not (any('\u4e00' <= c <= '\u9fff' for c in t)
                                 and any(c.isascii() and c.isalpha() for c in t)) for t in text))

    def test_hugging_face_layout(self):
        spec = self.spec
        self.assertEqual(spec['model']['type'], 'BPE')
        pre = spec['pre_tokenizer']
        if pre['type'] == 'Sequence':  # bilingual: Split(regex, Isolated) + ByteLevel(no regex)
            split, byte_level = pre['pretokenizers']
            self.assertEqual(split['type'], 'Split')
            self.assertEqual(split['behavior'], 'Isolated')
            self.assertFalse(split['invert'])
            self.assertEqual(byte_level['type'], 'ByteLevel')
            self.assertFalse(byte_level['use_regex'])
            parts = [byte_level, spec['decoder']]
        else:
            parts = [pre, spec['decoder']]
        for part in parts:
            self.assertEqual(part['type'], 'ByteLevel')
            self.assertFalse(part['add_prefix_space'])
        vocab = spec['model']['vocab']
        self.assertEqual(sorted(vocab.values()), list(range(len(vocab))))
        self.assertEqual(len(spec['model']['merges']), len(vocab) - 256)
        for merge in spec['model']['merges']:
            a, b = merge.split(' ')
            self.assertIn(a + b, vocab)
        self.assertEqual(spec['added_tokens'][0]['content'], EOT)
        self.assertEqual(spec['added_tokens'][0]['id'], len(vocab))

    def test_fixture_tokenization_is_current(self):
        fixture = json.loads((HERE / 'fixtures' / 'reference.json').read_text(encoding='utf-8'))
        for case in fixture['prompts'] + fixture['tokenization']:
            self.assertEqual(self.tok.encode(case['text']), case['input_ids'], case['text'])


if __name__ == '__main__':
    unittest.main()
