// The field and the mathematics a lecture leans on before any particular
// architecture: what a neural network, machine learning and deep learning
// are, derivatives, tensors, probability distributions, linear regression,
// and the optimizer as a general idea. Added because real course pages name
// these on nearly every page and learners asked for a card on them.

import type { Concept } from '../types';
import { S, tex } from './notation';

export const concepts: Concept[] = [
  {
    id: 'neural-network',
    topic: 'neuron',
    name: { en: 'neural network', zh: '神经网络' },
    aliases: { en: ['neural nets', 'artificial neural network', 'ANN'], zh: ['人工神经网络', '神经网络模型'] },
    summary: {
      en: 'A neural network is a function built from many simple units arranged in layers, where each unit takes a weighted sum of the previous layer, adds a bias and passes the result through a nonlinearity. Its behaviour is set entirely by those weights and biases, which are learned from examples rather than written by hand.',
      zh: '神经网络是由许多简单单元分层搭成的函数：每个单元对上一层做加权求和、加上偏置，再送进一个非线性函数。它的行为完全由这些权重和偏置决定，而它们是从样本中学出来的，不是人手写的。',
    },
    intuition: {
      en: 'Layers of adjustable dials that together turn an input into an answer.',
      zh: '一层层可调的旋钮，合起来把输入变成答案。',
    },
    formulas: [
      {
        tex: tex`a^{(l)} = \sigma\!\left(W^{(l)} a^{(l-1)} + b^{(l)}\right)`,
        legend: [S.al, S.alm1, S.Wl, S.bl, S.sigma],
      },
    ],
    related: ['neuron', 'layer', 'multilayer-perceptron', 'deep-learning'],
    prerequisites: [],
    demo: { kind: 'digit-lab' },
  },
  {
    id: 'machine-learning',
    topic: 'theory',
    name: { en: 'machine learning', zh: '机器学习' },
    aliases: { en: ['statistical learning'], zh: ['机器学习方法', '统计学习'] },
    summary: {
      en: 'Machine learning builds programs whose behaviour comes from data: instead of writing the rules, we choose a family of models and let an algorithm pick the member that does best on examples. Success is judged on data the model has not seen, which is what separates learning from memorising.',
      zh: '机器学习让程序的行为来自数据：我们不手写规则，而是选定一类模型，让算法在样本上挑出表现最好的那一个。好不好要看模型在没见过的数据上的表现，这正是“学会”与“背下来”的区别。',
    },
    intuition: {
      en: 'Show it examples, let it tune itself, then test it on new ones.',
      zh: '给它看例子，让它自己调整，再拿新例子考它。',
    },
    formulas: [
      {
        tex: tex`\theta^\ast = \arg\min_{\theta}\ \frac{1}{n}\sum_{i=1}^{n} \ell\big(f_\theta(x_i),\, y_i\big)`,
        legend: [
          { symbol: tex`f_\theta`, en: 'the model, with parameters θ', zh: '模型，参数为 θ' },
          { symbol: tex`x_i,\ y_i`, en: 'input and desired output of example i', zh: '第 i 个样本的输入和期望输出' },
          { symbol: tex`\ell`, en: 'loss: how wrong one prediction is', zh: '损失：一次预测错得有多离谱' },
          S.n,
        ],
      },
    ],
    related: ['supervised-learning', 'deep-learning', 'loss-function', 'generalization'],
    prerequisites: [],
  },
  {
    id: 'deep-learning',
    topic: 'theory',
    name: { en: 'deep learning', zh: '深度学习' },
    aliases: { en: ['deep-learning'], zh: ['深度学习方法'] },
    summary: {
      en: 'Deep learning is machine learning with neural networks of many layers, trained end to end by gradient descent with backpropagation. Each layer re-describes the output of the one before, so the network learns its own features instead of relying on hand-made ones.',
      zh: '深度学习是用多层神经网络做的机器学习，整个网络用反向传播加梯度下降端到端地训练。每一层都把上一层的输出重新描述一遍，所以网络自己学出特征，而不依赖人工设计的特征。',
    },
    intuition: {
      en: 'Stack many simple transformations and let training decide what each one does.',
      zh: '堆叠许多简单的变换，让训练决定每一层做什么。',
    },
    formulas: [
      {
        tex: tex`f(x) = f^{(L)}\big(\cdots f^{(2)}\big(f^{(1)}(x)\big)\cdots\big)`,
        legend: [
          { symbol: tex`f^{(l)}`, en: 'layer l: a weighted sum plus bias, then an activation function', zh: '第 l 层：加权和加偏置，再过激活函数' },
          { symbol: tex`L`, en: 'number of layers (the depth)', zh: '层数（深度）' },
        ],
      },
    ],
    related: ['neural-network', 'machine-learning', 'deep-neural-network', 'backpropagation'],
    prerequisites: ['neural-network'],
    demo: { kind: 'training-lab' },
  },
  {
    id: 'derivative',
    topic: 'training',
    name: { en: 'derivative', zh: '导数' },
    aliases: { en: ['slope', 'rate of change', 'tangent slope'], zh: ['斜率', '变化率', '导函数'] },
    ambiguous: ['derivative', 'slope'],
    summary: {
      en: 'The derivative of a function at a point is its instantaneous rate of change: how much the output moves per tiny nudge of the input, the slope of the tangent line there. Training lives on derivatives, because the slope of the cost with respect to a weight says which way, and how strongly, to change that weight.',
      zh: '函数在某点的导数是它的瞬时变化率：输入轻轻推一下，输出随之变化多少，也就是该点切线的斜率。训练离不开导数，因为代价对某个权重的斜率告诉我们该把这个权重往哪边改、改多猛。',
    },
    intuition: {
      en: 'Zoom in until the curve looks straight; the derivative is that line’s steepness.',
      zh: '把曲线放大到看起来像直线，导数就是这条直线的陡峭程度。',
    },
    formulas: [
      {
        tex: tex`\frac{\partial C}{\partial w} = \lim_{h \to 0} \frac{C(w + h) - C(w)}{h}`,
        legend: [
          S.C,
          { symbol: tex`w`, en: 'one weight, nudged by a tiny amount h', zh: '某一个权重，被推动了极小的量 h' },
          { symbol: tex`h`, en: 'the size of the nudge, shrinking to zero', zh: '推动的幅度，趋于零' },
        ],
      },
    ],
    related: ['partial-derivative', 'gradient', 'chain-rule'],
    prerequisites: [],
  },
  {
    id: 'tensor',
    topic: 'theory',
    name: { en: 'tensor', zh: '张量' },
    aliases: { en: ['multidimensional array', 'n-dimensional array', 'ndarray'], zh: ['多维数组', '高维数组'] },
    summary: {
      en: 'In deep-learning code a tensor is an array of numbers with any number of axes: a scalar has none, a vector one, a matrix two, and a batch of colour images four (batch, height, width, channels). Frameworks store activations, weights and gradients as tensors and run every operation on whole tensors at once, which is what GPUs are fast at.',
      zh: '在深度学习代码里，张量就是可以有任意多个轴的数组：标量没有轴，向量一个，矩阵两个，一批彩色图片有四个（批量、高、宽、通道）。框架把激活值、权重和梯度都存成张量，每个运算都一次作用在整个张量上，这正是 GPU 擅长的。',
    },
    intuition: {
      en: 'A box of numbers with as many directions as the data needs.',
      zh: '一盒数字，数据需要几个方向，它就有几个方向。',
    },
    formulas: [
      {
        tex: tex`X \in \mathbb{R}^{B \times H \times W \times C}`,
        legend: [
          { symbol: tex`B`, en: 'batch size: how many examples', zh: '批大小：有多少个样本' },
          { symbol: tex`H,\ W`, en: 'height and width of each image', zh: '每张图片的高和宽' },
          { symbol: tex`C`, en: 'channels (3 for red, green, blue)', zh: '通道数（红绿蓝为 3）' },
        ],
      },
    ],
    related: ['matrix-multiplication', 'dot-product', 'mini-batch'],
    prerequisites: [],
  },
  {
    id: 'probability-distribution',
    topic: 'theory',
    name: { en: 'probability distribution', zh: '概率分布' },
    aliases: {
      en: ['Gaussian distribution', 'normal distribution', 'categorical distribution', 'uniform distribution', 'distribution over tokens'],
      zh: ['高斯分布', '正态分布', '均匀分布'],
    },
    summary: {
      en: 'A probability distribution says how likely each possible outcome is: non-negative numbers that add up to one over the outcomes (or a density that integrates to one). A language model outputs one over its whole vocabulary at every step, and classifiers output one over the classes.',
      zh: '概率分布说明每个可能结果有多大可能：一组非负数，对所有结果加起来等于一（或对连续情形积分为一的密度）。语言模型每一步都在整个词表上输出一个概率分布，分类器则在各个类别上输出一个。',
    },
    intuition: {
      en: 'One unit of belief, shared out among the possibilities.',
      zh: '一份总量为一的信心，分给各种可能。',
    },
    formulas: [
      {
        tex: tex`p_i \ge 0, \qquad \sum_{i=1}^{N} p_i = 1`,
        legend: [S.pi, S.N],
      },
    ],
    related: ['softmax', 'sampling', 'cross-entropy', 'logits'],
    prerequisites: [],
    demo: { kind: 'gpt-lab', view: 'generate' },
  },
  {
    id: 'linear-regression',
    topic: 'training',
    name: { en: 'linear regression', zh: '线性回归' },
    aliases: { en: ['least squares regression', 'ordinary least squares'], zh: ['线性回归模型', '最小二乘回归'] },
    summary: {
      en: 'Linear regression predicts a number as a weighted sum of the input features plus a bias, and fits the weights by minimising the squared error on the training data. It is a neural network with one layer, one output and no activation function, which makes it the usual first model in a course.',
      zh: '线性回归把要预测的数写成输入特征的加权和再加一个偏置，并通过让训练数据上的平方误差最小来拟合权重。它相当于只有一层、一个输出、没有激活函数的神经网络，所以常是课程里的第一个模型。',
    },
    intuition: {
      en: 'Draw the straight line (or flat plane) that passes closest to all the points.',
      zh: '画一条离所有点都尽量近的直线（或平面）。',
    },
    formulas: [
      {
        tex: tex`\hat{y} = w^\top x + b, \qquad C = \frac{1}{n}\sum_{i=1}^{n}\big(\hat{y}_i - y_i\big)^2`,
        legend: [
          { symbol: tex`x`, en: 'input features of one example', zh: '一个样本的输入特征' },
          { symbol: tex`w,\ b`, en: 'weights and bias, the parameters to fit', zh: '权重和偏置，要拟合的参数' },
          { symbol: tex`\hat{y}`, en: 'the prediction', zh: '预测值' },
          S.y,
          S.n,
        ],
      },
    ],
    related: ['mean-squared-error', 'gradient-descent', 'weight', 'bias'],
    prerequisites: ['weight', 'bias'],
  },
  {
    id: 'optimizer',
    topic: 'optimization',
    name: { en: 'optimizer', zh: '优化器' },
    aliases: { en: ['optimiser', 'optimization algorithm', 'optimisation algorithm'], zh: ['优化算法'] },
    summary: {
      en: 'The optimizer is the rule that turns gradients into parameter updates. Plain gradient descent steps against the gradient by the learning rate; momentum, RMSProp and Adam keep running statistics of past gradients to choose a better step per parameter.',
      zh: '优化器是把梯度变成参数更新的规则。最朴素的梯度下降按学习率逆着梯度走一步；动量、RMSProp 和 Adam 会记住过去梯度的统计量，为每个参数挑一个更合适的步子。',
    },
    intuition: {
      en: 'The driver who decides how to take the next step downhill.',
      zh: '决定下山下一步怎么迈的那个司机。',
    },
    formulas: [
      {
        tex: tex`w_{t+1} = w_t - \eta\, u_t(g_1, \dots, g_t)`,
        legend: [
          S.wt,
          S.eta,
          S.gt,
          { symbol: tex`u_t`, en: 'the update direction the optimizer builds from the gradients so far', zh: '优化器根据到目前为止的梯度算出的更新方向' },
        ],
      },
    ],
    related: ['gradient-descent', 'stochastic-gradient-descent', 'momentum', 'adam', 'learning-rate'],
    prerequisites: ['gradient-descent'],
    demo: { kind: 'training-lab' },
  },
];
