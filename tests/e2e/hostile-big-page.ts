import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '@/tests/e2e/harness';

// The scale cases in one page, largest last so that the annotator meets the odd
// ones first: a 1 MB text node without a space, 1 MB of Chinese without punctuation, a
// 5,000-row table, 50,000 short paragraphs, then lecture prose up to 20 MB in all.

const EN = [
  'Backpropagation sends the error of the output layer back through the network, and gradient descent uses it to update every weight.',
  'The learning rate sets the size of each step; with momentum or the Adam optimizer the steps adapt to the cost surface.',
  'A transformer turns each token into an embedding and lets self-attention mix information between positions.',
  'Dropout and early stopping fight overfitting, while batch normalization keeps the activations in a healthy range.',
];
const ZH = ['反向传播利用链式法则把输出层的误差一层层传回去再由梯度下降更新权重和偏置', '自注意力机制让每个词元根据查询和键的相似度读取前文因果掩码挡住了未来的位置', '学习率太大时训练会发散太小时收敛很慢随机梯度下降每次只看一个小批量'];

/** A deterministic string of letters and digits, like base64 data pasted into a page. */
function noSpaces(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let x = 12345;
  let out = '';
  while (out.length < length) {
    let chunk = '';
    for (let i = 0; i < 4096; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      chunk += alphabet[x % alphabet.length];
    }
    out += chunk;
  }
  return out.slice(0, length);
}

function chinese(chars: number): string {
  let out = '';
  for (let i = 0; out.length < chars; i++) out += ZH[i % ZH.length];
  return out.slice(0, chars);
}

/** Writes the page (with probe.js) into a new folder and returns the folder. */
export function makeScalePage(bytes = 20 * 1024 * 1024): string {
  const dir = mkdtempSync(join(tmpdir(), 'dl-tutor-scale-'));
  copyFileSync(join(ROOT, 'tests', 'fixtures', 'pages', 'probe.js'), join(dir, 'probe.js'));
  const parts: string[] = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Scale</title>',
    '<script src="probe.js"></script></head><body>',
    `<h1>A very large lecture</h1><p id="top">${EN[0]}</p>`,
    `<h2>Pasted data</h2><p id="nospace">${noSpaces(1024 * 1024)}</p>`,
    `<h2>中文长段</h2><p id="zh" lang="zh">${chinese(1024 * 1024)}</p>`,
    '<h2>A table</h2><table id="table"><tbody>',
  ];
  for (let r = 0; r < 5000; r++) parts.push(`<tr><td>${r}</td><td>${r % 50 === 0 ? 'backpropagation' : 'a cell'}</td><td>${(r * 0.37).toFixed(2)}</td></tr>`);
  parts.push('</tbody></table><h2>Short notes</h2><div id="many">');
  for (let p = 0; p < 50_000; p++) parts.push(`<p>Note ${p}: ${p % 100 === 0 ? 'gradient descent' : 'see above'}.</p>`);
  parts.push('</div>');
  let size = parts.reduce((n, s) => n + Buffer.byteLength(s), 0);
  // Lecture prose in sections, as course pages (Jupyter Book, d2l) structure it.
  for (let s = 0; size < bytes; s++) {
    const section = [`<section><h2>Section ${s + 1}</h2>`];
    for (let p = 0; p < 12; p++) section.push(`<p>${EN[(s + p) % EN.length]} ${EN[(s * 3 + p) % EN.length]}</p>`);
    section.push('</section>');
    const html = section.join('');
    size += Buffer.byteLength(html);
    parts.push(html);
  }
  parts.push('<script>addEventListener("load", () => requestAnimationFrame(() => setTimeout(() => { window.__pageReady = performance.now(); }, 0)));</script>');
  parts.push('</body></html>');
  writeFileSync(join(dir, 'scale.html'), parts.join('\n'));
  return dir;
}
