// Activation functions beyond the classic three, and what goes wrong with them: saturation and
// dying units (the activation-function chapters of an introductory course).

import type { Concept } from '../types';
import { S, tex } from './notation';

const z = { symbol: tex`z`, en: 'weighted sum going into the neuron', zh: '进入神经元的加权和' };

export const concepts: Concept[] = [
  {
    id: 'saturation',
    topic: 'neuron',
    name: { en: 'saturation', zh: '饱和' },
    aliases: { en: ['saturated neuron', 'saturating nonlinearity', 'saturated activation', 'saturating activation'], zh: ['神经元饱和', '饱和区', '激活饱和', '饱和区域'] },
    ambiguous: ['saturation'],
    ambiguousZh: ['饱和'],
    summary: {
      en: 'A neuron is saturated when its weighted sum sits far out on a flat tail of its activation function, such as a sigmoid near 0 or 1. There the derivative is almost zero, so almost no gradient flows back through the neuron and its incoming weights stop learning.',
      zh: '当神经元的加权和落在激活函数平坦的尾部时（比如 sigmoid 接近 0 或 1 的地方），这个神经元就饱和了。那里的导数几乎为零，几乎没有梯度能穿过它往回传，连到它的权重也就学不动了。',
    },
    intuition: {
      en: 'A dial already turned all the way: turning it further changes nothing, so there is nothing to learn from.',
      zh: '一个已经拧到头的旋钮：再拧也没有变化，自然学不到东西。',
    },
    formulas: [
      {
        tex: tex`\sigma'(z) = \sigma(z)\,\bigl(1-\sigma(z)\bigr) \approx 0 \quad \text{when } |z| \gg 1`,
        legend: [S.sigmaPrime, z],
      },
    ],
    related: ['sigmoid', 'tanh', 'vanishing-gradient', 'dying-relu', 'weight-initialization'],
    prerequisites: ['activation-function', 'derivative'],
    demo: { kind: 'training-lab', activation: 'sigmoid' },
  },
  {
    id: 'dying-relu',
    topic: 'neuron',
    name: { en: 'dying ReLU', zh: 'ReLU 死亡' },
    aliases: { en: ['dying ReLU problem', 'dead ReLU', 'dead neuron', 'dead neurons', 'dead ReLUs', 'dying neurons'], zh: ['ReLU 死亡问题', '死亡 ReLU', '神经元死亡', '死亡神经元', 'ReLU死亡', 'Dead ReLU'] },
    summary: {
      en: 'A ReLU unit dies when its weighted sum is negative for every training input: its output and its gradient are then zero everywhere, so gradient descent can never move its weights back. A too-large learning rate or an unlucky update can kill a large share of a layer this way.',
      zh: '当一个 ReLU 单元对所有训练输入的加权和都是负数时，它就“死”了：输出和梯度处处为零，梯度下降再也没法把它的权重拉回来。学习率太大或一次不走运的更新，就可能让一层中相当多的单元这样死掉。',
    },
    intuition: {
      en: 'A switch stuck in the off position that nobody can reach any more.',
      zh: '一个卡在“关”上的开关，而且再也没人够得着它。',
    },
    formulas: [
      {
        tex: tex`z_j < 0 \ \text{for every input} \;\Rightarrow\; a_j = 0,\quad \frac{\partial C}{\partial w_{jk}} = 0`,
        legend: [
          { symbol: tex`z_j`, en: 'weighted sum of unit j', zh: '单元 j 的加权和' },
          { symbol: tex`a_j`, en: 'activation of unit j', zh: '单元 j 的激活值' },
          { symbol: tex`w_{jk}`, en: 'weights into unit j', zh: '连入单元 j 的权重' },
          S.C,
        ],
      },
    ],
    related: ['relu', 'leaky-relu', 'prelu', 'learning-rate', 'saturation'],
    prerequisites: ['relu', 'gradient'],
    demo: { kind: 'training-lab', activation: 'relu' },
  },
  {
    id: 'prelu',
    topic: 'neuron',
    name: { en: 'PReLU', zh: '参数化 ReLU' },
    aliases: { en: ['parametric ReLU', 'parametric rectified linear unit'], zh: ['参数化线性整流单元', '带参数的 ReLU', '参数化ReLU', 'PReLU 激活函数'] },
    summary: {
      en: 'PReLU is a leaky ReLU whose slope for negative inputs is learned instead of fixed. Each channel (or the whole layer) gets its own slope, trained by backpropagation together with the weights.',
      zh: '参数化 ReLU（PReLU）是一种 Leaky ReLU，只是负半轴的斜率不再固定，而是学出来的。每个通道（或整层）有自己的斜率，和权重一起用反向传播训练。',
    },
    intuition: {
      en: 'A leaky ReLU that decides for itself how much to leak.',
      zh: '一个自己决定漏多少的 Leaky ReLU。',
    },
    formulas: [
      {
        tex: tex`\operatorname{PReLU}(z) = \begin{cases} z & z > 0 \\ \alpha z & z \le 0 \end{cases}`,
        legend: [z, { symbol: tex`\alpha`, en: 'slope for negative inputs, learned', zh: '负输入的斜率，由训练得到' }],
      },
    ],
    related: ['leaky-relu', 'relu', 'elu', 'dying-relu'],
    prerequisites: ['leaky-relu'],
  },
  {
    id: 'elu',
    topic: 'neuron',
    name: { en: 'ELU', zh: '指数线性单元' },
    aliases: { en: ['exponential linear unit', 'SELU', 'scaled exponential linear unit'], zh: ['ELU 激活函数', '指数线性函数', 'ELU函数'] },
    summary: {
      en: 'The exponential linear unit is the identity for positive inputs and a smooth exponential curve that levels off at −α for negative ones. Its mean output is closer to zero than ReLU’s and it never has an exactly flat region near zero, which can speed up learning; SELU scales it so that activations keep a fixed mean and variance.',
      zh: '指数线性单元（ELU）在正半轴上就是恒等函数，在负半轴上是一条平滑的指数曲线，最后趋于 −α。它的平均输出比 ReLU 更接近零，零附近也没有完全平坦的区域，常能加快学习；SELU 再乘上一个比例，让激活值保持固定的均值和方差。',
    },
    intuition: {
      en: 'A ReLU whose corner has been rounded and whose floor sinks a little below zero.',
      zh: '把 ReLU 的拐角磨圆，地板也往零下沉一点。',
    },
    formulas: [
      {
        tex: tex`\operatorname{ELU}(z) = \begin{cases} z & z > 0 \\ \alpha\,(e^{z} - 1) & z \le 0 \end{cases}`,
        legend: [z, { symbol: tex`\alpha`, en: 'how far below zero the curve levels off (often 1)', zh: '曲线在零下趋于的深度（常取 1）' }],
      },
    ],
    related: ['relu', 'leaky-relu', 'prelu', 'gelu'],
    prerequisites: ['relu'],
  },
  {
    id: 'maxout',
    topic: 'neuron',
    name: { en: 'maxout', zh: 'Maxout 单元' },
    aliases: { en: ['maxout unit', 'maxout network', 'maxout neuron'], zh: ['Maxout 网络', 'Maxout 激活', 'maxout单元'] },
    summary: {
      en: 'A maxout unit computes several weighted sums of the same input and outputs the largest one. It generalizes ReLU and leaky ReLU, never saturates or dies, but multiplies the number of parameters by the number of pieces.',
      zh: 'Maxout 单元对同一个输入算出好几个加权和，输出其中最大的那个。它把 ReLU 和 Leaky ReLU 都包括为特例，既不会饱和也不会死亡，代价是参数量要乘上分段的个数。',
    },
    intuition: {
      en: 'Several straight lines, and the unit follows whichever is highest: a learned convex bend.',
      zh: '几条直线，单元总是跟着最高的那条走：一个学出来的凸折线。',
    },
    formulas: [
      {
        tex: tex`h(x) = \max_{i=1,\dots,k} \left(w_i \cdot x + b_i\right)`,
        legend: [
          { symbol: tex`x`, en: 'input vector', zh: '输入向量' },
          { symbol: tex`w_i, b_i`, en: 'weights and bias of piece i', zh: '第 i 段的权重和偏置' },
          { symbol: tex`k`, en: 'number of pieces', zh: '分段个数' },
        ],
      },
    ],
    related: ['relu', 'leaky-relu', 'activation-function', 'dropout'],
    prerequisites: ['activation-function'],
  },
  {
    id: 'swish',
    topic: 'neuron',
    name: { en: 'Swish', zh: 'Swish 激活函数' },
    aliases: { en: ['SiLU', 'sigmoid linear unit', 'SwiGLU'], zh: ['Swish 函数', 'SiLU 激活函数', 'SiLU 函数'] },
    summary: {
      en: 'Swish, also called SiLU, multiplies its input by the sigmoid of that input: close to ReLU for large inputs, but smooth and slightly negative just below zero. Many recent language models use it, often inside a gated feed-forward block (SwiGLU).',
      zh: 'Swish 又叫 SiLU，把输入乘上输入自身的 sigmoid：输入很大时接近 ReLU，但在零点附近是平滑的，略小于零的地方还稍稍为负。许多新近的语言模型都用它，常放在带门控的前馈模块里（SwiGLU）。',
    },
    intuition: {
      en: 'The input lets itself through in proportion to how confident a sigmoid is that it should.',
      zh: '输入按 sigmoid 给出的“放行把握”放自己过去。',
    },
    formulas: [
      {
        tex: tex`\operatorname{swish}(z) = z\,\sigma(z)`,
        legend: [z, { symbol: tex`\sigma`, en: 'the sigmoid', zh: 'sigmoid 函数' }],
      },
    ],
    related: ['gelu', 'relu', 'sigmoid', 'feed-forward-network'],
    prerequisites: ['sigmoid'],
  },
];
