// The linear algebra and calculus a course leans on: element-wise products, transposes, norms,
// the matrices of first and second derivatives, and convexity.

import type { Concept } from '../types';
import { S, tex } from './notation';

export const concepts: Concept[] = [
  {
    id: 'hadamard-product',
    topic: 'theory',
    name: { en: 'Hadamard product', zh: '哈达玛积' },
    aliases: { en: ['element-wise product', 'elementwise product', 'element-wise multiplication', 'elementwise multiplication', 'Schur product', 'pointwise product', 'entrywise product'], zh: ['Hadamard 积', '逐元素乘积', '按元素乘法', '逐元素相乘', '按元素相乘', '元素积', '阿达马积'] },
    summary: {
      en: 'The Hadamard product multiplies two vectors or matrices of the same shape entry by entry. It appears in the backpropagation equations, where the error is scaled by the derivative of the activation, and in every gate of an LSTM or GRU.',
      zh: '哈达玛积把两个形状相同的向量或矩阵逐个元素相乘。它出现在反向传播的公式里（误差要逐元素乘上激活函数的导数），也出现在 LSTM 和 GRU 的每一个门中。',
    },
    intuition: {
      en: 'Multiply the two grids square by square, nothing mixed across positions.',
      zh: '两张表格对应格子相乘，不同位置之间互不混合。',
    },
    formulas: [
      {
        tex: tex`(A \odot B)_{ij} = A_{ij}\, B_{ij}, \qquad \delta^{(l)} = \bigl(W^{(l+1)}\bigr)^{\top} \delta^{(l+1)} \odot \sigma'\!\left(z^{(l)}\right)`,
        legend: [S.odot, S.deltal, S.sigmaPrime, S.zl],
      },
    ],
    related: ['matrix-multiplication', 'backpropagation', 'gate', 'dot-product'],
    prerequisites: [],
  },
  {
    id: 'transpose',
    topic: 'theory',
    name: { en: 'transpose', zh: '转置' },
    aliases: { en: ['matrix transpose', 'transposed', 'transposition', 'transposed matrix'], zh: ['转置矩阵', '矩阵转置'] },
    ambiguous: ['transpose', 'transposed', 'transposition'],
    summary: {
      en: 'The transpose of a matrix swaps its rows and columns, so entry (i, j) moves to (j, i). Backpropagation sends errors backward through a layer by multiplying with the transpose of its weight matrix, and attention compares queries with keys through Q times K transposed.',
      zh: '矩阵的转置把行和列互换，第 (i, j) 个元素移到 (j, i)。反向传播把误差穿过一层往回送时，要乘上这一层权重矩阵的转置；注意力比较查询和键时，算的是 Q 乘以 K 的转置。',
    },
    intuition: {
      en: 'Flip the table over its diagonal.',
      zh: '沿对角线把表格翻过来。',
    },
    formulas: [
      {
        tex: tex`\bigl(W^{\top}\bigr)_{ij} = W_{ji}, \qquad (AB)^{\top} = B^{\top} A^{\top}`,
        legend: [{ symbol: tex`W`, en: 'a matrix (e.g. a layer’s weights)', zh: '一个矩阵（例如某层的权重）' }, { symbol: tex`A, B`, en: 'matrices that can be multiplied', zh: '可以相乘的两个矩阵' }],
      },
    ],
    related: ['matrix-multiplication', 'backpropagation', 'query-key-value'],
    prerequisites: [],
  },
  {
    id: 'vector-norm',
    topic: 'theory',
    name: { en: 'vector norm', zh: '范数' },
    aliases: { en: ['L2 norm', 'L1 norm', 'Euclidean norm', 'Frobenius norm', 'matrix norm', 'norm of the gradient', 'gradient norm', 'p-norm'], zh: ['L2 范数', 'L1 范数', '欧几里得范数', 'Frobenius 范数', '向量范数', '矩阵范数', 'L2范数', 'L1范数', '梯度范数', '欧氏范数'] },
    summary: {
      en: 'A norm measures the length of a vector: the L2 norm is the square root of the sum of squares, the L1 norm the sum of absolute values. Norms define regularization penalties, the threshold of gradient clipping and the length-independent comparison of cosine similarity.',
      zh: '范数衡量向量的长度：L2 范数是各分量平方和的平方根，L1 范数是各分量绝对值之和。正则化的惩罚项、梯度裁剪的阈值，以及与长度无关的余弦相似度，都要用到范数。',
    },
    intuition: {
      en: 'How long the arrow is, whatever way it points.',
      zh: '不管箭头指向哪里，它有多长。',
    },
    formulas: [
      {
        tex: tex`\lVert x \rVert_2 = \sqrt{\textstyle\sum_i x_i^2}, \qquad \lVert x \rVert_1 = \textstyle\sum_i |x_i|`,
        legend: [{ symbol: tex`x_i`, en: 'entry i of the vector', zh: '向量的第 i 个分量' }],
      },
    ],
    related: ['l1-regularization', 'l2-regularization', 'gradient-clipping', 'cosine-similarity', 'max-norm-constraint'],
    prerequisites: [],
  },
  {
    id: 'jacobian',
    topic: 'theory',
    name: { en: 'Jacobian matrix', zh: '雅可比矩阵' },
    aliases: { en: ['Jacobian', 'Jacobians', 'Jacobian matrices', 'vector-Jacobian product'], zh: ['雅可比', 'Jacobian 矩阵', '雅克比矩阵', '向量-雅可比积', '雅可比行列式'] },
    summary: {
      en: 'The Jacobian of a function from n numbers to m numbers is the m × n matrix of all its partial derivatives: row i is the gradient of output i. The chain rule for vectors multiplies Jacobians, and backpropagation computes vector–Jacobian products without ever building the full matrices.',
      zh: '把 n 个数映射成 m 个数的函数，其雅可比矩阵是由全部偏导数组成的 m × n 矩阵：第 i 行就是第 i 个输出的梯度。向量形式的链式法则就是雅可比矩阵相乘，而反向传播计算的是向量与雅可比矩阵的乘积，从不需要把整个矩阵构造出来。',
    },
    intuition: {
      en: 'The best linear approximation of a function near a point, written as a table.',
      zh: '函数在某点附近最好的线性近似，写成一张表。',
    },
    formulas: [
      {
        tex: tex`J_{ij} = \frac{\partial f_i}{\partial x_j}, \qquad J_{g \circ f}(x) = J_g\bigl(f(x)\bigr)\, J_f(x)`,
        legend: [{ symbol: tex`f_i`, en: 'output i of the function', zh: '函数的第 i 个输出' }, { symbol: tex`x_j`, en: 'input j', zh: '第 j 个输入' }],
      },
    ],
    related: ['partial-derivative', 'gradient', 'chain-rule', 'backpropagation', 'hessian-matrix'],
    prerequisites: ['partial-derivative'],
  },
  {
    id: 'hessian-matrix',
    topic: 'theory',
    name: { en: 'Hessian matrix', zh: '黑塞矩阵' },
    aliases: { en: ['Hessian', 'Hessians', 'second-order derivatives', 'second derivative matrix'], zh: ['海森矩阵', 'Hessian 矩阵', '海瑟矩阵', '二阶导数矩阵'] },
    summary: {
      en: 'The Hessian is the matrix of second partial derivatives of the cost: it describes how the slope changes, that is, the curvature of the landscape. Its eigenvalues tell a minimum (all positive) from a saddle point (mixed signs); for a network with millions of weights it is far too large to build, which is why training uses first-order methods.',
      zh: '黑塞矩阵是代价函数二阶偏导数组成的矩阵：它描述斜率怎样变化，也就是曲面的弯曲程度。它的特征值能区分极小值（全为正）和鞍点（有正有负）；对于有数百万权重的网络，它大得根本无法构造，所以训练使用一阶方法。',
    },
    intuition: {
      en: 'Not which way is downhill, but how the ground curves around you.',
      zh: '不是告诉你哪边下坡，而是告诉你脚下的地面怎样弯曲。',
    },
    formulas: [
      {
        tex: tex`H_{ij} = \frac{\partial^2 C}{\partial w_i\, \partial w_j}`,
        legend: [S.C, { symbol: tex`w_i, w_j`, en: 'two of the weights and biases', zh: '两个权重或偏置' }],
      },
    ],
    related: ['jacobian', 'saddle-point', 'local-minimum', 'convex-function', 'cost-function-landscape'],
    prerequisites: ['partial-derivative'],
  },
  {
    id: 'convex-function',
    topic: 'theory',
    name: { en: 'convex function', zh: '凸函数' },
    aliases: { en: ['convex', 'convexity', 'convex optimization', 'convex optimisation', 'convex functions', 'convex problem', 'convex loss'], zh: ['凸性', '凸优化', '凸优化问题', '凸损失'] },
    summary: {
      en: 'A function is convex when the straight line between any two points of its graph never passes below the graph, like a bowl. Every local minimum of a convex function is a global one, so gradient descent with a suitable learning rate finds it; linear and logistic regression are convex, deep networks are not.',
      zh: '如果函数图像上任意两点间的连线都不会落到图像下方，像一只碗那样，这个函数就是凸函数。凸函数的每个局部极小值都是全局最小值，因此学习率合适的梯度下降一定能找到它；线性回归和逻辑回归是凸的，深度网络则不是。',
    },
    intuition: {
      en: 'A single bowl: wherever you start, downhill leads to the same bottom.',
      zh: '只有一只碗：不管从哪里出发，一路下坡都到同一个碗底。',
    },
    formulas: [
      {
        tex: tex`f\bigl(\lambda a + (1-\lambda) b\bigr) \le \lambda f(a) + (1-\lambda) f(b), \quad \lambda \in [0, 1]`,
        legend: [{ symbol: tex`a, b`, en: 'any two points', zh: '任意两点' }, { symbol: tex`\lambda`, en: 'mixing weight between them', zh: '两点之间的混合比例' }],
      },
    ],
    related: ['non-convex-optimization', 'local-minimum', 'gradient-descent', 'hessian-matrix', 'logistic-regression'],
    prerequisites: [],
  },
];
