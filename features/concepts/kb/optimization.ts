// Gradient descent and its refinements; the shape of the cost landscape.
// Optimizer cards share one convention: w_t are the parameters after step t,
// g_t = \nabla C(w_{t-1}) is the gradient on the current mini-batch, and every
// operation on vectors (squares, roots, division) is entry by entry.

import type { Concept } from '../types';
import { S, tex } from './notation';

export const concepts: Concept[] = [
  {
    id: 'gradient-descent',
    topic: 'optimization',
    name: { en: 'gradient descent', zh: '梯度下降' },
    aliases: { en: ['GD', 'steepest descent', 'batch gradient descent', 'full-batch gradient descent'], zh: ['梯度下降法', '最速下降法', '批量梯度下降'] },
    summary: {
      en: 'Gradient descent minimizes the cost by repeatedly taking a small step in the direction of the negative gradient, the direction in which the cost falls fastest. The step size is the learning rate; repeated thousands of times, the parameters roll down into a valley of the cost landscape.',
      zh: '梯度下降通过一次次沿负梯度方向（代价下降最快的方向）迈出一小步来最小化代价，步子的大小由学习率决定。重复成千上万次之后，参数就会滚进代价曲面上的某个山谷。',
    },
    intuition: {
      en: 'A ball rolling downhill on the cost surface, one small step at a time.',
      zh: '一个小球在代价曲面上一步一步滚下山。',
    },
    formulas: [
      {
        tex: tex`w \leftarrow w - \eta\, \nabla C(w)`,
        legend: [S.w, S.eta, S.nablaC],
      },
    ],
    related: ['gradient', 'learning-rate', 'stochastic-gradient-descent', 'backpropagation', 'cost-function-landscape', 'local-minimum'],
    prerequisites: ['gradient', 'loss-function'],
    demo: { kind: 'backprop-lab' },
  },
  {
    id: 'stochastic-gradient-descent',
    topic: 'optimization',
    name: { en: 'stochastic gradient descent', zh: '随机梯度下降' },
    aliases: { en: ['SGD', 'mini-batch gradient descent', 'minibatch gradient descent'], zh: ['随机梯度下降法', '小批量梯度下降'] },
    ambiguous: ['SGD'],
    summary: {
      en: 'Stochastic gradient descent estimates the gradient from a small random mini-batch of training examples instead of the whole data set, then takes a step. Each step is noisy, like a slightly drunk walk downhill, but it is so much cheaper that the model makes far more progress per second, and the noise even helps it escape saddle points.',
      zh: '随机梯度下降不用整个数据集，而是用随机抽取的一小批训练样本来估计梯度，然后迈出一步。每一步都带噪声，像微醺的人下山，但计算便宜太多，单位时间里进展反而大得多，而且噪声还有助于逃离鞍点。',
    },
    intuition: {
      en: 'Many quick, slightly wobbly steps beat a few perfectly aimed but slow ones.',
      zh: '许多快而略带摇晃的小步，胜过几步瞄得很准却很慢的大步。',
    },
    formulas: [
      {
        tex: tex`w \leftarrow w - \frac{\eta}{m} \sum_{k \in B} \nabla C_k(w)`,
        legend: [S.w, S.eta, { symbol: tex`B`, en: 'a random mini-batch of training examples', zh: '随机抽取的一个小批量训练样本' }, { symbol: tex`m`, en: 'mini-batch size', zh: '小批量的大小' }, { symbol: tex`\nabla C_k`, en: 'gradient of the cost of example k', zh: '样本 k 的代价梯度' }],
      },
    ],
    related: ['gradient-descent', 'mini-batch', 'epoch', 'momentum', 'adam'],
    prerequisites: ['gradient-descent', 'mini-batch'],
    demo: { kind: 'backprop-lab' },
  },
  {
    id: 'mini-batch',
    topic: 'optimization',
    name: { en: 'mini-batch', zh: '小批量' },
    aliases: { en: ['minibatch', 'mini batch', 'batch size', 'mini-batch size'], zh: ['小批次', '迷你批次', '批大小', '批量大小'] },
    summary: {
      en: 'A mini-batch is a small random subset of the training data, typically 32 to a few thousand examples, used to compute one gradient step. Shuffling the data and cutting it into mini-batches gives a cheap, unbiased estimate of the full gradient and lets GPUs process many examples in parallel.',
      zh: '小批量是训练数据中随机抽取的一小部分，通常从 32 个到几千个样本不等，用来算出一步的梯度。把数据打乱后切成一个个小批量，既能廉价而无偏地估计完整梯度，又能让 GPU 并行处理许多样本。',
    },
    intuition: {
      en: 'Poll a random handful of examples instead of asking all of them before every step.',
      zh: '每走一步前，随机问一小撮样本，而不是把所有样本都问一遍。',
    },
    formulas: [
      {
        tex: tex`\nabla C(w) \approx \frac{1}{m} \sum_{k \in B} \nabla C_k(w)`,
        legend: [S.nablaC, { symbol: tex`B`, en: 'the mini-batch', zh: '小批量' }, { symbol: tex`m`, en: 'number of examples in the mini-batch', zh: '小批量中的样本数' }],
      },
    ],
    related: ['stochastic-gradient-descent', 'epoch', 'batch-normalization', 'hyperparameter'],
    prerequisites: ['gradient'],
    demo: { kind: 'backprop-lab' },
  },
  {
    id: 'epoch',
    topic: 'optimization',
    name: { en: 'epoch', zh: '训练轮次' },
    aliases: { en: ['training epoch'], zh: ['训练轮数', '训练周期'] },
    ambiguous: ['epoch'],
    summary: {
      en: 'An epoch is one full pass over the training set. With n examples and mini-batches of size m, an epoch consists of about n/m gradient steps; models are typically trained for several to hundreds of epochs while the validation loss is watched.',
      zh: '一个训练轮次就是把训练集完整地过一遍。若有 n 个样本、小批量大小为 m，一轮大约包含 n/m 步梯度更新；模型通常要训练几轮到几百轮，同时盯着验证集上的损失。',
    },
    intuition: {
      en: 'One complete read-through of the textbook.',
      zh: '把整本教材从头到尾读一遍。',
    },
    formulas: [
      {
        tex: tex`\text{steps per epoch} = \left\lceil \frac{n}{m} \right\rceil`,
        legend: [S.n, { symbol: tex`m`, en: 'mini-batch size', zh: '小批量的大小' }],
      },
    ],
    related: ['mini-batch', 'stochastic-gradient-descent', 'early-stopping', 'training-set'],
    prerequisites: ['mini-batch'],
    demo: { kind: 'training-lab' },
  },
  {
    id: 'learning-rate',
    topic: 'optimization',
    name: { en: 'learning rate', zh: '学习率' },
    aliases: { en: ['step size', 'learning-rate'], zh: ['学习速率'] },
    summary: {
      en: 'The learning rate η scales how far each gradient step moves the parameters. Too small and training crawls; too large and it overshoots the valley, oscillates or diverges. It is usually the first hyperparameter to tune, and it is often lowered as training proceeds.',
      zh: '学习率 η 决定每一步梯度更新让参数走多远。太小，训练慢得像爬；太大，就会冲过谷底、来回震荡甚至发散。它通常是最先要调的超参数，而且往往会随着训练推进逐渐调小。',
    },
    intuition: {
      en: 'Stride length on the way downhill: tiny steps waste time, giant leaps jump over the valley.',
      zh: '下山的步幅：步子太小浪费时间，步子太大直接跨过山谷。',
    },
    formulas: [
      {
        tex: tex`w_t = w_{t-1} - \eta\, g_t`,
        legend: [S.wt, S.eta, S.gt],
      },
    ],
    related: ['gradient-descent', 'learning-rate-decay', 'hyperparameter', 'adam'],
    prerequisites: ['gradient-descent'],
    demo: { kind: 'backprop-lab' },
  },
  {
    id: 'learning-rate-decay',
    topic: 'optimization',
    name: { en: 'learning rate decay', zh: '学习率衰减' },
    aliases: { en: ['learning rate schedule', 'learning-rate schedule', 'cosine annealing', 'step decay', 'exponential decay schedule', 'exponential learning rate decay', 'learning rate scheduler', 'learning rate annealing', 'cosine decay', 'cosine schedule'], zh: ['学习率调度', '学习率退火', '余弦退火', '学习率调度器', '学习率策略', '动态学习率', '阶梯衰减', '指数衰减学习率', '分段常数衰减', '学习率计划'] },
    summary: {
      en: 'Learning rate decay lowers η over the course of training: large steps early to cover ground quickly, small steps late to settle into a minimum instead of bouncing around it. Common schedules are step decay, exponential decay and cosine annealing, often after a short warm-up in which η rises from zero.',
      zh: '学习率衰减是在训练过程中逐步降低 η：前期迈大步快速赶路，后期迈小步稳稳落进极小值，而不是在它周围来回弹跳。常见的调度方式有阶梯衰减、指数衰减和余弦退火，前面往往还有一小段让 η 从零升上来的预热。',
    },
    intuition: {
      en: 'Run across the field, then tiptoe to the exact spot.',
      zh: '先大步跑过田野，再踮着脚走到准确的位置。',
    },
    formulas: [
      {
        tex: tex`\eta_t = \eta_0\, \gamma^{t} \qquad \text{or} \qquad \eta_t = \eta_{\min} + \tfrac{1}{2}\left(\eta_0 - \eta_{\min}\right)\left(1 + \cos\frac{\pi t}{t_{\max}}\right)`,
        legend: [
          { symbol: tex`\eta_t`, en: 'learning rate at step t', zh: '第 t 步的学习率' },
          { symbol: tex`\eta_0`, en: 'initial learning rate', zh: '初始学习率' },
          { symbol: tex`\gamma`, en: 'decay factor slightly below 1', zh: '略小于 1 的衰减系数' },
          { symbol: tex`t_{\max}`, en: 'total number of steps (cosine schedule)', zh: '总步数（余弦调度）' },
        ],
      },
    ],
    related: ['learning-rate', 'hyperparameter', 'adam', 'learning-rate-warmup', 'convergence'],
    prerequisites: ['learning-rate'],
  },
  {
    id: 'momentum',
    topic: 'optimization',
    name: { en: 'momentum', zh: '动量法' },
    aliases: { en: ['SGD with momentum', 'heavy ball method', 'Nesterov momentum', 'momentum method'], zh: ['动量优化', '动量梯度下降', '带动量的随机梯度下降'] },
    ambiguous: ['momentum'],
    summary: {
      en: 'Momentum keeps a running “velocity” that accumulates past gradients and moves the parameters along it. Consistent directions build up speed while zig-zag components cancel out, so it crosses flat regions and narrow ravines much faster than plain SGD. This card uses the velocity form; PyTorch writes the same method as v ← βv + g, w ← w − ηv.',
      zh: '动量法维护一个累积了以往梯度的“速度”，参数沿着这个速度移动。方向一致的分量越积越快，来回折返的分量相互抵消，所以它穿越平坦区域和狭长山谷比普通 SGD 快得多。本卡片采用速度形式；PyTorch 的写法是 v ← βv + g、w ← w − ηv，两者是同一个方法。',
    },
    intuition: {
      en: 'A heavy ball that keeps rolling in the direction it was already going.',
      zh: '一个沉重的球，会沿着原来的方向继续滚。',
    },
    formulas: [
      {
        tex: tex`\begin{aligned} v_t &= \beta\, v_{t-1} - \eta\, g_t \\ w_t &= w_{t-1} + v_t \end{aligned}`,
        legend: [
          { symbol: tex`v_t`, en: 'velocity: a decaying sum of past steps (v_0 = 0)', zh: '速度：以往步伐的衰减累加（v_0 = 0）' },
          { symbol: tex`\beta`, en: 'momentum coefficient, typically 0.9', zh: '动量系数，通常取 0.9' },
          S.eta,
          S.gt,
          S.wt,
        ],
      },
    ],
    related: ['stochastic-gradient-descent', 'rmsprop', 'adam', 'saddle-point'],
    prerequisites: ['stochastic-gradient-descent'],
    demo: { kind: 'training-lab', optimizer: 'momentum' },
  },
  {
    id: 'rmsprop',
    topic: 'optimization',
    name: { en: 'RMSProp', zh: 'RMSProp 算法' },
    aliases: { en: ['root mean square propagation'], zh: ['均方根传播', 'RMSProp优化器'] },
    summary: {
      en: 'RMSProp keeps a running average of each parameter’s squared gradient and divides the step by its square root. Parameters with consistently large gradients take smaller steps and those with small gradients take larger ones, so one learning rate works across very differently scaled directions.',
      zh: 'RMSProp 为每个参数维护梯度平方的滑动平均，并把步长除以它的平方根。梯度一直很大的参数步子变小，梯度很小的参数步子变大，于是同一个学习率就能兼顾尺度差异悬殊的各个方向。',
    },
    intuition: {
      en: 'Each parameter gets its own step size, tuned by how wildly its gradient has been swinging.',
      zh: '每个参数都有自己的步长，按它的梯度最近晃得多厉害来调节。',
    },
    formulas: [
      {
        tex: tex`\begin{aligned} s_t &= \beta\, s_{t-1} + (1 - \beta)\, g_t^{2} \\ w_t &= w_{t-1} - \frac{\eta}{\sqrt{s_t} + \epsilon}\, g_t \end{aligned}`,
        legend: [
          { symbol: tex`s_t`, en: 'running average of squared gradients (s_0 = 0)', zh: '梯度平方的滑动平均（s_0 = 0）' },
          { symbol: tex`\beta`, en: 'decay rate, typically 0.9 to 0.99', zh: '衰减率，通常取 0.9 到 0.99' },
          S.gt,
          S.eta,
          S.eps,
          S.wt,
        ],
      },
    ],
    related: ['adam', 'momentum', 'learning-rate'],
    prerequisites: ['stochastic-gradient-descent'],
    demo: { kind: 'training-lab', optimizer: 'rmsprop' },
  },
  {
    id: 'adam',
    topic: 'optimization',
    name: { en: 'Adam', zh: 'Adam 优化器' },
    aliases: { en: ['Adam optimizer', 'adaptive moment estimation', 'AdamW'], zh: ['Adam 算法', '自适应矩估计', 'Adam优化器'] },
    ambiguous: ['Adam'],
    summary: {
      en: 'Adam combines momentum (a running mean of gradients) with RMSProp (a running mean of squared gradients), and corrects both for starting at zero. It works well with little tuning and is the default optimizer for transformers, usually as AdamW, whose weight decay is applied separately from the gradient.',
      zh: 'Adam 把动量法（梯度的滑动平均）和 RMSProp（梯度平方的滑动平均）结合在一起，并修正了两者从零起步造成的偏差。它几乎不用怎么调参就很好用，是训练 Transformer 的默认优化器，通常用的是把权重衰减与梯度分开处理的 AdamW。',
    },
    intuition: {
      en: 'A heavy ball that also adjusts its stride separately for every direction.',
      zh: '一个会惯性滚动、还能为每个方向单独调节步幅的球。',
    },
    formulas: [
      {
        tex: tex`\begin{aligned} m_t &= \beta_1 m_{t-1} + (1 - \beta_1)\, g_t \\ v_t &= \beta_2 v_{t-1} + (1 - \beta_2)\, g_t^{2} \\ \hat{m}_t &= \frac{m_t}{1 - \beta_1^{t}}, \qquad \hat{v}_t = \frac{v_t}{1 - \beta_2^{t}} \\ w_t &= w_{t-1} - \eta\, \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon} \end{aligned}`,
        legend: [
          { symbol: tex`m_t`, en: 'first moment: running mean of gradients (m_0 = 0)', zh: '一阶矩：梯度的滑动平均（m_0 = 0）' },
          { symbol: tex`v_t`, en: 'second moment: running mean of squared gradients (v_0 = 0)', zh: '二阶矩：梯度平方的滑动平均（v_0 = 0）' },
          { symbol: tex`\hat{m}_t,\ \hat{v}_t`, en: 'bias-corrected moments', zh: '经过偏差修正的矩估计' },
          { symbol: tex`\beta_1,\ \beta_2`, en: 'decay rates, typically 0.9 and 0.999', zh: '衰减率，通常取 0.9 和 0.999' },
          S.gt,
          S.eta,
          S.eps,
          S.t,
        ],
      },
    ],
    related: ['momentum', 'rmsprop', 'weight-decay', 'learning-rate', 'transformer'],
    prerequisites: ['momentum', 'rmsprop'],
    demo: { kind: 'training-lab', optimizer: 'adam' },
  },
  {
    id: 'local-minimum',
    topic: 'optimization',
    name: { en: 'local minimum', zh: '局部极小值' },
    aliases: { en: ['local minima', 'local optimum', 'global minimum'], zh: ['局部最小值', '局部最优', '全局最小值'] },
    summary: {
      en: 'A local minimum is a point where the cost is lower than everywhere nearby, though not necessarily the lowest overall (the global minimum). Gradient descent stops wherever the slope vanishes, so which valley it ends in depends on where it starts; in the very high-dimensional landscapes of neural networks, however, the minima that training finds tend to be nearly as good as one another.',
      zh: '局部极小值是代价比周围都低的点，但未必是整体最低点（全局最小值）。梯度下降在坡度为零的地方就会停下，所以最终落进哪个山谷取决于起点；不过在神经网络那种极高维的地形里，训练找到的各个极小值往往都差不多好。',
    },
    intuition: {
      en: 'The bottom of a valley, which may not be the lowest valley on the map.',
      zh: '某个山谷的谷底，但未必是整张地图上最低的山谷。',
    },
    formulas: [
      {
        tex: tex`\nabla C(w^{*}) = 0, \qquad C(w^{*}) \le C(w) \ \text{ for all } w \text{ near } w^{*}`,
        legend: [{ symbol: tex`w^{*}`, en: 'the point in parameter space', zh: '参数空间中的那个点' }, S.nablaC, S.C],
      },
    ],
    related: ['saddle-point', 'cost-function-landscape', 'gradient-descent', 'momentum'],
    prerequisites: ['gradient-descent'],
    demo: { kind: 'training-lab' },
  },
  {
    id: 'saddle-point',
    topic: 'optimization',
    name: { en: 'saddle point', zh: '鞍点' },
    aliases: { en: ['saddle points'], zh: [] },
    summary: {
      en: 'A saddle point is a flat spot that curves upward in some directions and downward in others, like a horse saddle or a mountain pass. In the millions of dimensions of a neural network, flat spots are far more often saddles than minima; they slow plain gradient descent down, while noise and momentum help slide off them.',
      zh: '鞍点是一个坡度为零的点，沿某些方向向上弯、沿另一些方向向下弯，就像马鞍或山口。在神经网络动辄上百万维的参数空间里，平坦点更多是鞍点而不是极小值；它们会拖慢普通梯度下降，而噪声和动量能帮助参数从上面滑下去。',
    },
    intuition: {
      en: 'A mountain pass: the lowest point along the ridge, the highest point along the road.',
      zh: '山口：沿山脊看是最低点，沿山路看却是最高点。',
    },
    formulas: [
      {
        tex: tex`C(x, y) = x^{2} - y^{2}, \qquad \nabla C(0, 0) = 0`,
        legend: [{ symbol: tex`(0, 0)`, en: 'a saddle: a minimum along x, a maximum along y', zh: '鞍点：沿 x 方向是极小，沿 y 方向是极大' }],
      },
    ],
    related: ['local-minimum', 'cost-function-landscape', 'momentum', 'stochastic-gradient-descent'],
    prerequisites: ['gradient-descent'],
  },
  {
    id: 'cost-function-landscape',
    topic: 'optimization',
    name: { en: 'cost function landscape', zh: '代价函数曲面' },
    aliases: { en: ['loss landscape', 'cost landscape', 'loss surface', 'error surface', 'cost surface'], zh: ['损失曲面', '损失地形', '代价曲面', '误差曲面'] },
    summary: {
      en: 'The cost function landscape is the picture of the cost as a height above the space of all parameters: 13 002 dimensions for 3Blue1Brown’s digit network, billions for a GPT. Training is a walk across this terrain, and its valleys, plateaus and saddles explain much of why optimization is fast, slow or stuck.',
      zh: '代价函数曲面把代价看成参数空间上方的“海拔”：3Blue1Brown 的手写数字网络有 13 002 维，GPT 则有数十亿维。训练就是在这片地形上行走，其中的山谷、高原和鞍点在很大程度上决定了优化是快、是慢还是卡住。',
    },
    intuition: {
      en: 'A mountain range whose coordinates are the weights and whose altitude is the cost.',
      zh: '一片山脉：经纬度是权重，海拔是代价。',
    },
    formulas: [
      {
        tex: tex`C : \mathbb{R}^{13\,002} \to \mathbb{R}, \qquad (w_1, \dots, w_{13\,002}) \mapsto C`,
        legend: [{ symbol: tex`w_1, \dots, w_{13\,002}`, en: 'every weight and bias of the 784-16-16-10 digit network', zh: '784-16-16-10 手写数字网络的全部权重和偏置' }, S.C],
      },
    ],
    related: ['loss-function', 'gradient-descent', 'local-minimum', 'saddle-point'],
    prerequisites: ['loss-function'],
    demo: { kind: 'training-lab' },
  },
  {
    id: 'hyperparameter',
    topic: 'optimization',
    name: { en: 'hyperparameter', zh: '超参数' },
    aliases: { en: ['hyper-parameter', 'hyperparameter tuning', 'hyperparameter search'], zh: ['超参', '超参数调优', '调参'] },
    summary: {
      en: 'Hyperparameters are the settings chosen by people rather than learned by gradient descent: learning rate, batch size, number and width of layers, dropout rate, regularization strength and so on. They are tuned by comparing results on a validation set, never on the test set.',
      zh: '超参数是由人来设定、而不是靠梯度下降学出来的设置，比如学习率、批大小、层数和每层宽度、dropout 比例、正则化强度等。调整它们要看验证集上的结果，绝不能看测试集。',
    },
    intuition: {
      en: 'The knobs on the training machine itself, as opposed to the knobs inside the model.',
      zh: '训练机器本身的旋钮，而不是模型内部的旋钮。',
    },
    formulas: [
      {
        tex: tex`\lambda^{*} = \arg\min_{\lambda}\ C_{\text{val}}\!\left(w^{*}(\lambda)\right), \qquad w^{*}(\lambda) = \arg\min_{w}\ C_{\text{train}}(w; \lambda)`,
        legend: [
          { symbol: tex`\lambda`, en: 'a hyperparameter setting (learning rate, width, ...)', zh: '一组超参数取值（学习率、宽度等）' },
          { symbol: tex`w^{*}(\lambda)`, en: 'weights learned with that setting', zh: '用这组超参数训练出的权重' },
          { symbol: tex`C_{\text{val}}`, en: 'cost on the validation set', zh: '验证集上的代价' },
        ],
      },
    ],
    related: ['learning-rate', 'validation-set', 'mini-batch', 'regularization'],
    prerequisites: ['learning-rate', 'validation-set'],
  },
];
