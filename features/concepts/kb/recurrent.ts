// Inside a recurrent network: the state it carries from step to step, the network unrolled in
// time, the gates of LSTMs and GRUs, and how gradients are computed through time.

import type { Concept } from '../types';
import { S, tex } from './notation';

const ht = { symbol: tex`h_t`, en: 'hidden state after time step t', zh: '第 t 个时间步之后的隐状态' };
const htm1 = { symbol: tex`h_{t-1}`, en: 'hidden state of the previous step', zh: '上一个时间步的隐状态' };
const xt = { symbol: tex`x_t`, en: 'input at time step t (e.g. one word’s embedding)', zh: '第 t 个时间步的输入（例如一个词的嵌入）' };
const sigmaGate = { symbol: tex`\sigma`, en: 'sigmoid: every gate entry lies between 0 (closed) and 1 (open)', zh: 'sigmoid：门的每个分量都在 0（关）与 1（开）之间' };
const ct = { symbol: tex`c_t`, en: 'cell state after step t', zh: '第 t 步之后的记忆元（细胞状态）' };
const gateW = { symbol: tex`W, U, b`, en: 'the gate’s own weights and bias', zh: '该门自己的权重和偏置' };

export const concepts: Concept[] = [
  {
    id: 'hidden-state',
    topic: 'architecture',
    name: { en: 'hidden state', zh: '隐状态' },
    aliases: { en: ['hidden states', 'recurrent state', 'hidden state vector'], zh: ['隐藏状态', '隐含状态', '隐态', '隐状态向量'] },
    summary: {
      en: 'The hidden state is the vector a recurrent network carries from one time step to the next: it is computed from the current input and the previous hidden state, and it is the network’s summary of the sequence so far. Its size is a hyperparameter, and everything the network remembers has to fit into it.',
      zh: '隐状态是循环神经网络从一个时间步带到下一个时间步的向量：它由当前输入和上一步的隐状态算出，是网络对目前为止整个序列的概括。它的大小是一个超参数，网络记住的一切都必须装进这个向量。',
    },
    intuition: {
      en: 'The notes the network keeps while it reads, rewritten after every word.',
      zh: '网络边读边记的笔记，每读一个词就改写一遍。',
    },
    formulas: [
      {
        tex: tex`h_t = \tanh\!\left(W_{hh}\, h_{t-1} + W_{xh}\, x_t + b_h\right)`,
        legend: [ht, htm1, xt, { symbol: tex`W_{hh}, W_{xh}, b_h`, en: 'recurrent weights, input weights and bias, shared by every step', zh: '循环权重、输入权重与偏置，各时间步共享' }],
      },
    ],
    related: ['recurrent-neural-network', 'time-step', 'cell-state', 'lstm', 'gru'],
    prerequisites: ['recurrent-neural-network'],
  },
  {
    id: 'time-step',
    topic: 'architecture',
    name: { en: 'time step', zh: '时间步' },
    aliases: { en: ['time steps', 'timestep', 'timesteps', 'time-step'], zh: ['时间步长', '时间步数'] },
    summary: {
      en: 'A time step is one position in a sequence as a recurrent network processes it: at step t it reads the t-th input and updates its hidden state. The number of time steps is the sequence length, and backpropagation through time has to go back through all of them.',
      zh: '时间步是循环网络处理序列时的一个位置：在第 t 步，它读入第 t 个输入并更新隐状态。时间步的个数就是序列长度，通过时间反向传播需要沿着所有时间步往回传。',
    },
    intuition: {
      en: 'One tick of the clock, one word read.',
      zh: '时钟走一格，读一个词。',
    },
    formulas: [
      {
        tex: tex`x_1, x_2, \dots, x_T \;\mapsto\; h_1, h_2, \dots, h_T`,
        legend: [xt, ht, { symbol: tex`T`, en: 'number of time steps (sequence length)', zh: '时间步数（序列长度）' }],
      },
    ],
    related: ['recurrent-neural-network', 'hidden-state', 'unrolling', 'backpropagation-through-time'],
    prerequisites: ['recurrent-neural-network'],
  },
  {
    id: 'unrolling',
    topic: 'architecture',
    name: { en: 'unrolling', zh: '按时间展开' },
    aliases: { en: ['unrolled', 'unroll', 'unrolled network', 'unrolling in time', 'unrolled through time', 'unfolding in time', 'unrolled RNN'], zh: ['时间展开', '展开的循环神经网络', '沿时间展开', '按时间步展开'] },
    summary: {
      en: 'Unrolling draws a recurrent network as a chain of copies, one per time step, each passing its hidden state to the next. The unrolled network is an ordinary deep feed-forward network with shared weights, so backpropagation can run through it; its depth is the sequence length.',
      zh: '按时间展开就是把循环网络画成一串副本，每个时间步一份，每份把隐状态传给下一份。展开后的网络就是一个共享权重的普通深层前馈网络，反向传播可以直接穿过它；它的深度等于序列长度。',
    },
    intuition: {
      en: 'A loop drawn out as a film strip, one frame per step.',
      zh: '把一个循环画成一卷胶片，每一步一帧。',
    },
    formulas: [
      {
        tex: tex`h_T = f\bigl(f(\cdots f(h_0, x_1) \cdots, x_{T-1}), x_T\bigr)`,
        legend: [{ symbol: tex`f`, en: 'one step of the network, the same function at every step', zh: '网络的一步，每一步都是同一个函数' }, xt, { symbol: tex`h_0`, en: 'initial hidden state (often zeros)', zh: '初始隐状态（常为零）' }],
      },
    ],
    related: ['recurrent-neural-network', 'backpropagation-through-time', 'time-step', 'weight-sharing'],
    prerequisites: ['recurrent-neural-network'],
  },
  {
    id: 'gate',
    topic: 'architecture',
    name: { en: 'gating mechanism', zh: '门控机制' },
    aliases: { en: ['gate', 'gates', 'gating', 'gated unit', 'gated recurrent network', 'reset gate', 'update gate', 'gating unit'], zh: ['门控', '门控单元', '门控循环神经网络', '重置门', '更新门', '门结构'] },
    ambiguous: ['gate', 'gates', 'gating'],
    summary: {
      en: 'A gate is a vector of numbers between 0 and 1, computed by a sigmoid from the current input and hidden state, that multiplies another vector entry by entry to let it through, block it or anything between. LSTMs use forget, input and output gates, GRUs a reset and an update gate; because the gates are learned, the network decides from the data what to keep and what to overwrite.',
      zh: '门是一个取值在 0 到 1 之间的向量，由 sigmoid 根据当前输入和隐状态算出，它与另一个向量逐元素相乘，决定放行、阻挡还是部分通过。LSTM 有遗忘门、输入门和输出门，GRU 有重置门和更新门；门是学出来的，所以网络能根据数据自己决定留下什么、覆盖什么。',
    },
    intuition: {
      en: 'A row of dimmer switches, one per memory slot, set by the network at every step.',
      zh: '一排调光开关，每个记忆槽一个，网络每一步都重新调一遍。',
    },
    formulas: [
      {
        tex: tex`g_t = \sigma\!\left(W x_t + U h_{t-1} + b\right), \qquad \text{output} = g_t \odot v_t`,
        legend: [sigmaGate, xt, htm1, gateW, S.odot, { symbol: tex`v_t`, en: 'the vector being gated', zh: '被门控的向量' }],
      },
    ],
    related: ['lstm', 'gru', 'forget-gate', 'input-gate', 'output-gate', 'sigmoid', 'hadamard-product'],
    prerequisites: ['sigmoid', 'recurrent-neural-network'],
  },
  {
    id: 'forget-gate',
    topic: 'architecture',
    name: { en: 'forget gate', zh: '遗忘门' },
    aliases: { en: ['forget gates', 'forget-gate'], zh: ['忘记门'] },
    summary: {
      en: 'The forget gate of an LSTM decides, entry by entry, how much of the old cell state to keep. Values near 1 carry a memory on unchanged, which is what lets gradients flow across long spans; initializing its bias to about 1 keeps it open at the start of training.',
      zh: 'LSTM 的遗忘门逐个分量地决定旧的记忆元要保留多少。接近 1 的值让记忆原样往下传，这正是梯度能跨越很长距离的原因；把它的偏置初始化为 1 左右，可以让它在训练开始时保持打开。',
    },
    intuition: {
      en: 'The eraser: how much of yesterday’s notes to wipe.',
      zh: '橡皮擦：昨天的笔记要擦掉多少。',
    },
    formulas: [
      {
        tex: tex`f_t = \sigma\!\left(W_f x_t + U_f h_{t-1} + b_f\right)`,
        legend: [{ symbol: tex`f_t`, en: 'forget gate at step t', zh: '第 t 步的遗忘门' }, sigmaGate, xt, htm1, { symbol: tex`W_f, U_f, b_f`, en: 'the forget gate’s weights and bias', zh: '遗忘门的权重和偏置' }],
      },
    ],
    related: ['lstm', 'gate', 'cell-state', 'input-gate', 'output-gate'],
    prerequisites: ['gate'],
  },
  {
    id: 'input-gate',
    topic: 'architecture',
    name: { en: 'input gate', zh: '输入门' },
    aliases: { en: ['input gates', 'input-gate'], zh: ['写入门'] },
    summary: {
      en: 'The input gate of an LSTM decides how much of the new candidate memory, computed from the current input and hidden state, is written into the cell state. Together with the forget gate it lets the cell both keep old information and take in new.',
      zh: 'LSTM 的输入门决定把多少新的候选记忆（由当前输入和隐状态算出）写进记忆元。它和遗忘门一起，让记忆元既能保留旧信息，又能吸收新信息。',
    },
    intuition: {
      en: 'The pen: how much of today’s news to write down.',
      zh: '笔：今天的新消息记下多少。',
    },
    formulas: [
      {
        tex: tex`i_t = \sigma\!\left(W_i x_t + U_i h_{t-1} + b_i\right), \qquad \tilde{c}_t = \tanh\!\left(W_c x_t + U_c h_{t-1} + b_c\right)`,
        legend: [
          { symbol: tex`i_t`, en: 'input gate at step t', zh: '第 t 步的输入门' },
          { symbol: tex`\tilde{c}_t`, en: 'candidate memory', zh: '候选记忆' },
          sigmaGate,
          xt,
          htm1,
        ],
      },
    ],
    related: ['lstm', 'gate', 'forget-gate', 'output-gate', 'cell-state'],
    prerequisites: ['gate'],
  },
  {
    id: 'output-gate',
    topic: 'architecture',
    name: { en: 'output gate', zh: '输出门' },
    aliases: { en: ['output gates', 'output-gate'], zh: ['读出门'] },
    summary: {
      en: 'The output gate of an LSTM decides how much of the cell state, squashed by a tanh, becomes the hidden state that the next layer and the next step see. The cell can therefore hold information for a long time without exposing it until it is needed.',
      zh: 'LSTM 的输出门决定把多少记忆元（经过 tanh 压缩后）变成隐状态，交给下一层和下一个时间步。这样记忆元可以把信息长期藏着，直到需要时才显露出来。',
    },
    intuition: {
      en: 'The mouth: how much of what you know to say right now.',
      zh: '嘴巴：此刻把知道的说出多少。',
    },
    formulas: [
      {
        tex: tex`o_t = \sigma\!\left(W_o x_t + U_o h_{t-1} + b_o\right), \qquad h_t = o_t \odot \tanh(c_t)`,
        legend: [{ symbol: tex`o_t`, en: 'output gate at step t', zh: '第 t 步的输出门' }, ht, ct, S.odot],
      },
    ],
    related: ['lstm', 'gate', 'forget-gate', 'input-gate', 'hidden-state'],
    prerequisites: ['gate'],
  },
  {
    id: 'cell-state',
    topic: 'architecture',
    name: { en: 'cell state', zh: '记忆元' },
    aliases: { en: ['memory cell', 'LSTM cell state', 'cell states', 'memory cells'], zh: ['细胞状态', '单元状态', '记忆单元', '记忆细胞', '元胞状态'] },
    summary: {
      en: 'The cell state is the LSTM’s long-term memory, a vector that runs alongside the hidden state. It changes only by being scaled by the forget gate and having gated new content added, so its gradient is not squashed at every step the way a plain RNN’s is.',
      zh: '记忆元（细胞状态）是 LSTM 的长期记忆，是一条与隐状态并行的向量。它只会被遗忘门按比例缩小、再加上经过门控的新内容，因此它的梯度不会像普通 RNN 那样每一步都被压缩。',
    },
    intuition: {
      en: 'A conveyor belt of memory that runs straight through time with only small edits.',
      zh: '一条笔直穿过时间的记忆传送带，只做少量修改。',
    },
    formulas: [
      {
        tex: tex`c_t = f_t \odot c_{t-1} + i_t \odot \tilde{c}_t`,
        legend: [
          ct,
          { symbol: tex`f_t, i_t`, en: 'forget and input gates', zh: '遗忘门与输入门' },
          { symbol: tex`\tilde{c}_t`, en: 'candidate memory', zh: '候选记忆' },
          S.odot,
        ],
      },
    ],
    related: ['lstm', 'forget-gate', 'input-gate', 'output-gate', 'hidden-state', 'vanishing-gradient'],
    prerequisites: ['lstm'],
  },
  {
    id: 'gru',
    topic: 'architecture',
    name: { en: 'gated recurrent unit', zh: '门控循环单元' },
    aliases: { en: ['GRU', 'GRUs', 'GRU cell'], zh: ['GRU 单元', 'GRU 网络', '门控循环单元网络'] },
    summary: {
      en: 'A gated recurrent unit is a simpler relative of the LSTM with two gates and no separate cell state: the reset gate decides how much of the past to use when proposing a new state, and the update gate blends the old state with that proposal. It has fewer parameters than an LSTM and often works about as well.',
      zh: '门控循环单元（GRU）是 LSTM 的简化版，只有两个门，也没有单独的记忆元：重置门决定提出新状态时用多少过去的信息，更新门把旧状态和这个新提议按比例混合。它的参数比 LSTM 少，效果却常常相差无几。',
    },
    intuition: {
      en: 'An LSTM that merged its memory and its output into one vector.',
      zh: '把记忆和输出合成一个向量的 LSTM。',
    },
    formulas: [
      {
        tex: tex`h_t = (1 - z_t) \odot h_{t-1} + z_t \odot \tanh\!\left(W x_t + U (r_t \odot h_{t-1}) + b\right)`,
        legend: [
          ht,
          htm1,
          xt,
          { symbol: tex`z_t`, en: 'update gate', zh: '更新门' },
          { symbol: tex`r_t`, en: 'reset gate', zh: '重置门' },
          S.odot,
        ],
      },
    ],
    related: ['lstm', 'gate', 'recurrent-neural-network', 'hidden-state'],
    prerequisites: ['gate'],
  },
  {
    id: 'backpropagation-through-time',
    topic: 'architecture',
    name: { en: 'backpropagation through time', zh: '通过时间反向传播' },
    aliases: { en: ['BPTT', 'back-propagation through time', 'truncated backpropagation through time', 'truncated BPTT'], zh: ['随时间反向传播', '时间反向传播', '沿时间反向传播', 'BPTT 算法', '截断的通过时间反向传播'] },
    summary: {
      en: 'Backpropagation through time is ordinary backpropagation applied to a recurrent network unrolled over its time steps; the gradients of the shared weights are summed over all steps. The gradient reaching early steps is a product of many Jacobians, so it tends to vanish or explode, and long sequences are usually cut into truncated windows.',
      zh: '通过时间反向传播，就是把普通的反向传播用在按时间步展开的循环网络上；共享权重的梯度是各个时间步梯度之和。传到早期时间步的梯度是许多雅可比矩阵的连乘，容易消失或爆炸，所以长序列通常被截成一段段来算。',
    },
    intuition: {
      en: 'Blame travelling back through the film strip, frame by frame.',
      zh: '“责任”沿着胶片一帧一帧往回传。',
    },
    formulas: [
      {
        tex: tex`\frac{\partial C}{\partial W_{hh}} = \sum_{t=1}^{T} \sum_{k=1}^{t} \frac{\partial C_t}{\partial h_t} \left(\prod_{j=k+1}^{t} \frac{\partial h_j}{\partial h_{j-1}}\right) \frac{\partial h_k}{\partial W_{hh}}`,
        legend: [
          { symbol: tex`C_t`, en: 'cost at time step t', zh: '第 t 个时间步的代价' },
          { symbol: tex`W_{hh}`, en: 'recurrent weights, shared by all steps', zh: '各时间步共享的循环权重' },
          { symbol: tex`\frac{\partial h_j}{\partial h_{j-1}}`, en: 'Jacobian of one step', zh: '一步的雅可比矩阵' },
        ],
      },
    ],
    related: ['backpropagation', 'recurrent-neural-network', 'unrolling', 'vanishing-gradient', 'exploding-gradient', 'gradient-clipping', 'jacobian'],
    prerequisites: ['backpropagation', 'unrolling'],
  },
  {
    id: 'bidirectional-rnn',
    topic: 'architecture',
    name: { en: 'bidirectional RNN', zh: '双向循环神经网络' },
    aliases: { en: ['bidirectional recurrent neural network', 'bidirectional LSTM', 'BiLSTM', 'Bi-LSTM', 'BiRNN', 'bidirectional recurrent network'], zh: ['双向 RNN', '双向 LSTM', '双向循环网络', '双向长短期记忆网络', '双向RNN', '双向LSTM'] },
    summary: {
      en: 'A bidirectional RNN runs one recurrent network from left to right and another from right to left, and joins their hidden states at each position. Every output can then use the words after it as well as those before, which helps tagging and encoding but rules it out for generating text one token at a time.',
      zh: '双向循环神经网络让一个循环网络从左往右读、另一个从右往左读，再在每个位置把两者的隐状态拼起来。这样每个输出既能用到前文，也能用到后文，对序列标注和编码很有帮助，但不能用于逐词元生成文本。',
    },
    intuition: {
      en: 'Read the sentence forwards and backwards, then decide what each word means.',
      zh: '把句子正着读一遍、倒着读一遍，再判断每个词的意思。',
    },
    formulas: [
      {
        tex: tex`h_t = \bigl[\overrightarrow{h}_t \,;\, \overleftarrow{h}_t\bigr]`,
        legend: [
          { symbol: tex`\overrightarrow{h}_t`, en: 'hidden state of the left-to-right pass', zh: '从左到右那一遍的隐状态' },
          { symbol: tex`\overleftarrow{h}_t`, en: 'hidden state of the right-to-left pass', zh: '从右到左那一遍的隐状态' },
        ],
      },
    ],
    related: ['recurrent-neural-network', 'lstm', 'hidden-state', 'bert'],
    prerequisites: ['recurrent-neural-network'],
  },
];
