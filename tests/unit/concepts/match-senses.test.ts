// Senses on the real knowledge base: a word that the course uses in another technical sense is
// not marked as the concept (or is marked as the general one), and a longer specific term wins
// over the general term inside it.

import { describe, it, expect } from 'vitest';
import { CONCEPTS } from '@/features/concepts/kb';
import { buildMatcher } from '@/features/concepts/match';

const matcher = buildMatcher(CONCEPTS);
const pairs = (text: string): string[] => matcher.find(text).map((m) => `${m.text}:${m.conceptId}`);

describe('other technical senses', () => {
  it('marks a feed-forward network as the transformer block only near transformer words', () => {
    expect(pairs('A feed-forward network with two hidden layers can fit this data.')).toContain('feed-forward network:multilayer-perceptron');
    expect(pairs('In every transformer block, attention is followed by a feed-forward network.')).toContain('feed-forward network:feed-forward-network');
    expect(pairs('这一时期以深层全连接网络和卷积网络这样的前馈网络为主。')).toContain('前馈网络:multilayer-perceptron');
    expect(pairs('Transformer 的每一层由多头注意力和前馈神经网络组成。')).toContain('前馈神经网络:feed-forward-network');
  });

  it('leaves the bias of an estimator and the sampling of batches plain', () => {
    expect(pairs('The neural network estimator has low bias but high variance, so its estimates scatter.').filter((p) => p.endsWith(':bias'))).toEqual([]);
    expect(pairs('During training, sampling mini-batches uniformly from the dataset keeps the gradient unbiased.').filter((p) => p.endsWith(':sampling'))).toEqual([]);
    expect(pairs('对于语言模型的训练，在随机采样中，每个样本都是原始长序列上的子序列。').filter((p) => p.endsWith(':sampling'))).toEqual([]);
    expect(pairs('模型按概率分布采样下一个词元，温度越高越随机。')).toContain('采样:sampling');
  });

  it('leaves a GPU kernel plain and marks a convolution kernel', () => {
    expect(pairs('When training the network on a GPU, the CUDA kernel launch overhead dominates for small operators.').filter((p) => p.endsWith(':kernel'))).toEqual([]);
    expect(pairs('The convolutional layer slides a 3x3 kernel over the image with a stride of 2.')).toEqual([
      'convolutional layer:convolution',
      'kernel:kernel',
      'stride:stride',
    ]);
  });
});

describe('longer specific terms', () => {
  it('win over their general part', () => {
    expect(pairs('We train with inverted dropout.')).toEqual(['inverted dropout:inverted-dropout']);
    expect(pairs('It is trained by backpropagation through time.')).toEqual(['backpropagation through time:backpropagation-through-time']);
    expect(pairs('双向循环神经网络能同时利用前后文。')).toEqual(['双向循环神经网络:bidirectional-rnn']);
    expect(pairs('Hierarchical softmax made word2vec fast.')).toEqual(['Hierarchical softmax:hierarchical-softmax', 'word2vec:word-vector']);
    expect(pairs('负对数似然与交叉熵相同。')).toEqual(['负对数似然:negative-log-likelihood', '交叉熵:cross-entropy']);
  });

  it('that mean something else hide the concept inside them', () => {
    for (const text of ['A transposed convolution upsamples the feature map.', 'The output is a convex combination of the two states.', 'The model reaches a word error rate of 5%.', '基于固定方差的随机初始化一般要配合逐层归一化来使用。']) {
      const ids = matcher.find(text).map((m) => m.conceptId);
      expect(ids, text).not.toContain('transpose');
      expect(ids, text).not.toContain('convex-function');
      expect(ids, text).not.toContain('accuracy');
      expect(ids, text).not.toContain('layer-normalization');
    }
  });
});

describe('senses met in the course corpus', () => {
  it('leaves kernel methods, audio filter banks, a warm-up exercise and text vectorization plain', () => {
    const plain = [
      'Gaussian processes with RBF kernels do not overfit, since the kernels encode smoothness of the functions.',
      '梅尔滤波器组中的滤波器把频谱分成许多频段。',
      'As a warm-up we train the network on a single GPU.',
      '搜索引擎通过人工智能技术进行更好的文本向量化，提升检索质量。',
      'smolagents 在模型集成方面提供了灵活性，可以接入各种框架的 LLM。',
      'Automatic benchmarks serve as standardized tools for evaluating language models.',
    ];
    const ids = ['kernel', 'learning-rate-warmup', 'vectorization', 'ensemble', 'standardization'];
    for (const text of plain) {
      expect(matcher.find(text).filter((m) => ids.includes(m.conceptId)).map((m) => m.text), text).toEqual([]);
    }
    expect(pairs('Warmup raises the learning rate linearly over the first 1000 steps.')).toContain('Warmup:learning-rate-warmup');
    expect(pairs('我们用 NumPy 的向量化运算代替 for 循环，把一批样本的计算写成一次矩阵乘法。')).toContain('向量化:vectorization');
  });
});
