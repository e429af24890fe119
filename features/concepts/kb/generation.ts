// How models generate: predicting the next token, drawing it from the
// distribution (sampling in general, beside the top-k and top-p cards),
// generative models as a family, and cross-attention, the bridge between an
// encoder and a decoder. Added for real course pages on GPT and diffusion.

import type { Concept } from '../types';
import { S, tex } from './notation';

export const concepts: Concept[] = [
  {
    id: 'next-token-prediction',
    topic: 'transformer',
    name: { en: 'next-token prediction', zh: '下一个词元预测' },
    aliases: {
      en: [
        'next token', 'next-word prediction', 'autoregressive generation', 'autoregressive model', 'autoregressive',
        'auto-regressive', 'causal language modeling', 'causal language modelling', 'causal language model',
        'predict the next token', 'predicts the next token', 'predicting the next token',
        'predict the next word', 'predicts the next word', 'predicting the next word',
      ],
      zh: ['下一个词元', '下一个 token', '预测下一个词', '预测下一个单词', '自回归', '自回归生成', '因果语言建模', '因果语言模型'],
    },
    summary: {
      en: 'A GPT-style model is trained on one task: given the text so far, give a probability for every possible next token. Generation repeats it: pick a token from that distribution, append it, and predict again, so each new token is conditioned on everything before it.',
      zh: 'GPT 这类模型只训练一件事：给定已有的文本，为每个可能的下一个词元给出概率。生成就是不断重复：从这个分布里挑一个词元，接到末尾，再预测下一个，所以每个新词元都以前面的全部内容为条件。',
    },
    intuition: {
      en: 'Autocomplete, run again and again on its own output.',
      zh: '自动补全，一遍又一遍地接着自己的输出往下写。',
    },
    formulas: [
      {
        tex: tex`p(x_1, \dots, x_T) = \prod_{t=1}^{T} p\big(x_t \mid x_1, \dots, x_{t-1}\big)`,
        legend: [
          { symbol: tex`x_t`, en: 'token at position t', zh: '第 t 个位置的词元' },
          { symbol: tex`p(x_t \mid \cdot)`, en: 'the model’s distribution over the next token, given the ones before', zh: '模型在给定前文时对下一个词元的概率分布' },
          { symbol: tex`T`, en: 'length of the text in tokens', zh: '文本长度（词元数）' },
        ],
      },
    ],
    related: ['gpt', 'sampling', 'causal-mask', 'large-language-model'],
    prerequisites: ['token', 'probability-distribution'],
    demo: { kind: 'gpt-lab', view: 'generate' },
  },
  {
    id: 'sampling',
    topic: 'transformer',
    name: { en: 'sampling', zh: '采样' },
    aliases: { en: ['sampling strategy', 'decoding strategy', 'decoding strategies', 'sampling method'], zh: ['采样策略', '解码策略', '采样方法'] },
    ambiguous: ['sampling'],
    // 采样 is also a data-collection and signal word (样本采样, 采样点).
    ambiguousZh: ['采样'],
    summary: {
      en: 'Sampling draws an outcome at random, each with its probability under a distribution; a language model samples its next token this way instead of always taking the most likely one. Temperature reshapes the distribution first, and top-k or top-p cut off its unlikely tail; with a fixed seed the same choices come out again.',
      zh: '采样是按概率分布随机抽取一个结果，每个结果被抽中的机会等于它的概率；语言模型就这样抽取下一个词元，而不是总选最可能的那个。温度先改变分布的形状，top-k 或 top-p 再剪掉不太可能的长尾；固定随机种子，就会得到同样的选择。',
    },
    intuition: {
      en: 'Roll a die whose faces are weighted by the model’s probabilities.',
      zh: '掷一颗按模型概率加了权的骰子。',
    },
    formulas: [
      {
        tex: tex`x_{t+1} \sim \operatorname{softmax}\!\left(z / T\right)`,
        legend: [
          { symbol: tex`z`, en: 'logits for every token in the vocabulary', zh: '词表中每个词元的 logit' },
          S.T,
          { symbol: tex`\sim`, en: 'drawn at random from', zh: '从……中随机抽取' },
        ],
      },
    ],
    related: ['top-k-sampling', 'top-p-sampling', 'softmax-temperature', 'next-token-prediction'],
    prerequisites: ['probability-distribution', 'softmax'],
    demo: { kind: 'gpt-lab', view: 'generate' },
  },
  {
    id: 'generative-model',
    topic: 'architecture',
    name: { en: 'generative model', zh: '生成模型' },
    aliases: { en: ['generative AI', 'generative modeling', 'generative modelling'], zh: ['生成式模型', '生成式人工智能', '生成式 AI'] },
    summary: {
      en: 'A generative model learns the distribution its training data came from, so that it can produce new examples that look like the data: text, images, audio. GPT, diffusion models, GANs and variational autoencoders are different ways to build one.',
      zh: '生成模型学习训练数据背后的分布，从而能造出与数据相像的新样本：文本、图像、音频。GPT、扩散模型、GAN 和变分自编码器是构造生成模型的不同方式。',
    },
    intuition: {
      en: 'Learn what real examples look like well enough to invent new ones.',
      zh: '把真实样本的样子学透，透到能编出新的来。',
    },
    formulas: [
      {
        tex: tex`x_{\text{new}} \sim p_\theta(x) \approx p_{\text{data}}(x)`,
        legend: [
          { symbol: tex`p_\theta`, en: 'the distribution the model has learned, with parameters θ', zh: '模型学到的分布，参数为 θ' },
          { symbol: tex`p_{\text{data}}`, en: 'the distribution the training data came from', zh: '训练数据所来自的分布' },
        ],
      },
    ],
    related: ['gpt', 'diffusion-model', 'generative-adversarial-network', 'autoencoder'],
    prerequisites: ['probability-distribution'],
  },
  {
    id: 'cross-attention',
    topic: 'transformer',
    name: { en: 'cross-attention', zh: '交叉注意力' },
    aliases: { en: ['encoder-decoder attention'], zh: ['交叉注意力机制', '编码器-解码器注意力'] },
    summary: {
      en: 'In cross-attention the queries come from one sequence and the keys and values from another: a translation decoder looks at the encoded source sentence, an image model looks at the text prompt. The arithmetic is the same as self-attention; only where Q, K and V come from changes.',
      zh: '在交叉注意力中，查询来自一个序列，键和值来自另一个序列：翻译模型的解码器看向编码后的原句，图像模型看向文本提示。计算和自注意力一模一样，只是 Q、K、V 的来源不同。',
    },
    intuition: {
      en: 'The text being written asks questions of another text (or image) it can read.',
      zh: '正在写的文本，向另一段可读的文本（或图像）提问。',
    },
    formulas: [
      {
        tex: tex`\operatorname{softmax}\!\left(\frac{Q_{\text{dec}} K_{\text{enc}}^{\top}}{\sqrt{d_k}}\right) V_{\text{enc}}`,
        legend: [
          { symbol: tex`Q_{\text{dec}}`, en: 'queries, one row per token of the sequence being produced', zh: '查询矩阵：正在生成的序列每个词元一行' },
          { symbol: tex`K_{\text{enc}},\ V_{\text{enc}}`, en: 'keys and values, one row per element of the other sequence', zh: '键矩阵和值矩阵：另一个序列每个元素一行' },
          S.dk,
        ],
      },
    ],
    related: ['attention', 'self-attention', 'query-key-value', 'transformer'],
    prerequisites: ['self-attention', 'query-key-value'],
    demo: { kind: 'gpt-lab', view: 'attention' },
  },
];
