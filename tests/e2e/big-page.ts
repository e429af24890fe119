import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '@/tests/e2e/harness';

// Paragraphs written for the test: prose with terms, everyday words, code.
const EN = [
  'Backpropagation sends the error of the output layer back through the network, and gradient descent uses it to update every weight and bias.',
  'The learning rate sets the size of each step; with momentum or the Adam optimizer the steps adapt to the shape of the cost surface.',
  'Adam Smith never trained a neural network, and the weight of the parcel had nothing to do with regularization.',
  'A transformer reads a sequence of tokens, turns each token into an embedding, and lets self-attention mix information between positions.',
  'Dropout and early stopping fight overfitting, while batch normalization keeps the activations of each layer in a healthy range.',
  'She paid attention to the weather: the temperature outside dropped, so she took a token of thanks and went home.',
];
const ZH = [
  '反向传播利用链式法则，把输出层的误差一层层传回去，再由梯度下降更新权重和偏置。',
  '自注意力机制让每个词元根据查询和键的相似度读取前文，因果掩码挡住了未来的位置。',
  '学习率太大时训练会发散，太小时收敛很慢；随机梯度下降每次只看一个小批量。',
];

/** Writes a lecture-like page of at least `bytes` bytes, with the probe script, into a new folder. */
export function makeBigPage(bytes = 2 * 1024 * 1024): string {
  const dir = mkdtempSync(join(tmpdir(), 'dl-tutor-big-'));
  copyFileSync(join(ROOT, 'tests', 'fixtures', 'pages', 'probe.js'), join(dir, 'probe.js'));
  const parts: string[] = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Big lecture</title>',
    '<script src="probe.js"></script></head><body>',
  ];
  let size = 0;
  for (let s = 0; size < bytes; s++) {
    const section = [`<h2>Section ${s + 1}</h2>`];
    for (let p = 0; p < 12; p++) {
      const text = (s + p) % 4 === 3 ? ZH[(s + p) % ZH.length]! : EN[(s * 7 + p) % EN.length]!;
      section.push(`<p>${text} <em>Note ${s}.${p}:</em> ${EN[(s + p * 5) % EN.length]}</p>`);
    }
    section.push('<pre><code>for W, b in layers: a = sigmoid(W @ a + b)  # no marks in code</code></pre>');
    const html = section.join('\n');
    size += Buffer.byteLength(html);
    parts.push(html);
  }
  parts.push('<script>addEventListener("load", () => requestAnimationFrame(() => setTimeout(() => { window.__pageReady = performance.now(); }, 0)));</script>');
  parts.push('</body></html>');
  writeFileSync(join(dir, 'big.html'), parts.join('\n'));
  return dir;
}
