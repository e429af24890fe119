// Network families and the building blocks that make deep networks trainable.

import type { Concept } from '../types';
import { S, tex } from './notation';

const gamma = { symbol: tex`\gamma,\ \beta`, en: 'learned scale and shift, so the layer can undo the normalization if useful', zh: '可学习的缩放与平移参数，必要时能撤销归一化' };

export const concepts: Concept[] = [
  {
    id: 'convolutional-neural-network',
    topic: 'architecture',
    name: { en: 'convolutional neural network', zh: '卷积神经网络' },
    aliases: { en: ['CNN', 'ConvNet', 'convolutional network'], zh: ['卷积网络'] },
    ambiguous: ['CNN'],
    summary: {
      en: 'A convolutional neural network replaces fully connected layers with small filters that slide across the image, so the same feature detector is reused at every position and each neuron only looks at a local patch. Stacking convolutions and pooling builds features from edges to textures to object parts, with far fewer parameters than an MLP; CNNs are the classic architecture for images.',
      zh: '卷积神经网络用在图像上滑动的小滤波器取代全连接层：同一个特征检测器在每个位置重复使用，每个神经元只看一小块局部区域。卷积层和池化层层层叠加，从边缘到纹理再到物体部件逐级构建特征，参数却比 MLP 少得多；CNN 是处理图像的经典架构。',
    },
    intuition: {
      en: 'A stack of small magnifying glasses that scan the whole picture, each looking for its own pattern.',
      zh: '一叠小放大镜扫过整张图，每个都在找自己负责的图案。',
    },
    formulas: [
      {
        tex: tex`a^{(l)} = \sigma\!\left(K^{(l)} * a^{(l-1)} + b^{(l)}\right)`,
        legend: [{ symbol: tex`K^{(l)}`, en: 'the learned filters (kernels) of layer l', zh: '第 l 层学到的滤波器（卷积核）' }, { symbol: tex`*`, en: 'convolution: slide the filter over the input', zh: '卷积：让滤波器在输入上滑动' }, S.al, S.alm1, S.bl, S.sigma],
      },
    ],
    related: ['convolution', 'pooling', 'multilayer-perceptron', 'mnist', 'residual-connection'],
    prerequisites: ['multilayer-perceptron', 'convolution'],
  },
  {
    id: 'convolution',
    topic: 'architecture',
    name: { en: 'convolution', zh: '卷积' },
    aliases: { en: ['convolutional layer', 'convolution layer', 'conv layer', '2D convolution', 'convolution operation'], zh: ['卷积层', '卷积运算', '卷积操作', '二维卷积'] },
    summary: {
      en: 'A convolution slides a small grid of weights, the kernel, across the input and at each position takes the weighted sum of the patch underneath, producing a feature map. The stride sets how far the kernel jumps and the padding adds a border so edges are covered; deep-learning libraries actually compute cross-correlation, which is the same up to flipping the kernel.',
      zh: '卷积让一小格权重（卷积核）在输入上滑动，每到一个位置就对下面那块区域求加权和，由此得到一张特征图。步幅决定卷积核每次跳多远，填充则在边缘补一圈，让边角也能被覆盖；深度学习框架里实际算的是互相关，与卷积只差把卷积核翻转一下。',
    },
    intuition: {
      en: 'A stencil moved over the image, lighting up wherever the picture matches its pattern.',
      zh: '一块镂空模板在图上移动，哪里与它的图案吻合，哪里就亮起来。',
    },
    formulas: [
      {
        tex: tex`(K * A)_{ij} = \sum_{m} \sum_{n} K_{mn}\, A_{i + m,\, j + n}`,
        legend: [{ symbol: tex`K`, en: 'kernel: a small grid of learned weights (e.g. 3×3)', zh: '卷积核：一小格可学习的权重（如 3×3）' }, { symbol: tex`A`, en: 'input image or feature map', zh: '输入图像或特征图' }, { symbol: tex`(K * A)_{ij}`, en: 'output feature map at position (i, j)', zh: '输出特征图在 (i, j) 处的值' }],
      },
      {
        tex: tex`n_{\text{out}} = \left\lfloor \frac{n_{\text{in}} + 2p - k}{s} \right\rfloor + 1`,
        legend: [{ symbol: tex`n_{\text{in}}`, en: 'input width', zh: '输入宽度' }, { symbol: tex`k`, en: 'kernel width', zh: '卷积核宽度' }, { symbol: tex`p`, en: 'padding on each side', zh: '每侧的填充' }, { symbol: tex`s`, en: 'stride', zh: '步幅' }],
      },
    ],
    related: ['convolutional-neural-network', 'pooling', 'weight', 'kernel', 'stride', 'padding', 'feature-map', 'cross-correlation'],
    prerequisites: ['weight', 'dot-product'],
  },
  {
    id: 'pooling',
    topic: 'architecture',
    name: { en: 'pooling', zh: '池化' },
    aliases: { en: ['max pooling', 'max-pooling', 'average pooling', 'pooling layer', 'global average pooling'], zh: ['池化层', '最大池化', '平均池化', '汇聚层'] },
    ambiguous: ['pooling'],
    summary: {
      en: 'Pooling shrinks a feature map by summarizing each small window with one number, usually its maximum or average. It cuts computation and makes the network less sensitive to exactly where a feature appears; it has no weights to learn.',
      zh: '池化用一个数概括特征图上的每个小窗口（通常取最大值或平均值），从而把特征图缩小。它减少了计算量，也让网络不那么在意某个特征究竟出现在哪个确切位置；池化本身没有需要学习的权重。',
    },
    intuition: {
      en: 'Zooming out: keep “there is an edge around here”, forget the exact pixel.',
      zh: '把镜头拉远：记住“这附近有条边”，忘掉它具体在哪个像素。',
    },
    formulas: [
      {
        tex: tex`a_{ij} = \max_{(m, n) \in R_{ij}} x_{mn}`,
        legend: [{ symbol: tex`R_{ij}`, en: 'the window (e.g. 2×2) that feeds output (i, j)', zh: '对应输出 (i, j) 的窗口（如 2×2）' }, { symbol: tex`x_{mn}`, en: 'input feature map', zh: '输入特征图' }, { symbol: tex`a_{ij}`, en: 'pooled output', zh: '池化后的输出' }],
      },
    ],
    related: ['convolutional-neural-network', 'convolution'],
    prerequisites: ['convolution'],
  },
  {
    id: 'recurrent-neural-network',
    topic: 'architecture',
    name: { en: 'recurrent neural network', zh: '循环神经网络' },
    aliases: { en: ['RNN', 'recurrent network', 'vanilla RNN', 'simple RNN', 'Elman network', 'recurrent layer', 'recurrent neural net'], zh: ['递归神经网络', '循环网络', '简单循环神经网络', '普通循环神经网络', '循环层', '简单循环网络'] },
    summary: {
      en: 'A recurrent neural network reads a sequence one element at a time and carries a hidden state that summarizes everything seen so far, applying the same weights at every step. Training unrolls it through time, so gradients pass through many steps and tend to vanish or explode; LSTMs and later transformers were built to overcome this.',
      zh: '循环神经网络逐个读取序列中的元素，并携带一个隐状态来概括迄今看过的全部内容，每一步都使用同一套权重。训练时要沿时间展开，梯度得穿过许多时间步，因此容易消失或爆炸；LSTM 以及后来的 Transformer 正是为克服这一点而设计的。',
    },
    intuition: {
      en: 'Reading a sentence word by word while updating a running mental summary.',
      zh: '一个词一个词地读句子，同时不断更新脑中的摘要。',
    },
    formulas: [
      {
        tex: tex`h_t = \tanh\!\left(W_h h_{t-1} + W_x x_t + b\right)`,
        legend: [{ symbol: tex`h_t`, en: 'hidden state after reading element t', zh: '读完第 t 个元素后的隐状态' }, { symbol: tex`x_t`, en: 'input at step t (e.g. a word vector)', zh: '第 t 步的输入（例如词向量）' }, { symbol: tex`W_h,\ W_x`, en: 'recurrent and input weight matrices, shared across steps', zh: '循环权重矩阵与输入权重矩阵，各时间步共享' }, { symbol: tex`b`, en: 'bias', zh: '偏置' }],
      },
    ],
    related: ['lstm', 'gru', 'transformer', 'vanishing-gradient', 'exploding-gradient', 'tanh', 'hidden-state', 'backpropagation-through-time'],
    prerequisites: ['multilayer-perceptron', 'backpropagation'],
  },
  {
    id: 'lstm',
    topic: 'architecture',
    name: { en: 'long short-term memory', zh: '长短期记忆网络' },
    aliases: { en: ['LSTM', 'long short term memory', 'LSTM network', 'LSTM cell', 'LSTM unit'], zh: ['长短时记忆网络', '长短期记忆', 'LSTM 网络', '长短期记忆单元'] },
    summary: {
      en: 'An LSTM is a recurrent network whose cell keeps a separate memory line that is changed only by learned gates: a forget gate, an input gate and an output gate. Because the memory is updated by addition rather than repeated multiplication, gradients can survive across hundreds of steps, which made LSTMs the standard for speech and text before transformers.',
      zh: 'LSTM 是一种循环网络，它的单元里有一条独立的记忆线，只能通过学到的门来修改：遗忘门、输入门和输出门。由于记忆靠加法而不是反复相乘来更新，梯度能跨越数百个时间步而不消失，因此在 Transformer 出现之前，LSTM 一直是语音和文本任务的标准选择。',
    },
    intuition: {
      en: 'A conveyor belt of memory with valves that decide what to drop, what to add and what to read out.',
      zh: '一条记忆传送带，几个阀门决定丢掉什么、加进什么、读出什么。',
    },
    formulas: [
      {
        tex: tex`\begin{aligned} f_t &= \sigma\!\left(W_f [h_{t-1}, x_t] + b_f\right), \quad i_t = \sigma\!\left(W_i [h_{t-1}, x_t] + b_i\right), \quad o_t = \sigma\!\left(W_o [h_{t-1}, x_t] + b_o\right) \\ c_t &= f_t \odot c_{t-1} + i_t \odot \tanh\!\left(W_c [h_{t-1}, x_t] + b_c\right) \\ h_t &= o_t \odot \tanh(c_t) \end{aligned}`,
        legend: [
          { symbol: tex`f_t,\ i_t,\ o_t`, en: 'forget, input and output gates, each between 0 and 1', zh: '遗忘门、输入门、输出门，取值都在 0 到 1 之间' },
          { symbol: tex`c_t`, en: 'cell state: the long-term memory', zh: '细胞状态：长期记忆' },
          { symbol: tex`h_t`, en: 'hidden state: what the cell outputs at step t', zh: '隐状态：第 t 步单元的输出' },
          { symbol: tex`[h_{t-1}, x_t]`, en: 'previous hidden state and current input, stacked', zh: '上一步隐状态与当前输入拼接在一起' },
          S.odot,
          { symbol: tex`\sigma`, en: 'the sigmoid function', zh: 'sigmoid 函数' },
        ],
      },
    ],
    related: ['recurrent-neural-network', 'vanishing-gradient', 'transformer', 'tanh', 'sigmoid', 'forget-gate', 'input-gate', 'output-gate', 'cell-state', 'gru'],
    prerequisites: ['recurrent-neural-network'],
  },
  {
    id: 'residual-connection',
    topic: 'architecture',
    name: { en: 'residual connection', zh: '残差连接' },
    aliases: { en: ['skip connection', 'shortcut connection', 'residual stream', 'ResNet', 'residual network'], zh: ['跳跃连接', '捷径连接', '残差流', '残差网络'] },
    summary: {
      en: 'A residual connection adds a block’s input to its output, so the block only has to learn a change to the signal rather than a whole new one. Gradients flow straight back through the additions, which is what made networks with hundreds of layers (ResNet) trainable; in a transformer the running sum of all these updates is called the residual stream.',
      zh: '残差连接把一个模块的输入直接加到它的输出上，于是模块只需学习对信号的“修改量”，而不必学出一个全新的信号。梯度可以沿这些加法原路直通回去，正是它让上百层的网络（ResNet）得以训练；在 Transformer 中，所有这些修改量不断累加形成的那条主干被称为残差流。',
    },
    intuition: {
      en: 'Each layer writes a note in the margin instead of rewriting the whole page.',
      zh: '每一层只在页边写批注，而不是把整页重写。',
    },
    formulas: [
      {
        tex: tex`x_{l+1} = x_l + F(x_l)`,
        legend: [{ symbol: tex`x_l`, en: 'input to block l', zh: '第 l 个模块的输入' }, { symbol: tex`F`, en: 'what the block computes (e.g. attention or an MLP)', zh: '模块内部的计算（例如注意力或 MLP）' }],
      },
    ],
    related: ['deep-neural-network', 'vanishing-gradient', 'transformer', 'layer-normalization'],
    prerequisites: ['deep-neural-network'],
  },
  {
    id: 'batch-normalization',
    topic: 'architecture',
    name: { en: 'batch normalization', zh: '批归一化' },
    aliases: { en: ['BN', 'batch norm', 'batchnorm', 'batch normalisation'], zh: ['批量归一化', '批标准化', '批量标准化'] },
    ambiguous: ['BN'],
    summary: {
      en: 'Batch normalization standardizes each neuron’s weighted sums across the current mini-batch to mean 0 and variance 1, then applies a learned scale and shift. It makes deep networks, CNNs especially, train faster and tolerate higher learning rates; at test time running averages replace the batch statistics.',
      zh: '批归一化把每个神经元的加权和在当前小批量上标准化为均值 0、方差 1，再施加可学习的缩放和平移。它让深层网络（尤其是 CNN）训练得更快，也能承受更大的学习率；测试时则用训练中累计的滑动平均代替小批量统计量。',
    },
    intuition: {
      en: 'Re-center and rescale each neuron’s inputs batch by batch so the next layer always sees a familiar range.',
      zh: '逐批把每个神经元的输入拉回中心、调好尺度，让下一层总看到熟悉的数值范围。',
    },
    formulas: [
      {
        tex: tex`\hat{z}_i = \frac{z_i - \mu_B}{\sqrt{\sigma_B^{2} + \epsilon}}, \qquad \tilde{z}_i = \gamma\, \hat{z}_i + \beta`,
        legend: [
          { symbol: tex`z_i`, en: 'weighted sum of one neuron for example i of the batch', zh: '某神经元在批内第 i 个样本上的加权和' },
          { symbol: tex`\mu_B,\ \sigma_B^{2}`, en: 'mean and variance of z over the mini-batch (σ here is a standard deviation, not the activation function)', zh: 'z 在小批量上的均值与方差（这里的 σ 是标准差，不是激活函数）' },
          gamma,
          S.eps,
        ],
      },
    ],
    related: ['layer-normalization', 'mini-batch', 'deep-neural-network', 'convolutional-neural-network'],
    prerequisites: ['mini-batch', 'layer'],
  },
  {
    id: 'layer-normalization',
    topic: 'architecture',
    name: { en: 'layer normalization', zh: '层归一化' },
    aliases: { en: ['LN', 'layer norm', 'layernorm', 'layer normalisation', 'RMSNorm'], zh: ['层标准化'] },
    summary: {
      en: 'Layer normalization standardizes the entries of a single vector, for example one token’s embedding, to mean 0 and variance 1, then applies a learned scale and shift. It does not depend on the batch, so it works the same in training and generation; every transformer block applies it before attention and before the MLP.',
      zh: '层归一化把单个向量（例如某个词元的嵌入）的各个分量标准化为均值 0、方差 1，再施加可学习的缩放和平移。它与批次无关，训练和生成时的行为完全一致；Transformer 的每个模块都会在注意力和 MLP 之前先做一次层归一化。',
    },
    intuition: {
      en: 'Rescale each token’s vector to a standard size before the next block reads it.',
      zh: '在下一个模块读取之前，把每个词元的向量调整到标准大小。',
    },
    formulas: [
      {
        tex: tex`\mu = \frac{1}{d} \sum_{i=1}^{d} x_i, \qquad s^2 = \frac{1}{d} \sum_{i=1}^{d} (x_i - \mu)^2, \qquad \operatorname{LN}(x)_i = \gamma_i\, \frac{x_i - \mu}{\sqrt{s^2 + \epsilon}} + \beta_i`,
        legend: [{ symbol: tex`x`, en: 'one token’s vector', zh: '某个词元的向量' }, S.dmodel, { symbol: tex`\mu,\ s^2`, en: 'mean and variance over that vector’s own entries', zh: '该向量自身各分量的均值与方差' }, gamma, S.eps],
      },
    ],
    related: ['batch-normalization', 'transformer', 'residual-connection'],
    prerequisites: ['layer'],
  },
  {
    id: 'autoencoder',
    topic: 'architecture',
    name: { en: 'autoencoder', zh: '自编码器' },
    aliases: { en: ['auto-encoder', 'variational autoencoder', 'VAE'], zh: ['自动编码器', '变分自编码器'] },
    summary: {
      en: 'An autoencoder is trained to reproduce its input after squeezing it through a narrow middle layer, the bottleneck. To succeed it must keep only the most informative features, so the bottleneck becomes a compact learned representation useful for compression, denoising or, in the variational version, generating new samples.',
      zh: '自编码器的训练目标是在把输入挤过一个狭窄的中间层（瓶颈）之后，再把它原样还原出来。要做到这一点，它只能保留最有信息量的特征，于是瓶颈处就成了一种紧凑的学习表示，可用于压缩、去噪，变分版本还能用来生成新样本。',
    },
    intuition: {
      en: 'Summarize a picture in a few numbers, then redraw it from the summary.',
      zh: '用几个数概括一张图，再照着概括把图画回来。',
    },
    formulas: [
      {
        tex: tex`h = \operatorname{enc}(x), \qquad \hat{x} = \operatorname{dec}(h), \qquad C_0 = \lVert x - \hat{x} \rVert^2`,
        legend: [{ symbol: tex`x`, en: 'input', zh: '输入' }, { symbol: tex`h`, en: 'code in the bottleneck, much smaller than x', zh: '瓶颈处的编码，比 x 小得多' }, { symbol: tex`\hat{x}`, en: 'reconstruction', zh: '重建结果' }, S.C0],
      },
    ],
    related: ['generative-adversarial-network', 'diffusion-model', 'embedding'],
    prerequisites: ['multilayer-perceptron', 'loss-function'],
  },
  {
    id: 'generative-adversarial-network',
    topic: 'architecture',
    name: { en: 'generative adversarial network', zh: '生成对抗网络' },
    aliases: { en: ['GAN'], zh: ['对抗生成网络'] },
    summary: {
      en: 'A GAN trains two networks against each other: a generator that turns random noise into fake samples and a discriminator that tries to tell fakes from real data. Each improves by exploiting the other’s weaknesses, and at equilibrium the generator produces samples the discriminator cannot distinguish from real ones.',
      zh: '生成对抗网络让两个网络相互较量：生成器把随机噪声变成假样本，判别器则努力分辨真假。双方都靠抓住对方的弱点来提升自己，到达平衡时，生成器造出的样本判别器已经分不出真假。',
    },
    intuition: {
      en: 'A forger and a detective who keep getting better by trying to beat each other.',
      zh: '伪造者和鉴定师，在彼此较劲中不断精进。',
    },
    formulas: [
      {
        tex: tex`\min_{G} \max_{D}\ \mathbb{E}_{x \sim p_{\text{data}}}\!\left[\log D(x)\right] + \mathbb{E}_{z \sim p_z}\!\left[\log\!\left(1 - D(G(z))\right)\right]`,
        legend: [{ symbol: tex`G`, en: 'generator', zh: '生成器' }, { symbol: tex`D(x)`, en: 'discriminator’s probability that x is real', zh: '判别器认为 x 为真的概率' }, { symbol: tex`z`, en: 'random noise fed to the generator', zh: '输入生成器的随机噪声' }, { symbol: tex`p_{\text{data}}`, en: 'distribution of the real data', zh: '真实数据的分布' }],
      },
    ],
    related: ['autoencoder', 'diffusion-model', 'cross-entropy'],
    prerequisites: ['multilayer-perceptron', 'loss-function'],
  },
  {
    id: 'diffusion-model',
    topic: 'architecture',
    name: { en: 'diffusion model', zh: '扩散模型' },
    aliases: { en: ['denoising diffusion', 'DDPM', 'diffusion', 'score-based model'], zh: ['去噪扩散模型', '扩散概率模型'] },
    ambiguous: ['diffusion'],
    summary: {
      en: 'A diffusion model learns to reverse a process that gradually buries data in noise. A network is trained to predict the noise that was added at each level; to generate, it starts from pure noise and removes a little at a time until an image (or audio, or video) emerges. It powers most modern image generators.',
      zh: '扩散模型学习的是把一个“逐步给数据加噪声”的过程倒过来。训练时，网络要预测在各个噪声强度下被加进去的噪声；生成时，从纯噪声出发一点点去噪，直到浮现出一张图像（或一段音频、视频）。如今大多数图像生成器都基于它。',
    },
    intuition: {
      en: 'Learn to clean up static so well that you can sculpt a picture out of pure static.',
      zh: '把去除雪花噪点练到极致，以至于能从一片雪花里雕出一幅画。',
    },
    formulas: [
      {
        tex: tex`x_t = \sqrt{\bar{\alpha}_t}\, x_0 + \sqrt{1 - \bar{\alpha}_t}\, \varepsilon, \qquad C = \mathbb{E}\!\left[\lVert \varepsilon - \varepsilon_\theta(x_t, t) \rVert^2\right]`,
        legend: [
          { symbol: tex`x_0`, en: 'a clean training sample', zh: '一个干净的训练样本' },
          { symbol: tex`x_t`, en: 'the sample after noise level t', zh: '加到第 t 级噪声后的样本' },
          { symbol: tex`\varepsilon`, en: 'Gaussian noise that was added', zh: '被加入的高斯噪声' },
          { symbol: tex`\bar{\alpha}_t`, en: 'how much signal survives at level t (falls from 1 toward 0)', zh: '第 t 级还剩多少信号（从 1 逐渐降到 0）' },
          { symbol: tex`\varepsilon_\theta`, en: 'the network’s guess of the noise', zh: '网络对噪声的估计' },
        ],
      },
    ],
    related: ['generative-adversarial-network', 'autoencoder'],
    prerequisites: ['multilayer-perceptron', 'loss-function'],
  },
];
