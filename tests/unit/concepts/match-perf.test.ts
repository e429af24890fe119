// Speed bounds are in units of a reference workload timed alongside (relative-cost.ts), so they
// hold on a quiet and a loaded machine alike; the milliseconds are printed.

import { describe, it, expect } from 'vitest';
import { buildMatcher } from '@/features/concepts/match';
import type { Concept } from '@/features/concepts/types';
import { FIXTURE } from '@/tests/unit/concepts/match.fixture';
import { describeCost, relativeCost } from '@/tests/unit/relative-cost';

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

// Budgets in reference units, about 10x what the 2-core CI machine measured under a load of 14
// (build 0.6, 1 MB 13, pieces 58): a slower path by that much is a bug, not noise.
const BUILD_UNITS = 10;
const MATCH_1MB_UNITS = 150;
const PIECES_UNITS = 600;

describe('performance', () => {
  it('builds a matcher for ~100 concepts x ~10 aliases quickly', () => {
    const concepts = syntheticConcepts();
    const matcher = buildMatcher(concepts);
    const cost = relativeCost(() => buildMatcher(concepts));
    console.log(`build: ${concepts.length} concepts, ${matcher.patternCount} patterns in ${describeCost(cost)}`);
    expect(cost.units).toBeLessThan(BUILD_UNITS);
    expect(matcher.find('we used term5x1 layers and 概念7').map((m) => m.conceptId)).toEqual(['c5', 'c7']);
  });

  it('matches ~1 MB of text well under a second', () => {
    const matcher = buildMatcher(FIXTURE);
    const text = generatedText();
    const found = matcher.find(text);
    const cost = relativeCost(() => matcher.find(text), 2);
    console.log(`match: ${(text.length / 1e6).toFixed(2)}M code units, ${found.length} matches in ${describeCost(cost)}`);
    expect(found.length).toBeGreaterThan(10_000);
    expect(cost.units).toBeLessThan(MATCH_1MB_UNITS);
  });

  it('matches text-node-sized pieces with block context quickly', () => {
    const matcher = buildMatcher(FIXTURE);
    const text = generatedText();
    let n = 0;
    const pieces = () => {
      n = 0;
      for (let at = 0; at < text.length; at += 200) {
        n += matcher.find({
          text: text.slice(at, at + 200),
          contextBefore: text.slice(Math.max(0, at - 400), at),
          contextAfter: text.slice(at + 200, at + 600),
        }).length;
      }
    };
    const cost = relativeCost(pieces, 2);
    console.log(`pieces: 5000 x 200 code units with context, ${n} matches in ${describeCost(cost)}`);
    expect(cost.units).toBeLessThan(PIECES_UNITS);
  });
});
