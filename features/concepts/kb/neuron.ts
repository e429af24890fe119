// Neurons, activations and layers: the structure of a network (3Blue1Brown, chapter 1).

import type { Concept } from '../types';
import { S, tex } from './notation';

export const concepts: Concept[] = [
  {
    id: 'neuron',
    topic: 'neuron',
    name: { en: 'neuron', zh: '神经元' },
    aliases: { en: ['artificial neuron'], zh: ['人工神经元', '神经单元'] },
    ambiguous: ['neuron'],
    summary: {
      en: 'An artificial neuron is a thing that holds a number, its activation. It computes that number from the previous layer: multiply each incoming activation by a weight, add them up with a bias, and pass the sum through an activation function.',
      zh: '人工神经元就是一个装着数字的小单元，这个数字叫激活值。它由上一层算出：把传进来的每个激活值乘上对应的权重，全部加起来再加上偏置，最后送进激活函数。',
    },
    intuition: {
      en: 'A dial that lights up more or less depending on how strongly the pattern it listens for is present.',
      zh: '一盏调光灯：它在意的图案越明显，灯就越亮。',
    },
    formulas: [
      {
        tex: tex`a^{(l)}_j = \sigma\!\left(\sum_{k} w^{(l)}_{jk}\, a^{(l-1)}_k + b^{(l)}_j\right)`,
        legend: [S.ajl, S.wjk, S.akl1, S.bjl, S.sigma],
      },
    ],
    related: ['activation', 'weight', 'bias', 'activation-function', 'perceptron', 'layer'],
    prerequisites: [],
    demo: { kind: 'digit-lab' },
  },
  {
    id: 'perceptron',
    topic: 'neuron',
    name: { en: 'perceptron', zh: '感知机' },
    aliases: { en: ['Rosenblatt perceptron', 'single-layer perceptron'], zh: ['感知器', '单层感知机'] },
    summary: {
      en: 'The perceptron (Rosenblatt, 1958) is the earliest trainable neuron: it outputs 1 when the weighted sum of its inputs plus a bias is positive and 0 otherwise. Its learning rule adds each misclassified input to the weights or subtracts it, and is guaranteed to converge only when the two classes can be separated by a straight line (a hyperplane).',
      zh: '感知机由 Rosenblatt 在 1958 年提出，是最早能够训练的神经元：输入的加权和加上偏置若大于零就输出 1，否则输出 0。它的学习规则是每分错一个样本，就把这个输入加到权重上或从权重中减去；只有当两类数据能被一条直线（超平面）分开时，这个方法才保证收敛。',
    },
    intuition: {
      en: 'A straight fence that shifts a little every time a point lands on the wrong side.',
      zh: '一道直直的篱笆，每当有点落错了边，就把它挪一挪。',
    },
    formulas: [
      {
        tex: tex`\hat{y} = \begin{cases} 1 & \text{if } w \cdot x + b > 0 \\ 0 & \text{otherwise} \end{cases}`,
        legend: [
          { symbol: tex`\hat{y}`, en: 'predicted class (0 or 1)', zh: '预测的类别（0 或 1）' },
          { symbol: tex`x`, en: 'input vector', zh: '输入向量' },
          { symbol: tex`w`, en: 'weight vector', zh: '权重向量' },
          { symbol: tex`b`, en: 'bias', zh: '偏置' },
        ],
      },
      {
        tex: tex`w \leftarrow w + \eta\,(y - \hat{y})\,x`,
        legend: [S.eta, S.y, { symbol: tex`\hat{y}`, en: 'predicted class', zh: '预测的类别' }],
      },
    ],
    related: ['neuron', 'multilayer-perceptron', 'hebbian-learning'],
    prerequisites: ['neuron', 'weight', 'bias'],
  },
  {
    id: 'activation',
    topic: 'neuron',
    name: { en: 'activation', zh: '激活值' },
    aliases: { en: ['activation value'], zh: ['激活度', '神经元激活值', '活性值'] },
    ambiguous: ['activation'],
    summary: {
      en: 'The activation is the number a neuron holds after it has processed its inputs. In the input layer of the MNIST network it is simply a pixel’s brightness between 0 and 1; in later layers it says how strongly the neuron responds to the current input.',
      zh: '激活值是神经元处理完输入之后所持有的那个数。在 MNIST 网络的输入层，它就是像素的灰度，介于 0 和 1 之间；到了后面的层，它表示该神经元对当前输入的反应有多强。',
    },
    intuition: {
      en: 'How brightly each neuron is lit right now.',
      zh: '此刻每个神经元亮到什么程度。',
    },
    formulas: [
      {
        tex: tex`a^{(l)} = \sigma\!\left(z^{(l)}\right)`,
        legend: [S.al, S.zl, S.sigma],
      },
    ],
    related: ['neuron', 'activation-function', 'layer', 'forward-propagation'],
    prerequisites: ['neuron'],
    demo: { kind: 'digit-lab' },
  },
  {
    id: 'activation-function',
    topic: 'neuron',
    name: { en: 'activation function', zh: '激活函数' },
    aliases: { en: ['nonlinearity', 'non-linearity'], zh: ['非线性激活'] },
    summary: {
      en: 'An activation function is the nonlinear function a neuron applies to its weighted sum, such as sigmoid, tanh, ReLU or GELU. Without it, any stack of layers would collapse into a single linear map, however deep it is.',
      zh: '激活函数是神经元作用在加权和上的非线性函数，常见的有 sigmoid、tanh、ReLU 和 GELU。如果没有它，不管叠多少层，整个网络都只相当于一次线性变换。',
    },
    intuition: {
      en: 'The bend in each layer that lets a network draw curves instead of only straight lines.',
      zh: '每层里的那道“弯”，让网络能画出曲线，而不只是直线。',
    },
    formulas: [
      {
        tex: tex`a^{(l)} = \sigma\!\left(W^{(l)} a^{(l-1)} + b^{(l)}\right)`,
        legend: [S.al, S.sigma, S.Wl, S.alm1, S.bl],
      },
    ],
    related: ['sigmoid', 'relu', 'tanh', 'gelu', 'leaky-relu', 'softmax', 'universal-approximation-theorem'],
    prerequisites: ['neuron'],
    demo: { kind: 'training-lab', activation: 'relu' },
  },
  {
    id: 'sigmoid',
    topic: 'neuron',
    name: { en: 'sigmoid', zh: 'Sigmoid 函数' },
    aliases: { en: ['sigmoid function', 'logistic function', 'logistic sigmoid'], zh: ['S 型函数', 'S型函数', 'Logistic 函数', '逻辑斯蒂函数'] },
    summary: {
      en: 'The sigmoid squashes any real number into the interval (0, 1): very negative inputs give almost 0, very positive inputs almost 1. It was the classic activation function and is the one used in 3Blue1Brown’s digit network, but its flat tails make gradients tiny, so hidden layers today mostly use ReLU.',
      zh: 'Sigmoid 把任意实数压进 (0, 1) 区间：很负的输入得到接近 0 的值，很正的输入得到接近 1 的值。它是经典的激活函数，3Blue1Brown 的手写数字网络用的就是它；但它两端太平，梯度会变得很小，所以如今隐藏层大多改用 ReLU。',
    },
    intuition: {
      en: 'A smooth on/off switch: an S-shaped curve from 0 to 1.',
      zh: '一个平滑的开关：从 0 缓缓升到 1 的 S 形曲线。',
    },
    formulas: [
      {
        tex: tex`\sigma(z) = \frac{1}{1 + e^{-z}}`,
        legend: [{ symbol: tex`z`, en: 'weighted sum going into the neuron', zh: '进入神经元的加权和' }],
      },
      {
        tex: tex`\sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr) \le \tfrac{1}{4}`,
        legend: [S.sigmaPrime],
      },
    ],
    related: ['activation-function', 'tanh', 'relu', 'vanishing-gradient', 'softmax'],
    prerequisites: ['activation-function'],
    demo: { kind: 'training-lab', activation: 'sigmoid' },
  },
  {
    id: 'relu',
    topic: 'neuron',
    name: { en: 'ReLU', zh: '线性整流函数' },
    aliases: { en: ['rectified linear unit', 'rectified linear'], zh: ['修正线性单元', '整流线性单元', '线性整流单元'] },
    summary: {
      en: 'ReLU outputs its input when it is positive and 0 otherwise. Its gradient is exactly 1 for every active neuron, so signals pass through deep stacks without shrinking, and it is very cheap to compute; that is why it replaced the sigmoid as the default for hidden layers.',
      zh: 'ReLU 在输入为正时原样输出，否则输出 0。处于激活状态的神经元梯度恰好是 1，信号穿过很多层也不会越传越小，而且计算极其便宜，因此它取代 sigmoid 成了隐藏层的默认选择。',
    },
    intuition: {
      en: 'A gate that is shut below zero and passes everything above it unchanged.',
      zh: '一道闸门：零以下全部关死，零以上原样放行。',
    },
    formulas: [
      {
        tex: tex`\operatorname{ReLU}(z) = \max(0, z)`,
        legend: [{ symbol: tex`z`, en: 'weighted sum going into the neuron', zh: '进入神经元的加权和' }],
      },
      {
        tex: tex`\operatorname{ReLU}'(z) = \begin{cases} 1 & z > 0 \\ 0 & z < 0 \end{cases}`,
        legend: [{ symbol: tex`\operatorname{ReLU}'`, en: 'derivative (undefined at exactly 0; libraries use 0 there)', zh: '导数（在 0 处无定义，框架通常取 0）' }],
      },
    ],
    related: ['activation-function', 'sigmoid', 'leaky-relu', 'gelu', 'vanishing-gradient', 'he-initialization'],
    prerequisites: ['activation-function'],
    demo: { kind: 'training-lab', activation: 'relu' },
  },
  {
    id: 'leaky-relu',
    topic: 'neuron',
    name: { en: 'leaky ReLU', zh: '带泄漏线性整流函数' },
    aliases: { en: ['leaky rectified linear unit', 'LReLU'], zh: ['泄漏 ReLU', 'Leaky ReLU'] },
    summary: {
      en: 'Leaky ReLU lets a small fraction of negative inputs through instead of zeroing them. A neuron whose weighted sum is always negative still receives some gradient, which avoids “dead” ReLU units that never learn again.',
      zh: '带泄漏的 ReLU 不把负输入直接清零，而是放过其中很小的一部分。这样即使某个神经元的加权和一直为负，它也还能收到一点梯度，避免出现再也学不动的“死亡”ReLU 单元。',
    },
    intuition: {
      en: 'ReLU with a door left slightly ajar on the negative side.',
      zh: '负半边留了一条门缝的 ReLU。',
    },
    formulas: [
      {
        tex: tex`\operatorname{LeakyReLU}(z) = \max(\alpha z, z), \quad 0 < \alpha \ll 1`,
        legend: [
          { symbol: tex`z`, en: 'weighted sum going into the neuron', zh: '进入神经元的加权和' },
          { symbol: tex`\alpha`, en: 'slope for negative inputs (often 0.01)', zh: '负半轴的斜率（常取 0.01）' },
        ],
      },
    ],
    related: ['relu', 'gelu', 'activation-function'],
    prerequisites: ['relu'],
  },
  {
    id: 'tanh',
    topic: 'neuron',
    name: { en: 'tanh', zh: '双曲正切函数' },
    aliases: { en: ['hyperbolic tangent'], zh: ['双曲正切', 'tanh 函数'] },
    summary: {
      en: 'The hyperbolic tangent is an S-shaped curve like the sigmoid, but it runs from −1 to 1 and is centered on zero. Zero-centered outputs make the next layer easier to train, which is why tanh was preferred over the sigmoid in hidden layers and is still used inside RNN and LSTM cells.',
      zh: '双曲正切和 sigmoid 一样是 S 形曲线，但取值范围是 −1 到 1，并且以零为中心。以零为中心的输出让下一层更好训练，所以在隐藏层里它一度比 sigmoid 更受欢迎，如今在 RNN 和 LSTM 单元里依然常见。',
    },
    intuition: {
      en: 'A sigmoid stretched to run from −1 to 1.',
      zh: '被拉伸到 −1 到 1 的 sigmoid。',
    },
    formulas: [
      {
        tex: tex`\tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}} = 2\sigma(2z) - 1`,
        legend: [
          { symbol: tex`z`, en: 'weighted sum going into the neuron', zh: '进入神经元的加权和' },
          { symbol: tex`\sigma`, en: 'the sigmoid function', zh: 'sigmoid 函数' },
        ],
      },
    ],
    related: ['sigmoid', 'activation-function', 'recurrent-neural-network', 'lstm', 'xavier-initialization'],
    prerequisites: ['sigmoid'],
  },
  {
    id: 'gelu',
    topic: 'neuron',
    name: { en: 'GELU', zh: '高斯误差线性单元' },
    aliases: { en: ['Gaussian error linear unit'], zh: ['GELU 激活函数'] },
    summary: {
      en: 'GELU multiplies its input by the probability that a standard normal variable is smaller than it. It behaves like a smooth ReLU with a small dip below zero, and it is the activation inside the MLP blocks of GPT-2, GPT-3 and BERT.',
      zh: 'GELU 把输入乘上“标准正态随机变量小于该输入”的概率。它像是一个平滑版的 ReLU，在零点左侧略微下探，GPT-2、GPT-3 和 BERT 的 MLP 模块用的都是它。',
    },
    intuition: {
      en: 'ReLU with the corner rounded off.',
      zh: '把拐角磨圆了的 ReLU。',
    },
    formulas: [
      {
        tex: tex`\operatorname{GELU}(z) = z\,\Phi(z)`,
        legend: [
          { symbol: tex`z`, en: 'weighted sum going into the neuron', zh: '进入神经元的加权和' },
          { symbol: tex`\Phi`, en: 'cumulative distribution function of the standard normal', zh: '标准正态分布的累积分布函数' },
        ],
      },
    ],
    related: ['relu', 'feed-forward-network', 'activation-function'],
    prerequisites: ['relu'],
  },
  {
    id: 'softmax',
    topic: 'neuron',
    name: { en: 'softmax', zh: 'Softmax 函数' },
    aliases: { en: ['softmax function', 'normalized exponential', 'soft-max'], zh: ['归一化指数函数', 'softmax函数'] },
    summary: {
      en: 'Softmax turns any list of numbers into a probability distribution: exponentiate each entry, then divide by the total. The largest input gets the largest share but the others keep some probability, which is why it is used on the output of classifiers and inside attention.',
      zh: 'Softmax 能把任意一串数变成概率分布：先对每个数取指数，再除以总和。最大的输入分到最多的概率，其余的也保有一份，所以分类器的输出层和注意力机制里都离不开它。',
    },
    intuition: {
      en: 'A “soft” version of picking the maximum: the biggest score wins most, not all, of the probability.',
      zh: '“软”版的取最大值：得分最高者拿走大部分概率，但不是全部。',
    },
    formulas: [
      {
        tex: tex`p_i = \operatorname{softmax}(z)_i = \frac{e^{z_i}}{\sum_{j=1}^{N} e^{z_j}}`,
        legend: [S.pi, S.zi, S.N],
      },
    ],
    related: ['softmax-temperature', 'logits', 'cross-entropy', 'attention', 'output-layer'],
    prerequisites: ['activation-function'],
    demo: { kind: 'gpt-lab', view: 'generate' },
  },
  {
    id: 'weight',
    topic: 'neuron',
    name: { en: 'weight', zh: '权重' },
    aliases: { en: ['weight matrix', 'connection weight', 'synaptic weight'], zh: ['权值', '权重矩阵', '连接权重'] },
    ambiguous: ['weight'],
    summary: {
      en: 'A weight is a number on the connection between two neurons: it says how much the earlier neuron’s activation pushes the later one up (positive) or down (negative). The weights of a layer form a matrix, and learning consists almost entirely of adjusting them.',
      zh: '权重是两个神经元之间连线上的一个数，表示前一个神经元的激活值会把后一个神经元往上推（正）还是往下拉（负）、推拉多少。一层的所有权重排成一个矩阵，所谓学习，几乎全是在调整它们。',
    },
    intuition: {
      en: 'A knob on every connection; a positive weight says “I want this neuron on”.',
      zh: '每条连线上的旋钮；正权重的意思是“我希望那个神经元亮起来”。',
    },
    formulas: [
      {
        tex: tex`z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}`,
        legend: [S.zl, S.Wl, S.alm1, S.bl],
      },
    ],
    related: ['bias', 'neuron', 'weight-initialization', 'parameter-count', 'matrix-multiplication'],
    prerequisites: ['neuron'],
    demo: { kind: 'digit-lab' },
  },
  {
    id: 'bias',
    topic: 'neuron',
    name: { en: 'bias', zh: '偏置' },
    aliases: { en: ['bias term', 'bias vector'], zh: ['偏置项', '偏置值', '偏置向量'] },
    ambiguous: ['bias'],
    summary: {
      en: 'The bias is a number added to a neuron’s weighted sum before the activation function. It sets how high the weighted sum has to be before the neuron becomes meaningfully active, independently of the input.',
      zh: '偏置是在激活函数之前加到神经元加权和上的一个数。它决定加权和要达到多高，神经元才算真正被激活，而且与输入无关。',
    },
    intuition: {
      en: 'The neuron’s threshold: how easily it gets excited.',
      zh: '神经元的门槛：它有多容易兴奋起来。',
    },
    formulas: [
      {
        tex: tex`a^{(l)}_j = \sigma\!\left(\sum_{k} w^{(l)}_{jk}\, a^{(l-1)}_k + b^{(l)}_j\right)`,
        legend: [S.bjl, S.ajl, S.wjk, S.akl1, S.sigma],
      },
    ],
    related: ['weight', 'neuron', 'parameter-count'],
    prerequisites: ['neuron'],
    demo: { kind: 'digit-lab' },
  },
  {
    id: 'layer',
    topic: 'neuron',
    name: { en: 'layer', zh: '网络层' },
    aliases: { en: ['fully connected layer', 'dense layer', 'linear layer'], zh: ['神经网络层', '全连接层'] },
    ambiguous: ['layer'],
    summary: {
      en: 'A layer is a group of neurons that are computed together from the previous layer with one matrix multiplication, one bias vector and an activation function. In the picture 3Blue1Brown paints of the digit network, each layer builds more abstract features from the one before: edges, then loops and strokes, then digits.',
      zh: '一层就是一组神经元，它们由上一层一次性算出：一次矩阵乘法、加上一个偏置向量，再过激活函数。在 3Blue1Brown 对手写数字网络的设想中，每一层都在前一层基础上组合出更抽象的特征：先是短边，再是圆圈和笔画，最后是数字。',
    },
    intuition: {
      en: 'One column of neurons in the diagram; information flows column by column.',
      zh: '示意图里的一列神经元；信息一列一列地往后传。',
    },
    formulas: [
      {
        tex: tex`a^{(l)} = \sigma\!\left(W^{(l)} a^{(l-1)} + b^{(l)}\right)`,
        legend: [S.al, S.Wl, S.alm1, S.bl, S.sigma],
      },
    ],
    related: ['input-layer', 'hidden-layer', 'output-layer', 'multilayer-perceptron', 'matrix-multiplication'],
    prerequisites: ['neuron', 'weight', 'bias'],
    demo: { kind: 'digit-lab' },
  },
  {
    id: 'input-layer',
    topic: 'neuron',
    name: { en: 'input layer', zh: '输入层' },
    aliases: { en: [], zh: [] },
    summary: {
      en: 'The input layer holds the data itself and computes nothing. For a 28×28 MNIST image it has 784 neurons, one per pixel, each holding that pixel’s gray value between 0 and 1.',
      zh: '输入层存放数据本身，不做任何计算。对于 28×28 的 MNIST 图像，它有 784 个神经元，每个像素一个，存的是该像素 0 到 1 之间的灰度值。',
    },
    intuition: {
      en: 'The retina of the network: the image laid out as a column of numbers.',
      zh: '网络的视网膜：把图像摊成一列数字。',
    },
    formulas: [
      {
        tex: tex`a^{(0)} = x \in [0, 1]^{784}`,
        legend: [
          { symbol: tex`a^{(0)}`, en: 'activations of the input layer', zh: '输入层的激活值' },
          { symbol: tex`x`, en: 'the image, flattened to 784 pixel values', zh: '拉平成 784 个像素值的图像' },
        ],
      },
    ],
    related: ['layer', 'hidden-layer', 'output-layer', 'mnist'],
    prerequisites: ['layer'],
    demo: { kind: 'digit-lab' },
  },
  {
    id: 'hidden-layer',
    topic: 'neuron',
    name: { en: 'hidden layer', zh: '隐藏层' },
    aliases: { en: ['hidden unit', 'hidden neuron'], zh: ['隐层', '隐含层', '隐藏单元'] },
    summary: {
      en: 'Hidden layers are the layers between input and output; nobody tells them what to compute, so whatever features they detect are discovered during training. 3Blue1Brown’s digit network has two hidden layers of 16 neurons each.',
      zh: '隐藏层是夹在输入层和输出层之间的那些层；没人规定它们该算什么，它们识别出的特征都是训练中自己摸索出来的。3Blue1Brown 的手写数字网络有两个隐藏层，各 16 个神经元。',
    },
    intuition: {
      en: 'The workshop in the middle where raw pixels become useful features.',
      zh: '中间的加工车间：原始像素在这里变成有用的特征。',
    },
    formulas: [
      {
        tex: tex`a^{(l)} = \sigma\!\left(W^{(l)} a^{(l-1)} + b^{(l)}\right), \quad 0 < l < L`,
        legend: [S.al, S.Wl, S.alm1, S.bl, S.sigma, { symbol: tex`L`, en: 'index of the output layer', zh: '输出层的编号' }],
      },
    ],
    related: ['layer', 'input-layer', 'output-layer', 'deep-neural-network'],
    prerequisites: ['layer'],
    demo: { kind: 'digit-lab' },
  },
  {
    id: 'output-layer',
    topic: 'neuron',
    name: { en: 'output layer', zh: '输出层' },
    aliases: { en: [], zh: [] },
    summary: {
      en: 'The output layer is the last layer, whose activations are the network’s answer. In the digit network it has 10 neurons, one per digit, and the brightest one is the prediction; classifiers often put a softmax here so the outputs form a probability distribution.',
      zh: '输出层是最后一层，它的激活值就是网络给出的答案。在手写数字网络中它有 10 个神经元，对应 0 到 9，最亮的那个就是预测结果；分类网络常在这里接一个 softmax，让输出构成概率分布。',
    },
    intuition: {
      en: 'Ten lights, one per digit; the brightest is the network’s guess.',
      zh: '十盏灯，每个数字一盏；最亮的就是网络的猜测。',
    },
    formulas: [
      {
        tex: tex`\hat{y} = \arg\max_j\, a^{(L)}_j`,
        legend: [
          { symbol: tex`\hat{y}`, en: 'predicted digit', zh: '预测的数字' },
          { symbol: tex`a^{(L)}_j`, en: 'activation of output neuron j', zh: '第 j 个输出神经元的激活值' },
        ],
      },
    ],
    related: ['layer', 'softmax', 'loss-function', 'one-hot-encoding'],
    prerequisites: ['layer'],
    demo: { kind: 'digit-lab' },
  },
  {
    id: 'multilayer-perceptron',
    topic: 'neuron',
    name: { en: 'multilayer perceptron', zh: '多层感知机' },
    aliases: {
      en: ['MLP', 'multi-layer perceptron', 'fully connected network', 'fully-connected network', 'vanilla neural network'],
      zh: ['多层感知器', '全连接网络', '全连接神经网络'],
    },
    ambiguous: ['MLP'],
    summary: {
      en: 'A multilayer perceptron is the plain vanilla neural network: layers of neurons in which every neuron is connected to every neuron of the previous layer, each followed by a nonlinearity. The 784-16-16-10 digit recognizer of 3Blue1Brown’s first chapters is an MLP, and so is the block that follows attention in every transformer layer.',
      zh: '多层感知机就是最朴素的神经网络：一层层神经元，每个神经元都和上一层的所有神经元相连，每层之后接一个非线性函数。3Blue1Brown 前几章里 784-16-16-10 的手写数字识别网络就是 MLP，Transformer 每一层中紧跟在注意力后面的那个模块也是。',
    },
    intuition: {
      en: 'A function with thousands of knobs, built by alternating matrix multiplications and bends.',
      zh: '一个带着成千上万个旋钮的函数，由矩阵乘法和“弯折”交替搭成。',
    },
    formulas: [
      {
        tex: tex`f(x) = \sigma\!\left(W^{(L)} \cdots\, \sigma\!\left(W^{(2)}\, \sigma\!\left(W^{(1)} x + b^{(1)}\right) + b^{(2)}\right) \cdots + b^{(L)}\right)`,
        legend: [
          { symbol: tex`x`, en: 'input (e.g. 784 pixel values)', zh: '输入（例如 784 个像素值）' },
          S.Wl,
          S.bl,
          S.sigma,
          { symbol: tex`L`, en: 'number of layers after the input', zh: '输入层之后的层数' },
        ],
      },
    ],
    related: ['perceptron', 'deep-neural-network', 'feed-forward-network', 'universal-approximation-theorem', 'parameter-count'],
    prerequisites: ['layer', 'activation-function'],
    demo: { kind: 'digit-lab' },
  },
  {
    id: 'deep-neural-network',
    topic: 'neuron',
    name: { en: 'deep neural network', zh: '深度神经网络' },
    aliases: { en: ['DNN', 'deep network', 'deep net'], zh: ['深层神经网络', '深度网络'] },
    summary: {
      en: 'A deep neural network is one with many hidden layers. Depth lets a network compose simple features into complex ones step by step, but it also makes training harder: gradients can vanish or explode on their way back, which is what careful initialization, normalization and residual connections address.',
      zh: '深度神经网络指隐藏层很多的网络。深度让网络可以一步步把简单特征组合成复杂特征，但也让训练更难：梯度在反向传播途中可能消失或爆炸，精心的初始化、归一化和残差连接正是为此而生。',
    },
    intuition: {
      en: 'A long assembly line where each station refines the work of the one before.',
      zh: '一条长长的流水线，每个工位都在前一个工位的成果上再加工。',
    },
    formulas: [
      {
        tex: tex`f = f^{(L)} \circ f^{(L-1)} \circ \cdots \circ f^{(1)}, \qquad f^{(l)}(a) = \sigma\!\left(W^{(l)} a + b^{(l)}\right)`,
        legend: [
          { symbol: tex`f^{(l)}`, en: 'the map computed by layer l', zh: '第 l 层所做的映射' },
          { symbol: tex`\circ`, en: 'function composition: apply right to left', zh: '函数复合：从右往左依次作用' },
          S.Wl,
          S.bl,
          S.sigma,
        ],
      },
    ],
    related: ['multilayer-perceptron', 'hidden-layer', 'vanishing-gradient', 'residual-connection', 'batch-normalization'],
    prerequisites: ['multilayer-perceptron'],
  },
  {
    id: 'forward-propagation',
    topic: 'neuron',
    name: { en: 'forward propagation', zh: '前向传播' },
    aliases: { en: ['forward pass', 'forward-propagation', 'feedforward pass', 'inference pass'], zh: ['正向传播', '前向计算'] },
    summary: {
      en: 'Forward propagation is running the network: start from the input activations and compute each layer from the one before until the output appears. During training the intermediate values z and a are kept, because backpropagation needs them.',
      zh: '前向传播就是让网络跑一遍：从输入层的激活值出发，逐层由前一层算出下一层，直到得到输出。训练时要把中间的 z 和 a 都保存下来，因为反向传播会用到它们。',
    },
    intuition: {
      en: 'Water flowing downhill through the layers, from pixels to an answer.',
      zh: '像水往低处流，从像素一路流经各层，流成一个答案。',
    },
    formulas: [
      {
        tex: tex`z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}, \qquad a^{(l)} = \sigma\!\left(z^{(l)}\right), \qquad l = 1, \dots, L`,
        legend: [S.zl, S.Wl, S.alm1, S.bl, S.al, S.sigma],
      },
    ],
    related: ['backpropagation', 'layer', 'matrix-multiplication'],
    prerequisites: ['layer', 'activation-function'],
    demo: { kind: 'digit-lab' },
  },
];
