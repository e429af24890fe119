// The linear classifiers a course starts from (logistic regression, the support vector machine
// and its hinge loss) and the capacity of a model.

import type { Concept } from '../types';
import { S, tex } from './notation';

const x = { symbol: tex`x`, en: 'input vector of one example', zh: '一个样本的输入向量' };
const w = { symbol: tex`w`, en: 'weight vector', zh: '权重向量' };
const b = { symbol: tex`b`, en: 'bias', zh: '偏置' };

export const concepts: Concept[] = [
  {
    id: 'logistic-regression',
    topic: 'theory',
    name: { en: 'logistic regression', zh: '逻辑回归' },
    aliases: { en: ['logistic regression model', 'binary logistic regression', 'logit regression'], zh: ['逻辑斯蒂回归', '对数几率回归', 'Logistic 回归', 'logistic 回归', '逻辑斯谛回归'] },
    summary: {
      en: 'Logistic regression is a classifier made of a single sigmoid neuron: it turns a weighted sum of the features into the probability of the positive class. It is trained by minimizing the cross-entropy (the negative log-likelihood), and a network’s last layer with a sigmoid is exactly this model sitting on learned features.',
      zh: '逻辑回归是只有一个 sigmoid 神经元的分类器：它把特征的加权和变成“属于正类”的概率。训练时最小化交叉熵（也就是负对数似然）；网络最后一层若接 sigmoid，正是在学到的特征上做逻辑回归。',
    },
    intuition: {
      en: 'A straight boundary with a soft edge: far on one side means sure yes, near it means maybe.',
      zh: '一条带着柔和边缘的直线边界：离得越远越肯定，靠近边界就是“说不准”。',
    },
    formulas: [
      {
        tex: tex`P(y = 1 \mid x) = \sigma\!\left(w \cdot x + b\right) = \frac{1}{1 + e^{-(w \cdot x + b)}}`,
        legend: [x, w, b, { symbol: tex`\sigma`, en: 'the sigmoid', zh: 'sigmoid 函数' }],
      },
    ],
    related: ['sigmoid', 'cross-entropy', 'linear-regression', 'softmax', 'support-vector-machine', 'perceptron'],
    prerequisites: ['sigmoid'],
  },
  {
    id: 'support-vector-machine',
    topic: 'theory',
    name: { en: 'support vector machine', zh: '支持向量机' },
    aliases: { en: ['SVM', 'support vector machines', 'support-vector machine', 'SVM classifier', 'max-margin classifier', 'maximum margin classifier'], zh: ['SVM 分类器', '最大间隔分类器', 'SVM分类器'] },
    summary: {
      en: 'A support vector machine is a linear classifier that places its boundary with the largest possible margin to the nearest training points of each class, the support vectors. Trained with the hinge loss plus an L2 penalty, it ignores every example that is already classified with enough margin; kernels let it draw curved boundaries.',
      zh: '支持向量机是一种线性分类器，它让决策边界与两类中最近的训练点（支持向量）之间的间隔尽可能大。它用合页损失加 L2 惩罚来训练，已经以足够间隔分对的样本完全不影响结果；借助核函数，它也能画出弯曲的边界。',
    },
    intuition: {
      en: 'The widest street you can build between two neighbourhoods; only the houses at its edges decide where it runs.',
      zh: '在两个街区之间修一条尽量宽的马路，只有紧挨路边的房子决定它怎么走。',
    },
    formulas: [
      {
        tex: tex`\min_{w,b}\; \frac{\lambda}{2}\lVert w\rVert^2 + \frac{1}{n}\sum_{i=1}^{n} \max\bigl(0,\, 1 - y_i\,(w \cdot x_i + b)\bigr)`,
        legend: [
          w,
          b,
          S.lambda,
          S.n,
          { symbol: tex`x_i, y_i`, en: 'example i and its label, +1 or −1', zh: '第 i 个样本及其标签（+1 或 −1）' },
        ],
      },
    ],
    related: ['hinge-loss', 'logistic-regression', 'l2-regularization', 'perceptron'],
    prerequisites: ['dot-product'],
  },
  {
    id: 'hinge-loss',
    topic: 'training',
    name: { en: 'hinge loss', zh: '合页损失' },
    aliases: { en: ['multiclass SVM loss', 'max-margin loss', 'margin loss', 'SVM loss', 'multiclass hinge loss'], zh: ['铰链损失', 'Hinge 损失', 'hinge 损失', '折页损失', '多类 SVM 损失', '铰链损失函数', '合页损失函数'] },
    summary: {
      en: 'The hinge loss is zero once the correct class beats every other class by a margin, and grows linearly with the shortfall otherwise. It is the loss of the support vector machine; unlike the cross-entropy, it stops caring about an example as soon as the margin is met.',
      zh: '合页损失在正确类别的得分比其他类别都高出一个间隔时为零，否则随差距线性增长。它是支持向量机所用的损失；和交叉熵不同，只要间隔达到了，它就不再关心这个样本。',
    },
    intuition: {
      en: 'Pass by a clear margin and you pay nothing; fall short and you pay for every bit you are short.',
      zh: '以足够优势胜出就分文不付；差多少，就罚多少。',
    },
    formulas: [
      {
        tex: tex`L_i = \sum_{j \ne y_i} \max\bigl(0,\; s_j - s_{y_i} + \Delta\bigr)`,
        legend: [
          { symbol: tex`s_j`, en: 'score of class j for example i', zh: '样本 i 在类别 j 上的得分' },
          { symbol: tex`y_i`, en: 'correct class of example i', zh: '样本 i 的正确类别' },
          { symbol: tex`\Delta`, en: 'required margin (often 1)', zh: '要求的间隔（常取 1）' },
        ],
      },
    ],
    related: ['support-vector-machine', 'cross-entropy', 'loss-function'],
    prerequisites: ['loss-function'],
  },
  {
    id: 'model-capacity',
    topic: 'theory',
    name: { en: 'model capacity', zh: '模型容量' },
    aliases: { en: ['capacity of the model', 'representational capacity', 'network capacity', 'model complexity', 'VC dimension'], zh: ['模型复杂度', '网络容量', 'VC 维'] },
    summary: {
      en: 'A model’s capacity is the range of functions it can fit: more layers, more units or more parameters mean more capacity. Too little and it underfits even the training data; too much for the amount of data and it overfits unless regularization holds it back.',
      zh: '模型容量指模型能拟合的函数有多丰富：层数、单元数或参数越多，容量越大。容量太小，连训练数据都拟合不好（欠拟合）；相对数据量太大，又会过拟合，除非用正则化加以约束。',
    },
    intuition: {
      en: 'How many different curves the model could draw if you asked it to.',
      zh: '只要你要求，这个模型能画出多少种不同的曲线。',
    },
    formulas: [
      {
        tex: tex`\text{test error} \approx \text{training error} + \text{generalization gap}(\text{capacity}, n)`,
        legend: [S.n],
      },
    ],
    related: ['overfitting', 'underfitting', 'parameter-count', 'bias-variance-tradeoff', 'regularization'],
    prerequisites: ['overfitting', 'underfitting'],
  },
];
