// How optimization behaves in practice: warming up the learning rate, the running averages inside
// momentum and Adam, convergence and what slows it (plateaus, non-convex landscapes).

import type { Concept } from '../types';
import { S, tex } from './notation';

const beta = { symbol: tex`\beta`, en: 'decay rate of the average (0.9 keeps about the last 10 values)', zh: '平均的衰减率（0.9 约保留最近 10 个值）' };
const vt = { symbol: tex`v_t`, en: 'running average after step t', zh: '第 t 步之后的滑动平均' };

export const concepts: Concept[] = [
  {
    id: 'learning-rate-warmup',
    topic: 'optimization',
    name: { en: 'learning rate warmup', zh: '学习率预热' },
    aliases: { en: ['warmup', 'warm-up', 'learning rate warm-up', 'linear warmup', 'warmup steps', 'warm-up phase', 'learning-rate warmup'], zh: ['预热', '学习率热身', '热身阶段', 'Warmup', '预热阶段', '线性预热'] },
    ambiguous: ['warmup', 'warm-up'],
    ambiguousZh: ['预热'],
    summary: {
      en: 'Warmup starts training with a tiny learning rate and raises it, usually linearly, to its full value over the first few hundred or thousand steps. Early gradients come from random weights and Adam’s running averages are still unreliable, so full-size steps at the start can throw training off; transformers in particular depend on it.',
      zh: '学习率预热让训练从很小的学习率开始，在最初的几百或几千步里（通常线性地）升到设定值。一开始的梯度来自随机权重，Adam 的滑动平均也还不可靠，此时直接迈大步可能让训练一下子跑偏；Transformer 尤其离不开它。',
    },
    intuition: {
      en: 'Stretch before you sprint.',
      zh: '先热身，再冲刺。',
    },
    formulas: [
      {
        tex: tex`\eta_t = \eta_{\max} \cdot \min\!\left(1,\ \frac{t}{t_{\text{warmup}}}\right)`,
        legend: [
          { symbol: tex`\eta_t`, en: 'learning rate at step t', zh: '第 t 步的学习率' },
          { symbol: tex`\eta_{\max}`, en: 'learning rate after the warmup', zh: '预热结束后的学习率' },
          { symbol: tex`t_{\text{warmup}}`, en: 'length of the warmup, in steps', zh: '预热的步数' },
        ],
      },
    ],
    related: ['learning-rate-decay', 'learning-rate', 'adam', 'transformer'],
    prerequisites: ['learning-rate'],
  },
  {
    id: 'exponentially-weighted-average',
    topic: 'optimization',
    name: { en: 'exponentially weighted average', zh: '指数加权平均' },
    aliases: { en: ['exponential moving average', 'EMA', 'exponentially weighted moving average', 'EWMA', 'running average', 'moving average', 'leaky average'], zh: ['指数移动平均', '指数加权移动平均', '滑动平均', '移动平均', '泄漏平均'] },
    summary: {
      en: 'An exponentially weighted average keeps one number that is nudged towards each new value, so recent values count most and older ones fade geometrically. Momentum averages gradients this way, RMSProp and Adam average squared gradients, and batch normalization tracks its running statistics with it.',
      zh: '指数加权平均只保存一个数，每来一个新值就把它往新值推一点，于是越近的值权重越大，越早的值按几何级数淡出。动量法用它平均梯度，RMSProp 和 Adam 用它平均梯度的平方，批归一化也用它跟踪滑动统计量。',
    },
    intuition: {
      en: 'A memory that trusts the recent past and slowly forgets the rest.',
      zh: '一种相信最近、慢慢遗忘过去的记忆。',
    },
    formulas: [
      {
        tex: tex`v_t = \beta\, v_{t-1} + (1-\beta)\, \theta_t`,
        legend: [vt, beta, { symbol: tex`\theta_t`, en: 'new value at step t (e.g. the gradient)', zh: '第 t 步的新值（例如梯度）' }],
      },
    ],
    related: ['momentum', 'rmsprop', 'adam', 'bias-correction', 'batch-normalization'],
    prerequisites: [],
    demo: { kind: 'training-lab', optimizer: 'momentum' },
  },
  {
    id: 'bias-correction',
    topic: 'optimization',
    name: { en: 'bias correction', zh: '偏差修正' },
    aliases: { en: ['bias-corrected', 'bias-corrected estimate', 'bias correction term', 'initialization bias correction'], zh: ['偏差校正', '偏差纠正', '偏置校正', '偏差修正项'] },
    summary: {
      en: 'An exponentially weighted average that starts at zero is too small during its first steps, because it has not yet seen enough values. Adam divides each average by one minus β to the power t, which removes this start-up bias; after a few hundred steps the correction has no effect.',
      zh: '从零开始的指数加权平均，在最初几步里偏小，因为它还没见过足够多的值。Adam 把每个平均值除以 1 减去 β 的 t 次方，消除这种起步偏差；几百步之后，这个修正就不起作用了。',
    },
    intuition: {
      en: 'Do not judge an average by its first few samples: scale it up until it has seen enough.',
      zh: '别拿只见过几个样本的平均值当真：在它见够之前，先把它放大。',
    },
    formulas: [
      {
        tex: tex`\hat{v}_t = \frac{v_t}{1 - \beta^{t}}`,
        legend: [vt, beta, S.t, { symbol: tex`\hat{v}_t`, en: 'bias-corrected average', zh: '修正后的平均' }],
      },
    ],
    related: ['exponentially-weighted-average', 'adam', 'rmsprop'],
    prerequisites: ['exponentially-weighted-average'],
    demo: { kind: 'training-lab', optimizer: 'adam' },
  },
  {
    id: 'convergence',
    topic: 'optimization',
    name: { en: 'convergence', zh: '收敛' },
    aliases: { en: ['converge', 'converges', 'converged', 'converging', 'convergence rate', 'rate of convergence', 'convergence speed'], zh: ['收敛速度', '收敛性', '收敛速率', '不收敛'] },
    ambiguous: ['convergence', 'converge', 'converges', 'converged', 'converging'],
    ambiguousZh: ['收敛'],
    summary: {
      en: 'Training converges when further steps stop changing the parameters and the loss much: gradient descent has settled near a minimum or a flat region. How fast it gets there depends on the learning rate, the conditioning of the cost landscape and the noise of the mini-batches; too large a learning rate makes it oscillate or diverge instead.',
      zh: '当继续迭代几乎不再改变参数和损失时，训练就收敛了：梯度下降已经停在某个极小值或平坦区域附近。收敛快慢取决于学习率、代价函数曲面的形状和小批量的噪声；学习率过大则会来回振荡甚至发散。',
    },
    intuition: {
      en: 'The ball has stopped rolling.',
      zh: '小球不再滚动了。',
    },
    formulas: [
      {
        tex: tex`\lVert w_{t+1} - w_t \rVert = \eta\,\lVert \nabla C(w_t) \rVert \;\to\; 0`,
        legend: [S.wt, S.eta, S.nablaC],
      },
    ],
    related: ['gradient-descent', 'learning-rate', 'local-minimum', 'plateau', 'early-stopping'],
    prerequisites: ['gradient-descent'],
    demo: { kind: 'training-lab' },
  },
  {
    id: 'plateau',
    topic: 'optimization',
    name: { en: 'plateau', zh: '平台期' },
    aliases: { en: ['loss plateau', 'plateaus', 'flat region', 'flat regions'], zh: ['平坦区域', '高原区', '损失平台', '平原区域'] },
    ambiguous: ['plateau', 'plateaus'],
    summary: {
      en: 'A plateau is a wide, nearly flat part of the cost landscape where the gradient is tiny, so training seems to stall for many steps before the loss drops again. Saddle points are surrounded by such regions; momentum and adaptive optimizers such as Adam help to cross them.',
      zh: '平台期指代价函数曲面上一大片几乎平坦的区域，那里梯度非常小，训练看上去停滞了许多步，之后损失才再次下降。鞍点周围往往就是这样的区域；动量法和 Adam 这类自适应优化器有助于穿过它们。',
    },
    intuition: {
      en: 'A vast flat plain where the ground gives no hint which way is downhill.',
      zh: '一望无际的平原，地面没有给出任何下坡方向的提示。',
    },
    formulas: [
      {
        tex: tex`\lVert \nabla C(w) \rVert \approx 0 \quad \text{over a wide region, while } C(w) \text{ is still high}`,
        legend: [S.nablaC, S.C],
      },
    ],
    related: ['saddle-point', 'cost-function-landscape', 'momentum', 'convergence', 'vanishing-gradient'],
    prerequisites: ['cost-function-landscape'],
    demo: { kind: 'training-lab' },
  },
  {
    id: 'non-convex-optimization',
    topic: 'optimization',
    name: { en: 'non-convex optimization', zh: '非凸优化' },
    aliases: { en: ['nonconvex optimization', 'non-convex', 'nonconvex', 'non-convex function', 'non-convex loss', 'non-convex optimisation'], zh: ['非凸函数', '非凸', '非凸优化问题', '非凸损失'] },
    summary: {
      en: 'The cost of a neural network is a non-convex function of its weights: it has many local minima, saddle points and plateaus, and gradient descent carries no guarantee of finding the global minimum. In practice large networks still train well, because most local minima they reach are about as good as the best one.',
      zh: '神经网络的代价关于权重是一个非凸函数：它有许多局部极小值、鞍点和平台期，梯度下降不能保证找到全局最小值。但实际上大型网络仍然训练得很好，因为它们到达的大多数局部极小值都和最好的那个差不多。',
    },
    intuition: {
      en: 'A mountain range, not a single bowl: which valley you end in depends on where you start.',
      zh: '是一片山脉，而不是一只碗：最后落进哪个山谷，取决于从哪里出发。',
    },
    formulas: [
      {
        tex: tex`C\bigl(\lambda w_1 + (1-\lambda) w_2\bigr) > \lambda C(w_1) + (1-\lambda) C(w_2) \quad \text{for some } w_1, w_2,\ \lambda \in [0,1]`,
        legend: [S.C, { symbol: tex`w_1, w_2`, en: 'two settings of all weights and biases', zh: '全部权重和偏置的两组取值' }],
      },
    ],
    related: ['convex-function', 'local-minimum', 'saddle-point', 'plateau', 'cost-function-landscape'],
    prerequisites: ['convex-function', 'cost-function-landscape'],
  },
];
