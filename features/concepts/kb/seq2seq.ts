// Sequence to sequence: an encoder reads, a decoder writes; the tasks that made it famous
// (translation, captioning) and how the output sequence is trained and searched.

import type { Concept } from '../types';
import { tex } from './notation';

const src = { symbol: tex`x_1, \dots, x_T`, en: 'input sequence', zh: '输入序列' };
const tgt = { symbol: tex`y_1, \dots, y_{T'}`, en: 'output sequence', zh: '输出序列' };
const ctx = { symbol: tex`c`, en: 'what the encoder produced (its final state, or all its states for attention)', zh: '编码器的产出（最终状态，或供注意力使用的全部状态）' };

export const concepts: Concept[] = [
  {
    id: 'sequence-to-sequence',
    topic: 'architecture',
    name: { en: 'sequence-to-sequence', zh: '序列到序列' },
    aliases: { en: ['seq2seq', 'sequence to sequence', 'sequence-to-sequence model', 'encoder-decoder architecture', 'encoder-decoder model', 'encoder-decoder', 'encoder–decoder'], zh: ['序列到序列模型', '编码器-解码器架构', '编码器-解码器', '编码器—解码器', '编码器-解码器模型', 'seq2seq 模型', 'Seq2Seq'] },
    summary: {
      en: 'A sequence-to-sequence model maps an input sequence to an output sequence of a different length: an encoder reads the input, and a decoder generates the output one token at a time, conditioned on what the encoder produced. First built from two RNNs, it is now usually a transformer whose decoder attends to the encoder through cross-attention.',
      zh: '序列到序列模型把一个输入序列映射成另一个长度不同的输出序列：编码器读入输入，解码器再根据编码器的产出逐个词元地生成输出。它最早由两个 RNN 搭成，如今通常是 Transformer，解码器通过交叉注意力查看编码器。',
    },
    intuition: {
      en: 'One network listens to the whole sentence, another one speaks the answer.',
      zh: '一个网络听完整句话，另一个网络把回答说出来。',
    },
    formulas: [
      {
        tex: tex`P(y_1, \dots, y_{T'} \mid x_1, \dots, x_T) = \prod_{t=1}^{T'} P\!\left(y_t \mid y_{<t},\, c\right)`,
        legend: [src, tgt, ctx],
      },
    ],
    related: ['encoder', 'decoder', 'machine-translation', 'cross-attention', 'beam-search', 'teacher-forcing'],
    prerequisites: ['recurrent-neural-network'],
  },
  {
    id: 'encoder',
    topic: 'architecture',
    name: { en: 'encoder', zh: '编码器' },
    aliases: { en: ['encoders', 'encoder-only', 'encoder-only model', 'encoder stack', 'text encoder', 'encoder block'], zh: ['编码器模块', '仅编码器模型', '编码器层', '编码模块'] },
    ambiguous: ['encoder', 'encoders'],
    summary: {
      en: 'An encoder turns an input (a sentence, an image) into vectors that represent it, one per token or one for the whole input. In a transformer, encoder blocks let every token attend to every other, so each vector sees the full context; BERT is an encoder alone.',
      zh: '编码器把输入（一句话、一张图）变成表示它的向量，每个词元一个或整个输入一个。在 Transformer 里，编码器模块让每个词元都能关注所有其他词元，因此每个向量都看到了完整的上下文；BERT 就只有编码器。',
    },
    intuition: {
      en: 'The reader who turns the text into notes the writer can use.',
      zh: '读者：把原文变成写作者能用的笔记。',
    },
    formulas: [
      {
        tex: tex`(h_1, \dots, h_T) = \operatorname{Encoder}(x_1, \dots, x_T)`,
        legend: [src, { symbol: tex`h_t`, en: 'vector that represents token t in its context', zh: '表示第 t 个词元（连同上下文）的向量' }],
      },
    ],
    related: ['decoder', 'sequence-to-sequence', 'bert', 'transformer', 'autoencoder'],
    prerequisites: [],
  },
  {
    id: 'decoder',
    topic: 'architecture',
    name: { en: 'decoder', zh: '解码器' },
    aliases: { en: ['decoders', 'decoder-only', 'decoder-only model', 'decoder stack', 'decoder block'], zh: ['解码器模块', '仅解码器模型', '解码器层', '解码模块'] },
    ambiguous: ['decoder', 'decoders'],
    summary: {
      en: 'A decoder generates an output sequence one token at a time, each step conditioned on the tokens it has already produced and, in a sequence-to-sequence model, on the encoder’s vectors. In a transformer its self-attention is causally masked so that no position can look ahead; GPT is a decoder alone.',
      zh: '解码器逐个词元地生成输出序列，每一步都以已经生成的词元为条件；在序列到序列模型中还要看编码器给出的向量。在 Transformer 里，解码器的自注意力加了因果掩码，任何位置都看不到后面的内容；GPT 就只有解码器。',
    },
    intuition: {
      en: 'The writer who produces the text word by word, never peeking at words not yet written.',
      zh: '写作者：一个词一个词地写，从不偷看还没写出来的词。',
    },
    formulas: [
      {
        tex: tex`P(y_t \mid y_{<t}, c) = \operatorname{softmax}\!\bigl(W_U\, s_t\bigr), \qquad s_t = \operatorname{Decoder}(y_{<t}, c)`,
        legend: [ctx, { symbol: tex`s_t`, en: 'decoder state at step t', zh: '第 t 步的解码器状态' }, { symbol: tex`W_U`, en: 'unembedding matrix', zh: '解嵌入矩阵' }],
      },
    ],
    related: ['encoder', 'sequence-to-sequence', 'causal-mask', 'gpt', 'next-token-prediction'],
    prerequisites: [],
    demo: { kind: 'gpt-lab', view: 'generate' },
  },
  {
    id: 'machine-translation',
    topic: 'architecture',
    name: { en: 'machine translation', zh: '机器翻译' },
    aliases: { en: ['neural machine translation', 'NMT', 'translation model', 'machine-translation'], zh: ['神经机器翻译', '翻译模型', '机器翻译模型'] },
    summary: {
      en: 'Machine translation maps a sentence in one language to a sentence in another. It drove the invention of sequence-to-sequence models, of attention and of the transformer itself, and is scored against human references with metrics such as BLEU.',
      zh: '机器翻译把一种语言的句子映射成另一种语言的句子。序列到序列模型、注意力机制乃至 Transformer 本身，都是为它发明的；译文质量通常用 BLEU 等指标与人工参考译文比较来打分。',
    },
    intuition: {
      en: 'Read in one language, write in another.',
      zh: '用一种语言读，用另一种语言写。',
    },
    formulas: [
      {
        tex: tex`\hat{y} = \arg\max_{y} P(y \mid x)`,
        legend: [
          { symbol: tex`x`, en: 'source sentence', zh: '源语言句子' },
          { symbol: tex`y`, en: 'candidate translation', zh: '候选译文' },
        ],
      },
    ],
    related: ['sequence-to-sequence', 'attention', 'transformer', 'beam-search'],
    prerequisites: ['sequence-to-sequence'],
  },
  {
    id: 'image-captioning',
    topic: 'architecture',
    name: { en: 'image captioning', zh: '图像描述' },
    aliases: { en: ['image caption generation', 'caption generation', 'image captions', 'image caption'], zh: ['图像描述生成', '图像字幕', '图像标题生成', '看图说话', '图像字幕生成'] },
    summary: {
      en: 'Image captioning generates a sentence that describes a picture. A CNN or vision transformer encodes the image and a language-model decoder writes the caption word by word, usually attending to different regions of the image as it goes.',
      zh: '图像描述就是为一张图片生成描述它的句子。由 CNN 或视觉 Transformer 对图像编码，再由语言模型式的解码器一个词一个词地写出描述，写的过程中通常还会关注图像的不同区域。',
    },
    intuition: {
      en: 'A vision network looks, a language network speaks.',
      zh: '视觉网络负责看，语言网络负责说。',
    },
    formulas: [
      {
        tex: tex`P(y_1, \dots, y_{T'} \mid \text{image}) = \prod_{t} P\!\left(y_t \mid y_{<t},\, \operatorname{CNN}(\text{image})\right)`,
        legend: [tgt],
      },
    ],
    related: ['sequence-to-sequence', 'convolutional-neural-network', 'encoder', 'decoder', 'attention'],
    prerequisites: ['sequence-to-sequence'],
  },
  {
    id: 'beam-search',
    topic: 'transformer',
    name: { en: 'beam search', zh: '束搜索' },
    aliases: { en: ['beam width', 'beam size', 'beam-search', 'beam search decoding'], zh: ['集束搜索', '柱搜索', '波束搜索', '束宽', '束搜索解码'] },
    summary: {
      en: 'Beam search keeps the k most probable partial outputs at every step, extends each by every possible next token, and again keeps the best k. It finds more probable whole sequences than greedy decoding at about k times the cost, which suits translation; for open-ended text it tends to be dull and repetitive, so sampling is preferred there.',
      zh: '束搜索在每一步保留概率最高的 k 个部分输出，把每个都用所有可能的下一个词元延伸，然后再留下最好的 k 个。它比贪心解码更能找到整体概率高的序列，代价约为 k 倍，很适合翻译；但用于开放式文本生成时往往单调重复，那时更常用采样。',
    },
    intuition: {
      en: 'Explore a few promising paths at once instead of betting everything on the best-looking next step.',
      zh: '同时走几条有希望的路，而不是把宝全押在眼下看起来最好的一步上。',
    },
    formulas: [
      {
        tex: tex`\text{score}(y_{1:t}) = \sum_{i=1}^{t} \log P(y_i \mid y_{<i}, x)`,
        legend: [{ symbol: tex`y_{1:t}`, en: 'a partial output kept in the beam', zh: '束中保留的一个部分输出' }, { symbol: tex`x`, en: 'the input', zh: '输入' }],
      },
    ],
    related: ['top-k-sampling', 'sampling', 'sequence-to-sequence', 'machine-translation', 'next-token-prediction'],
    prerequisites: ['next-token-prediction'],
    demo: { kind: 'gpt-lab', view: 'generate' },
  },
  {
    id: 'teacher-forcing',
    topic: 'architecture',
    name: { en: 'teacher forcing', zh: '强制教学' },
    aliases: { en: ['teacher-forcing', 'teacher forced'], zh: ['教师强制', '强制教学法', 'Teacher Forcing', '导师驱动'] },
    summary: {
      en: 'Teacher forcing trains a decoder by feeding it the true previous token at every step, not the token it generated itself. All steps can then be trained in parallel and errors do not snowball during training, at the price of a mismatch with generation, where the model must consume its own outputs.',
      zh: '强制教学在训练解码器时，每一步都把真实的前一个词元喂给它，而不是它自己生成的那个。这样所有时间步可以并行训练，错误也不会在训练中滚雪球；代价是与生成时不一致，因为生成时模型只能吃自己的输出。',
    },
    intuition: {
      en: 'A student who is always shown the correct previous line before writing the next one.',
      zh: '学生每写下一行之前，老师都先给出正确的上一行。',
    },
    formulas: [
      {
        tex: tex`C = -\sum_{t=1}^{T'} \log P\!\left(y_t \mid y^{*}_{<t},\, c\right)`,
        legend: [{ symbol: tex`y^{*}_{<t}`, en: 'the true previous tokens, not the model’s own', zh: '真实的前面词元，而不是模型自己生成的' }, ctx],
      },
    ],
    related: ['decoder', 'sequence-to-sequence', 'next-token-prediction', 'recurrent-neural-network'],
    prerequisites: ['sequence-to-sequence'],
  },
];
