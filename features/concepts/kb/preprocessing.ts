// What happens to the data before the network sees it: centring, scaling, decorrelating, and
// how the examples are split to choose hyperparameters.

import type { Concept } from '../types';
import { S, tex } from './notation';

const X = { symbol: tex`X`, en: 'data matrix: one row per example, one column per feature', zh: '数据矩阵：每行一个样本，每列一个特征' };
const mu = { symbol: tex`\mu`, en: 'mean of each feature over the training set', zh: '每个特征在训练集上的均值' };

export const concepts: Concept[] = [
  {
    id: 'data-preprocessing',
    topic: 'data',
    name: { en: 'data preprocessing', zh: '数据预处理' },
    aliases: { en: ['preprocessing', 'pre-processing', 'input preprocessing', 'data pre-processing', 'feature preprocessing'], zh: ['预处理', '数据清洗', '输入预处理'] },
    summary: {
      en: 'Data preprocessing turns raw inputs into the numbers a network trains on well: fill or drop missing values, encode categories, then centre and scale the features. Its statistics are computed on the training set only and reused unchanged on the validation and test sets, so that no information leaks from them.',
      zh: '数据预处理把原始输入变成网络容易训练的数值：补全或丢掉缺失值、对类别做编码，再把特征平移、缩放。所需的统计量只在训练集上计算，然后原样用于验证集和测试集，以免信息从它们那里泄露。',
    },
    intuition: {
      en: 'Wash and cut the vegetables before they go in the pan.',
      zh: '下锅之前，先把菜洗好切好。',
    },
    formulas: [
      {
        tex: tex`x' = \frac{x - \mu}{s}`,
        legend: [
          { symbol: tex`x`, en: 'raw feature value', zh: '原始特征值' },
          mu,
          { symbol: tex`s`, en: 'scale: the feature’s standard deviation or range', zh: '尺度：该特征的标准差或取值范围' },
        ],
      },
    ],
    related: ['mean-subtraction', 'standardization', 'whitening', 'principal-component-analysis', 'one-hot-encoding', 'training-set'],
    prerequisites: [],
  },
  {
    id: 'mean-subtraction',
    topic: 'data',
    name: { en: 'mean subtraction', zh: '去均值' },
    aliases: { en: ['zero-centering', 'zero-centred', 'zero-centered', 'mean centering', 'mean-centering', 'centering the data'], zh: ['零均值化', '零中心化', '均值减法', '数据中心化', '减去均值'] },
    summary: {
      en: 'Mean subtraction shifts every feature so that its average over the training set is zero. Zero-centred inputs keep the gradients of a layer’s weights from all sharing one sign, which would force gradient descent to zigzag.',
      zh: '去均值就是平移每个特征，使它在训练集上的平均值为零。以零为中心的输入能避免一层权重的梯度全都同号，否则梯度下降只能走“之”字形。',
    },
    intuition: {
      en: 'Move the cloud of data points so that it sits around the origin.',
      zh: '把整团数据点挪到原点周围。',
    },
    formulas: [
      {
        tex: tex`\mu = \frac{1}{n}\sum_{i=1}^{n} x_i, \qquad x_i' = x_i - \mu`,
        legend: [mu, { symbol: tex`x_i`, en: 'example i', zh: '第 i 个样本' }, S.n],
      },
    ],
    related: ['data-preprocessing', 'standardization', 'whitening', 'batch-normalization'],
    prerequisites: ['data-preprocessing'],
  },
  {
    id: 'standardization',
    topic: 'data',
    name: { en: 'standardization', zh: '标准化' },
    aliases: { en: ['standardisation', 'z-score normalization', 'z-score', 'feature scaling', 'feature normalization', 'input normalization', 'min-max normalization', 'min-max scaling', 'data normalization'], zh: ['数据标准化', '特征标准化', 'Z-score 标准化', '特征缩放', '数据归一化', '特征归一化', '输入归一化', '最小-最大归一化', '零均值标准化'] },
    ambiguous: ['standardization', 'standardisation'],
    ambiguousZh: ['标准化'],
    summary: {
      en: 'Standardization rescales each feature to mean zero and standard deviation one; min-max normalization instead squeezes it into [0, 1]. Features on the same scale give a rounder cost landscape, so one learning rate suits all weights and gradient descent converges faster.',
      zh: '标准化把每个特征缩放成均值为零、标准差为一；最小-最大归一化则把它压进 [0, 1] 区间。特征尺度一致时，代价函数曲面更“圆”，同一个学习率对所有权重都合适，梯度下降收敛得更快。',
    },
    intuition: {
      en: 'Measure every feature in its own natural units, so that none shouts louder than the others.',
      zh: '每个特征都换成自己的“标准单位”，谁也不比谁嗓门大。',
    },
    formulas: [
      {
        tex: tex`x' = \frac{x - \mu}{\sigma_x}`,
        legend: [
          { symbol: tex`x`, en: 'feature value', zh: '特征值' },
          mu,
          { symbol: tex`\sigma_x`, en: 'standard deviation of the feature over the training set', zh: '该特征在训练集上的标准差' },
        ],
      },
    ],
    related: ['mean-subtraction', 'data-preprocessing', 'batch-normalization', 'cost-function-landscape'],
    prerequisites: ['mean-subtraction'],
  },
  {
    id: 'whitening',
    topic: 'data',
    name: { en: 'whitening', zh: '白化' },
    aliases: { en: ['PCA whitening', 'ZCA whitening', 'whitened data', 'whitening transform'], zh: ['PCA 白化', 'ZCA 白化', '白化处理', '数据白化'] },
    summary: {
      en: 'Whitening transforms the data so that its features are uncorrelated and each has variance one: rotate onto the principal components, then divide each by the square root of its eigenvalue. It is rarely used on images for convolutional networks today, but it explains what normalization layers do in part.',
      zh: '白化对数据做变换，使各特征互不相关、方差都为一：先旋转到主成分方向，再把每个分量除以对应特征值的平方根。如今卷积网络很少对图像做白化，但它有助于理解各种归一化层在做什么。',
    },
    intuition: {
      en: 'Squash a stretched, tilted cloud of points into a round ball.',
      zh: '把一团被拉长、倾斜的点云压成一个圆球。',
    },
    formulas: [
      {
        tex: tex`\Sigma = \tfrac{1}{n} X^\top X = U \Lambda U^\top, \qquad X_{\text{white}} = X U \Lambda^{-1/2}`,
        legend: [
          X,
          { symbol: tex`\Sigma`, en: 'covariance matrix of the zero-centred data', zh: '去均值后数据的协方差矩阵' },
          { symbol: tex`U, \Lambda`, en: 'its eigenvectors (columns) and eigenvalues (diagonal)', zh: '它的特征向量（按列）与特征值（对角线）' },
        ],
      },
    ],
    related: ['principal-component-analysis', 'mean-subtraction', 'standardization', 'data-preprocessing'],
    prerequisites: ['mean-subtraction'],
  },
  {
    id: 'principal-component-analysis',
    topic: 'data',
    name: { en: 'principal component analysis', zh: '主成分分析' },
    aliases: { en: ['PCA', 'principal components', 'principal component', 'principal-component analysis'], zh: ['主成分', 'PCA 降维', '主元分析'] },
    summary: {
      en: 'Principal component analysis finds the directions along which the data vary most, the eigenvectors of their covariance matrix. Keeping only the first few projects the data onto a lower-dimensional space while losing as little variance as possible, which is also how embeddings are drawn in two dimensions.',
      zh: '主成分分析找出数据变化最大的那些方向，也就是协方差矩阵的特征向量。只保留前几个方向，就能把数据投影到低维空间而尽量少丢失方差；把嵌入向量画在二维平面上，用的也是这个办法。',
    },
    intuition: {
      en: 'Turn the cloud of points until you look at it from the side where it is widest.',
      zh: '把点云转一转，从它最宽的那一面去看。',
    },
    formulas: [
      {
        tex: tex`\Sigma = \tfrac{1}{n} X^\top X, \qquad \Sigma\, u_k = \lambda_k u_k, \qquad z = U_k^\top x`,
        legend: [
          X,
          { symbol: tex`u_k, \lambda_k`, en: 'k-th principal direction and the variance along it', zh: '第 k 个主方向及沿它的方差' },
          { symbol: tex`U_k`, en: 'the first k principal directions, as columns', zh: '前 k 个主方向（按列排）' },
          { symbol: tex`z`, en: 'the example in k dimensions', zh: '样本的 k 维表示' },
        ],
      },
    ],
    related: ['whitening', 'embedding', 'data-preprocessing'],
    prerequisites: ['matrix-multiplication'],
    demo: { kind: 'gpt-lab', view: 'embeddings' },
  },
  {
    id: 'cross-validation',
    topic: 'data',
    name: { en: 'cross-validation', zh: '交叉验证' },
    aliases: { en: ['k-fold cross-validation', 'cross validation', 'k-fold validation', 'leave-one-out cross-validation'], zh: ['K 折交叉验证', 'k 折交叉验证', 'K折交叉验证', 'k折交叉验证', '留一交叉验证', '交叉验证法'] },
    summary: {
      en: 'Cross-validation splits the training data into k folds, trains k times with a different fold held out for validation each time, and averages the k validation scores. It gives a steadier estimate than a single validation set when data are scarce, at k times the cost, which is why large deep-learning models rarely use it.',
      zh: '交叉验证把训练数据分成 k 折，训练 k 次，每次留出不同的一折做验证，再把 k 个验证分数取平均。数据少时，它比单独一个验证集估计得更稳，但代价是 k 倍的计算，所以大型深度学习模型很少用它。',
    },
    intuition: {
      en: 'Let every part of the data take a turn as the exam.',
      zh: '让数据的每一部分轮流当一次考卷。',
    },
    formulas: [
      {
        tex: tex`\text{CV} = \frac{1}{k}\sum_{j=1}^{k} \text{error}\bigl(\text{model trained without fold } j,\ \text{fold } j\bigr)`,
        legend: [{ symbol: tex`k`, en: 'number of folds (often 5 or 10)', zh: '折数（常取 5 或 10）' }],
      },
    ],
    related: ['validation-set', 'training-set', 'test-set', 'hyperparameter', 'overfitting'],
    prerequisites: ['validation-set'],
  },
];
