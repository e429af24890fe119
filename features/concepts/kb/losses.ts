// Losses from probability: the likelihood a model gives the data, its negative log, the distance
// between two distributions, and the tree-shaped softmax that makes large vocabularies cheap.

import type { Concept } from '../types';
import { S, tex } from './notation';

const theta = { symbol: tex`\theta`, en: 'all the model’s parameters (weights and biases)', zh: '模型的全部参数（权重和偏置）' };
const pxy = { symbol: tex`p_\theta(y_i \mid x_i)`, en: 'probability the model gives to the correct label of example i', zh: '模型给第 i 个样本正确标签的概率' };

export const concepts: Concept[] = [
  {
    id: 'maximum-likelihood-estimation',
    topic: 'training',
    name: { en: 'maximum likelihood estimation', zh: '最大似然估计' },
    aliases: { en: ['maximum likelihood', 'MLE', 'maximum-likelihood estimation', 'likelihood function', 'log-likelihood'], zh: ['极大似然估计', '最大似然', '极大似然', '似然函数', '对数似然'] },
    summary: {
      en: 'Maximum likelihood estimation picks the parameters under which the observed training data are most probable. Because the examples are treated as independent, the likelihood is a product, and its logarithm turns it into a sum that gradient descent can handle.',
      zh: '最大似然估计选出这样一组参数：在它之下，观测到的训练数据出现的概率最大。由于样本被看作相互独立，似然是一个连乘积，取对数后变成求和，梯度下降就好处理了。',
    },
    intuition: {
      en: 'Tune the model until the data you actually saw look as unsurprising as possible.',
      zh: '调整模型，直到你真正看到的数据显得最不令人意外。',
    },
    formulas: [
      {
        tex: tex`\theta^{*} = \arg\max_{\theta} \prod_{i=1}^{n} p_\theta(y_i \mid x_i) = \arg\max_{\theta} \sum_{i=1}^{n} \log p_\theta(y_i \mid x_i)`,
        legend: [theta, pxy, S.n],
      },
    ],
    related: ['negative-log-likelihood', 'cross-entropy', 'probability-distribution', 'loss-function'],
    prerequisites: ['probability-distribution'],
  },
  {
    id: 'negative-log-likelihood',
    topic: 'training',
    name: { en: 'negative log-likelihood', zh: '负对数似然' },
    aliases: { en: ['NLL', 'negative log likelihood', 'NLL loss', 'negative log-likelihood loss'], zh: ['负对数似然损失', 'NLL 损失', '负对数似然函数'] },
    summary: {
      en: 'The negative log-likelihood is minus the log of the probability the model gives the correct label, averaged over the examples. Minimizing it is the same as maximum likelihood, and with one-hot labels it equals the cross-entropy, which is why the two names are used interchangeably.',
      zh: '负对数似然是模型给正确标签的概率取对数再加负号，并在样本上求平均。最小化它等价于最大似然估计；标签是独热编码时，它与交叉熵完全相同，所以两个名字常常混用。',
    },
    intuition: {
      en: 'Give the right answer probability 1 and you pay nothing; give it almost 0 and the bill has no ceiling.',
      zh: '给正确答案概率 1，就一分不罚；给它的概率接近 0，罚单就没有上限。',
    },
    formulas: [
      {
        tex: tex`C = -\frac{1}{n}\sum_{i=1}^{n} \log p_\theta(y_i \mid x_i)`,
        legend: [S.C, pxy, S.n],
      },
    ],
    related: ['cross-entropy', 'maximum-likelihood-estimation', 'softmax', 'perplexity'],
    prerequisites: ['maximum-likelihood-estimation'],
    demo: { kind: 'training-lab', cost: 'cross-entropy' },
  },
  {
    id: 'kl-divergence',
    topic: 'training',
    name: { en: 'KL divergence', zh: 'KL 散度' },
    aliases: { en: ['Kullback-Leibler divergence', 'Kullback–Leibler divergence', 'relative entropy', 'KL-divergence', 'KL penalty'], zh: ['相对熵', 'KL散度', '库尔贝克-莱布勒散度', 'KL 距离'] },
    summary: {
      en: 'The Kullback–Leibler divergence measures how much a distribution q differs from a reference p: the extra surprise, on average, of using q when the data follow p. It is zero only when the two agree and is not symmetric; cross-entropy equals the entropy of p plus this divergence.',
      zh: 'KL 散度衡量分布 q 与参考分布 p 相差多少：数据实际服从 p 而你却用 q 时，平均多出来的“意外”。只有两者完全一致时它才为零，而且它不对称；交叉熵正好等于 p 的熵加上这个散度。',
    },
    intuition: {
      en: 'The price, in wasted surprise, of believing the wrong distribution.',
      zh: '相信了错误的分布所要付出的“多余意外”。',
    },
    formulas: [
      {
        tex: tex`D_{\mathrm{KL}}(p \,\|\, q) = \sum_{x} p(x) \log \frac{p(x)}{q(x)} \;\ge\; 0`,
        legend: [
          { symbol: tex`p`, en: 'reference distribution (the data’s)', zh: '参考分布（数据的分布）' },
          { symbol: tex`q`, en: 'the model’s distribution', zh: '模型的分布' },
        ],
      },
    ],
    related: ['cross-entropy', 'probability-distribution', 'autoencoder', 'label-smoothing'],
    prerequisites: ['probability-distribution', 'cross-entropy'],
  },
  {
    id: 'hierarchical-softmax',
    topic: 'training',
    name: { en: 'hierarchical softmax', zh: '层序 softmax' },
    aliases: { en: ['hierarchical soft-max', 'tree softmax'], zh: ['层次 softmax', '分层 softmax', '层序softmax', '层次softmax', '分层softmax', '层次化 softmax'] },
    summary: {
      en: 'Hierarchical softmax puts the vocabulary at the leaves of a binary tree and writes the probability of a word as a product of left-or-right decisions along its path. Computing one word’s probability then costs about log₂ N sigmoid evaluations instead of a sum over all N words, which made word2vec fast.',
      zh: '层序 softmax 把词表放在一棵二叉树的叶子上，一个词的概率写成从根到它的路径上一连串“向左还是向右”决策概率的乘积。这样算一个词的概率只要约 log₂ N 次 sigmoid，而不必对全部 N 个词求和，word2vec 因此很快。',
    },
    intuition: {
      en: 'Twenty yes-or-no questions instead of reading out the whole dictionary.',
      zh: '用二十个“是或否”的问题，代替把整本词典念一遍。',
    },
    formulas: [
      {
        tex: tex`P(w \mid h) = \prod_{k=1}^{\lceil \log_2 N \rceil} \sigma\!\left(d_k\; v_{n_k} \cdot h\right)`,
        legend: [
          { symbol: tex`h`, en: 'context vector', zh: '上下文向量' },
          { symbol: tex`n_k, v_{n_k}`, en: 'k-th node on the path to word w, and its vector', zh: '通往词 w 的路径上第 k 个节点及其向量' },
          { symbol: tex`d_k`, en: '+1 to go left, −1 to go right', zh: '向左为 +1，向右为 −1' },
          S.N,
        ],
      },
    ],
    related: ['softmax', 'word-vector', 'token'],
    prerequisites: ['softmax'],
  },
];
