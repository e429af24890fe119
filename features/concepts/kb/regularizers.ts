// Regularizers beyond the L1/L2 penalty and plain dropout: constraints on the weights, mixtures of
// penalties, dropout as implemented, averaging many models, and softened targets.

import type { Concept } from '../types';
import { S, tex } from './notation';

export const concepts: Concept[] = [
  {
    id: 'max-norm-constraint',
    topic: 'regularization',
    name: { en: 'max-norm constraint', zh: '最大范数约束' },
    aliases: { en: ['max-norm regularization', 'max norm constraint', 'max-norm', 'norm constraint', 'weight norm constraint'], zh: ['最大范数正则化', '范数约束', 'max-norm 约束', '最大范数'] },
    summary: {
      en: 'A max-norm constraint caps the length of the weight vector into each unit: after every update, a vector longer than c is scaled back onto the ball of radius c. Because the weights can never blow up, it allows large learning rates and works well together with dropout.',
      zh: '最大范数约束给连入每个单元的权重向量设了长度上限：每次更新之后，凡是长度超过 c 的向量都被缩放回半径为 c 的球面上。权重永远不会爆炸，于是可以用较大的学习率，和随机失活搭配效果也很好。',
    },
    intuition: {
      en: 'A leash of fixed length on every unit’s weights.',
      zh: '给每个单元的权重拴上一根固定长度的绳子。',
    },
    formulas: [
      {
        tex: tex`w_j \leftarrow w_j \cdot \min\!\left(1,\ \frac{c}{\lVert w_j \rVert_2}\right)`,
        legend: [
          { symbol: tex`w_j`, en: 'weights into unit j', zh: '连入单元 j 的权重' },
          { symbol: tex`c`, en: 'largest allowed norm (often 3 or 4)', zh: '允许的最大范数（常取 3 或 4）' },
        ],
      },
    ],
    related: ['regularization', 'dropout', 'l2-regularization', 'vector-norm', 'gradient-clipping'],
    prerequisites: ['regularization', 'vector-norm'],
  },
  {
    id: 'elastic-net',
    topic: 'regularization',
    name: { en: 'elastic net', zh: '弹性网络' },
    aliases: { en: ['elastic net regularization', 'elastic-net regularization', 'elastic-net'], zh: ['弹性网', '弹性网络正则化', 'Elastic Net'] },
    summary: {
      en: 'Elastic net regularization adds both an L1 and an L2 penalty to the cost. The L1 part drives many weights exactly to zero while the L2 part keeps correlated features sharing the weight instead of one of them taking it all.',
      zh: '弹性网络正则化在代价上同时加 L1 和 L2 两种惩罚。L1 部分把许多权重压到恰好为零，L2 部分则让相关的特征分摊权重，而不是让其中一个独占。',
    },
    intuition: {
      en: 'A lasso to throw useless weights out and a spring to keep the rest small.',
      zh: '一根套索扔掉没用的权重，一根弹簧让其余的保持小巧。',
    },
    formulas: [
      {
        tex: tex`C = C_0 + \lambda_1 \sum_w |w| + \frac{\lambda_2}{2} \sum_w w^2`,
        legend: [S.C, S.C0, { symbol: tex`\lambda_1, \lambda_2`, en: 'strengths of the L1 and L2 penalties', zh: 'L1 与 L2 惩罚的强度' }],
      },
    ],
    related: ['l1-regularization', 'l2-regularization', 'regularization'],
    prerequisites: ['l1-regularization', 'l2-regularization'],
  },
  {
    id: 'inverted-dropout',
    topic: 'regularization',
    name: { en: 'inverted dropout', zh: '反向随机失活' },
    aliases: { en: ['inverse dropout'], zh: ['倒置随机失活', '反向 dropout', '倒置 dropout', 'Inverted Dropout', '反向失活'] },
    summary: {
      en: 'Inverted dropout is dropout as libraries implement it: the surviving activations are divided by the keep probability during training, so nothing has to change at test time. Without this scaling every activation would have to be multiplied by the keep probability at inference instead.',
      zh: '反向随机失活是各个框架实际实现随机失活的方式：训练时把保留下来的激活值除以保留概率，这样测试时什么都不用改。如果不做这一步缩放，推理时就得把每个激活值乘上保留概率。',
    },
    intuition: {
      en: 'Pay the survivors for the missing colleagues during practice, so the full team needs no adjustment on match day.',
      zh: '训练时让在场的人顶上缺席者的份，比赛那天全员到齐就不必再调整。',
    },
    formulas: [
      {
        tex: tex`\tilde{a} = \frac{r \odot a}{q}, \qquad r_j \sim \operatorname{Bernoulli}(q)`,
        legend: [
          { symbol: tex`q`, en: 'keep probability (1 minus the dropout rate)', zh: '保留概率（1 减失活率）' },
          { symbol: tex`r`, en: 'random mask of 0s and 1s', zh: '由 0 和 1 组成的随机掩码' },
          { symbol: tex`a`, en: 'activations of the layer', zh: '该层的激活值' },
          S.odot,
        ],
      },
    ],
    related: ['dropout', 'regularization', 'ensemble'],
    prerequisites: ['dropout'],
  },
  {
    id: 'ensemble',
    topic: 'regularization',
    name: { en: 'ensemble', zh: '集成学习' },
    aliases: { en: ['model ensemble', 'ensembling', 'ensemble learning', 'model averaging', 'ensemble of models', 'ensemble methods', 'ensemble method', 'bagging'], zh: ['模型平均', '集成方法'] },
    // 模型集成 is as often a model integrated into a framework as an ensemble: not a form.
    ambiguous: ['ensemble'],
    summary: {
      en: 'An ensemble trains several models independently (different initializations, data or architectures) and averages their predictions. Their errors are partly independent, so the average is more accurate than a typical member, typically by a few percent; dropout can be seen as a cheap ensemble of many thinned networks.',
      zh: '模型集成独立训练好几个模型（初始化、数据或结构各不相同），再把它们的预测取平均。它们的错误部分相互独立，所以平均结果比单个成员更准，通常能提高几个百分点；随机失活可以看作许多“瘦身”网络的廉价集成。',
    },
    intuition: {
      en: 'Ask several experts and go with the average opinion.',
      zh: '多问几位专家，取他们的平均意见。',
    },
    formulas: [
      {
        tex: tex`\hat{y}(x) = \frac{1}{M}\sum_{m=1}^{M} f_m(x)`,
        legend: [
          { symbol: tex`f_m`, en: 'the m-th trained model', zh: '第 m 个训练好的模型' },
          { symbol: tex`M`, en: 'number of models', zh: '模型个数' },
        ],
      },
    ],
    related: ['dropout', 'overfitting', 'generalization', 'bias-variance-tradeoff'],
    prerequisites: [],
  },
  {
    id: 'label-smoothing',
    topic: 'regularization',
    name: { en: 'label smoothing', zh: '标签平滑' },
    aliases: { en: ['label-smoothing', 'smoothed labels', 'label smoothing regularization'], zh: ['标签平滑正则化', '标签平滑化', 'Label Smoothing'] },
    summary: {
      en: 'Label smoothing replaces the one-hot target with one that gives the correct class 1 − ε and spreads ε over all classes. The model is no longer pushed to make its logits infinitely large, which makes it less overconfident and often generalizes better; the original transformer used ε = 0.1.',
      zh: '标签平滑把独热目标换成这样一个分布：正确类别得 1 − ε，其余的 ε 平均分给所有类别。模型不再被逼着把 logits 推向无穷大，因此不那么过度自信，泛化也往往更好；最初的 Transformer 用的是 ε = 0.1。',
    },
    intuition: {
      en: 'Teach with a little humility: never insist on absolute certainty.',
      zh: '教的时候留一点余地：从不要求百分之百确定。',
    },
    formulas: [
      {
        tex: tex`y_j^{\text{smooth}} = (1 - \varepsilon)\, y_j + \frac{\varepsilon}{N}`,
        legend: [S.yj, S.N, { symbol: tex`\varepsilon`, en: 'smoothing amount (e.g. 0.1)', zh: '平滑量（如 0.1）' }],
      },
    ],
    related: ['cross-entropy', 'one-hot-encoding', 'regularization', 'softmax', 'kl-divergence'],
    prerequisites: ['cross-entropy', 'one-hot-encoding'],
  },
];
