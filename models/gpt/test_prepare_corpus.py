"""What the corpus modes keep and drop, on small made-up pages (no corpus needed).

    cd models/gpt && /usr/bin/python3 -m unittest test_prepare_corpus
"""
import unittest

import prepare_corpus as p

PAGE = '''---
layout: post
title: "Gradient descent notes"
tags: ["ml"]
---

# Gradient descent 梯度下降

<div align="center"><img src="img/loss.png" width="60%"></div>

<https://www.example.org/video/abc123/>

{% include lecture-links.html %}

The cost $C(w) = \\frac{1}{n}\\sum_x \\|y(x) - a\\|^2$ falls when we step along $-\\nabla C$.

```mermaid
graph LR
    A[input] --> B[hidden]
```

```python
w = w - eta * grad
```

| 概念   | 含义         |
| :----- | :----------- |
| 梯度   | 最陡上升方向 |
| 学习率 | 步长         |

| epoch | loss |
| ----- | ---- |
| 1     | 0.93 |
| 2     | 0.41 |

------

<Tip warning={true}>Components of a docs site are dropped.</Tip>

<script>alert(1)</script>

- **Learning rate** $\\eta$: how far each step goes
- Momentum keeps a running average of the gradients
'''


def run(mode, raw=PAGE):
    old = p.MODE
    p.MODE = mode
    try:
        return '\n\n'.join(p.markdown_text(raw))
    finally:
        p.MODE = old


class NotesSrc(unittest.TestCase):
    def test_keeps_what_notes_sites_write(self):
        out = run('notes-src')
        self.assertTrue(out.startswith('---\nlayout: post\ntitle: "Gradient descent notes"'))
        self.assertIn('<div align="center"><img src="img/loss.png" width="60%"></div>', out)
        self.assertIn('<https://www.example.org/video/abc123/>', out)
        self.assertIn('{% include lecture-links.html %}', out)
        self.assertIn('```mermaid\ngraph LR\n    A[input] --> B[hidden]\n```', out)
        self.assertIn('| 概念   | 含义         |\n| :----- | :----------- |', out)  # as written
        self.assertIn('\n------\n', '\n' + out + '\n')
        self.assertIn('$C(w) = \\frac{1}{n}', out)
        self.assertIn('- **Learning rate** $\\eta$: how far each step goes', out)

    def test_still_drops_code_scripts_components_and_numbers(self):
        out = run('notes-src')
        for gone in ('w = w - eta', 'alert(1)', '<Tip', '</Tip>', '0.93', '```python'):
            self.assertNotIn(gone, out)
        self.assertIn('Components of a docs site are dropped.', out)  # the words stay

    def test_notes_mode_is_unchanged(self):
        out = run('notes')
        for gone in ('layout: post', '<div', '<img', '{% include', 'mermaid', '------', '<https'):
            self.assertNotIn(gone, out)
        self.assertIn('| 概念 | 含义 |\n|:---|:---|', out)  # normalised, as before
        self.assertIn('# Gradient descent 梯度下降', out)


if __name__ == '__main__':
    unittest.main()
