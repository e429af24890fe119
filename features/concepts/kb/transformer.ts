// Inside a transformer: attention, positions, the MLP block (3Blue1Brown, chapters 5-7).
// Per-token formulas use 3Blue1Brown's column-vector form (Q_i = W_Q E_i);
// whole-sequence formulas use the paper's matrix form softmax(QK^T / sqrt(d_k)) V,
// in which each row of Q, K, V belongs to one token.

import type { Concept } from '../types';
import { S, tex } from './notation';

export const concepts: Concept[] = [
  {
    id: 'transformer',
    topic: 'transformer',
    name: { en: 'transformer', zh: 'Transformer' },
    aliases: { en: ['transformer architecture', 'transformer model', 'transformer block', 'decoder-only transformer'], zh: ['Transformer 架构', 'Transformer架构', 'Transformer 模型', 'Transformer模型'] },
    ambiguous: ['transformer'],
    summary: {
      en: 'The transformer, introduced in “Attention Is All You Need” (2017), is the architecture behind GPT and most modern language models. Text is split into tokens and embedded as vectors; then a stack of blocks alternates attention, where vectors exchange information, with MLPs, where each vector is processed on its own, and each block adds its result to the residual stream. Finally, the vector of the last token is turned into a probability distribution over the next token.',
      zh: 'Transformer 由 2017 年的论文《Attention Is All You Need》提出，是 GPT 和当今大多数语言模型背后的架构。文本先被切成词元并嵌入为向量，然后经过一摞模块：注意力层让向量之间互相交换信息，MLP 层则对每个向量单独加工，每个模块都把结果加回残差流。最后，末尾那个词元的向量被转换成下一个词元的概率分布。',
    },
    intuition: {
      en: 'A row of vectors, one per token, that repeatedly talk to each other (attention) and then think on their own (MLP).',
      zh: '一排向量，每个词元一个，反复地先互相交谈（注意力），再各自思考（MLP）。',
    },
    formulas: [
      {
        tex: tex`\begin{aligned} E &\leftarrow E + \operatorname{MultiHead}\!\left(\operatorname{LN}(E)\right) \\ E &\leftarrow E + \operatorname{FFN}\!\left(\operatorname{LN}(E)\right) \end{aligned}`,
        legend: [
          { symbol: tex`E`, en: 'the sequence of token vectors (the residual stream)', zh: '词元向量序列（残差流）' },
          { symbol: tex`\operatorname{MultiHead}`, en: 'multi-head self-attention', zh: '多头自注意力' },
          { symbol: tex`\operatorname{FFN}`, en: 'the MLP applied to each vector separately', zh: '对每个向量分别作用的 MLP' },
          { symbol: tex`\operatorname{LN}`, en: 'layer normalization (GPT-2/3 apply it before each sub-block)', zh: '层归一化（GPT-2/3 在每个子模块之前做）' },
        ],
      },
    ],
    related: ['attention', 'gpt', 'feed-forward-network', 'embedding', 'residual-connection', 'layer-normalization', 'multi-head-attention'],
    prerequisites: ['multilayer-perceptron', 'embedding', 'attention'],
    demo: { kind: 'gpt-lab', view: 'attention' },
  },
  {
    id: 'attention',
    topic: 'transformer',
    name: { en: 'attention', zh: '注意力机制' },
    aliases: { en: ['attention mechanism', 'scaled dot-product attention', 'attention pattern', 'attention weights', 'attention layer', 'attention block'], zh: ['注意力', '注意力模块', '注意力层', '缩放点积注意力', '注意力模式', '注意力权重'] },
    ambiguous: ['attention'],
    // 注意力 alone is everyday Chinese too ("注意力不集中"): judged like "attention".
    ambiguousZh: ['注意力'],
    summary: {
      en: 'Attention lets each vector in a sequence gather information from the others. Every position scores every other position by the dot product of a query with a key, softmax turns the scores into weights, and the position receives the weighted sum of the values; this is how “model” comes to mean something different in “machine learning model” than in “fashion model”.',
      zh: '注意力让序列中的每个向量都能从其他向量那里收集信息。每个位置用自己的查询向量与其他位置的键向量做点积来打分，softmax 把分数变成权重，该位置再按权重汇总各处的值向量；正是这样，“模型”在“机器学习模型”和“时装模特”两种语境里才能获得不同的含义。',
    },
    intuition: {
      en: 'Each word asks a question, every other word says how relevant it is, and the relevant ones send over what they know.',
      zh: '每个词提出一个问题，其他词各自回答“我有多相关”，相关的词再把自己知道的信息传过来。',
    },
    formulas: [
      {
        tex: tex`\operatorname{Attention}(Q, K, V) = \operatorname{softmax}\!\left(\frac{Q K^{\top}}{\sqrt{d_k}}\right) V`,
        legend: [S.Q, S.K, S.V, S.dk, { symbol: tex`\operatorname{softmax}`, en: 'applied to each row, so every token’s weights sum to 1', zh: '按行作用，使每个词元的权重之和为 1' }],
      },
    ],
    related: ['self-attention', 'multi-head-attention', 'query-key-value', 'causal-mask', 'softmax', 'dot-product', 'transformer'],
    prerequisites: ['embedding', 'dot-product', 'softmax'],
    demo: { kind: 'gpt-lab', view: 'attention' },
  },
  {
    id: 'self-attention',
    topic: 'transformer',
    name: { en: 'self-attention', zh: '自注意力' },
    aliases: { en: ['self attention', 'intra-attention'], zh: ['自注意力机制'] },
    summary: {
      en: 'In self-attention the queries, keys and values all come from the same sequence, so every token updates itself using the other tokens of the same text. In GPT each token can only look at itself and earlier tokens; in cross-attention, by contrast, the keys and values come from a different sequence, such as the source sentence in translation.',
      zh: '自注意力中的查询、键和值都来自同一个序列，于是每个词元都借助同一段文本里的其他词元来更新自己。在 GPT 里，每个词元只能看到自己和前面的词元；与之相对，交叉注意力的键和值来自另一个序列，例如翻译任务中的原文。',
    },
    intuition: {
      en: 'The sentence reading itself: each word looks around the same sentence for context.',
      zh: '句子在“自己读自己”：每个词都在同一句话里找上下文。',
    },
    formulas: [
      {
        tex: tex`\Delta \vec{E}_i = \sum_{j \le i} \operatorname{softmax}_j\!\left(\frac{\vec{K}_j \cdot \vec{Q}_i}{\sqrt{d_k}}\right) \vec{V}_j, \qquad \vec{E}_i \leftarrow \vec{E}_i + \Delta \vec{E}_i`,
        legend: [
          S.Ei,
          { symbol: tex`\vec{Q}_i = W_Q \vec{E}_i`, en: 'query of token i', zh: '词元 i 的查询向量' },
          { symbol: tex`\vec{K}_j = W_K \vec{E}_j`, en: 'key of token j', zh: '词元 j 的键向量' },
          { symbol: tex`\vec{V}_j = W_V \vec{E}_j`, en: 'value of token j: what it adds if attended to', zh: '词元 j 的值向量：被关注时它要加进来的内容' },
          { symbol: tex`j \le i`, en: 'only earlier tokens and itself (causal mask)', zh: '只看前面的词元和自己（因果掩码）' },
          S.dk,
        ],
      },
    ],
    related: ['attention', 'multi-head-attention', 'query-key-value', 'causal-mask'],
    prerequisites: ['attention'],
    demo: { kind: 'gpt-lab', view: 'attention' },
  },
  {
    id: 'multi-head-attention',
    topic: 'transformer',
    name: { en: 'multi-head attention', zh: '多头注意力' },
    aliases: { en: ['multi-headed attention', 'multihead attention', 'attention head', 'attention heads', 'MHA'], zh: ['多头注意力机制', '注意力头'] },
    summary: {
      en: 'Multi-head attention runs many attention heads in parallel, each with its own query, key and value matrices, so different heads can track different relationships (which adjective describes which noun, what a pronoun refers to, and so on). Their outputs are combined through an output matrix and added to the residual stream; GPT-3 has 96 heads in each of its 96 layers.',
      zh: '多头注意力让许多注意力头并行运行，每个头都有自己的查询、键、值矩阵，因此不同的头可以捕捉不同的关系（哪个形容词修饰哪个名词、代词指代谁，等等）。各个头的输出经一个输出矩阵组合后加回残差流；GPT-3 的 96 层中，每层都有 96 个头。',
    },
    intuition: {
      en: 'Many readers going over the same sentence at once, each looking for a different kind of connection.',
      zh: '许多读者同时读同一句话，各自寻找不同类型的关联。',
    },
    formulas: [
      {
        tex: tex`\operatorname{MultiHead}(E) = \left[\operatorname{head}_1, \dots, \operatorname{head}_H\right] W_O, \qquad \operatorname{head}_h = \operatorname{softmax}\!\left(\frac{Q_h K_h^{\top}}{\sqrt{d_k}}\right) V_h`,
        legend: [
          { symbol: tex`H`, en: 'number of heads (96 in GPT-3)', zh: '头的数量（GPT-3 为 96）' },
          { symbol: tex`Q_h,\ K_h,\ V_h`, en: 'queries, keys and values computed with head h’s own matrices', zh: '用第 h 个头自己的矩阵算出的查询、键、值' },
          { symbol: tex`[\,\cdot\,]`, en: 'head outputs placed side by side', zh: '把各个头的输出并排拼接' },
          { symbol: tex`W_O`, en: 'output matrix mapping back to the embedding space', zh: '映射回嵌入空间的输出矩阵' },
          S.dk,
        ],
      },
    ],
    related: ['attention', 'self-attention', 'query-key-value', 'transformer', 'parameter-count'],
    prerequisites: ['self-attention'],
    demo: { kind: 'gpt-lab', view: 'attention' },
  },
  {
    id: 'query-key-value',
    topic: 'transformer',
    name: { en: 'query, key and value', zh: '查询、键与值' },
    aliases: { en: ['query-key-value', 'QKV', 'query vector', 'key vector', 'value vector', 'query matrix', 'key matrix', 'value matrix', 'queries, keys and values'], zh: ['Query、Key 和 Value', 'Query、Key和Value', '查询向量', '键向量', '值向量', '查询矩阵', '键矩阵', '值矩阵'] },
    summary: {
      en: 'Each token’s embedding is multiplied by three learned matrices. The query asks “what am I looking for?”, the key answers “what do I contain?”, and a large query·key dot product means the two tokens are relevant to each other; the value is what a token hands over to those that attend to it. In GPT-3 queries and keys have only 128 dimensions, and the value map is factored into a down- and an up-projection.',
      zh: '每个词元的嵌入向量分别乘以三个学出来的矩阵。查询向量问“我在找什么？”，键向量回答“我有什么？”，查询与键的点积越大，两个词元就越相关；值向量则是一个词元交给关注它的词元的内容。GPT-3 中查询和键只有 128 维，值的映射被拆成先降维、再升维两个矩阵。',
    },
    intuition: {
      en: 'Queries are questions, keys are labels on the answers, values are the answers themselves.',
      zh: '查询是问题，键是答案上的标签，值是答案本身。',
    },
    formulas: [
      {
        tex: tex`\vec{Q}_i = W_Q \vec{E}_i, \qquad \vec{K}_i = W_K \vec{E}_i, \qquad \vec{V}_i = W_V \vec{E}_i`,
        legend: [S.Ei, S.WQ, S.WK, { symbol: tex`W_V`, en: 'value matrix, learned (in GPT-3 the product of a down- and an up-projection)', zh: '值矩阵，训练得到（GPT-3 中为降维矩阵与升维矩阵之积）' }, S.dk],
      },
    ],
    related: ['attention', 'self-attention', 'multi-head-attention', 'dot-product', 'kv-cache'],
    prerequisites: ['embedding', 'matrix-multiplication'],
    demo: { kind: 'gpt-lab', view: 'attention' },
  },
  {
    id: 'causal-mask',
    topic: 'transformer',
    name: { en: 'causal mask', zh: '因果掩码' },
    aliases: { en: ['causal masking', 'look-ahead mask', 'masked self-attention', 'causal attention'], zh: ['序列掩码', '因果遮蔽', '掩码自注意力', '因果注意力'] },
    summary: {
      en: 'A causal mask stops each token from attending to tokens that come after it, by setting those scores to −∞ before the softmax so that their weights become exactly 0. This lets GPT learn to predict every next token of a training text in a single pass without peeking at the answers, and it is what allows generation one token at a time.',
      zh: '因果掩码在 softmax 之前把“后面的词元”对应的分数设为 −∞，使其权重恰好为 0，从而禁止每个词元关注它之后的词元。这样 GPT 就能在一次计算中学会预测训练文本里的每一个下一个词元，而不会偷看答案，也正因如此才能一次生成一个词元。',
    },
    intuition: {
      en: 'Cover the rest of the page with your hand so you can only read what came before.',
      zh: '用手挡住页面后半部分，只能看到已经写出来的内容。',
    },
    formulas: [
      {
        tex: tex`M_{ij} = \begin{cases} 0 & j \le i \\ -\infty & j > i \end{cases}, \qquad \operatorname{softmax}\!\left(\frac{Q K^{\top}}{\sqrt{d_k}} + M\right) V`,
        legend: [{ symbol: tex`M_{ij}`, en: 'mask added to the score of token i looking at token j', zh: '加在“词元 i 看词元 j”这个分数上的掩码' }, S.Q, S.K, S.V, S.dk],
      },
    ],
    related: ['self-attention', 'attention', 'gpt', 'kv-cache'],
    prerequisites: ['self-attention'],
    demo: { kind: 'gpt-lab', view: 'attention' },
  },
  {
    id: 'positional-encoding',
    topic: 'transformer',
    name: { en: 'positional encoding', zh: '位置编码' },
    aliases: { en: ['positional embedding', 'position embedding', 'sinusoidal positional encoding', 'rotary position embedding'], zh: ['位置嵌入', '正弦位置编码', '旋转位置编码'] },
    summary: {
      en: 'Attention by itself treats its input as an unordered set, so position has to be added explicitly. The original transformer adds fixed sine and cosine waves of different frequencies to each embedding, GPT-2 and GPT-3 learn one position vector per slot, and many newer models rotate queries and keys by a position-dependent angle (RoPE).',
      zh: '注意力本身把输入当作无序集合，所以位置信息必须额外加进去。原版 Transformer 给每个嵌入加上不同频率的正弦、余弦波；GPT-2 和 GPT-3 为每个位置学一个位置向量；许多较新的模型则按位置把查询和键旋转一个角度（RoPE）。',
    },
    intuition: {
      en: 'A seat number stamped onto each word so the model knows the order.',
      zh: '给每个词盖上一个座位号，让模型知道先后顺序。',
    },
    formulas: [
      {
        tex: tex`\vec{E}_i = W_E[t_i] + P_i, \qquad P_{i,\,2k} = \sin\!\frac{i}{10000^{2k/d}}, \quad P_{i,\,2k+1} = \cos\!\frac{i}{10000^{2k/d}}`,
        legend: [S.Ei, { symbol: tex`W_E[t_i]`, en: 'embedding of the token at position i', zh: '位置 i 处词元的嵌入' }, { symbol: tex`P_i`, en: 'position vector for position i (sinusoidal version shown)', zh: '位置 i 的位置向量（此处为正弦版本）' }, S.dmodel],
      },
    ],
    related: ['embedding', 'transformer', 'attention', 'context-window'],
    prerequisites: ['embedding'],
    demo: { kind: 'gpt-lab', view: 'embeddings' },
  },
  {
    id: 'feed-forward-network',
    topic: 'transformer',
    name: { en: 'feed-forward network', zh: '前馈网络' },
    aliases: { en: ['FFN', 'feedforward', 'feed-forward layer', 'feedforward layer', 'MLP block', 'MLP layer', 'up-projection', 'down-projection', 'position-wise feed-forward network', 'feedforward neural network', 'feed-forward neural network'], zh: ['前馈神经网络', '前馈层', '前馈网络层', 'MLP 模块', '升维投影', '降维投影'] },
    // Outside a transformer, a feed-forward network is any network without loops (an MLP, a CNN).
    narrow: {
      forms: ['feed-forward network', 'feedforward', 'feedforward neural network', 'feed-forward neural network', '前馈网络', '前馈神经网络'],
      cues: [
        'transformer', 'transformers', 'attention', 'self-attention', 'token', 'tokens', 'sublayer', 'sub-layer', 'sublayers', 'sub-layers',
        'position-wise', 'positionwise', 'encoder', 'decoder', 'residual', 'gpt', 'bert', 'llm', 'llms', 'mha', 'multi-head',
        '注意力', '词元', '子层', '编码器', '解码器', '残差', '多头', '大模型', '位置',
      ],
      otherwise: 'multilayer-perceptron',
    },
    summary: {
      en: 'The feed-forward (MLP) block of a transformer processes every token’s vector on its own: an up-projection to four times the width, a nonlinearity such as GELU, and a down-projection back. Each row of the up-projection asks a question of the vector and each column of the down-projection says what to add if the answer is yes, which is where much factual knowledge seems to live; these blocks hold about two thirds of GPT-3’s parameters.',
      zh: 'Transformer 中的前馈（MLP）模块对每个词元的向量单独处理：先升维投影到四倍宽度，经过 GELU 等非线性函数，再降维投影回来。升维矩阵的每一行像是在向向量提一个问题，降维矩阵的每一列则说明答案为“是”时要加上什么，大量事实性知识似乎就储存在这里；这些模块占了 GPT-3 约三分之二的参数。',
    },
    intuition: {
      en: 'A long checklist of yes/no questions asked of every token, each “yes” adding its own piece of knowledge.',
      zh: '对每个词元问一长串是非题，每答一个“是”就加上一条相应的知识。',
    },
    formulas: [
      {
        tex: tex`\operatorname{FFN}(\vec{E}) = W_{\downarrow}\, \operatorname{GELU}\!\left(W_{\uparrow} \vec{E} + \vec{b}_{\uparrow}\right) + \vec{b}_{\downarrow}`,
        legend: [
          { symbol: tex`\vec{E}`, en: 'one token’s vector', zh: '某个词元的向量' },
          { symbol: tex`W_{\uparrow}`, en: 'up-projection (49 152 × 12 288 in GPT-3)', zh: '升维投影矩阵（GPT-3 中为 49 152 × 12 288）' },
          { symbol: tex`W_{\downarrow}`, en: 'down-projection back to the embedding size', zh: '降维投影矩阵，回到嵌入维度' },
          { symbol: tex`\vec{b}_{\uparrow},\ \vec{b}_{\downarrow}`, en: 'biases', zh: '偏置' },
        ],
      },
    ],
    related: ['multilayer-perceptron', 'transformer', 'gelu', 'superposition', 'parameter-count'],
    prerequisites: ['multilayer-perceptron', 'transformer'],
  },
  {
    id: 'superposition',
    topic: 'transformer',
    name: { en: 'superposition', zh: '特征叠加' },
    aliases: { en: ['superposition hypothesis', 'polysemantic neuron', 'polysemanticity'], zh: ['叠加假说', '叠加现象', '多义神经元'] },
    ambiguous: ['superposition'],
    summary: {
      en: 'Superposition is the hypothesis that a network represents far more features than it has dimensions, by giving each feature a direction that is only nearly perpendicular to all the others. In high dimensions the number of such almost-orthogonal directions grows exponentially, so a 12 288-dimensional space can hold vastly more than 12 288 ideas, at the cost of individual neurons responding to several unrelated things.',
      zh: '叠加假说认为，网络表示的特征远多于它的维度数，做法是让每个特征占据一个与其他特征方向“几乎垂直”的方向。在高维空间里，这种近似正交的方向数量随维度指数增长，所以 12 288 维的空间能容纳远超 12 288 个概念，代价是单个神经元往往会对好几件毫不相干的事起反应。',
    },
    intuition: {
      en: 'Packing many more arrows than dimensions by letting them be almost, not exactly, perpendicular.',
      zh: '让箭头彼此“差不多垂直”而不是严格垂直，就能塞进比维度多得多的箭头。',
    },
    formulas: [
      {
        tex: tex`\left|\cos \theta_{ij}\right| < \varepsilon \ \text{ for all } i \ne j \quad \text{is possible with} \quad N \approx e^{c\, \varepsilon^{2} d} \ \text{directions}`,
        legend: [{ symbol: tex`\theta_{ij}`, en: 'angle between feature directions i and j', zh: '特征方向 i 与 j 的夹角' }, { symbol: tex`\varepsilon`, en: 'allowed deviation from perpendicular', zh: '允许偏离垂直的程度' }, { symbol: tex`N`, en: 'number of feature directions', zh: '特征方向的个数' }, S.dmodel, { symbol: tex`c`, en: 'a constant', zh: '某个常数' }],
      },
    ],
    related: ['feed-forward-network', 'word-vector', 'cosine-similarity'],
    prerequisites: ['feed-forward-network', 'dot-product'],
  },
  {
    id: 'kv-cache',
    topic: 'transformer',
    name: { en: 'KV cache', zh: 'KV 缓存' },
    aliases: { en: ['key-value cache', 'KV caching', 'kv-cache'], zh: ['KV缓存', '键值缓存'] },
    summary: {
      en: 'When a GPT generates text one token at a time, the keys and values of earlier tokens never change, thanks to the causal mask. The KV cache stores them, so each new token only computes its own query, key and value and attends to the cache, which turns generation from quadratic into linear work per token at the price of memory.',
      zh: 'GPT 逐个生成词元时，由于因果掩码的存在，前面各个词元的键和值永远不会再变。KV 缓存把它们存起来，每个新词元只需算出自己的查询、键、值，再去关注缓存即可，于是生成每个词元的计算量从平方级降为线性级，代价是占用更多内存。',
    },
    intuition: {
      en: 'Keep your notes on everything already read instead of rereading the whole book for every new word.',
      zh: '把已读内容的笔记留着，而不是每写一个新词都把全书重读一遍。',
    },
    formulas: [
      {
        tex: tex`\text{memory} = 2 \times n_{\text{layers}} \times n \times d \ \text{ numbers per sequence}`,
        legend: [{ symbol: tex`2`, en: 'one key and one value per token, layer and dimension', zh: '每个词元、每层、每维各存一个键和一个值' }, { symbol: tex`n_{\text{layers}}`, en: 'number of transformer layers', zh: 'Transformer 的层数' }, { symbol: tex`n`, en: 'tokens so far', zh: '目前已有的词元数' }, S.dmodel],
      },
    ],
    related: ['query-key-value', 'causal-mask', 'context-window', 'gpt'],
    prerequisites: ['query-key-value', 'causal-mask'],
    demo: { kind: 'gpt-lab', view: 'generate' },
  },
];
