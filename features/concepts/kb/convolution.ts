// The parts of a convolutional layer: kernel, stride, padding, channels, the feature maps it makes,
// and the properties that make it suit images (shared weights, receptive fields).

import type { Concept } from '../types';
import { tex } from './notation';

const k = { symbol: tex`k`, en: 'kernel width', zh: '卷积核宽度' };
const nIn = { symbol: tex`n`, en: 'input width', zh: '输入宽度' };
const p = { symbol: tex`p`, en: 'padding added on each side', zh: '每一侧补的填充' };
const s = { symbol: tex`s`, en: 'stride', zh: '步幅' };

export const concepts: Concept[] = [
  {
    id: 'kernel',
    topic: 'architecture',
    name: { en: 'convolution kernel', zh: '卷积核' },
    aliases: { en: ['kernel', 'filter', 'convolutional filter', 'convolution filter', 'kernel size', 'filter size', 'convolutional kernel'], zh: ['滤波器', '卷积核大小', '卷积滤波器', '卷积核尺寸', '核大小'] },
    ambiguous: ['kernel', 'filter'],
    // Kernel methods, GPU kernels and audio filters are other kernels: only a convolution's near convolution words.
    narrow: {
      forms: ['kernel', 'filter', '滤波器'],
      cues: [
        'convolution', 'convolutions', 'convolutional', 'conv', 'conv2d', 'convnet', 'convnets', 'cnn', 'cnns', 'image', 'images', 'pixel', 'pixels',
        'stride', 'strides', 'padding', 'channel', 'channels', 'feature', 'edge', 'edges', 'pooling', 'cross-correlation', 'receptive',
        '卷积', '图像', '像素', '特征图', '通道', '步幅', '池化', '感受野',
      ],
      otherwise: null,
    },
    summary: {
      en: 'A kernel (or filter) is the small grid of learned weights that a convolutional layer slides over its input, for example 3 × 3 across all input channels. Each kernel produces one output channel; early kernels end up detecting edges and colour blobs, deeper ones textures and parts of objects.',
      zh: '卷积核（也叫滤波器）是卷积层在输入上滑动的一小格可学习的权重，例如跨越全部输入通道的 3 × 3。每个卷积核产生一个输出通道；浅层的卷积核往往学成边缘和色块的检测器，深层的则检测纹理和物体的局部。',
    },
    intuition: {
      en: 'A small stamp that asks at every position: does my pattern appear here?',
      zh: '一枚小印章，在每个位置都问一句：我的图案在这里吗？',
    },
    formulas: [
      {
        tex: tex`Y_{ij} = \sum_{c}\sum_{m=0}^{k-1}\sum_{n=0}^{k-1} K_{c,m,n}\, X_{c,\, i+m,\, j+n} + b`,
        legend: [
          { symbol: tex`K`, en: 'kernel: k × k weights per input channel', zh: '卷积核：每个输入通道 k × k 个权重' },
          { symbol: tex`X`, en: 'input with channels c', zh: '带通道 c 的输入' },
          { symbol: tex`Y`, en: 'output feature map', zh: '输出特征图' },
          k,
          { symbol: tex`b`, en: 'bias of this kernel', zh: '该卷积核的偏置' },
        ],
      },
    ],
    related: ['convolution', 'feature-map', 'stride', 'padding', 'channel', 'weight-sharing'],
    prerequisites: ['convolution'],
  },
  {
    id: 'stride',
    topic: 'architecture',
    name: { en: 'stride', zh: '步幅' },
    aliases: { en: ['strides', 'strided convolution', 'convolution stride'], zh: ['卷积步幅', '跨步卷积'] },
    ambiguous: ['stride', 'strides'],
    summary: {
      en: 'The stride is how many positions the kernel (or pooling window) moves between two outputs. A stride of 2 halves the width and height of the output, a cheap way to downsample; a stride of 1 keeps every position.',
      zh: '步幅是卷积核（或池化窗口）在两次输出之间移动的格数。步幅为 2 时，输出的宽和高都减半，是一种代价很低的下采样方式；步幅为 1 则保留每个位置。',
    },
    intuition: {
      en: 'How big a step the stamp takes between two prints.',
      zh: '印章每盖一次之间迈多大一步。',
    },
    formulas: [
      {
        tex: tex`n_{\text{out}} = \left\lfloor \frac{n + 2p - k}{s} \right\rfloor + 1`,
        legend: [nIn, p, k, s],
      },
    ],
    related: ['convolution', 'padding', 'kernel', 'pooling', 'feature-map'],
    prerequisites: ['convolution'],
  },
  {
    id: 'padding',
    topic: 'architecture',
    name: { en: 'padding', zh: '填充' },
    aliases: { en: ['zero padding', 'zero-padding', 'same padding', 'valid padding', 'padding token', 'pad token', 'padded'], zh: ['零填充', '补零', '填充词元', '填充标记', '边界填充'] },
    ambiguous: ['padding', 'padded'],
    ambiguousZh: ['填充'],
    summary: {
      en: 'Padding adds entries that carry no information around an input so that shapes fit: zeros around an image let a convolution keep its width and look at the border pixels as often as the centre. In text models, short sequences in a batch are padded with a special token to the longest one, and an attention mask tells the model to ignore it.',
      zh: '填充就是在输入周围补上不带信息的元素，让形状对得上：在图像四周补零，卷积就能保持宽度不变，边缘像素也能和中间的像素一样被看到。在文本模型中，一个批次里较短的序列会用特殊的填充词元补到最长序列的长度，再用注意力掩码让模型忽略它们。',
    },
    intuition: {
      en: 'A frame of blank margin so that nothing at the edge gets cut off.',
      zh: '四周留一圈空白边框，边上的内容就不会被裁掉。',
    },
    formulas: [
      {
        tex: tex`p = \frac{k - 1}{2} \;\Rightarrow\; n_{\text{out}} = n \quad (\text{stride } 1)`,
        legend: [p, k, nIn],
      },
    ],
    related: ['convolution', 'stride', 'kernel', 'token'],
    prerequisites: ['convolution'],
  },
  {
    id: 'receptive-field',
    topic: 'architecture',
    name: { en: 'receptive field', zh: '感受野' },
    aliases: { en: ['receptive fields', 'effective receptive field'], zh: ['感受域', '有效感受野', '接受域'] },
    summary: {
      en: 'The receptive field of a unit is the region of the input image that can influence its value. It grows with every convolution and pooling layer, so units deep in a CNN respond to large parts of the image even though each kernel is small.',
      zh: '一个单元的感受野，是输入图像中能影响它取值的那片区域。每经过一层卷积或池化，感受野都会扩大，所以即便每个卷积核都很小，CNN 深层的单元也能对图像的一大片区域作出反应。',
    },
    intuition: {
      en: 'How much of the picture a unit can see through its stack of small windows.',
      zh: '透过一层层小窗口，一个单元能看到多大一块画面。',
    },
    formulas: [
      {
        tex: tex`r_l = r_{l-1} + (k_l - 1) \prod_{i=1}^{l-1} s_i, \qquad r_0 = 1`,
        legend: [
          { symbol: tex`r_l`, en: 'receptive-field width after layer l', zh: '第 l 层之后的感受野宽度' },
          { symbol: tex`k_l`, en: 'kernel width of layer l', zh: '第 l 层的卷积核宽度' },
          { symbol: tex`s_i`, en: 'stride of layer i', zh: '第 i 层的步幅' },
        ],
      },
    ],
    related: ['convolution', 'convolutional-neural-network', 'pooling', 'stride', 'kernel'],
    prerequisites: ['convolution'],
  },
  {
    id: 'feature-map',
    topic: 'architecture',
    name: { en: 'feature map', zh: '特征图' },
    aliases: { en: ['feature maps', 'activation map', 'activation maps'], zh: ['特征映射', '激活图'] },
    summary: {
      en: 'A feature map is the grid of outputs one kernel produces over the whole input: a picture of where its pattern was found. A convolutional layer outputs one feature map per kernel, stacked as channels, and the next layer reads all of them.',
      zh: '特征图是一个卷积核扫过整个输入后得到的输出网格，描绘出它的图案在哪里被找到。卷积层每个卷积核输出一张特征图，它们按通道叠在一起，交给下一层全部读取。',
    },
    intuition: {
      en: 'A heat map of “my pattern is here” for one detector.',
      zh: '某个检测器的一张“我的图案在这儿”热力图。',
    },
    formulas: [
      {
        tex: tex`H_{\text{out}} \times W_{\text{out}} \times C_{\text{out}}, \qquad C_{\text{out}} = \text{number of kernels}`,
        legend: [
          { symbol: tex`H_{\text{out}}, W_{\text{out}}`, en: 'height and width of each feature map', zh: '每张特征图的高和宽' },
          { symbol: tex`C_{\text{out}}`, en: 'output channels: one feature map per kernel', zh: '输出通道数：每个卷积核一张特征图' },
        ],
      },
    ],
    related: ['convolution', 'kernel', 'channel', 'pooling', 'receptive-field'],
    prerequisites: ['convolution'],
  },
  {
    id: 'channel',
    topic: 'architecture',
    name: { en: 'channel', zh: '通道' },
    aliases: { en: ['channels', 'input channels', 'output channels', 'input channel', 'output channel', 'channel dimension', 'number of channels'], zh: ['输入通道', '输出通道', '通道数', '多通道', '通道维'] },
    ambiguous: ['channel', 'channels'],
    ambiguousZh: ['通道'],
    summary: {
      en: 'Channels are the third axis of an image or feature map: red, green and blue for a photo, one per kernel after a convolutional layer. Every kernel spans all input channels, so a layer with C_in inputs, C_out outputs and k × k kernels has C_in · C_out · k² weights.',
      zh: '通道是图像或特征图的第三个维度：照片有红、绿、蓝三个通道，经过卷积层后每个卷积核对应一个通道。每个卷积核都跨越全部输入通道，所以输入 C_in 个通道、输出 C_out 个通道、卷积核为 k × k 的层共有 C_in · C_out · k² 个权重。',
    },
    intuition: {
      en: 'Layers of transparent sheets stacked on the same grid, each showing one kind of information.',
      zh: '在同一张网格上叠放的一层层透明胶片，每片显示一种信息。',
    },
    formulas: [
      {
        tex: tex`\#\text{weights} = C_{\text{in}} \cdot C_{\text{out}} \cdot k^2`,
        legend: [
          { symbol: tex`C_{\text{in}}, C_{\text{out}}`, en: 'input and output channels', zh: '输入与输出通道数' },
          k,
        ],
      },
    ],
    related: ['feature-map', 'kernel', 'convolution', 'parameter-count'],
    prerequisites: ['convolution'],
  },
  {
    id: 'weight-sharing',
    topic: 'architecture',
    name: { en: 'weight sharing', zh: '权重共享' },
    aliases: { en: ['parameter sharing', 'shared weights', 'tied weights', 'weight tying', 'shared parameters'], zh: ['参数共享', '共享权重', '权值共享', '共享参数', '权重绑定'] },
    summary: {
      en: 'Weight sharing uses the same weights in many places: a convolution applies one kernel at every position, a recurrent network the same matrices at every time step. It cuts the number of parameters enormously and builds in the assumption that a pattern means the same thing wherever or whenever it appears.',
      zh: '权重共享是在许多地方使用同一组权重：卷积在每个位置用同一个卷积核，循环网络在每个时间步用同样的矩阵。它大大减少了参数量，也内置了这样一个假设：同一个模式无论出现在哪里、何时出现，含义都一样。',
    },
    intuition: {
      en: 'One detector copied everywhere instead of a separate one learned for every spot.',
      zh: '一个检测器复制到处用，而不是每个位置各学一个。',
    },
    formulas: [
      {
        tex: tex`h_t = \tanh\!\left(W_{hh} h_{t-1} + W_{xh} x_t + b\right) \quad \text{with the same } W_{hh}, W_{xh} \text{ for every } t`,
        legend: [
          { symbol: tex`W_{hh}, W_{xh}`, en: 'weights shared by all time steps', zh: '所有时间步共享的权重' },
          { symbol: tex`h_t, x_t`, en: 'hidden state and input at step t', zh: '第 t 步的隐状态与输入' },
        ],
      },
    ],
    related: ['convolution', 'kernel', 'recurrent-neural-network', 'parameter-count', 'translation-invariance'],
    prerequisites: ['weight'],
  },
  {
    id: 'cross-correlation',
    topic: 'architecture',
    name: { en: 'cross-correlation', zh: '互相关' },
    aliases: { en: ['cross correlation', 'cross-correlation operation'], zh: ['互相关运算', '互相关操作'] },
    summary: {
      en: 'Cross-correlation slides a kernel over the input and takes the weighted sum at each position without flipping the kernel first. This is what deep-learning libraries call convolution; since the kernel is learned, the flip of a true convolution makes no difference.',
      zh: '互相关让卷积核在输入上滑动，在每个位置求加权和，而不先把卷积核翻转。深度学习框架里所说的“卷积”其实就是它；由于卷积核是学出来的，真正卷积里的那次翻转并没有影响。',
    },
    intuition: {
      en: 'A convolution that does not turn its stencil upside down first.',
      zh: '不先把模板倒过来的卷积。',
    },
    formulas: [
      {
        tex: tex`(X \star K)_{ij} = \sum_{m}\sum_{n} X_{i+m,\, j+n}\, K_{m,n}`,
        legend: [{ symbol: tex`X`, en: 'input', zh: '输入' }, { symbol: tex`K`, en: 'kernel', zh: '卷积核' }],
      },
    ],
    related: ['convolution', 'kernel'],
    prerequisites: ['convolution'],
  },
  {
    id: 'translation-invariance',
    topic: 'architecture',
    name: { en: 'translation invariance', zh: '平移不变性' },
    aliases: { en: ['translation equivariance', 'shift invariance', 'translation invariant', 'translation-invariant', 'spatial invariance'], zh: ['平移等变性', '平移不变', '平移等变'] },
    summary: {
      en: 'A layer is translation equivariant when shifting the input shifts its output by the same amount, as a convolution does; pooling then adds a little translation invariance, where the output does not change at all. It is why a CNN recognizes a cat in any corner of the picture without learning each position separately.',
      zh: '如果输入平移后输出也平移同样的量，这一层就具有平移等变性，卷积正是如此；池化再带来一点平移不变性，即输出完全不变。正因为这样，CNN 无需为每个位置单独学习，就能在图片的任何角落认出一只猫。',
    },
    intuition: {
      en: 'A cat is a cat wherever it sits in the frame.',
      zh: '猫坐在画面哪里都还是猫。',
    },
    formulas: [
      {
        tex: tex`f(\tau_\delta x) = \tau_\delta f(x) \ \ \text{(equivariance)}, \qquad g(\tau_\delta x) = g(x) \ \ \text{(invariance)}`,
        legend: [
          { symbol: tex`\tau_\delta`, en: 'shift of the image by δ pixels', zh: '把图像平移 δ 个像素' },
          { symbol: tex`f, g`, en: 'a convolutional layer, a pooled classifier', zh: '卷积层；带池化的分类器' },
        ],
      },
    ],
    related: ['convolution', 'pooling', 'weight-sharing', 'convolutional-neural-network'],
    prerequisites: ['convolution'],
  },
];
