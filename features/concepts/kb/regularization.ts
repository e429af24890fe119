// Overfitting, generalization and the usual cures.

import type { Concept } from '../types';
import { S, tex } from './notation';

const tildeC = { symbol: tex`\tilde{C}`, en: 'regularized cost that training actually minimizes', zh: '训练实际最小化的、加了正则项的代价' };

export const concepts: Concept[] = [
  {
    id: 'regularization',
    topic: 'regularization',
    name: { en: 'regularization', zh: '正则化' },
    aliases: { en: ['regularisation', 'regularizer', 'regularization term', 'penalty term'], zh: ['正则项', '正则化项', '惩罚项'] },
    summary: {
      en: 'Regularization is any technique that makes a model generalize better at the price of fitting the training data a little less perfectly. Typical forms add a penalty on large weights to the cost (L1, L2), inject noise (dropout, data augmentation) or stop training early.',
      zh: '正则化泛指这样一类技巧：稍微放弃对训练数据的完美拟合，换取更好的泛化能力。常见做法有在代价中加入对大权重的惩罚（L1、L2），注入噪声（dropout、数据增强），或者提前停止训练。',
    },
    intuition: {
      en: 'A leash that keeps the model from memorizing every quirk of its training examples.',
      zh: '一根牵引绳，防止模型把训练样本的每个怪癖都背下来。',
    },
    formulas: [
      {
        tex: tex`\tilde{C}(w) = C(w) + \lambda\, \Omega(w)`,
        legend: [tildeC, S.C, S.lambda, { symbol: tex`\Omega(w)`, en: 'penalty on the parameters, e.g. the sum of squared weights', zh: '对参数的惩罚，例如权重平方和' }],
      },
    ],
    related: ['overfitting', 'l1-regularization', 'l2-regularization', 'dropout', 'early-stopping', 'data-augmentation', 'weight-decay'],
    prerequisites: ['overfitting', 'loss-function'],
  },
  {
    id: 'l1-regularization',
    topic: 'regularization',
    name: { en: 'L1 regularization', zh: 'L1 正则化' },
    aliases: { en: ['L1 penalty', 'lasso', 'L1 norm penalty'], zh: ['L1 正则', 'L1正则化', 'L1正则', 'Lasso 回归'] },
    ambiguous: ['lasso'],
    summary: {
      en: 'L1 regularization adds the sum of the absolute values of the weights to the cost. Its pull toward zero has the same strength no matter how small a weight already is, so many weights end up exactly zero, giving a sparse model.',
      zh: 'L1 正则化把所有权重绝对值之和加进代价。不管权重已经多小，它往零拉的力度都一样，所以很多权重最终恰好变成零，得到一个稀疏的模型。',
    },
    intuition: {
      en: 'A flat tax on every nonzero weight: small ones are not worth keeping.',
      zh: '对每个非零权重收一笔固定的税：小权重干脆不值得留。',
    },
    formulas: [
      {
        tex: tex`\tilde{C}(w) = C(w) + \lambda \sum_{i} \lvert w_i \rvert`,
        legend: [tildeC, S.C, S.lambda, { symbol: tex`w_i`, en: 'each weight (biases are usually left out)', zh: '每个权重（偏置通常不计入）' }],
      },
    ],
    related: ['l2-regularization', 'regularization', 'weight-decay'],
    prerequisites: ['regularization'],
  },
  {
    id: 'l2-regularization',
    topic: 'regularization',
    name: { en: 'L2 regularization', zh: 'L2 正则化' },
    aliases: { en: ['L2 penalty', 'ridge regularization', 'Tikhonov regularization', 'ridge regression'], zh: ['L2 正则', 'L2正则化', 'L2正则', '岭回归'] },
    summary: {
      en: 'L2 regularization adds the sum of squared weights to the cost, so its gradient pulls every weight toward zero in proportion to its size. Large weights are discouraged, the learned function becomes smoother, and with plain SGD this is exactly weight decay.',
      zh: 'L2 正则化把权重平方和加进代价，它的梯度会把每个权重按自身大小成比例地拉向零。大权重因此受到抑制，学到的函数更平滑；在普通 SGD 下，这恰好等价于权重衰减。',
    },
    intuition: {
      en: 'A spring on every weight pulling it back toward zero; the farther out, the harder the pull.',
      zh: '每个权重上都挂着一根弹簧把它往零拉，偏得越远拉得越狠。',
    },
    formulas: [
      {
        tex: tex`\tilde{C}(w) = C(w) + \frac{\lambda}{2} \sum_{i} w_i^{2}, \qquad \nabla \tilde{C} = \nabla C + \lambda w`,
        legend: [tildeC, S.C, S.lambda, { symbol: tex`w_i`, en: 'each weight (biases are usually left out)', zh: '每个权重（偏置通常不计入）' }],
      },
    ],
    related: ['weight-decay', 'l1-regularization', 'regularization', 'overfitting'],
    prerequisites: ['regularization'],
  },
  {
    id: 'weight-decay',
    topic: 'regularization',
    name: { en: 'weight decay', zh: '权重衰减' },
    aliases: { en: ['decoupled weight decay'], zh: ['权值衰减'] },
    summary: {
      en: 'Weight decay shrinks every weight by a small fraction at each update, in addition to the gradient step. With plain SGD it is the same as L2 regularization; with Adam it is not, which is why AdamW applies the decay directly to the weights instead of through the gradient.',
      zh: '权重衰减在每次更新时，除了梯度那一步之外，还把每个权重按一个小比例缩小一点。在普通 SGD 下它与 L2 正则化完全相同；在 Adam 下则不然，所以 AdamW 直接对权重做衰减，而不是把它混进梯度里。',
    },
    intuition: {
      en: 'Every step, each weight forgets a little of itself unless the data keeps reinforcing it.',
      zh: '每走一步，每个权重都会“忘掉”一点自己，除非数据不断强化它。',
    },
    formulas: [
      {
        tex: tex`w_t = (1 - \eta \lambda)\, w_{t-1} - \eta\, g_t`,
        legend: [S.wt, S.eta, { symbol: tex`\lambda`, en: 'decay rate (e.g. 0.01 to 0.1 in AdamW)', zh: '衰减系数（AdamW 中常取 0.01 到 0.1）' }, S.gt],
      },
    ],
    related: ['l2-regularization', 'adam', 'regularization'],
    prerequisites: ['l2-regularization', 'gradient-descent'],
  },
  {
    id: 'dropout',
    topic: 'regularization',
    name: { en: 'dropout', zh: '随机失活' },
    aliases: { en: ['dropout layer', 'dropout rate'], zh: ['丢弃法', '暂退法', 'Dropout 层'] },
    ambiguous: ['dropout'],
    summary: {
      en: 'Dropout switches off each neuron at random, with probability p, at every training step, and scales up the survivors so the expected activation stays the same. Because no neuron can rely on any particular partner being present, the network learns redundant, robust features; at test time every neuron is kept.',
      zh: '随机失活在每一步训练时以概率 p 随机关掉一部分神经元，并把留下来的放大，使激活值的期望不变。由于没有哪个神经元能指望某个搭档一定在场，网络只好学出冗余而稳健的特征；测试时则保留所有神经元。',
    },
    intuition: {
      en: 'A team that practises with random members missing, so nobody becomes indispensable.',
      zh: '一支每次训练都随机缺几个人的队伍，谁都不会变得不可替代。',
    },
    formulas: [
      {
        tex: tex`r_j \sim \operatorname{Bernoulli}(1 - p), \qquad \tilde{a}_j = \frac{r_j\, a_j}{1 - p}`,
        legend: [
          { symbol: tex`p`, en: 'dropout rate: probability of switching a neuron off', zh: '失活率：关掉一个神经元的概率' },
          { symbol: tex`r_j`, en: 'random mask: 1 keeps neuron j, 0 drops it', zh: '随机掩码：1 表示保留神经元 j，0 表示丢弃' },
          { symbol: tex`a_j`, en: 'activation of neuron j', zh: '神经元 j 的激活值' },
          { symbol: tex`\tilde{a}_j`, en: 'activation passed on during training', zh: '训练时向后传递的激活值' },
        ],
      },
    ],
    related: ['regularization', 'overfitting', 'generalization'],
    prerequisites: ['overfitting', 'neuron'],
  },
  {
    id: 'early-stopping',
    topic: 'regularization',
    name: { en: 'early stopping', zh: '早停' },
    aliases: { en: ['early-stopping'], zh: ['早停法', '提前停止', '提前终止'] },
    summary: {
      en: 'Early stopping watches the loss on a validation set during training and keeps the parameters from the point where it was lowest. The training loss keeps falling, but once the validation loss starts rising the model is memorizing rather than learning, so further training only hurts.',
      zh: '早停在训练过程中盯着验证集上的损失，保留它最低时那一刻的参数。训练损失还在一路下降，但验证损失一旦开始回升，说明模型在死记硬背而不是在学习，再练下去只会更糟。',
    },
    intuition: {
      en: 'Stop studying the practice questions once your mock-exam score starts to drop.',
      zh: '模拟考成绩一开始下滑，就别再死磕练习题了。',
    },
    formulas: [
      {
        tex: tex`t^{*} = \arg\min_{t}\ C_{\text{val}}(w_t)`,
        legend: [{ symbol: tex`t^{*}`, en: 'the step (or epoch) whose weights are kept', zh: '最终保留其权重的那一步（或那一轮）' }, S.wt, { symbol: tex`C_{\text{val}}`, en: 'cost on the validation set', zh: '验证集上的代价' }],
      },
    ],
    related: ['overfitting', 'validation-set', 'epoch', 'regularization'],
    prerequisites: ['overfitting', 'validation-set'],
  },
  {
    id: 'overfitting',
    topic: 'regularization',
    name: { en: 'overfitting', zh: '过拟合' },
    aliases: { en: ['over-fitting', 'overfit'], zh: ['过度拟合'] },
    summary: {
      en: 'A model overfits when it fits the training data, noise included, so closely that it does worse on new data: the training loss is low while the validation loss is much higher. Neural networks are flexible enough to memorize even randomly shuffled labels, so this is a constant risk; more data and regularization are the cures.',
      zh: '当模型把训练数据连同其中的噪声都拟合得过于贴切，以致在新数据上表现变差时，就是过拟合：训练损失很低，验证损失却高得多。神经网络灵活到连随机打乱的标签都能背下来，所以这种风险始终存在；更多数据和正则化是对症的药方。',
    },
    intuition: {
      en: 'A student who memorized the answer key but cannot solve a new question.',
      zh: '背下了答案却不会做新题的学生。',
    },
    formulas: [],
    related: ['underfitting', 'generalization', 'regularization', 'bias-variance-tradeoff', 'early-stopping', 'dropout'],
    prerequisites: ['training-set', 'validation-set'],
  },
  {
    id: 'underfitting',
    topic: 'regularization',
    name: { en: 'underfitting', zh: '欠拟合' },
    aliases: { en: ['under-fitting', 'underfit'], zh: ['拟合不足'] },
    summary: {
      en: 'A model underfits when it cannot even fit the training data well, so both training and validation losses stay high. The usual causes are a model that is too small, too much regularization or too little training, and the fixes go the other way.',
      zh: '模型连训练数据都拟合不好时就是欠拟合，此时训练损失和验证损失都居高不下。常见原因是模型太小、正则化过强或训练不足，解决办法就是反其道而行之。',
    },
    intuition: {
      en: 'Drawing a straight line through data that clearly curves.',
      zh: '用一条直线去拟合明显弯曲的数据。',
    },
    formulas: [],
    related: ['overfitting', 'bias-variance-tradeoff', 'generalization'],
    prerequisites: ['training-set'],
  },
  {
    id: 'generalization',
    topic: 'regularization',
    name: { en: 'generalization', zh: '泛化' },
    aliases: { en: ['generalisation', 'generalization error', 'generalization gap'], zh: ['泛化能力', '泛化误差'] },
    ambiguous: ['generalization', 'generalisation'],
    summary: {
      en: 'Generalization is how well a model performs on data it has never seen, which is the whole point of learning. It is estimated on held-out validation and test sets, and the gap between training and held-out performance shows how much of what was learned is real structure rather than memorized noise.',
      zh: '泛化指模型在从没见过的数据上表现如何，这才是学习的真正目的。它要用预留的验证集和测试集来估计；训练表现与预留数据表现之间的差距，说明学到的东西里有多少是真实规律，而不是背下来的噪声。',
    },
    intuition: {
      en: 'Passing the real exam, not just the homework.',
      zh: '真正的考试也能考好，而不只是作业做得对。',
    },
    formulas: [
      {
        tex: tex`\text{gap} = C_{\text{test}}(w) - C_{\text{train}}(w)`,
        legend: [{ symbol: tex`C_{\text{train}}`, en: 'average cost on the training set', zh: '训练集上的平均代价' }, { symbol: tex`C_{\text{test}}`, en: 'average cost on unseen data', zh: '未见过的数据上的平均代价' }],
      },
    ],
    related: ['overfitting', 'underfitting', 'test-set', 'validation-set', 'regularization'],
    prerequisites: ['training-set', 'test-set'],
  },
  {
    id: 'bias-variance-tradeoff',
    topic: 'regularization',
    name: { en: 'bias-variance tradeoff', zh: '偏差-方差权衡' },
    aliases: { en: ['bias-variance trade-off', 'bias-variance decomposition', 'bias variance tradeoff'], zh: ['偏差方差权衡', '偏差-方差分解', '偏差与方差'] },
    summary: {
      en: 'The expected error of a model on new data splits into bias (systematic error from a model too simple to capture the pattern), variance (sensitivity to the particular training sample) and irreducible noise. Classically, shrinking one grows the other; very large neural networks complicate the picture, since they can have low bias and, with enough data and regularization, modest variance.',
      zh: '模型在新数据上的期望误差可以拆成三部分：偏差（模型太简单、抓不住规律造成的系统性误差）、方差（对具体训练样本的敏感程度）以及无法消除的噪声。按经典观点，压低一个就会抬高另一个；超大的神经网络让情况变得复杂，它们偏差很低，在数据充足且有正则化时方差也不大。',
    },
    intuition: {
      en: 'Darts: bias is aiming off-center, variance is a shaky hand.',
      zh: '掷飞镖：偏差是瞄偏了，方差是手在抖。',
    },
    formulas: [
      {
        tex: tex`\mathbb{E}\!\left[\left(y - \hat{f}(x)\right)^2\right] = \operatorname{Bias}\!\left[\hat{f}(x)\right]^2 + \operatorname{Var}\!\left[\hat{f}(x)\right] + \sigma_\varepsilon^2`,
        legend: [
          { symbol: tex`\hat{f}`, en: 'the model learned from a random training set', zh: '从随机训练集学到的模型' },
          { symbol: tex`\mathbb{E}`, en: 'average over training sets and noise', zh: '对训练集和噪声取平均' },
          { symbol: tex`\sigma_\varepsilon^2`, en: 'variance of the noise in the labels (irreducible)', zh: '标签中噪声的方差（无法消除）' },
        ],
      },
    ],
    related: ['overfitting', 'underfitting', 'regularization', 'generalization'],
    prerequisites: ['overfitting', 'underfitting'],
  },
];
