import { describe, it, expect } from 'vitest';
import { buildMatcher, resumeOffset } from '@/features/concepts/match';
import { describeCost, relativeCost } from '@/tests/unit/relative-cost';
import type { TermMatch } from '@/features/concepts/match';
import { FIXTURE } from '@/tests/unit/concepts/match.fixture';

const matcher = buildMatcher(FIXTURE);
const ids = (text: string): string[] => matcher.find(text).map((m) => m.conceptId);
const spans = (text: string): [string, string][] => matcher.find(text).map((m) => [m.conceptId, m.text]);

describe('buildMatcher', () => {
  it('compiles names, aliases, plurals and variants', () => {
    expect(matcher.patternCount).toBeGreaterThan(FIXTURE.length * 2);
  });

  it('returns nothing for empty or term-free text', () => {
    expect(matcher.find('')).toEqual([]);
    expect(matcher.find({ text: '' })).toEqual([]);
    expect(matcher.find('The quick brown fox jumps over the lazy dog.')).toEqual([]);
    expect(buildMatcher([]).find('neuron gradient')).toEqual([]);
  });
});

describe('word boundaries', () => {
  it('needs non-letters on both sides of English terms', () => {
    expect(ids('neural networks are neat')).toEqual(['neural-network']);
    expect(ids('a neuronal signal')).toEqual([]); // neuron + "al"
    expect(ids('the gradients')).toEqual(['gradient']);
    expect(ids('gradientfree methods')).toEqual([]);
    expect(ids('xgradient')).toEqual([]);
    expect(ids('gradient2')).toEqual([]);
    expect(ids('(gradient)')).toEqual(['gradient']);
    expect(ids('the gradient, then')).toEqual(['gradient']);
    expect(ids("the neuron's output")).toEqual(['neuron']);
  });

  it('treats accented letters as part of the word', () => {
    expect(ids('neuroné')).toEqual([]);
  });

  it('needs no boundaries in Chinese, nor between Chinese and English', () => {
    expect(spans('这个神经元的输出')).toEqual([['neuron', '神经元']]);
    expect(spans('用SGD训练神经网络')).toEqual([
      ['sgd', 'SGD'],
      ['neural-network', '神经网络'],
    ]);
    expect(spans('我们使用ReLU作为激活函数')).toEqual([
      ['relu', 'ReLU'],
      ['activation', '激活'],
    ]);
  });
});

describe('plurals', () => {
  it('finds regular plurals: s, es, ies', () => {
    expect(spans('two neurons')).toEqual([['neuron', 'neurons']]);
    expect(spans('weights and biases')).toEqual([
      ['weight', 'weights'],
      ['bias', 'biases'],
    ]);
    expect(spans('all activations')).toEqual([['activation', 'activations']]);
    expect(spans('stacked nonlinearities')).toEqual([['nonlinearity', 'nonlinearities']]);
    expect(spans('several learning rates')).toEqual([['learning-rate', 'learning rates']]);
    expect(spans('CNNs and MLPs')).toEqual([
      ['cnn', 'CNNs'],
      ['multilayer-perceptron', 'MLPs'],
    ]);
  });

  it('inflects the rule, not a list', () => {
    const m = buildMatcher([{ ...FIXTURE[0], id: 'epoch', name: { en: 'epoch', zh: '轮次' }, aliases: { en: ['mini-batch'], zh: [] } }]);
    expect(m.find('two epochs, three mini-batches, one epoch').map((x) => x.text)).toEqual(['epochs', 'mini-batches', 'epoch']);
  });

  it('does not invent other suffixes', () => {
    expect(ids('neuronss')).toEqual([]);
    expect(ids('gradienting')).toEqual([]);
  });
});

describe('case', () => {
  it('matches ordinary words case-insensitively', () => {
    expect(ids('Gradient Descent')).toEqual(['gradient-descent']);
    expect(ids('GRADIENT DESCENT')).toEqual(['gradient-descent']);
    expect(ids('ReLU relu RELU Relu')).toEqual(['relu', 'relu', 'relu', 'relu']);
  });

  it('matches all-caps abbreviations only in exact case, as whole words', () => {
    expect(ids('SGD')).toEqual(['sgd']);
    expect(ids('sgd Sgd')).toEqual([]);
    expect(ids('GPT-style models and GPT')).toEqual(['gpt', 'gpt']);
    expect(ids('gpt')).toEqual([]);
    expect(ids('GPTX MLPS SGDs')).toEqual(['sgd']); // plural s is lower case only
    expect(ids('an MLP, a CNN')).toEqual(['multilayer-perceptron', 'cnn']);
    expect(ids('my mlp')).toEqual([]);
  });

  it('folds full-width Latin letters', () => {
    expect(spans('用ＳＧＤ训练')).toEqual([['sgd', 'ＳＧＤ']]);
  });
});

describe('spacing and hyphen variants', () => {
  it('matches spaced, hyphenated and closed-up spellings', () => {
    expect(ids('back-propagation')).toEqual(['backpropagation']);
    expect(ids('backpropagation')).toEqual(['backpropagation']);
    expect(ids('back propagation')).toEqual(['backpropagation']);
    expect(ids('multi-layer perceptron; multilayer perceptron; multi layer perceptron')).toEqual([
      'multilayer-perceptron',
      'multilayer-perceptron',
      'multilayer-perceptron',
    ]);
    expect(ids('cross entropy and cross–entropy')).toEqual(['cross-entropy', 'cross-entropy']);
  });

  it('spans line breaks, repeated spaces and invisible characters', () => {
    expect(spans('gradient\n      descent')).toEqual([['gradient-descent', 'gradient\n      descent']]);
    expect(spans('gradient\u00a0descent')).toEqual([['gradient-descent', 'gradient\u00a0descent']]);
    expect(spans('back\u00adpropagation')).toEqual([['backpropagation', 'back\u00adpropagation']]);
  });
});

describe('longest match', () => {
  it('prefers the longest alias at a position', () => {
    expect(spans('stochastic gradient descent')).toEqual([['sgd', 'stochastic gradient descent']]);
    expect(spans('gradient descent')).toEqual([['gradient-descent', 'gradient descent']]);
    expect(spans('the gradient')).toEqual([['gradient', 'gradient']]);
    expect(spans('多层感知机和感知机')).toEqual([
      ['multilayer-perceptron', '多层感知机'],
      ['perceptron', '感知机'],
    ]);
    expect(spans('随机梯度下降')).toEqual([['sgd', '随机梯度下降']]);
    expect(spans('softmax with temperature')).toEqual([['temperature', 'softmax with temperature']]);
    expect(spans('the softmax temperature')).toEqual([['temperature', 'softmax temperature']]);
    expect(spans('the softmax function')).toEqual([['softmax', 'softmax function']]);
    expect(spans('convolutional neural networks')).toEqual([['cnn', 'convolutional neural networks']]);
  });

  it('falls back to a shorter alias when the longer one fails a boundary', () => {
    // "gradient descents" is a plural; "gradient descentx" is not a word, so only "gradient" matches.
    expect(spans('gradient descentx')).toEqual([['gradient', 'gradient']]);
  });

  it('never returns overlapping matches', () => {
    const text = 'stochastic gradient descent with a learning rate and gradient descent on the gradient';
    const found = matcher.find(text);
    for (let k = 1; k < found.length; k++) expect(found[k].start).toBeGreaterThanOrEqual(found[k - 1].end);
  });
});

describe('offsets', () => {
  function checkOffsets(text: string, found: TermMatch[]): void {
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  }

  it('are UTF-16 offsets into the original string', () => {
    const text = '😀 The 神经元 (neuron) feeds 𝒙 into a ReLU 🙂 then softmax.';
    const found = matcher.find(text);
    checkOffsets(text, found);
    expect(found.map((m) => [m.conceptId, m.start])).toEqual([
      ['neuron', text.indexOf('神经元')],
      ['neuron', text.indexOf('neuron')],
      ['relu', text.indexOf('ReLU')],
      ['softmax', text.indexOf('softmax')],
    ]);
  });

  it('are not shifted by characters whose lower case is longer', () => {
    // "İ" lower-cases to two code units; a per-character fold keeps offsets.
    const text = 'İİİ gradient İ descent İstanbul neuron';
    const found = matcher.find(text);
    checkOffsets(text, found);
    expect(found.map((m) => [m.conceptId, m.start])).toEqual([
      ['gradient', 4],
      ['neuron', text.indexOf('neuron')],
    ]);
  });

  it('survive lone surrogates and control characters', () => {
    const text = '\ud83d gradient\udc00\u0000neuron\ud800';
    const found = matcher.find(text);
    checkOffsets(text, found);
    expect(found.map((m) => m.conceptId)).toEqual(['gradient', 'neuron']);
  });
});

describe('binary-looking input', () => {
  it('handles 100k random code units quickly', () => {
    let seed = 12345;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    let text = '';
    for (let i = 0; i < 100_000; i++) text += String.fromCharCode(rand() % 0x10000);
    const found = matcher.find(text);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
    // A bound in units of a reference workload timed alongside (relative-cost.ts): a quadratic path
    // would be hundreds of units on any machine.
    const cost = relativeCost(() => matcher.find(text));
    console.log(`100k random code units: ${describeCost(cost)}`);
    expect(cost.units).toBeLessThan(10); // 0.4 measured
  });

  it('handles long runs of one letter and of separators', () => {
    const text = 'a'.repeat(50_000) + ' '.repeat(50_000) + '-'.repeat(10_000) + 'neuron';
    expect(ids(text)).toEqual(['neuron']);
  });
});

describe('ranges (slicing one long string)', () => {
  it('returns only matches starting in [from, to) and resumes after a straddling match', () => {
    const text = 'neuron '.repeat(3) + 'gradient descent ' + 'neuron '.repeat(3);
    const all = matcher.find(text);
    const cut = text.indexOf('descent'); // inside "gradient descent"
    const a = matcher.find({ text, from: 0, to: cut });
    const resume = resumeOffset(a, cut);
    const b = matcher.find({ text, from: resume, to: text.length });
    expect([...a, ...b]).toEqual(all);
  });
});
