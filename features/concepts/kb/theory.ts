// Theory, counting, the linear algebra underneath, history and learning paradigms.

import type { Concept } from '../types';
import { S, tex } from './notation';

const vecA = { symbol: tex`\vec{a},\ \vec{b}`, en: 'two vectors with the same number of entries', zh: '分量个数相同的两个向量' };
const theta = { symbol: tex`\theta`, en: 'angle between the two vectors', zh: '两个向量的夹角' };

export const concepts: Concept[] = [
  {
    id: 'universal-approximation-theorem',
    topic: 'theory',
    name: { en: 'universal approximation theorem', zh: '万能逼近定理' },
    aliases: { en: ['universal approximation', 'universal approximator'], zh: ['通用近似定理', '万能近似定理', '通用逼近定理'] },
    summary: {
      en: 'The universal approximation theorem says that a network with a single hidden layer and a suitable nonlinear activation can approximate any continuous function on a bounded region as closely as you like, given enough neurons. It guarantees that good weights exist, but says nothing about how many neurons are needed or whether gradient descent will find them; in practice depth is far more efficient than width.',
      zh: '万能逼近定理指出：只要神经元足够多，一个只有单个隐藏层、带合适非线性激活函数的网络，就能在有界区域上以任意精度逼近任何连续函数。它保证了好的权重存在，却没说需要多少神经元，也没说梯度下降能否找到它们；实践中，加深网络远比加宽网络高效。',
    },
    intuition: {
      en: 'Enough little bumps, added together, can trace any smooth shape.',
      zh: '足够多的小鼓包叠加起来，可以描出任何光滑的形状。',
    },
    formulas: [
      {
        tex: tex`\sup_{x \in K} \left| f(x) - \sum_{j=1}^{N} v_j\, \sigma\!\left(w_j \cdot x + b_j\right) \right| < \varepsilon`,
        legend: [
          { symbol: tex`f`, en: 'any continuous target function', zh: '任意连续的目标函数' },
          { symbol: tex`K`, en: 'a closed, bounded region of inputs', zh: '输入空间中一个有界闭区域' },
          { symbol: tex`N`, en: 'number of hidden neurons (depends on ε)', zh: '隐藏神经元个数（取决于 ε）' },
          { symbol: tex`w_j,\ b_j,\ v_j`, en: 'input weights, bias and output weight of hidden neuron j', zh: '第 j 个隐藏神经元的输入权重、偏置和输出权重' },
          { symbol: tex`\sigma`, en: 'a non-polynomial activation function, e.g. sigmoid or ReLU', zh: '非多项式的激活函数，如 sigmoid 或 ReLU' },
          { symbol: tex`\varepsilon`, en: 'any desired accuracy', zh: '任意要求的精度' },
        ],
      },
    ],
    related: ['multilayer-perceptron', 'activation-function', 'deep-neural-network'],
    prerequisites: ['multilayer-perceptron', 'activation-function'],
  },
  {
    id: 'parameter-count',
    topic: 'theory',
    name: { en: 'parameter count', zh: '参数量' },
    aliases: { en: ['number of parameters', 'model size', 'trainable parameters', 'learnable parameters'], zh: ['参数数量', '参数规模', '可训练参数'] },
    summary: {
      en: 'The parameter count is the number of weights and biases a model learns. 3Blue1Brown’s 784-16-16-10 digit network has 13 002; GPT-3 has about 175 billion, roughly two thirds of them in the MLP blocks, one third in attention and about 1.2 billion in the embedding and unembedding matrices.',
      zh: '参数量就是模型要学习的权重和偏置的总数。3Blue1Brown 的 784-16-16-10 手写数字网络有 13 002 个；GPT-3 约有 1750 亿个，其中大约三分之二在 MLP 模块里，三分之一在注意力里，嵌入和解嵌入矩阵合计约 12 亿。',
    },
    intuition: {
      en: 'How many knobs the training process gets to turn.',
      zh: '训练过程能拧的旋钮一共有多少个。',
    },
    formulas: [
      {
        tex: tex`\sum_{l=1}^{L} \left(n_l\, n_{l-1} + n_l\right) = \underbrace{784 \cdot 16 + 16 \cdot 16 + 16 \cdot 10}_{12\,960 \text{ weights}} + \underbrace{16 + 16 + 10}_{42 \text{ biases}} = 13\,002`,
        legend: [{ symbol: tex`n_l`, en: 'number of neurons in layer l (n_0 = 784 inputs)', zh: '第 l 层的神经元个数（n_0 = 784 个输入）' }, { symbol: tex`n_l\, n_{l-1}`, en: 'weights between layer l-1 and layer l', zh: '第 l-1 层与第 l 层之间的权重数' }],
      },
    ],
    related: ['weight', 'bias', 'multilayer-perceptron', 'gpt', 'feed-forward-network'],
    prerequisites: ['weight', 'bias', 'layer'],
    demo: { kind: 'digit-lab' },
  },
  {
    id: 'hebbian-learning',
    topic: 'theory',
    name: { en: 'Hebbian learning', zh: '赫布学习' },
    aliases: { en: ['Hebbian theory', 'Hebb rule', "Hebb's rule", 'fire together, wire together', 'neurons that fire together wire together'], zh: ['赫布理论', '赫布法则', '赫布学习规则', 'Hebb 学习规则'] },
    summary: {
      en: 'Hebbian learning is Donald Hebb’s 1949 idea that a connection between two neurons strengthens when they are active at the same time: “neurons that fire together wire together”. 3Blue1Brown points out a loose analogy in backpropagation, where the weights that change most are those connected to strongly active neurons, though real brains are not known to compute gradients this way.',
      zh: '赫布学习源自 Donald Hebb 在 1949 年提出的设想：两个神经元同时活跃时，它们之间的连接就会增强，即“一起放电的神经元会连在一起”。3Blue1Brown 指出反向传播与之有几分相似：变化最大的权重，正是连着强烈激活神经元的那些；不过目前并没有证据表明真实的大脑是这样计算梯度的。',
    },
    intuition: {
      en: 'Paths that are used together get paved.',
      zh: '经常一起走的路，会被慢慢铺平。',
    },
    formulas: [
      {
        tex: tex`\Delta w_{jk} = \eta\, a_j\, a_k`,
        legend: [{ symbol: tex`\Delta w_{jk}`, en: 'change of the connection between neurons k and j', zh: '神经元 k 与 j 之间连接的变化量' }, { symbol: tex`a_j,\ a_k`, en: 'activities of the two neurons', zh: '两个神经元的活跃程度' }, S.eta],
      },
    ],
    related: ['backpropagation', 'neuron', 'perceptron'],
    prerequisites: ['neuron', 'weight'],
  },
  {
    id: 'reinforcement-learning',
    topic: 'theory',
    name: { en: 'reinforcement learning', zh: '强化学习' },
    aliases: { en: ['RL', 'RLHF', 'reinforcement learning from human feedback', 'reward signal', 'policy gradient'], zh: ['增强学习', '基于人类反馈的强化学习', '策略梯度'] },
    ambiguous: ['RL'],
    summary: {
      en: 'In reinforcement learning an agent learns by acting in an environment and receiving rewards, with no labeled answers, and tries to maximize the total reward it collects over time. It trained AlphaGo to play Go, and in the form of reinforcement learning from human feedback (RLHF) it is used to turn pretrained language models into helpful assistants.',
      zh: '在强化学习中，智能体在环境里采取行动并获得奖励，没有标注好的正确答案，目标是让长期累积的总奖励最大化。AlphaGo 就是靠它学会下围棋的；以“基于人类反馈的强化学习”（RLHF）的形式，它还被用来把预训练语言模型调教成好用的助手。',
    },
    intuition: {
      en: 'Learning by trial and error, guided only by how good the outcome was.',
      zh: '靠反复试错来学习，唯一的指引是结果好不好。',
    },
    formulas: [
      {
        tex: tex`\max_{\pi}\ J(\pi) = \mathbb{E}_{\pi}\!\left[\sum_{t=0}^{\infty} \gamma^{t} r_t\right]`,
        legend: [{ symbol: tex`\pi`, en: 'the policy: how the agent chooses actions', zh: '策略：智能体选择行动的方式' }, { symbol: tex`r_t`, en: 'reward received at time t', zh: '时刻 t 获得的奖励' }, { symbol: tex`\gamma`, en: 'discount factor between 0 and 1: later rewards count less', zh: '0 到 1 之间的折扣因子：越晚的奖励分量越轻' }],
      },
    ],
    related: ['supervised-learning', 'fine-tuning', 'gpt'],
    prerequisites: ['supervised-learning'],
  },
  {
    id: 'supervised-learning',
    topic: 'theory',
    name: { en: 'supervised learning', zh: '监督学习' },
    aliases: { en: ['supervised training', 'labeled data', 'labelled data', 'supervised'], zh: ['有监督学习', '标注数据', '监督方式'] },
    ambiguous: ['supervised'],
    summary: {
      en: 'Supervised learning fits a model to examples that come with the right answer, such as MNIST images paired with their digits. The cost compares the model’s output with the label, and training drives that cost down; most of 3Blue1Brown’s series is supervised learning.',
      zh: '监督学习用附带正确答案的样本来拟合模型，比如配有对应数字的 MNIST 图像。代价函数比较模型输出与标签，训练就是把这个代价压低；3Blue1Brown 系列讲的大部分内容都属于监督学习。',
    },
    intuition: {
      en: 'Learning from an answer key.',
      zh: '对着标准答案学习。',
    },
    formulas: [
      {
        tex: tex`\min_{w}\ \frac{1}{n} \sum_{k=1}^{n} C\!\left(f_w(x_k),\, y_k\right)`,
        legend: [{ symbol: tex`(x_k, y_k)`, en: 'input and label of example k', zh: '第 k 个样本的输入与标签' }, { symbol: tex`f_w`, en: 'the model with parameters w', zh: '参数为 w 的模型' }, { symbol: tex`C`, en: 'cost comparing an output with a label', zh: '比较输出与标签的代价' }],
      },
    ],
    related: ['reinforcement-learning', 'training-set', 'loss-function', 'pretraining'],
    prerequisites: ['loss-function', 'training-set'],
  },
  {
    id: 'dot-product',
    topic: 'theory',
    name: { en: 'dot product', zh: '点积' },
    aliases: { en: ['inner product', 'scalar product'], zh: ['内积', '数量积', '点乘'] },
    summary: {
      en: 'The dot product multiplies two vectors entry by entry and adds the results. It is positive when they point in similar directions, zero when they are perpendicular and negative when they point apart, which is why attention uses it to measure how well a query matches a key, and why every neuron’s weighted sum is one.',
      zh: '点积把两个向量对应分量相乘再求和。两个向量方向相近时它为正，互相垂直时为零，方向相反时为负；正因如此，注意力机制用它来衡量查询和键匹配得有多好，而每个神经元的加权和本身也是一次点积。',
    },
    intuition: {
      en: 'How much two arrows point the same way, scaled by their lengths.',
      zh: '两支箭头有多同向，再乘上它们的长度。',
    },
    formulas: [
      {
        tex: tex`\vec{a} \cdot \vec{b} = \sum_{i} a_i b_i = \lVert \vec{a} \rVert\, \lVert \vec{b} \rVert \cos\theta`,
        legend: [vecA, theta],
      },
    ],
    related: ['cosine-similarity', 'matrix-multiplication', 'attention', 'word-vector'],
    prerequisites: [],
  },
  {
    id: 'matrix-multiplication',
    topic: 'theory',
    name: { en: 'matrix multiplication', zh: '矩阵乘法' },
    aliases: { en: ['matrix-vector product', 'matrix product', 'matmul', 'matrix-vector multiplication'], zh: ['矩阵向量乘法', '矩阵乘积', '矩阵-向量乘法'] },
    summary: {
      en: 'Multiplying a weight matrix by a vector of activations computes every neuron’s weighted sum at once: each output entry is the dot product of one row with the vector. Nearly all the computation in a neural network, from an MLP layer to attention, is matrix multiplication, which is why GPUs, built to do it massively in parallel, made deep learning practical.',
      zh: '用权重矩阵乘以激活值向量，就能一次算出所有神经元的加权和：输出的每个分量都是矩阵某一行与该向量的点积。从 MLP 层到注意力，神经网络里几乎所有计算都是矩阵乘法，这也是为什么专为大规模并行计算而生的 GPU 让深度学习变得可行。',
    },
    intuition: {
      en: 'Many dot products done in one go, one per row.',
      zh: '一口气做完许多个点积，每行一个。',
    },
    formulas: [
      {
        tex: tex`\left(W a\right)_j = \sum_{k} w_{jk}\, a_k, \qquad \begin{bmatrix} w_{0,0} & \cdots & w_{0,n} \\ \vdots & \ddots & \vdots \\ w_{k,0} & \cdots & w_{k,n} \end{bmatrix} \begin{bmatrix} a_0 \\ \vdots \\ a_n \end{bmatrix}`,
        legend: [{ symbol: tex`W`, en: 'weight matrix: one row per neuron of the next layer', zh: '权重矩阵：下一层每个神经元占一行' }, { symbol: tex`a`, en: 'activations of the previous layer', zh: '上一层的激活值' }, { symbol: tex`w_{jk}`, en: 'entry in row j, column k', zh: '第 j 行第 k 列的元素' }],
      },
    ],
    related: ['dot-product', 'layer', 'weight', 'forward-propagation'],
    prerequisites: ['dot-product'],
  },
  {
    id: 'cosine-similarity',
    topic: 'theory',
    name: { en: 'cosine similarity', zh: '余弦相似度' },
    aliases: { en: ['cosine distance'], zh: ['余弦距离', '夹角余弦'] },
    summary: {
      en: 'Cosine similarity is the dot product of two vectors divided by their lengths, which leaves just the cosine of the angle between them: 1 for the same direction, 0 for perpendicular, −1 for opposite. It is the usual way to ask whether two embeddings mean similar things, regardless of how long the vectors are.',
      zh: '余弦相似度是两个向量的点积除以它们的长度，剩下的只是二者夹角的余弦：方向相同为 1，互相垂直为 0，方向相反为 −1。判断两个嵌入的含义是否相近时，通常就用它，而不必在意向量本身有多长。',
    },
    intuition: {
      en: 'Compare directions, ignore lengths.',
      zh: '只比方向，不管长短。',
    },
    formulas: [
      {
        tex: tex`\cos\theta = \frac{\vec{a} \cdot \vec{b}}{\lVert \vec{a} \rVert\, \lVert \vec{b} \rVert} \in [-1, 1]`,
        legend: [vecA, theta],
      },
    ],
    related: ['dot-product', 'word-vector', 'embedding'],
    prerequisites: ['dot-product'],
    demo: { kind: 'gpt-lab', view: 'embeddings' },
  },
];
