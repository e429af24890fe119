// GPT as a language model: tokens in, embeddings, logits and sampling out,
// and how it is trained (3Blue1Brown, chapter 5).

import type { Concept } from '../types';
import { S, tex } from './notation';

const tn = { symbol: tex`t_n`, en: 'the token at position n', zh: '第 n 个位置上的词元' };
const tlt = { symbol: tex`t_{<n}`, en: 'all tokens before position n', zh: '第 n 个位置之前的全部词元' };

export const concepts: Concept[] = [
  {
    id: 'gpt',
    topic: 'transformer',
    name: { en: 'GPT', zh: '生成式预训练 Transformer' },
    aliases: { en: ['generative pre-trained transformer', 'generative pretrained transformer', 'GPT-2', 'GPT-3', 'GPT-4', 'ChatGPT'], zh: ['生成式预训练变换器', '生成式预训练模型'] },
    summary: {
      en: 'GPT stands for Generative Pre-trained Transformer: a transformer trained on huge amounts of text to predict the next token, then used to generate text by repeatedly sampling a token and appending it to the input. GPT-3 has 175 billion parameters, 96 layers, 12 288-dimensional embeddings and a 2048-token context window.',
      zh: 'GPT 是 Generative Pre-trained Transformer（生成式预训练 Transformer）的缩写：在海量文本上训练来预测下一个词元的 Transformer，生成文本时就反复采样一个词元、把它接到输入末尾，如此循环。GPT-3 有 1750 亿个参数、96 层、12 288 维的嵌入和 2048 个词元的上下文窗口。',
    },
    intuition: {
      en: 'Autocomplete scaled up until it can continue almost any text plausibly.',
      zh: '把自动补全放大到几乎能为任何文本续写出像样的下文。',
    },
    formulas: [
      {
        tex: tex`P(t_1, \dots, t_N) = \prod_{n=1}^{N} P\!\left(t_n \mid t_{<n}\right)`,
        legend: [tn, tlt, { symbol: tex`P(t_n \mid t_{<n})`, en: 'the model’s next-token distribution given everything so far', zh: '给定已有内容时，模型给出的下一个词元分布' }],
      },
    ],
    related: ['transformer', 'large-language-model', 'pretraining', 'fine-tuning', 'softmax-temperature', 'token', 'causal-mask'],
    prerequisites: ['transformer'],
    demo: { kind: 'gpt-lab', view: 'generate' },
  },
  {
    id: 'large-language-model',
    topic: 'transformer',
    name: { en: 'large language model', zh: '大语言模型' },
    aliases: { en: ['LLM', 'large language models'], zh: ['大型语言模型', '大模型'] },
    summary: {
      en: 'A large language model is a neural network, today almost always a transformer, with billions of parameters trained to predict text. Scale in parameters, data and compute turned next-token prediction into a surprisingly general skill: such models translate, summarize, write code and answer questions, and after fine-tuning they become chat assistants.',
      zh: '大语言模型是一个拥有数十亿参数、被训练来预测文本的神经网络，如今几乎都是 Transformer。参数、数据和算力的规模扩大之后，“预测下一个词元”竟变成了一种相当通用的能力：它们能翻译、写摘要、写代码、回答问题，经过微调后还能成为聊天助手。',
    },
    intuition: {
      en: 'A next-word predictor that has read so much that predicting well requires a model of the world.',
      zh: '一个读过海量文字的“下一个词”预测器，想预测得准，就不得不对世界有所理解。',
    },
    formulas: [
      {
        tex: tex`C = -\frac{1}{N} \sum_{n=1}^{N} \ln P_w\!\left(t_n \mid t_{<n}\right)`,
        legend: [S.C, tn, tlt, { symbol: tex`P_w`, en: 'probability assigned by the model with parameters w', zh: '参数为 w 的模型给出的概率' }, { symbol: tex`N`, en: 'number of tokens in the training text', zh: '训练文本中的词元数' }],
      },
    ],
    related: ['gpt', 'transformer', 'pretraining', 'fine-tuning', 'parameter-count', 'language-model'],
    prerequisites: ['gpt'],
    demo: { kind: 'gpt-lab', view: 'generate' },
  },
  {
    id: 'token',
    topic: 'transformer',
    name: { en: 'token', zh: '词元' },
    aliases: { en: ['vocabulary', 'vocab', 'token id'], zh: ['词表', '词汇表', '词元 ID'] },
    ambiguous: ['token', 'vocabulary', 'vocab'],
    summary: {
      en: 'A token is the unit of text a language model reads and writes: a whole common word, a piece of a rarer word, a punctuation mark or a space. Each token is an integer index into a fixed vocabulary, 50 257 entries for GPT-2 and GPT-3, and in English one token is on average about three quarters of a word.',
      zh: '词元是语言模型读写文本的基本单位：可能是一个常见的完整单词、一个较少见单词的片段、一个标点或一个空格。每个词元都是固定词表中的一个整数编号，GPT-2 和 GPT-3 的词表有 50 257 项；在英文中，一个词元平均大约相当于四分之三个单词。',
    },
    intuition: {
      en: 'The Lego bricks text is broken into before the model sees it.',
      zh: '文本在被模型看到之前，先被拆成的一块块乐高积木。',
    },
    formulas: [
      {
        tex: tex`t_i \in \{0, 1, \dots, |\mathcal{V}| - 1\}, \qquad |\mathcal{V}| = 50\,257 \ \text{(GPT-3)}`,
        legend: [{ symbol: tex`t_i`, en: 'id of the i-th token of the text', zh: '文本中第 i 个词元的编号' }, { symbol: tex`|\mathcal{V}|`, en: 'vocabulary size', zh: '词表大小' }],
      },
    ],
    related: ['tokenization', 'byte-pair-encoding', 'embedding', 'context-window'],
    prerequisites: [],
    demo: { kind: 'gpt-lab', view: 'tokens' },
  },
  {
    id: 'tokenization',
    topic: 'transformer',
    name: { en: 'tokenization', zh: '分词' },
    aliases: { en: ['tokenisation', 'tokenizer', 'tokeniser', 'subword tokenization'], zh: ['词元化', '分词器', '子词切分'] },
    ambiguous: ['tokenization', 'tokenizer'],
    summary: {
      en: 'Tokenization splits raw text into the sequence of tokens that the model actually processes, and maps each to its id in the vocabulary. Subword tokenizers keep frequent words whole and break rare ones into pieces, so any string can be represented, though digits, code and non-English text often cost more tokens per character.',
      zh: '分词把原始文本切成模型真正处理的词元序列，并把每个词元映射成它在词表中的编号。子词分词器让常见词保持完整，把罕见词拆成碎片，所以任何字符串都能被表示出来；不过数字、代码和非英文文本往往每个字符要消耗更多词元。',
    },
    intuition: {
      en: 'Chopping a sentence into the pieces the model has a vocabulary entry for.',
      zh: '把句子剁成模型词表里有的那些小块。',
    },
    formulas: [
      {
        tex: tex`\text{unbelievable} \;\mapsto\; [\text{un},\ \text{believ},\ \text{able}] \;\mapsto\; [t_1, t_2, t_3]`,
        legend: [{ symbol: tex`t_i`, en: 'token ids (the actual split depends on the tokenizer)', zh: '词元编号（实际切法取决于分词器）' }],
      },
    ],
    related: ['token', 'byte-pair-encoding', 'embedding'],
    prerequisites: ['token'],
    demo: { kind: 'gpt-lab', view: 'tokens' },
  },
  {
    id: 'byte-pair-encoding',
    topic: 'transformer',
    name: { en: 'byte-pair encoding', zh: '字节对编码' },
    aliases: { en: ['BPE', 'byte pair encoding', 'byte-level BPE'], zh: ['字节对编码算法', 'BPE 分词'] },
    summary: {
      en: 'Byte-pair encoding builds a vocabulary by starting from single bytes or characters and repeatedly merging the most frequent adjacent pair in the training text into a new token, until the vocabulary reaches the desired size. GPT-2 and GPT-3 use a byte-level BPE with 50 000 merges.',
      zh: '字节对编码这样构建词表：从单个字节或字符出发，反复把训练文本中出现最频繁的相邻一对合并成一个新词元，直到词表达到预定大小。GPT-2 和 GPT-3 用的是字节级 BPE，共做了 50 000 次合并。',
    },
    intuition: {
      en: 'Keep gluing together the two pieces that most often appear side by side.',
      zh: '不断把最常挨在一起出现的两块粘成一块。',
    },
    formulas: [
      {
        tex: tex`(x, y)^{*} = \arg\max_{(x, y)} \operatorname{count}(x\,y), \qquad \mathcal{V} \leftarrow \mathcal{V} \cup \{x\,y\}`,
        legend: [{ symbol: tex`(x, y)`, en: 'a pair of adjacent tokens in the training text', zh: '训练文本中相邻的一对词元' }, { symbol: tex`\mathcal{V}`, en: 'the vocabulary being built', zh: '正在构建的词表' }],
      },
    ],
    related: ['tokenization', 'token'],
    prerequisites: ['tokenization'],
    demo: { kind: 'gpt-lab', view: 'tokens' },
  },
  {
    id: 'embedding',
    topic: 'transformer',
    name: { en: 'embedding', zh: '词嵌入' },
    aliases: { en: ['word embedding', 'token embedding', 'embedding matrix', 'embedding vector', 'embedding layer', 'embedding space'], zh: ['嵌入向量', '嵌入矩阵', '嵌入层', '嵌入空间', '词元嵌入'] },
    ambiguous: ['embedding'],
    summary: {
      en: 'The embedding step turns each token into a long vector by looking up its column in the embedding matrix W_E, which is learned along with everything else. GPT-3’s W_E has 50 257 columns of 12 288 numbers each, about 617 million parameters; as the vectors flow through the network they absorb context and stop meaning just the isolated word.',
      zh: '嵌入这一步在嵌入矩阵 W_E 中查出每个词元对应的那一列，把词元变成一个长向量；W_E 与网络其余部分一起训练得到。GPT-3 的 W_E 有 50 257 列，每列 12 288 个数，约 6.17 亿个参数；这些向量在网络中流动时会不断吸收上下文，不再只代表孤立的那个词。',
    },
    intuition: {
      en: 'Every token gets coordinates in a huge space where directions carry meaning.',
      zh: '每个词元都在一个巨大的空间里拿到一组坐标，而空间中的方向承载着含义。',
    },
    formulas: [
      {
        tex: tex`\vec{E}_i = W_E[:, t_i], \qquad W_E \in \mathbb{R}^{d \times |\mathcal{V}|}`,
        legend: [S.Ei, S.WE, { symbol: tex`t_i`, en: 'id of the token at position i', zh: '位置 i 上词元的编号' }, S.dmodel, { symbol: tex`|\mathcal{V}|`, en: 'vocabulary size (50 257)', zh: '词表大小（50 257）' }],
      },
    ],
    related: ['word-vector', 'token', 'unembedding', 'positional-encoding', 'one-hot-encoding', 'cosine-similarity'],
    prerequisites: ['token'],
    demo: { kind: 'gpt-lab', view: 'embeddings' },
  },
  {
    id: 'word-vector',
    topic: 'transformer',
    name: { en: 'word vector', zh: '词向量' },
    aliases: { en: ['word2vec', 'semantic direction', 'word vector arithmetic'], zh: ['语义方向', '词向量运算'] },
    summary: {
      en: 'Word vectors place words in a space where geometry reflects meaning: similar words point in similar directions, and some directions encode concepts. The classic example is that king − man + woman lands near queen, because the difference between man and woman is roughly the same “gender” direction as between king and queen.',
      zh: '词向量把词语放进一个空间，让几何关系反映语义：意思相近的词指向相近的方向，某些方向还编码了特定概念。经典的例子是“国王 − 男人 + 女人”落在“女王”附近，因为男人到女人的差向量与国王到女王的差向量大致是同一个“性别”方向。',
    },
    intuition: {
      en: 'Meaning as geometry: the step from man to woman is the same as the step from king to queen.',
      zh: '把含义变成几何：从“男人”到“女人”的那一步，和从“国王”到“女王”的那一步是一样的。',
    },
    formulas: [
      {
        tex: tex`E(\text{queen}) \approx E(\text{king}) + E(\text{woman}) - E(\text{man})`,
        legend: [{ symbol: tex`E(\text{word})`, en: 'the embedding vector of a word', zh: '某个词的嵌入向量' }],
      },
    ],
    related: ['embedding', 'cosine-similarity', 'dot-product', 'superposition'],
    prerequisites: ['embedding'],
    demo: { kind: 'gpt-lab', view: 'embeddings' },
  },
  {
    id: 'context-window',
    topic: 'transformer',
    name: { en: 'context window', zh: '上下文窗口' },
    aliases: { en: ['context length', 'context size', 'context window size'], zh: ['上下文长度', '上下文窗口大小'] },
    summary: {
      en: 'The context window is the maximum number of tokens a transformer can take into account at once: 2048 for GPT-3, hundreds of thousands for recent models. Anything outside it is simply invisible to the model, and because every token attends to every earlier token, the cost of attention grows with the square of the length.',
      zh: '上下文窗口是 Transformer 一次最多能考虑的词元数：GPT-3 为 2048，较新的模型可达几十万。窗口之外的内容对模型来说根本不可见；而且由于每个词元都要关注前面所有的词元，注意力的计算量随长度的平方增长。',
    },
    intuition: {
      en: 'How many pages back the model can still see while writing the next word.',
      zh: '模型写下一个词时，还能往回看到多少页。',
    },
    formulas: [
      {
        tex: tex`\text{attention scores per head} = n \times n, \qquad n \le n_{\text{ctx}} = 2048 \ \text{(GPT-3)}`,
        legend: [{ symbol: tex`n`, en: 'number of tokens currently in the input', zh: '当前输入中的词元数' }, { symbol: tex`n_{\text{ctx}}`, en: 'context window size', zh: '上下文窗口大小' }],
      },
    ],
    related: ['token', 'attention', 'positional-encoding', 'kv-cache', 'gpt'],
    prerequisites: ['token', 'attention'],
    demo: { kind: 'gpt-lab', view: 'tokens' },
  },
  {
    id: 'unembedding',
    topic: 'transformer',
    name: { en: 'unembedding', zh: '解嵌入' },
    aliases: { en: ['unembedding matrix', 'un-embedding', 'LM head', 'language modeling head'], zh: ['解嵌入矩阵', '反嵌入', '反嵌入矩阵'] },
    summary: {
      en: 'The unembedding matrix W_U maps the final vector at a position back to one score per vocabulary token, the logits, which softmax then turns into the probabilities for the next token. It is the mirror image of the embedding: in GPT-3 it too has about 617 million parameters, one row of 12 288 numbers per token.',
      zh: '解嵌入矩阵 W_U 把某个位置上最终的向量映射回词表，为每个词元打一个分（即 logits），再经 softmax 变成下一个词元的概率。它是嵌入的镜像：在 GPT-3 中同样约有 6.17 亿个参数，每个词元对应一行 12 288 个数。',
    },
    intuition: {
      en: 'Compare the final vector with every word in the vocabulary and score how well each one fits.',
      zh: '把最终向量和词表里的每个词逐一比对，给每个词的契合程度打分。',
    },
    formulas: [
      {
        tex: tex`z = W_U\, \vec{E}_n, \qquad W_U \in \mathbb{R}^{|\mathcal{V}| \times d}, \qquad p = \operatorname{softmax}(z)`,
        legend: [S.WU, { symbol: tex`\vec{E}_n`, en: 'final vector at the last position', zh: '最后一个位置上的最终向量' }, { symbol: tex`z`, en: 'logits: one score per vocabulary token', zh: 'logits：词表中每个词元一个分数' }, { symbol: tex`p`, en: 'next-token probabilities', zh: '下一个词元的概率' }, S.dmodel],
      },
    ],
    related: ['embedding', 'logits', 'softmax', 'softmax-temperature'],
    prerequisites: ['embedding', 'softmax'],
    demo: { kind: 'gpt-lab', view: 'generate' },
  },
  {
    id: 'logits',
    topic: 'transformer',
    name: { en: 'logits', zh: 'Logits（未归一化得分）' },
    aliases: { en: ['logit', 'unnormalized log-probabilities'], zh: ['未归一化得分', '未归一化对数概率', '对数几率'] },
    summary: {
      en: 'Logits are the raw, unnormalized scores a network outputs before the softmax: any real numbers, one per option. Softmax turns them into probabilities, and only their differences matter, since adding the same constant to every logit leaves the probabilities unchanged.',
      zh: 'Logits 是网络在 softmax 之前输出的原始、未归一化的得分：每个选项一个，可以是任意实数。softmax 把它们变成概率；真正起作用的只是它们之间的差值，因为给所有 logits 加上同一个常数，概率不会改变。',
    },
    intuition: {
      en: 'Scores before they are turned into percentages.',
      zh: '还没换算成百分比之前的原始分数。',
    },
    formulas: [
      {
        tex: tex`p_i = \frac{e^{z_i}}{\sum_{j} e^{z_j}} \quad \Longleftrightarrow \quad z_i = \ln p_i + \text{const}`,
        legend: [S.zi, S.pi],
      },
    ],
    related: ['softmax', 'softmax-temperature', 'unembedding', 'cross-entropy'],
    prerequisites: ['softmax'],
    demo: { kind: 'gpt-lab', view: 'generate' },
  },
  {
    id: 'softmax-temperature',
    topic: 'transformer',
    name: { en: 'softmax temperature', zh: 'Softmax 温度' },
    aliases: {
      en: ['temperature', 'sampling temperature', 'temperature sampling', 'temperature scaling', 'softmax with temperature', 'temperature softmax'],
      zh: ['温度参数', '采样温度', '温度系数', '带温度的 softmax', '带温度的softmax'],
    },
    ambiguous: ['temperature'],
    summary: {
      en: 'Temperature T divides the logits before the softmax. T below 1 sharpens the distribution so the model sticks to its most likely tokens; T above 1 flattens it so unlikely tokens get more chance, giving more varied but less coherent text. As T approaches 0, sampling becomes always picking the top token.',
      zh: '在 softmax 之前，先把 logits 除以温度 T。T 小于 1 会让分布更尖锐，模型更紧守最可能的词元；T 大于 1 会让分布更平坦，不太可能的词元也有更多机会，文本更多样但也更容易跑偏。T 趋近于 0 时，采样就变成永远选概率最高的那个词元。',
    },
    intuition: {
      en: 'A creativity dial: cold is predictable, hot is adventurous.',
      zh: '一个“创意旋钮”：调冷则四平八稳，调热则天马行空。',
    },
    formulas: [
      {
        tex: tex`p_i = \frac{e^{z_i / T}}{\sum_{j=1}^{N} e^{z_j / T}}`,
        legend: [S.pi, S.zi, { symbol: tex`T`, en: 'temperature: T = 1 leaves the softmax unchanged, T → 0 picks the maximum', zh: '温度：T = 1 即普通 softmax，T → 0 时只取最大值' }, S.N],
      },
    ],
    related: ['softmax', 'logits', 'top-k-sampling', 'top-p-sampling', 'gpt'],
    prerequisites: ['softmax', 'logits'],
    demo: { kind: 'gpt-lab', view: 'generate' },
  },
  {
    id: 'top-k-sampling',
    topic: 'transformer',
    name: { en: 'top-k sampling', zh: 'Top-k 采样' },
    aliases: { en: ['top k sampling', 'greedy decoding', 'greedy sampling'], zh: ['Top-k采样', '前 k 采样', '贪心解码'] },
    summary: {
      en: 'Top-k sampling keeps only the k most probable next tokens, renormalizes their probabilities and samples among them, cutting off the long tail of unlikely choices. With k = 1 it becomes greedy decoding, which always picks the single most likely token.',
      zh: 'Top-k 采样只保留概率最高的 k 个候选词元，重新归一化后在其中抽样，从而砍掉那条由不太可能的选项组成的长尾。k = 1 时就成了贪心解码，永远只选最可能的那一个。',
    },
    intuition: {
      en: 'Draw the next word only from the shortlist of the k best candidates.',
      zh: '只从前 k 名的候选名单里抽下一个词。',
    },
    formulas: [
      {
        tex: tex`p'_i = \begin{cases} \dfrac{p_i}{\sum_{j \in \mathcal{K}} p_j} & i \in \mathcal{K} \\ 0 & \text{otherwise} \end{cases}`,
        legend: [S.pi, { symbol: tex`\mathcal{K}`, en: 'the k tokens with the highest probability', zh: '概率最高的 k 个词元' }, { symbol: tex`p'_i`, en: 'probability actually used for sampling', zh: '实际用于采样的概率' }],
      },
    ],
    related: ['top-p-sampling', 'softmax-temperature', 'gpt'],
    prerequisites: ['softmax-temperature'],
    demo: { kind: 'gpt-lab', view: 'generate' },
  },
  {
    id: 'top-p-sampling',
    topic: 'transformer',
    name: { en: 'top-p sampling', zh: 'Top-p 采样' },
    aliases: { en: ['nucleus sampling', 'top p sampling'], zh: ['核采样', 'Top-p采样'] },
    summary: {
      en: 'Top-p (nucleus) sampling keeps the smallest set of most likely tokens whose probabilities add up to at least p, then samples among them. Unlike a fixed k, the shortlist adapts: it is tiny when the model is confident and wide when many continuations are plausible.',
      zh: 'Top-p（核）采样按概率从高到低挑选词元，挑到它们的概率之和不小于 p 为止，然后只在这些词元中抽样。与固定的 k 不同，这份候选名单会自动伸缩：模型很有把握时它很短，合理续写很多时它就变长。',
    },
    intuition: {
      en: 'Keep adding candidates, best first, until they cover p of the probability.',
      zh: '从最好的开始往名单里加候选，直到它们凑够 p 的概率。',
    },
    formulas: [
      {
        tex: tex`\mathcal{S} = \text{smallest set of top tokens with } \sum_{i \in \mathcal{S}} p_i \ge p_{\text{top}}`,
        legend: [S.pi, { symbol: tex`p_{\text{top}}`, en: 'the threshold, e.g. 0.9', zh: '阈值，例如 0.9' }, { symbol: tex`\mathcal{S}`, en: 'the nucleus the next token is drawn from', zh: '从中抽取下一个词元的“核”' }],
      },
    ],
    related: ['top-k-sampling', 'softmax-temperature', 'gpt'],
    prerequisites: ['softmax-temperature'],
    demo: { kind: 'gpt-lab', view: 'generate' },
  },
  {
    id: 'pretraining',
    topic: 'transformer',
    name: { en: 'pretraining', zh: '预训练' },
    aliases: { en: ['pre-training', 'pretrained', 'pre-trained', 'pretrained model', 'self-supervised learning'], zh: ['预训练模型', '自监督学习'] },
    summary: {
      en: 'Pretraining is the first, most expensive phase of training, in which a model learns general patterns from an enormous unlabeled corpus. For GPT the task is simply to predict the next token of internet text, which needs no human labels; the resulting model is then adapted to specific tasks by fine-tuning.',
      zh: '预训练是训练的第一个、也是最昂贵的阶段，模型在这一阶段从海量无标注语料中学习通用规律。对 GPT 来说，任务就是预测网络文本的下一个词元，完全不需要人工标注；得到的模型再通过微调适配到具体任务上。',
    },
    intuition: {
      en: 'A broad general education before specializing.',
      zh: '专业分化之前的通识教育。',
    },
    formulas: [
      {
        tex: tex`C_{\text{pre}}(w) = -\sum_{n} \ln P_w\!\left(t_n \mid t_{<n}\right)`,
        legend: [{ symbol: tex`C_{\text{pre}}`, en: 'next-token cross-entropy over the pretraining corpus', zh: '在预训练语料上的下一个词元交叉熵' }, tn, tlt, S.w],
      },
    ],
    related: ['fine-tuning', 'gpt', 'large-language-model', 'cross-entropy'],
    prerequisites: ['loss-function', 'token'],
  },
  {
    id: 'fine-tuning',
    topic: 'transformer',
    name: { en: 'fine-tuning', zh: '微调' },
    aliases: { en: ['fine tuning', 'finetuning', 'fine-tune', 'finetune', 'instruction tuning', 'transfer learning'], zh: ['精调', '指令微调', '迁移学习'] },
    ambiguous: ['fine-tuning', 'fine tuning', 'fine-tune'],
    summary: {
      en: 'Fine-tuning continues training a pretrained model on a smaller, targeted dataset, starting from its learned weights instead of from random ones. That is how a GPT that merely continues text becomes an assistant that follows instructions (often followed by reinforcement learning from human feedback), and how a vision model is adapted to a new kind of image.',
      zh: '微调是在预训练模型学到的权重基础上（而不是从随机权重开始），用一份更小、更有针对性的数据集继续训练。只会续写文本的 GPT 就是这样变成能听从指令的助手的（之后往往还要再做基于人类反馈的强化学习），视觉模型也是这样被调整到新类型的图像上的。',
    },
    intuition: {
      en: 'Specialist training for a graduate who already knows the basics.',
      zh: '给已经学好基础的毕业生做专业培训。',
    },
    formulas: [
      {
        tex: tex`w_0 = w_{\text{pre}}, \qquad w_t = w_{t-1} - \eta\, \nabla C_{\text{task}}(w_{t-1})`,
        legend: [{ symbol: tex`w_{\text{pre}}`, en: 'weights from pretraining', zh: '预训练得到的权重' }, { symbol: tex`C_{\text{task}}`, en: 'cost on the new task’s data', zh: '新任务数据上的代价' }, S.eta, S.wt],
      },
    ],
    related: ['pretraining', 'gpt', 'reinforcement-learning', 'large-language-model'],
    prerequisites: ['pretraining', 'gradient-descent'],
  },
];
