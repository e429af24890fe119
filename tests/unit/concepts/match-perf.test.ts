// Timing bounds are generous (shared CI machines); the measured numbers are
// printed so they can be quoted.

import { describe, it, expect } from 'vitest';
import { buildMatcher } from '@/features/concepts/match';
import type { Concept } from '@/features/concepts/types';
import { FIXTURE } from '@/tests/unit/concepts/match.fixture';

/** ~100 synthetic concepts x ~10 aliases, English and Chinese. */
function syntheticConcepts(): Concept[] {
  const out: Concept[] = [];
  const zhChars = '神经网络梯度下降学习率权重偏置激活函数注意力机制词元嵌入向量矩阵卷积池化归一化';
  for (let i = 0; i < 100; i++) {
    const en = Array.from({ length: 8 }, (_, k) => `term${i}x${k} ${['unit', 'layer', 'rule', 'method'][k % 4]}`);
    const zh = Array.from({ length: 3 }, (_, k) => zhChars.slice((i + k) % 20, ((i + k) % 20) + 3) + String(i));
    out.push({
      id: `c${i}`,
      topic: 'theory',
      name: { en: `concept number ${i}`, zh: `概念${i}` },
      aliases: { en, zh },
      ...(i % 10 === 0 ? { ambiguous: [`term${i}x0 unit`] } : {}),
      summary: { en: '', zh: '' },
      intuition: { en: '', zh: '' },
      formulas: [],
      related: [],
      prerequisites: [],
    });
  }
  return out;
}

/** About 1 MB of lecture-like text mixing terms, everyday words and Chinese. */
function generatedText(): string {
  const pieces = [
    'The network learns by stochastic gradient descent, ',
    'and each neuron adds a bias to the weighted sum of its inputs. ',
    'Adam Smith never trained a multilayer perceptron, ',
    'but the Adam optimizer keeps running averages of gradients. ',
    '我们用反向传播计算梯度，然后更新权重和偏置。',
    'The temperature outside was mild; ',
    'the softmax with temperature sharpened the distribution over the next token. ',
    'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. ',
    '😀 emoji and 𝒙 symbols should not confuse it. ',
  ];
  let text = '';
  let k = 0;
  while (text.length < 1_000_000) text += pieces[k++ % pieces.length];
  return text;
}

describe('performance', () => {
  it('builds a matcher for ~100 concepts x ~10 aliases quickly', () => {
    const concepts = syntheticConcepts();
    buildMatcher(concepts); // warm the JIT and the character tables
    const t0 = performance.now();
    const matcher = buildMatcher(concepts);
    const ms = performance.now() - t0;
    console.log(`build: ${concepts.length} concepts, ${matcher.patternCount} patterns in ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(100);
    expect(matcher.find('we used term5x1 layers and 概念7').map((m) => m.conceptId)).toEqual(['c5', 'c7']);
  });

  it('matches ~1 MB of text well under a second', () => {
    const matcher = buildMatcher(FIXTURE);
    const text = generatedText();
    matcher.find(text.slice(0, 50_000)); // warm up
    const t0 = performance.now();
    const found = matcher.find(text);
    const ms = performance.now() - t0;
    console.log(`match: ${(text.length / 1e6).toFixed(2)}M code units, ${found.length} matches in ${ms.toFixed(0)} ms`);
    expect(found.length).toBeGreaterThan(10_000);
    expect(ms).toBeLessThan(2000);
  });

  it('matches text-node-sized pieces with block context quickly', () => {
    const matcher = buildMatcher(FIXTURE);
    const text = generatedText();
    const t0 = performance.now();
    let n = 0;
    let worst = 0;
    for (let at = 0; at < text.length; at += 200) {
      const s = performance.now();
      n += matcher.find({
        text: text.slice(at, at + 200),
        contextBefore: text.slice(Math.max(0, at - 400), at),
        contextAfter: text.slice(at + 200, at + 600),
      }).length;
      worst = Math.max(worst, performance.now() - s);
    }
    const ms = performance.now() - t0;
    console.log(`pieces: 5000 x 200 code units with context, ${n} matches in ${ms.toFixed(0)} ms (worst piece ${worst.toFixed(1)} ms)`);
    expect(ms).toBeLessThan(4000);
  });
});
