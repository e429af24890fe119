// Costs, gradients and backpropagation (3Blue1Brown, chapters 2-4), plus the
// initialization that keeps gradients healthy.

import type { Concept } from '../types';
import { S, tex } from './notation';

export const concepts: Concept[] = [
  {
    id: 'loss-function',
    topic: 'training',
    name: { en: 'loss function', zh: '损失函数' },
    aliases: { en: ['cost function', 'loss', 'cost', 'objective function', 'training loss'], zh: ['代价函数', '成本函数', '目标函数', '损失值'] },
    ambiguous: ['loss', 'cost'],
    summary: {
      en: 'The loss (or cost) function turns the network’s performance into a single number: small when its outputs match the desired ones, large when they do not. Averaged over all training examples, it becomes a function of the weights and biases, and training means searching for the parameters that make it small.',
      zh: '损失函数（也叫代价函数）把网络表现得好坏浓缩成一个数：输出和期望相符时它很小，相差很远时它很大。对所有训练样本取平均后，它就成了关于全部权重和偏置的函数，所谓训练，就是寻找让它变小的那组参数。',
    },
    intuition: {
      en: 'A score of how bad the network is; learning is pushing that score down.',
      zh: '给网络的“糟糕程度”打分；学习就是把这个分数往下压。',
    },
    formulas: [
      {
        tex: tex`C(w) = \frac{1}{n} \sum_{k=0}^{n-1} C_k(w)`,
        legend: [S.C, S.Ck, S.n, S.w],
      },
    ],
    related: ['mean-squared-error', 'cross-entropy', 'gradient-descent', 'cost-function-landscape', 'regularization'],
    prerequisites: ['output-layer'],
    demo: { kind: 'backprop-lab' },
  },
  {
    id: 'mean-squared-error',
    topic: 'training',
    name: { en: 'mean squared error', zh: '均方误差' },
    aliases: { en: ['MSE', 'squared error', 'quadratic cost', 'L2 loss', 'sum of squared errors'], zh: ['平方误差', '二次代价函数', '误差平方和'] },
    summary: {
      en: 'Mean squared error adds up the squares of the differences between each output and its desired value, then averages over examples. It is the cost 3Blue1Brown uses for the digit network; squaring makes every error positive and punishes large misses much more than small ones.',
      zh: '均方误差把每个输出与期望值之差的平方加起来，再对样本取平均。3Blue1Brown 给手写数字网络用的就是这种代价；平方让误差总是正数，而且大错比小错受罚重得多。',
    },
    intuition: {
      en: 'Distance from the target, squared, so big misses hurt a lot.',
      zh: '离目标有多远，再平方一下，错得越离谱罚得越狠。',
    },
    formulas: [
      {
        tex: tex`C_0 = \sum_{j=0}^{n_L - 1} \left(a^{(L)}_j - y_j\right)^2`,
        legend: [S.C0, { symbol: tex`a^{(L)}_j`, en: 'activation of output neuron j', zh: '第 j 个输出神经元的激活值' }, S.yj, { symbol: tex`n_L`, en: 'number of output neurons', zh: '输出神经元的个数' }],
      },
      {
        tex: tex`\frac{\partial C_0}{\partial a^{(L)}_j} = 2\left(a^{(L)}_j - y_j\right)`,
        legend: [S.C0, S.yj],
      },
    ],
    related: ['loss-function', 'cross-entropy', 'chain-rule'],
    prerequisites: ['loss-function'],
    demo: { kind: 'training-lab', cost: 'quadratic' },
  },
  {
    id: 'cross-entropy',
    topic: 'training',
    name: { en: 'cross-entropy', zh: '交叉熵' },
    aliases: { en: ['cross entropy', 'cross-entropy loss', 'log loss', 'categorical cross-entropy', 'binary cross-entropy'], zh: ['交叉熵损失', '对数损失', '交叉熵损失函数', '二元交叉熵'] },
    summary: {
      en: 'Cross-entropy measures how much probability the model gave to the correct answer: the loss is minus the log of that probability. Paired with a softmax output, its gradient with respect to the logits is simply “predicted minus target”, so it does not stall the way a saturated sigmoid with squared error does; it is also the loss GPT is trained on, one next token at a time.',
      zh: '交叉熵衡量模型给正确答案分了多少概率：损失就是这个概率取对数再加负号。与 softmax 输出搭配时，它对 logits 的梯度恰好是“预测减目标”，不会像饱和的 sigmoid 配平方误差那样学不动；GPT 训练用的也是它，逐个预测下一个词元。',
    },
    intuition: {
      en: 'Surprise: the less probability you gave the truth, the bigger the penalty.',
      zh: '“意外程度”：你给真相的概率越小，罚得越重。',
    },
    formulas: [
      {
        tex: tex`C_0 = -\sum_{j} y_j \ln a^{(L)}_j`,
        legend: [S.C0, S.yj, { symbol: tex`a^{(L)}_j`, en: 'predicted probability of class j', zh: '预测为第 j 类的概率' }],
      },
      {
        tex: tex`\frac{\partial C_0}{\partial z^{(L)}_j} = a^{(L)}_j - y_j \quad \text{(softmax output)}`,
        legend: [{ symbol: tex`z^{(L)}_j`, en: 'logit of class j', zh: '第 j 类的 logit' }, S.yj],
      },
    ],
    related: ['loss-function', 'softmax', 'mean-squared-error', 'logits', 'one-hot-encoding', 'pretraining', 'negative-log-likelihood', 'kl-divergence'],
    prerequisites: ['loss-function', 'softmax'],
    demo: { kind: 'training-lab', cost: 'cross-entropy' },
  },
  {
    id: 'gradient',
    topic: 'training',
    name: { en: 'gradient', zh: '梯度' },
    aliases: { en: ['gradient vector', 'negative gradient'], zh: ['梯度向量', '负梯度'] },
    ambiguous: ['gradient'],
    summary: {
      en: 'The gradient of the cost is the vector of its partial derivatives with respect to every weight and bias, about 13 000 numbers for the digit network. It points in the direction of steepest increase, so its negative says how to nudge each parameter, and by how much relative to the others, to lower the cost fastest.',
      zh: '代价的梯度是由它对每个权重和偏置的偏导数组成的向量，对手写数字网络来说约有 13 000 个分量。它指向代价上升最快的方向，所以负梯度告诉我们每个参数该往哪边调、相对其他参数调多少，才能让代价下降得最快。',
    },
    intuition: {
      en: 'An arrow pointing straight uphill; each entry says how much the cost cares about that parameter.',
      zh: '一支指向正上坡的箭头；每个分量说明代价对那个参数有多在意。',
    },
    formulas: [
      {
        tex: tex`\nabla C = \begin{bmatrix} \dfrac{\partial C}{\partial w^{(1)}} & \dfrac{\partial C}{\partial b^{(1)}} & \cdots & \dfrac{\partial C}{\partial w^{(L)}} & \dfrac{\partial C}{\partial b^{(L)}} \end{bmatrix}^{\top}`,
        legend: [S.nablaC, { symbol: tex`\dfrac{\partial C}{\partial w^{(l)}}`, en: 'how fast the cost changes when that weight moves', zh: '该权重变动时代价变化有多快' }],
      },
    ],
    related: ['gradient-descent', 'partial-derivative', 'backpropagation', 'cost-function-landscape'],
    prerequisites: ['loss-function', 'partial-derivative'],
    demo: { kind: 'backprop-lab' },
  },
  {
    id: 'partial-derivative',
    topic: 'training',
    name: { en: 'partial derivative', zh: '偏导数' },
    aliases: { en: ['partial derivatives'], zh: ['偏微分'] },
    summary: {
      en: 'A partial derivative measures how a function of many variables changes when just one of them moves and all the others stay fixed. The gradient is nothing more than all the partial derivatives of the cost stacked into one vector.',
      zh: '偏导数衡量多元函数在只变动其中一个变量、其余变量都不动时变化有多快。梯度不过就是把代价对所有参数的偏导数排成一个向量。',
    },
    intuition: {
      en: 'Wiggle one knob, hold the rest, and watch how the output responds.',
      zh: '只拧一个旋钮，其余不动，看输出怎么跟着变。',
    },
    formulas: [
      {
        tex: tex`\frac{\partial C}{\partial w_i} = \lim_{h \to 0} \frac{C(\dots, w_i + h, \dots) - C(\dots, w_i, \dots)}{h}`,
        legend: [S.C, { symbol: tex`w_i`, en: 'the one parameter being varied', zh: '被变动的那个参数' }, { symbol: tex`h`, en: 'a tiny nudge', zh: '一个极小的扰动' }],
      },
    ],
    related: ['gradient', 'chain-rule'],
    prerequisites: [],
  },
  {
    id: 'chain-rule',
    topic: 'training',
    name: { en: 'chain rule', zh: '链式法则' },
    aliases: { en: ['chain rule of calculus'], zh: ['链式求导法则', '链式求导'] },
    summary: {
      en: 'The chain rule says that the sensitivity of a composite function is the product of the sensitivities along the chain. Nudging the last weight changes the weighted sum z, which changes the activation a, which changes the cost, so the three ratios multiply; when a neuron influences the cost through several paths, the contributions of the paths are added.',
      zh: '链式法则是说：复合函数的敏感度等于链条上各环节敏感度的乘积。轻推最后一层的权重会改变加权和 z，进而改变激活值 a，最后改变代价，所以三个比值相乘；如果一个神经元经由多条路径影响代价，就把各条路径的贡献相加。',
    },
    intuition: {
      en: 'Dominoes: how far the last one moves is the product of how much each push is amplified.',
      zh: '多米诺骨牌：最后一块动多少，等于每一次推动被放大的倍数相乘。',
    },
    formulas: [
      {
        tex: tex`\frac{\partial C_0}{\partial w^{(L)}} = \frac{\partial z^{(L)}}{\partial w^{(L)}}\, \frac{\partial a^{(L)}}{\partial z^{(L)}}\, \frac{\partial C_0}{\partial a^{(L)}} = a^{(L-1)}\, \sigma'\!\left(z^{(L)}\right)\, 2\left(a^{(L)} - y\right)`,
        legend: [S.C0, S.wL, S.zL, S.aL, S.aLm1, S.sigmaPrime, S.y],
      },
      {
        tex: tex`\frac{\partial C_0}{\partial a^{(L-1)}_k} = \sum_{j=0}^{n_L - 1} w^{(L)}_{jk}\, \sigma'\!\left(z^{(L)}_j\right)\, 2\left(a^{(L)}_j - y_j\right)`,
        legend: [{ symbol: tex`a^{(L-1)}_k`, en: 'neuron k of the second-to-last layer, which reaches the cost through every output neuron j', zh: '倒数第二层的第 k 个神经元，它经由每个输出神经元 j 影响代价' }, { symbol: tex`w^{(L)}_{jk}`, en: 'weight from neuron k to output neuron j', zh: '从神经元 k 到输出神经元 j 的权重' }, S.yj],
      },
    ],
    related: ['backpropagation', 'partial-derivative', 'vanishing-gradient', 'automatic-differentiation'],
    prerequisites: ['partial-derivative'],
    demo: { kind: 'backprop-lab' },
  },
  {
    id: 'backpropagation',
    topic: 'training',
    name: { en: 'backpropagation', zh: '反向传播' },
    aliases: { en: ['BP', 'backprop', 'back-propagation', 'back propagation', 'backward pass', 'backpropagation of errors'], zh: ['反向传播算法', '误差反向传播', '逆向传播', '反向计算'] },
    ambiguous: ['BP'],
    summary: {
      en: 'Backpropagation computes the gradient of the cost for every weight and bias in one backward sweep. Starting from the output error, it applies the chain rule layer by layer, reusing each layer’s error δ to get the previous one, so the whole gradient costs only a small multiple of one forward pass.',
      zh: '反向传播只需从后往前扫一遍，就能算出代价对每个权重和偏置的梯度。它从输出层的误差出发，逐层运用链式法则，用后一层的误差 δ 推出前一层的误差，因此算出整个梯度的开销只是一次前向传播的几倍。',
    },
    intuition: {
      en: 'Each neuron passes back a wish list: how it would like the previous layer to change, weighted by how much it matters.',
      zh: '每个神经元都向前一层递回一张“心愿单”：希望前一层怎样变化，并按自己的影响力加权。',
    },
    formulas: [
      {
        tex: tex`\begin{aligned} \delta^{(L)} &= \nabla_{a^{(L)}} C_0 \odot \sigma'\!\left(z^{(L)}\right) \\ \delta^{(l)} &= \left(\left(W^{(l+1)}\right)^{\top} \delta^{(l+1)}\right) \odot \sigma'\!\left(z^{(l)}\right) \\ \frac{\partial C_0}{\partial w^{(l)}_{jk}} &= a^{(l-1)}_k\, \delta^{(l)}_j, \qquad \frac{\partial C_0}{\partial b^{(l)}_j} = \delta^{(l)}_j \end{aligned}`,
        legend: [S.deltal, { symbol: tex`\nabla_{a^{(L)}} C_0`, en: 'how the cost changes with each output activation', zh: '代价随每个输出激活值的变化率' }, S.odot, S.sigmaPrime, S.Wl, S.wjk, S.akl1],
      },
    ],
    related: ['chain-rule', 'gradient', 'forward-propagation', 'gradient-descent', 'automatic-differentiation', 'vanishing-gradient'],
    prerequisites: ['chain-rule', 'gradient', 'forward-propagation'],
    demo: { kind: 'backprop-lab' },
  },
  {
    id: 'automatic-differentiation',
    topic: 'training',
    name: { en: 'automatic differentiation', zh: '自动微分' },
    aliases: { en: ['autodiff', 'autograd', 'reverse-mode differentiation', 'computational graph'], zh: ['计算图', '反向模式自动微分'] },
    summary: {
      en: 'Automatic differentiation records every elementary operation of the forward pass in a computational graph and then applies the chain rule to that graph mechanically. Reverse mode, which is backpropagation in general form, is what PyTorch, JAX and TensorFlow run when you call backward().',
      zh: '自动微分在前向计算时把每一步基本运算记录成一张计算图，然后在图上机械地套用链式法则。其中的反向模式就是广义的反向传播，PyTorch、JAX 和 TensorFlow 在调用 backward() 时做的正是这件事。',
    },
    intuition: {
      en: 'Backprop done by the computer from a recording of the forward pass, for any formula.',
      zh: '计算机照着前向计算的“录像”自动完成反向传播，什么公式都适用。',
    },
    formulas: [
      {
        tex: tex`\bar{v}_i = \sum_{j \,:\, v_i \to v_j} \bar{v}_j\, \frac{\partial v_j}{\partial v_i}, \qquad \bar{v} = \frac{\partial C}{\partial v}`,
        legend: [
          { symbol: tex`v_i`, en: 'an intermediate value in the graph', zh: '计算图中的一个中间量' },
          { symbol: tex`\bar{v}_i`, en: 'its adjoint: the derivative of the cost with respect to it', zh: '它的伴随量：代价对它的导数' },
          { symbol: tex`v_i \to v_j`, en: 'v_j is computed directly from v_i', zh: 'v_j 直接由 v_i 算出' },
        ],
      },
    ],
    related: ['backpropagation', 'chain-rule'],
    prerequisites: ['backpropagation'],
  },
  {
    id: 'vanishing-gradient',
    topic: 'training',
    name: { en: 'vanishing gradient', zh: '梯度消失' },
    aliases: { en: ['vanishing gradients', 'vanishing gradient problem'], zh: ['梯度弥散', '梯度消失问题'] },
    summary: {
      en: 'In a deep network the gradient reaching an early layer is a product of many factors, one per later layer. When those factors are below 1, as with the sigmoid whose slope never exceeds 1/4, the product shrinks exponentially and the early layers barely learn. ReLU, careful initialization, normalization, residual connections and LSTM gates all fight this.',
      zh: '在深层网络中，传到前面某层的梯度是许多因子的乘积，后面每一层贡献一个。如果这些因子都小于 1（比如 sigmoid 的斜率最大只有 1/4），乘积就会指数级缩小，前面的层几乎学不到东西。ReLU、合理的初始化、归一化、残差连接以及 LSTM 的门控都是对付它的办法。',
    },
    intuition: {
      en: 'A whisper passed down a long line of people fades to nothing.',
      zh: '一句悄悄话沿着长队传下去，传到最后就听不见了。',
    },
    formulas: [
      {
        tex: tex`\frac{\partial C_0}{\partial a^{(1)}} = \frac{\partial C_0}{\partial a^{(L)}} \prod_{l=2}^{L} w^{(l)}\, \sigma'\!\left(z^{(l)}\right), \qquad \sigma'(z) \le \tfrac{1}{4}`,
        legend: [S.C0, { symbol: tex`a^{(1)}`, en: 'activation of the first hidden layer (one neuron per layer in this toy chain)', zh: '第一个隐藏层的激活值（这条玩具链每层只有一个神经元）' }, { symbol: tex`w^{(l)}`, en: 'weight into layer l', zh: '连入第 l 层的权重' }, S.sigmaPrime],
      },
    ],
    related: ['exploding-gradient', 'sigmoid', 'relu', 'residual-connection', 'lstm', 'weight-initialization', 'batch-normalization'],
    prerequisites: ['backpropagation', 'chain-rule'],
    demo: { kind: 'training-lab', activation: 'sigmoid' },
  },
  {
    id: 'exploding-gradient',
    topic: 'training',
    name: { en: 'exploding gradient', zh: '梯度爆炸' },
    aliases: { en: ['exploding gradients', 'exploding gradient problem'], zh: ['梯度爆炸问题'] },
    summary: {
      en: 'Exploding gradients are the mirror image of vanishing ones: when the per-layer factors exceed 1, the product grows exponentially with depth (or with time steps in an RNN). Updates then become huge, the loss jumps or turns into NaN, and training diverges; gradient clipping and sensible initialization keep it in check.',
      zh: '梯度爆炸是梯度消失的镜像：当每层的因子大于 1 时，乘积随深度（在 RNN 里是随时间步）指数级增长。参数更新因此变得巨大，损失忽高忽低甚至变成 NaN，训练随之发散；梯度裁剪和合理的初始化可以控制住它。',
    },
    intuition: {
      en: 'A microphone too close to its speaker: each pass amplifies the signal until it screams.',
      zh: '话筒离音箱太近：每绕一圈声音都被放大，直到刺耳啸叫。',
    },
    formulas: [
      {
        tex: tex`\left|\frac{\partial C_0}{\partial a^{(1)}}\right| = \left|\frac{\partial C_0}{\partial a^{(L)}}\right| \prod_{l=2}^{L} \left|w^{(l)}\, \sigma'\!\left(z^{(l)}\right)\right|`,
        legend: [S.C0, { symbol: tex`w^{(l)}\, \sigma'\!\left(z^{(l)}\right)`, en: 'per-layer factor; if it is above 1 in size, the product blows up', zh: '每层的因子；其绝对值大于 1 时乘积会爆炸' }],
      },
    ],
    related: ['vanishing-gradient', 'gradient-clipping', 'recurrent-neural-network', 'weight-initialization'],
    prerequisites: ['backpropagation', 'chain-rule'],
  },
  {
    id: 'gradient-clipping',
    topic: 'training',
    name: { en: 'gradient clipping', zh: '梯度裁剪' },
    aliases: { en: ['gradient norm clipping', 'clip grad norm'], zh: ['梯度截断'] },
    summary: {
      en: 'Gradient clipping rescales the gradient whenever its length exceeds a threshold, keeping its direction but capping the step. It is a simple guard against exploding gradients and is standard when training RNNs and large transformers.',
      zh: '梯度裁剪在梯度的长度超过某个阈值时把它按比例缩小，方向不变，只给步长封顶。这是防止梯度爆炸的简单手段，训练 RNN 和大型 Transformer 时几乎都会用到。',
    },
    intuition: {
      en: 'A speed limiter: same direction, never faster than the limit.',
      zh: '限速器：方向照旧，只是不许超速。',
    },
    formulas: [
      {
        tex: tex`g \leftarrow g \cdot \min\!\left(1, \frac{\tau}{\lVert g \rVert}\right)`,
        legend: [{ symbol: tex`g`, en: 'gradient', zh: '梯度' }, { symbol: tex`\tau`, en: 'maximum allowed norm (e.g. 1.0)', zh: '允许的最大范数（如 1.0）' }, { symbol: tex`\lVert g \rVert`, en: 'length (Euclidean norm) of the gradient', zh: '梯度的长度（欧氏范数）' }],
      },
    ],
    related: ['exploding-gradient', 'recurrent-neural-network', 'gradient-descent'],
    prerequisites: ['gradient', 'exploding-gradient'],
  },
  {
    id: 'weight-initialization',
    topic: 'training',
    name: { en: 'weight initialization', zh: '权重初始化' },
    aliases: { en: ['parameter initialization', 'initialization scheme', 'random initialization'], zh: ['参数初始化', '随机初始化'] },
    summary: {
      en: 'Before training, weights are set to small random numbers: random so that neurons in a layer do not all stay identical, and scaled to the layer’s size so that signals neither shrink nor blow up from layer to layer. Xavier and He initialization choose the variance for exactly this reason.',
      zh: '训练开始前，权重要设成较小的随机数：随机，是为了让同一层的神经元不会一直一模一样；按层的大小缩放，是为了让信号在层与层之间既不衰减也不膨胀。Xavier 初始化和 He 初始化正是依此来选择方差的。',
    },
    intuition: {
      en: 'Setting every knob to a slightly different, reasonably sized starting position.',
      zh: '把每个旋钮都拧到一个各不相同、大小适中的起始位置。',
    },
    formulas: [
      {
        tex: tex`\operatorname{Var}\!\left(z^{(l)}_j\right) = n_{\text{in}}\, \operatorname{Var}(w)\, \mathbb{E}\!\left[\left(a^{(l-1)}\right)^2\right]`,
        legend: [{ symbol: tex`z^{(l)}_j`, en: 'weighted sum of one neuron (bias left out)', zh: '某个神经元的加权和（不计偏置）' }, S.nin, { symbol: tex`\operatorname{Var}(w)`, en: 'variance of the random initial weights (zero mean)', zh: '随机初始权重的方差（均值为零）' }, { symbol: tex`\mathbb{E}\!\left[\left(a^{(l-1)}\right)^2\right]`, en: 'mean square of an incoming activation', zh: '输入激活值平方的均值' }],
      },
    ],
    related: ['xavier-initialization', 'he-initialization', 'vanishing-gradient', 'exploding-gradient'],
    prerequisites: ['weight'],
  },
  {
    id: 'xavier-initialization',
    topic: 'training',
    name: { en: 'Xavier initialization', zh: 'Xavier 初始化' },
    aliases: { en: ['Glorot initialization', 'Xavier init', 'Glorot init'], zh: ['Glorot 初始化', 'Xavier初始化', 'Glorot初始化'] },
    summary: {
      en: 'Xavier (Glorot) initialization draws weights with variance 2/(n_in + n_out), a compromise that keeps the variance of activations on the way forward and of gradients on the way back roughly constant. It was derived for tanh and sigmoid-like activations.',
      zh: 'Xavier（Glorot）初始化以方差 2/(n_in + n_out) 抽取权重，这个折中让前向时激活值的方差和反向时梯度的方差都大致保持不变。它是针对 tanh 和 sigmoid 这类激活函数推导出来的。',
    },
    intuition: {
      en: 'Size the starting weights so that signals keep the same loudness in both directions.',
      zh: '调好初始权重的大小，让信号往前往后传时音量都不变。',
    },
    formulas: [
      {
        tex: tex`\operatorname{Var}(w) = \frac{2}{n_{\text{in}} + n_{\text{out}}}, \qquad w \sim \mathcal{U}\!\left(-\sqrt{\tfrac{6}{n_{\text{in}} + n_{\text{out}}}},\ \sqrt{\tfrac{6}{n_{\text{in}} + n_{\text{out}}}}\right)`,
        legend: [S.nin, S.nout, { symbol: tex`\mathcal{U}(-r, r)`, en: 'uniform distribution on [−r, r], which has variance r²/3', zh: '[−r, r] 上的均匀分布，方差为 r²/3' }],
      },
    ],
    related: ['weight-initialization', 'he-initialization', 'tanh'],
    prerequisites: ['weight-initialization'],
  },
  {
    id: 'he-initialization',
    topic: 'training',
    name: { en: 'He initialization', zh: 'He 初始化' },
    aliases: { en: ['Kaiming initialization', 'He init', 'Kaiming init'], zh: ['Kaiming 初始化', 'He初始化', 'Kaiming初始化', '何恺明初始化'] },
    summary: {
      en: 'He (Kaiming) initialization draws weights with variance 2/n_in. ReLU zeroes about half of its inputs, halving the signal’s mean square at each layer, and the factor 2 compensates, so very deep ReLU networks start training with stable activations.',
      zh: 'He（Kaiming）初始化以方差 2/n_in 抽取权重。ReLU 会把大约一半的输入清零，使信号的均方值每层减半，因子 2 正好把它补回来，于是很深的 ReLU 网络在训练伊始也能保持激活值稳定。',
    },
    intuition: {
      en: 'The 1/n_in rule times 2, making up for the half that ReLU throws away.',
      zh: '在 1/n_in 的基础上乘个 2，弥补被 ReLU 扔掉的那一半。',
    },
    formulas: [
      {
        tex: tex`w \sim \mathcal{N}\!\left(0,\ \frac{2}{n_{\text{in}}}\right)`,
        legend: [S.nin, { symbol: tex`\mathcal{N}(0, s^2)`, en: 'normal distribution with mean 0 and variance s²', zh: '均值为 0、方差为 s² 的正态分布' }],
      },
    ],
    related: ['weight-initialization', 'xavier-initialization', 'relu'],
    prerequisites: ['weight-initialization', 'relu'],
  },
];
