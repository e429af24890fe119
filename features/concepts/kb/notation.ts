// Shared legend rows, so that every card explains a symbol the same way.
// Notation follows 3Blue1Brown's deep-learning series:
//   a^{(l)}  activations of layer l (L = last layer),
//   z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)},  a^{(l)} = \sigma(z^{(l)}),
//   C_0 = cost of one training example, C = average cost, \eta = learning rate.
// Optimizer cards write w for "all weights and biases" and g_t for the
// gradient used at step t.

import type { Formula } from '../types';

export type LegendRow = Formula['legend'][number];

/** Tagged template for KaTeX source: keeps backslashes as written. */
export const tex = String.raw;

const row = (symbol: string, en: string, zh: string): LegendRow => ({ symbol, en, zh });

export const S = {
  al: row(tex`a^{(l)}`, 'activations of layer l (a column of numbers)', '第 l 层的激活值（一列数）'),
  alm1: row(tex`a^{(l-1)}`, 'activations of the previous layer', '上一层的激活值'),
  aL: row(tex`a^{(L)}`, 'activation of the last layer L: the network’s output', '最后一层 L 的激活值，即网络输出'),
  aLm1: row(tex`a^{(L-1)}`, 'activation of the layer before the last', '倒数第二层的激活值'),
  ajl: row(tex`a^{(l)}_j`, 'activation of neuron j in layer l', '第 l 层第 j 个神经元的激活值'),
  akl1: row(tex`a^{(l-1)}_k`, 'activation of neuron k in the previous layer', '上一层第 k 个神经元的激活值'),
  zl: row(tex`z^{(l)}`, 'weighted sum of layer l before the activation function', '第 l 层进入激活函数之前的加权和'),
  zL: row(tex`z^{(L)}`, 'weighted sum of the last layer', '最后一层的加权和'),
  Wl: row(tex`W^{(l)}`, 'weight matrix of layer l; row j holds the weights into neuron j', '第 l 层的权重矩阵，第 j 行是连入第 j 个神经元的权重'),
  wL: row(tex`w^{(L)}`, 'weight into the last layer', '连入最后一层的权重'),
  wjk: row(tex`w^{(l)}_{jk}`, 'weight from neuron k of layer l-1 to neuron j of layer l', '从第 l-1 层第 k 个神经元连到第 l 层第 j 个神经元的权重'),
  bl: row(tex`b^{(l)}`, 'bias vector of layer l', '第 l 层的偏置向量'),
  bL: row(tex`b^{(L)}`, 'bias of the last layer', '最后一层的偏置'),
  bjl: row(tex`b^{(l)}_j`, 'bias of neuron j in layer l', '第 l 层第 j 个神经元的偏置'),
  sigma: row(tex`\sigma`, 'activation function (the sigmoid in 3Blue1Brown’s videos), applied entry by entry', '激活函数（3Blue1Brown 视频里用 sigmoid），逐个元素作用'),
  sigmaPrime: row(tex`\sigma'`, 'derivative of the activation function', '激活函数的导数'),
  y: row(tex`y`, 'desired output (the label) for this example', '这个样本的期望输出（标签）'),
  yj: row(tex`y_j`, 'desired value of output neuron j (1 for the right class, 0 otherwise)', '第 j 个输出神经元的期望值（正确类别为 1，其余为 0）'),
  C0: row(tex`C_0`, 'cost of a single training example', '单个训练样本的代价'),
  Ck: row(tex`C_k`, 'cost of training example k', '第 k 个训练样本的代价'),
  C: row(tex`C`, 'total cost: the average of the per-example costs', '总代价：各样本代价的平均值'),
  n: row(tex`n`, 'number of training examples', '训练样本数'),
  nablaC: row(tex`\nabla C`, 'gradient of the cost with respect to every weight and bias', '代价对每个权重和偏置的梯度'),
  eta: row(tex`\eta`, 'learning rate: the size of each step', '学习率：每一步迈多大'),
  w: row(tex`w`, 'all weights and biases, viewed as one long vector', '全部权重和偏置，看成一个长向量'),
  wt: row(tex`w_t`, 'parameters after step t', '第 t 步之后的参数'),
  gt: row(tex`g_t`, 'gradient used at step t, computed on the current mini-batch', '第 t 步所用的梯度，在当前小批量上算出'),
  t: row(tex`t`, 'step counter (1, 2, 3, ...)', '步数计数（1, 2, 3, ...）'),
  eps: row(tex`\epsilon`, 'tiny constant that prevents division by zero (e.g. 10⁻⁸)', '防止除以零的极小常数（如 10⁻⁸）'),
  deltal: row(tex`\delta^{(l)}`, 'error of layer l: how sensitive the cost is to that layer’s weighted sums', '第 l 层的误差：代价对该层加权和的敏感度'),
  odot: row(tex`\odot`, 'entry-by-entry (Hadamard) product', '逐元素相乘（Hadamard 积）'),
  lambda: row(tex`\lambda`, 'regularization strength', '正则化强度'),
  nin: row(tex`n_{\text{in}}`, 'number of inputs to the layer (fan-in)', '该层的输入个数（扇入）'),
  nout: row(tex`n_{\text{out}}`, 'number of outputs of the layer (fan-out)', '该层的输出个数（扇出）'),
  zi: row(tex`z_i`, 'logit i: the raw score of option i', '第 i 个 logit：选项 i 的原始得分'),
  pi: row(tex`p_i`, 'probability given to option i', '分给选项 i 的概率'),
  N: row(tex`N`, 'number of options (e.g. the vocabulary size)', '选项个数（例如词表大小）'),
  T: row(tex`T`, 'temperature', '温度'),
  Q: row(tex`Q`, 'queries: one row per token', '查询矩阵：每个词元一行'),
  K: row(tex`K`, 'keys: one row per token', '键矩阵：每个词元一行'),
  V: row(tex`V`, 'values: one row per token', '值矩阵：每个词元一行'),
  dk: row(tex`d_k`, 'dimension of the query and key vectors (128 in GPT-3)', '查询与键向量的维度（GPT-3 中为 128）'),
  WQ: row(tex`W_Q`, 'query matrix, learned', '查询矩阵，训练得到'),
  WK: row(tex`W_K`, 'key matrix, learned', '键矩阵，训练得到'),
  WV: row(tex`W_V`, 'value matrix, learned', '值矩阵，训练得到'),
  Ei: row(tex`\vec{E}_i`, 'embedding vector of the token at position i', '位置 i 上词元的嵌入向量'),
  WE: row(tex`W_E`, 'embedding matrix: one column per vocabulary token', '嵌入矩阵：词表里每个词元占一列'),
  WU: row(tex`W_U`, 'unembedding matrix: one row per vocabulary token', '解嵌入矩阵：词表里每个词元占一行'),
  dmodel: row(tex`d`, 'embedding dimension (12 288 in GPT-3)', '嵌入维度（GPT-3 中为 12 288）'),
} satisfies Record<string, LegendRow>;
