// The craft of getting a network to train: why weights start random, how their scale follows the
// fan-in, how to check hand-written gradients, and why the code works on whole matrices.

import type { Concept } from '../types';
import { S, tex } from './notation';

export const concepts: Concept[] = [
  {
    id: 'symmetry-breaking',
    topic: 'training',
    name: { en: 'symmetry breaking', zh: '打破对称性' },
    aliases: { en: ['breaking the symmetry', 'break the symmetry', 'breaks the symmetry', 'symmetry problem', 'weight symmetry'], zh: ['对称性破缺', '破坏对称性', '打破对称', '对称性问题', '权重对称'] },
    summary: {
      en: 'If all the weights into a layer start equal, every unit of that layer computes the same thing and receives the same gradient, so they stay identical forever. Initializing the weights randomly breaks this symmetry and lets the units learn different features; biases can start at zero.',
      zh: '如果连入某层的权重全都初始化成相同的值，这一层的每个单元就算出同样的结果、收到同样的梯度，永远一模一样。随机初始化权重能打破这种对称性，让各个单元学到不同的特征；偏置则可以从零开始。',
    },
    intuition: {
      en: 'Identical twins given identical lessons never become different people: start them a little apart.',
      zh: '同卵双胞胎上一样的课，永远不会长成不同的人：得让他们一开始就有点不同。',
    },
    formulas: [
      {
        tex: tex`w^{(l)}_{jk} = c \ \ \forall j,k \;\Rightarrow\; \frac{\partial C}{\partial w^{(l)}_{jk}} \text{ is the same for every } j`,
        legend: [S.wjk, { symbol: tex`c`, en: 'one constant shared by all the weights', zh: '所有权重共用的一个常数' }, S.C],
      },
    ],
    related: ['weight-initialization', 'xavier-initialization', 'he-initialization', 'hidden-layer'],
    prerequisites: ['weight-initialization'],
  },
  {
    id: 'fan-in',
    topic: 'training',
    name: { en: 'fan-in', zh: '扇入' },
    aliases: { en: ['fan in', 'fan-out', 'fan out'], zh: ['扇出', '输入连接数'] },
    summary: {
      en: 'A unit’s fan-in is the number of inputs it receives, its fan-out the number of units it feeds. The variance of a weighted sum grows with the fan-in, so initialization schemes scale the random weights by one over its square root to keep activations and gradients of a steady size from layer to layer.',
      zh: '一个单元的扇入是它接收的输入个数，扇出是它连向的单元个数。加权和的方差随扇入增大，所以初始化方法把随机权重按扇入平方根的倒数缩放，让激活值和梯度在层与层之间保持稳定的大小。',
    },
    intuition: {
      en: 'The more voices you add up, the quieter each one must speak to keep the total steady.',
      zh: '要加起来的声音越多，每个声音就得越小声，总音量才稳得住。',
    },
    formulas: [
      {
        tex: tex`\operatorname{Var}\!\left(\sum_{k=1}^{n_{\text{in}}} w_k a_k\right) = n_{\text{in}} \operatorname{Var}(w)\operatorname{Var}(a) \;\Rightarrow\; \operatorname{Var}(w) = \frac{1}{n_{\text{in}}}`,
        legend: [S.nin, { symbol: tex`w_k, a_k`, en: 'incoming weights and activations (independent, mean zero)', zh: '输入的权重和激活值（相互独立，均值为零）' }],
      },
    ],
    related: ['xavier-initialization', 'he-initialization', 'weight-initialization'],
    prerequisites: ['weight-initialization'],
  },
  {
    id: 'gradient-checking',
    topic: 'training',
    name: { en: 'gradient checking', zh: '梯度检验' },
    aliases: { en: ['gradient check', 'numerical gradient', 'numerical gradient check', 'finite-difference gradient', 'grad check'], zh: ['梯度检查', '数值梯度', '梯度校验', '数值梯度检验'] },
    summary: {
      en: 'Gradient checking compares the gradient from backpropagation with a numerical estimate from finite differences: nudge one parameter up and down by a tiny amount and measure how the cost changes. A relative difference around 10⁻⁷ means the backward pass is right; it is too slow for training and is used only to test code.',
      zh: '梯度检验把反向传播算出的梯度和用有限差分得到的数值估计做比较：把某个参数上下各挪一点点，看代价变化多少。相对误差在 10⁻⁷ 左右说明反向计算没写错；它太慢，不能用来训练，只用来检验代码。',
    },
    intuition: {
      en: 'Check the calculus by poking the function and watching what happens.',
      zh: '戳一戳函数看看反应，以此核对你推的微积分。',
    },
    formulas: [
      {
        tex: tex`\frac{\partial C}{\partial w} \approx \frac{C(w + h) - C(w - h)}{2h}`,
        legend: [S.C, { symbol: tex`w`, en: 'one weight or bias', zh: '某一个权重或偏置' }, { symbol: tex`h`, en: 'tiny step (about 10⁻⁵)', zh: '很小的步长（约 10⁻⁵）' }],
      },
    ],
    related: ['backpropagation', 'derivative', 'automatic-differentiation', 'partial-derivative'],
    prerequisites: ['backpropagation'],
  },
  {
    id: 'vectorization',
    topic: 'training',
    name: { en: 'vectorization', zh: '向量化' },
    aliases: { en: ['vectorisation', 'vectorized', 'vectorised', 'vectorized implementation', 'vectorize', 'vectorized code'], zh: ['矢量化', '向量化计算', '向量化实现'] },
    ambiguousZh: ['向量化'],
    summary: {
      en: 'Vectorization replaces loops over units and examples with whole-matrix operations: a layer applied to a mini-batch is one matrix product. The library then hands the work to optimized linear-algebra code on the CPU or GPU, often hundreds of times faster than a Python loop.',
      zh: '向量化用整矩阵运算代替对单元和样本的循环：一层作用于一个小批量，就是一次矩阵乘法。这样库就能把计算交给 CPU 或 GPU 上高度优化的线性代数代码，往往比 Python 循环快上百倍。',
    },
    intuition: {
      en: 'Stamp a whole sheet at once instead of writing each letter by hand.',
      zh: '一次盖满整张纸，而不是一个字一个字地写。',
    },
    formulas: [
      {
        tex: tex`A^{(l)} = \sigma\!\left(W^{(l)} A^{(l-1)} + b^{(l)}\right)`,
        legend: [
          { symbol: tex`A^{(l)}`, en: 'activations of layer l, one column per example of the mini-batch', zh: '第 l 层的激活值，小批量中每个样本占一列' },
          S.Wl,
          S.bl,
          S.sigma,
        ],
      },
    ],
    related: ['matrix-multiplication', 'mini-batch', 'tensor'],
    prerequisites: ['matrix-multiplication'],
  },
];
