// Language models before and around GPT: what a language model is, n-grams, how it is scored
// (perplexity), character-level models, BERT's masked objective; and inside the transformer,
// the attention scores and where its normalization sits.

import type { Concept } from '../types';
import { S, tex } from './notation';

const tn = { symbol: tex`t_n`, en: 'the token at position n', zh: '第 n 个位置上的词元' };
const N = { symbol: tex`N`, en: 'number of tokens in the text', zh: '文本中的词元数' };
const sublayer = { symbol: tex`F`, en: 'the sub-layer: attention or the feed-forward block', zh: '子层：注意力或前馈模块' };
const xl = { symbol: tex`x`, en: 'the residual stream entering the sub-layer', zh: '进入子层的残差流' };

export const concepts: Concept[] = [
  {
    id: 'language-model',
    topic: 'transformer',
    name: { en: 'language model', zh: '语言模型' },
    aliases: { en: ['language models', 'language modeling', 'language modelling', 'statistical language model', 'neural language model'], zh: ['语言建模', '统计语言模型', '神经语言模型', '神经网络语言模型'] },
    summary: {
      en: 'A language model assigns a probability to every sequence of tokens, in practice by predicting each token from the ones before it. N-gram counts, recurrent networks and transformers are all language models; a large one trained on enough text becomes the base of a chat assistant.',
      zh: '语言模型给每个词元序列指定一个概率，实际做法是根据前面的词元预测下一个词元。n 元语法计数、循环神经网络和 Transformer 都是语言模型；在足够多文本上训练的大型语言模型就是聊天助手的底座。',
    },
    intuition: {
      en: 'A sense of which sentences are likely, turned into numbers.',
      zh: '把“哪些句子更像人话”的语感变成数字。',
    },
    formulas: [
      {
        tex: tex`P(t_1, \dots, t_N) = \prod_{n=1}^{N} P\!\left(t_n \mid t_1, \dots, t_{n-1}\right)`,
        legend: [tn, N],
      },
    ],
    related: ['large-language-model', 'next-token-prediction', 'n-gram', 'perplexity', 'gpt', 'masked-language-model'],
    prerequisites: ['probability-distribution'],
    demo: { kind: 'gpt-lab', view: 'generate' },
  },
  {
    id: 'n-gram',
    topic: 'transformer',
    name: { en: 'n-gram model', zh: 'n 元语法' },
    aliases: { en: ['n-gram', 'n-grams', 'bigram', 'bigrams', 'trigram', 'trigrams', 'unigram', 'unigrams', 'n-gram language model', 'bigram model'], zh: ['n 元语法模型', 'n元语法', 'N 元语法', 'n-gram 模型', '二元语法', '三元语法', '一元语法', 'N-gram 模型', 'n 元模型'] },
    summary: {
      en: 'An n-gram model predicts each word from only the n − 1 words before it, estimating the probabilities by counting in a corpus. It is fast and simple but cannot see further back, and most long n-grams never occur in the data, so it needs smoothing; neural language models replaced it.',
      zh: 'n 元语法模型只根据前面 n − 1 个词预测下一个词，概率通过在语料中计数来估计。它简单快速，但看不到更远的上文，而且大多数较长的 n 元组在数据中根本没出现过，需要平滑；后来它被神经语言模型取代。',
    },
    intuition: {
      en: 'Guess the next word from the last two, by looking up how often each follow-up was seen.',
      zh: '只看最后两个词来猜下一个词：查一查每种接法出现过多少次。',
    },
    formulas: [
      {
        tex: tex`P(t_n \mid t_{n-2}, t_{n-1}) \approx \frac{\operatorname{count}(t_{n-2}, t_{n-1}, t_n)}{\operatorname{count}(t_{n-2}, t_{n-1})}`,
        legend: [tn, { symbol: tex`\operatorname{count}`, en: 'how often the word sequence occurs in the corpus', zh: '该词序列在语料中出现的次数' }],
      },
    ],
    related: ['language-model', 'perplexity', 'token'],
    prerequisites: ['language-model'],
  },
  {
    id: 'perplexity',
    topic: 'transformer',
    name: { en: 'perplexity', zh: '困惑度' },
    aliases: { en: ['PPL', 'perplexities'], zh: ['困惑度指标', '混淆度'] },
    ambiguous: ['perplexity'],
    summary: {
      en: 'Perplexity is the exponential of a language model’s average negative log-likelihood per token on held-out text. It reads as the number of equally likely choices the model is torn between at each step: 1 is perfect, and a model that guesses uniformly over V tokens scores V.',
      zh: '困惑度是语言模型在留出文本上每个词元平均负对数似然的指数。可以把它理解为模型在每一步犹豫于多少个同样可能的选项之间：1 表示完美，而在 V 个词元里均匀瞎猜的模型得分就是 V。',
    },
    intuition: {
      en: 'How many options the model is effectively choosing among at each word.',
      zh: '模型在每个词上实际上在多少个选项之间挑。',
    },
    formulas: [
      {
        tex: tex`\operatorname{PPL} = \exp\!\left(-\frac{1}{N}\sum_{n=1}^{N} \log P\!\left(t_n \mid t_{<n}\right)\right)`,
        legend: [tn, N],
      },
    ],
    related: ['language-model', 'negative-log-likelihood', 'cross-entropy', 'n-gram'],
    prerequisites: ['cross-entropy'],
  },
  {
    id: 'character-level-language-model',
    topic: 'transformer',
    name: { en: 'character-level language model', zh: '字符级语言模型' },
    aliases: { en: ['char-rnn', 'character-level model', 'char-level language model', 'character-level RNN', 'character level language model'], zh: ['字符级模型', '字符级 RNN', '字符级循环神经网络', '基于字符的语言模型'] },
    summary: {
      en: 'A character-level language model predicts text one character at a time instead of one word or subword token. Its vocabulary is tiny and it never meets an unknown word, but sequences become several times longer, so it must carry information across many more steps.',
      zh: '字符级语言模型一次预测一个字符，而不是一个单词或子词词元。它的词表很小，也永远不会遇到未知词，但序列会长上好几倍，模型必须跨越多得多的步数传递信息。',
    },
    intuition: {
      en: 'Learning to write by predicting the next letter.',
      zh: '靠预测下一个字母来学写作。',
    },
    formulas: [
      {
        tex: tex`P(c_1, \dots, c_M) = \prod_{m=1}^{M} P\!\left(c_m \mid c_{<m}\right)`,
        legend: [{ symbol: tex`c_m`, en: 'the m-th character', zh: '第 m 个字符' }, { symbol: tex`M`, en: 'length of the text in characters', zh: '文本的字符数' }],
      },
    ],
    related: ['language-model', 'recurrent-neural-network', 'tokenization', 'byte-pair-encoding'],
    prerequisites: ['language-model'],
    demo: { kind: 'gpt-lab', view: 'tokens' },
  },
  {
    id: 'bert',
    topic: 'transformer',
    name: { en: 'BERT', zh: 'BERT 模型' },
    aliases: { en: ['bidirectional encoder representations from transformers', 'RoBERTa', 'DistilBERT', 'BERT model'], zh: ['BERT模型', 'BERT 预训练模型'] },
    summary: {
      en: 'BERT is a transformer encoder pretrained to fill in masked words using the context on both sides, then fine-tuned with a small head for tasks such as classification or question answering. Unlike GPT it cannot generate text token by token, but its vectors see the whole sentence, which suits understanding tasks.',
      zh: 'BERT 是一个 Transformer 编码器，先通过“利用两侧上下文填回被遮住的词”进行预训练，再加一个小小的输出头，微调到分类、问答等任务上。与 GPT 不同，它不能逐词元生成文本，但它的向量看得到整句话，适合理解类任务。',
    },
    intuition: {
      en: 'A reader trained on fill-in-the-blank exercises.',
      zh: '一个靠做“完形填空”练出来的读者。',
    },
    formulas: [
      {
        tex: tex`C = -\sum_{n \in \mathcal{M}} \log P\!\left(t_n \mid t_{\setminus \mathcal{M}}\right)`,
        legend: [
          { symbol: tex`\mathcal{M}`, en: 'positions that were masked (about 15%)', zh: '被遮住的位置（约 15%）' },
          { symbol: tex`t_{\setminus \mathcal{M}}`, en: 'all tokens that were not masked, on both sides', zh: '两侧所有未被遮住的词元' },
        ],
      },
    ],
    related: ['masked-language-model', 'encoder', 'transformer', 'pretraining', 'fine-tuning', 'gpt'],
    prerequisites: ['transformer'],
  },
  {
    id: 'masked-language-model',
    topic: 'transformer',
    name: { en: 'masked language modeling', zh: '掩码语言建模' },
    aliases: { en: ['masked language model', 'MLM', 'masked language modelling', 'masked-language modeling', 'masked LM', 'mask token', 'cloze task'], zh: ['掩码语言模型', '遮蔽语言模型', '遮蔽语言建模', '掩蔽语言模型', '完形填空任务'] },
    summary: {
      en: 'Masked language modeling hides a random share of the input tokens behind a mask token and trains the model to recover them from the tokens around them. It is BERT’s pretraining objective; because the model sees both sides of each gap, it learns representations rather than a way to generate text.',
      zh: '掩码语言建模随机把一部分输入词元换成掩码词元，训练模型根据周围的词元把它们还原出来。它是 BERT 的预训练目标；由于模型能看到空缺两侧的内容，它学到的是表示，而不是生成文本的方法。',
    },
    intuition: {
      en: 'Fill in the blanks, thousands of times a second.',
      zh: '每秒做成千上万道完形填空。',
    },
    formulas: [
      {
        tex: tex`C = -\frac{1}{|\mathcal{M}|}\sum_{n \in \mathcal{M}} \log P\!\left(t_n \mid \tilde{t}\right)`,
        legend: [{ symbol: tex`\mathcal{M}`, en: 'masked positions', zh: '被遮住的位置' }, { symbol: tex`\tilde{t}`, en: 'the input with those tokens replaced by the mask token', zh: '这些位置被换成掩码词元后的输入' }, tn],
      },
    ],
    related: ['bert', 'pretraining', 'language-model', 'next-token-prediction'],
    prerequisites: ['language-model'],
  },
  {
    id: 'attention-score',
    topic: 'transformer',
    name: { en: 'attention score', zh: '注意力分数' },
    aliases: { en: ['attention scores', 'attention logits', 'attention scoring function', 'alignment score', 'attention score function'], zh: ['注意力得分', '注意力评分', '注意力评分函数', '注意力打分', '注意力分数矩阵'] },
    summary: {
      en: 'An attention score says how relevant one token (the key) is to another (the query): in a transformer, the dot product of their query and key vectors divided by the square root of their dimension. A softmax over each query’s scores turns them into the attention weights that mix the values.',
      zh: '注意力分数表示一个词元（键）对另一个词元（查询）有多相关：在 Transformer 中，它是两者的查询向量与键向量的点积，再除以维度的平方根。对每个查询的分数做 softmax，就得到用来混合值向量的注意力权重。',
    },
    intuition: {
      en: 'How loudly each earlier word answers the current word’s question.',
      zh: '每个前面的词对当前这个词的问题，回答得有多响亮。',
    },
    formulas: [
      {
        tex: tex`s_{ij} = \frac{q_i \cdot k_j}{\sqrt{d_k}}, \qquad \alpha_{ij} = \frac{e^{s_{ij}}}{\sum_{j'} e^{s_{ij'}}}`,
        legend: [
          { symbol: tex`q_i, k_j`, en: 'query of token i, key of token j', zh: '词元 i 的查询向量，词元 j 的键向量' },
          S.dk,
          { symbol: tex`\alpha_{ij}`, en: 'attention weight of token j for token i', zh: '词元 i 对词元 j 的注意力权重' },
        ],
      },
    ],
    related: ['attention', 'query-key-value', 'dot-product', 'softmax', 'causal-mask'],
    prerequisites: ['query-key-value'],
    demo: { kind: 'gpt-lab', view: 'attention' },
  },
  {
    id: 'pre-norm',
    topic: 'transformer',
    name: { en: 'Pre-Norm', zh: '前置归一化' },
    aliases: { en: ['pre-LN', 'pre-layer normalization', 'pre-norm transformer', 'Pre-LN transformer', 'prenorm'], zh: ['Pre-Norm 结构', 'Pre-LN 结构', '前置层归一化', 'Pre-Norm', 'Pre-LN'] },
    summary: {
      en: 'In a Pre-Norm transformer each sub-layer normalizes its input and adds its output back to the untouched residual stream. The residual path stays a clean identity from the first block to the last, so deep models train stably, often without a careful warmup; GPT-2 and most later models use it.',
      zh: '在前置归一化（Pre-Norm）的 Transformer 中，每个子层先对输入做归一化，再把输出加回未经改动的残差流。残差通路从第一个模块到最后一个都是干净的恒等映射，所以深层模型训练稳定，往往不需要精心设计的预热；GPT-2 及之后的大多数模型都采用它。',
    },
    intuition: {
      en: 'Tidy up what you read, but never touch the main road itself.',
      zh: '读进来的东西先整理一下，但主干道本身一点不动。',
    },
    formulas: [
      {
        tex: tex`x \leftarrow x + F\bigl(\operatorname{LayerNorm}(x)\bigr)`,
        legend: [xl, sublayer],
      },
    ],
    related: ['post-norm', 'layer-normalization', 'residual-connection', 'transformer', 'learning-rate-warmup'],
    prerequisites: ['layer-normalization', 'residual-connection'],
  },
  {
    id: 'post-norm',
    topic: 'transformer',
    name: { en: 'Post-Norm', zh: '后置归一化' },
    aliases: { en: ['post-LN', 'post-layer normalization', 'post-norm transformer', 'Post-LN transformer', 'postnorm'], zh: ['Post-Norm 结构', 'Post-LN 结构', '后置层归一化', 'Post-Norm', 'Post-LN'] },
    summary: {
      en: 'In a Post-Norm transformer, the arrangement of the original 2017 paper, layer normalization is applied after each residual addition. It can reach slightly better results but its gradients near the input are large at the start, so it needs a learning-rate warmup and becomes hard to train when very deep.',
      zh: '在后置归一化（Post-Norm）的 Transformer 中，也就是 2017 年原始论文的结构，层归一化放在每次残差相加之后。它有时效果略好，但训练初期靠近输入的梯度很大，因此需要学习率预热，网络很深时也难以训练。',
    },
    intuition: {
      en: 'Normalize the main road itself after every junction.',
      zh: '每过一个路口，就把主干道本身重新整理一遍。',
    },
    formulas: [
      {
        tex: tex`x \leftarrow \operatorname{LayerNorm}\bigl(x + F(x)\bigr)`,
        legend: [xl, sublayer],
      },
    ],
    related: ['pre-norm', 'layer-normalization', 'residual-connection', 'transformer', 'learning-rate-warmup'],
    prerequisites: ['layer-normalization', 'residual-connection'],
  },
];
