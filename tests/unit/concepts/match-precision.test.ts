// Precision and recall of the term finder on hand-labelled passages.
//
// Each passage marks the expected annotations inline as {surface|concept-id};
// everything else must stay plain. The labels were written by hand for these
// tests (they are not produced by the code under test). The passages are
// original; they cover English, Chinese and mixed text, and both senses of
// everyday words (Adam, attention, bias, weight, temperature, token,
// embedding, MLP, BP).

import { describe, it, expect } from 'vitest';
import { buildMatcher, selectMatches } from '@/features/concepts/match';
import { FIXTURE } from '@/tests/unit/concepts/match.fixture';

interface Gold {
  conceptId: string;
  start: number;
  end: number;
}

function parse(marked: string): { text: string; gold: Gold[] } {
  let text = '';
  const gold: Gold[] = [];
  let last = 0;
  for (const m of marked.matchAll(/\{([^|{}]+)\|([^{}]+)\}/g)) {
    text += marked.slice(last, m.index);
    gold.push({ conceptId: m[2], start: text.length, end: text.length + m[1].length });
    text += m[1];
    last = m.index + m[0].length;
  }
  return { text: text + marked.slice(last), gold };
}

const EN: string[] = [
  'A {neural network|neural-network} is built from layers of {neurons|neuron}. Each {neuron|neuron} holds a number called its {activation|activation}, computed from the {weights|weight} and {biases|bias} of its incoming connections.',
  'Training means running {gradient descent|gradient-descent} on the {cost function|loss-function}: we compute the {gradient|gradient} with {backpropagation|backpropagation} and step downhill, scaled by the {learning rate|learning-rate}.',
  'In practice we use {stochastic gradient descent|sgd} ({SGD|sgd}) on mini-batches, or the {Adam optimizer|adam}, which adapts the step size per parameter.',
  '{Adam|adam} usually converges faster than plain {SGD|sgd}, but it is still worth tuning the {learning rate|learning-rate}.',
  'Adam Smith argued that the division of labour raises productivity.',
  'Adam went to the bakery on Sunday morning and bought two loaves.',
  'When {GPT|gpt} writes text, it samples each next {token|token} from a probability distribution given by a {softmax|softmax} over the logits; a lower {temperature|temperature} makes the choice more predictable.',
  'The temperature outside was well below freezing, so the seminar moved indoors.',
  'Please accept these flowers as a token of our gratitude.',
  'Each {attention head|attention} computes an {attention pattern|attention}: how much every {token|token} should look at every earlier {token|token}.',
  'Students with a short attention span struggle in long seminars.',
  'She paid close attention to the speaker.',
  'The pollster admitted there was a bias in the survey sample.',
  'Confirmation bias makes people ignore evidence they dislike.',
  'The weight of the parcel was four kilograms.',
  'The courier checked the weight of each package before loading the van.',
  'Every {weight|weight} in the {weight matrix|weight} is nudged in the direction of the negative {gradient|gradient}.',
  'She is embedding a video of the talk in her blog.',
  'A {word embedding|embedding} maps each word to a vector, so that similar words end up close together.',
  'Embedding maps and charts in a report takes time.',
  'In a transformer, {attention|attention} mixes information between positions.',
  'Give the matter your full attention before you sign.',
  '{BP|backpropagation} is just the chain rule applied to a {neural network|neural-network}.',
  'Her BP was high, so the nurse measured it again.',
  'My Little Pony fans often shorten the name of the show to MLP.',
  'The {ReLU|relu} {nonlinearity|nonlinearity} is cheap to compute, which is one reason deep {CNNs|cnn} train well.',
  '{Overfitting|overfitting} shows up when accuracy on held-out data stops improving while training accuracy keeps rising.',
  '{Cross-entropy loss|cross-entropy} pairs naturally with a {softmax|softmax} output layer.',
  "The baker's new oven reaches its temperature quickly, and her attention to detail shows in every loaf.",
  'He gave a small bow as a token of respect.',
  'The {perceptron|perceptron} learning rule only works for linearly separable data; a {multi-layer perceptron|multilayer-perceptron} trained with {back-propagation|backpropagation} has no such limit.',
  'Initially the {weights|weight} are small random numbers, and each {bias|bias} starts at zero.',
  'Dividing the logits by the {temperature|temperature} before the {softmax|softmax} sharpens or flattens the distribution.',
  'A higher {temperature|temperature} gives more surprising continuations.',
  'The judge showed no bias toward either side.',
  'Stand on the scale so the nurse can record your weight.',
  'To log in, the app sends an access token with every request.',
  'Each {token|token} is first turned into an {embedding vector|embedding}, and {self-attention|attention} then lets the vectors exchange information.',
  'The {Adam|adam} update keeps running averages of the {gradients|gradient} and of their squares.',
  'Dr Adam Jones chaired the session on climate policy.',
  'A {convolutional neural network|cnn} slides small filters over the image, and its {ReLU|relu} layers keep only positive responses.',
  'If the {learning rate|learning-rate} is too large, {gradient descent|gradient-descent} overshoots and the {cost function|loss-function} bounces around.',
  'Rising temperatures this summer broke records across the region.',
  'The museum sells a commemorative token for the subway ride.',
  'Paying attention in class is easier after a good night of sleep.',
  'The {softmax|softmax} turns raw scores into probabilities that sum to one.',
  'Early stopping is a cheap defence against {overfitting|overfitting}.',
  'Photographers often lose weight carrying heavy lenses on long hikes.',
  'Stacking a {nonlinearity|nonlinearity} between layers is what lets a {neural net|neural-network} bend its decision boundary.',
  'The Adam and Eve story appears in many paintings.',
  'Multiply the inputs by their {weights|weight}, add the {bias term|bias}, and apply the {activation|activation} rule of the {neuron|neuron}.',
  'Rosenblatt built the first {perceptron|perceptron} in hardware, with motors adjusting its {weights|weight}.',
];

const ZH: string[] = [
  '{多层感知机|multilayer-perceptron}由多个{感知机|perceptron}堆叠而成，每个{神经元|neuron}先计算加权和，再通过{线性整流函数|relu}得到{激活值|activation}。',
  '训练时我们用{反向传播|backpropagation}计算{梯度|gradient}，然后用{随机梯度下降|sgd}更新{权重|weight}和{偏置|bias}。',
  '{学习率|learning-rate}太大时，{损失函数|loss-function}会来回震荡；太小时，训练又很慢。',
  '{过拟合|overfitting}的模型在训练集上表现很好，在测试集上却很差。',
  '{卷积神经网络|cnn}擅长处理图像，因为卷积核在整张图上共享参数。',
  '{梯度下降|gradient-descent}沿着负{梯度|gradient}方向一步步走向{代价函数|loss-function}的低谷。',
  '今天的天气很好，我们去公园散步了。',
  '{注意力机制|attention}让模型在生成下一个{词元|token}时可以回看前面的内容。',
  '为了防止{过拟合|overfitting}，可以在训练时随机丢弃一部分{神经元|neuron}。',
  '{人工神经元|neuron}把输入乘以{权重|weight}，加上{偏置项|bias}，再送进{非线性|nonlinearity}函数。',
];

const MIXED: string[] = [
  '我们用 {Adam 优化器|adam}训练这个 {MLP|multilayer-perceptron}，{learning rate|learning-rate} 设为 0.001。',
  '在 {GPT|gpt} 中，每个{词元|token}都会得到一个{嵌入向量|embedding}，{自注意力|attention}让它们互相交流。',
  '{Softmax|softmax} 把 logits 变成概率；{温度|temperature}越高，分布越平。',
  '这一节讲 {backpropagation|backpropagation}：先算输出层的误差，再用链式法则把{梯度|gradient}传回去。',
  '亚当（Adam）是我的同学，他今天没来上课。',
  'The lecture notes say {交叉熵|cross-entropy} ({cross-entropy|cross-entropy}) is the usual loss for classification.',
];

describe('precision and recall on hand-labelled passages', () => {
  it('meets the targets over the whole labelled set', () => {
    const matcher = buildMatcher(FIXTURE);
    let tp = 0;
    let predicted = 0;
    let expected = 0;
    const errors: string[] = [];
    const perSet: Record<string, { tp: number; p: number; g: number }> = {};
    for (const [name, set] of [
      ['en', EN],
      ['zh', ZH],
      ['mixed', MIXED],
    ] as const) {
      const s = (perSet[name] = { tp: 0, p: 0, g: 0 });
      for (const marked of set) {
        const { text, gold } = parse(marked);
        const found = matcher.find(text);
        const key = (m: Gold): string => `${m.conceptId}@${m.start}-${m.end}`;
        const goldKeys = new Set(gold.map(key));
        const foundKeys = new Set(found.map(key));
        for (const m of found) {
          if (goldKeys.has(key(m))) s.tp++;
          else errors.push(`FP ${m.conceptId} "${m.text}" in: ${text}`);
        }
        for (const g of gold) {
          if (!foundKeys.has(key(g))) errors.push(`FN ${g.conceptId} "${text.slice(g.start, g.end)}" in: ${text}`);
        }
        s.p += found.length;
        s.g += gold.length;
      }
      tp += s.tp;
      predicted += s.p;
      expected += s.g;
    }
    const precision = tp / predicted;
    const recall = tp / expected;
    const fmt = (x: number): string => x.toFixed(3);
    console.log(
      `term finder on ${EN.length + ZH.length + MIXED.length} passages, ${expected} labelled mentions: ` +
        `precision ${fmt(precision)} (${tp}/${predicted}), recall ${fmt(recall)} (${tp}/${expected})`,
    );
    for (const [name, s] of Object.entries(perSet)) {
      console.log(`  ${name}: precision ${fmt(s.tp / s.p)}, recall ${fmt(s.tp / s.g)} (${s.g} labelled)`);
    }
    for (const e of errors) console.log(`  ${e}`);
    expect(expected).toBeGreaterThan(80);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('first-per-section selection keeps one mention of each concept per section', () => {
    const matcher = buildMatcher(FIXTURE);
    const { text } = parse(EN[0] + ' ' + EN[16]);
    const found = matcher.find(text);
    const shown = selectMatches(found, { density: 'first-per-section', sectionStarts: [0] });
    expect(shown.map((m) => m.conceptId)).toEqual(['neural-network', 'neuron', 'activation', 'weight', 'bias', 'gradient']);
  });
});
