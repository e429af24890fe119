import { describe, it, expect } from 'vitest';
import { buildMatcher, judgeAmbiguous } from '@/features/concepts/match';
import type { AmbiguousCandidate } from '@/features/concepts/match';
import { FIXTURE } from '@/tests/unit/concepts/match.fixture';

const matcher = buildMatcher(FIXTURE);
const spans = (text: string): [string, string][] => matcher.find(text).map((m) => [m.conceptId, m.text]);

/** Judge the first occurrence of `surface` in a sentence. */
function judge(key: string, sentence: string, surface: string, density = 0): ReturnType<typeof judgeAmbiguous> {
  const at = sentence.indexOf(surface);
  const c: AmbiguousCandidate = {
    key,
    surface,
    before: sentence.slice(0, at),
    after: sentence.slice(at + surface.length),
    density,
  };
  return judgeAmbiguous(c);
}

describe('everyday words in the matcher', () => {
  it.each([
    ['Adam Smith wrote about the division of labour.'],
    ['Her attention span is short.'],
    ['There was a bias in the survey.'],
    ['The weight of the parcel was too much for him.'],
    ['The temperature outside dropped overnight.'],
    ['Please accept this as a token of thanks.'],
    ['She is embedding a video in her blog post.'],
  ])('leaves everyday senses alone: %s', (text) => {
    expect(spans(text)).toEqual([]);
  });

  it.each([
    ['We trained it with the Adam optimizer.', [['adam', 'Adam optimizer']]],
    ['Train the model with Adam and a small learning rate.', [['adam', 'Adam'], ['learning-rate', 'learning rate']]],
    ['Look at the attention pattern of this head.', [['attention', 'attention pattern']]],
    ['Each attention head writes to the residual stream.', [['attention', 'attention head']]],
    ['Attention lets every token look at earlier tokens.', [['attention', 'Attention'], ['token', 'token'], ['token', 'tokens']]],
    ['The network is defined by its weights and biases.', [['weight', 'weights'], ['bias', 'biases']]],
    ['weights and biases', [['weight', 'weights'], ['bias', 'biases']]],
    ['Sample with softmax with temperature 0.7.', [['temperature', 'softmax with temperature']]],
    ['A higher temperature flattens the distribution before sampling.', [['temperature', 'temperature']]],
    ['The model predicts the next token.', [['token', 'token']]],
    ['Each token gets an embedding vector.', [['token', 'token'], ['embedding', 'embedding vector']]],
    ['The embedding of a word is a vector in a high-dimensional space.', [['embedding', 'embedding']]],
  ])('annotates deep-learning senses: %s', (text, expected) => {
    expect(spans(text)).toEqual(expected);
  });

  it('uses caller-supplied block context for density', () => {
    const text = 'the bias';
    expect(spans(text)).toEqual([]);
    const found = matcher.find({
      text,
      contextBefore: 'Each neuron computes a weighted sum, applies a ReLU and passes the activation on. Then we add ',
      contextAfter: ' before the nonlinearity, and train with stochastic gradient descent.',
    });
    expect(found.map((m) => m.conceptId)).toEqual(['bias']);
  });

  it('lets a DL paragraph carry a neutral mention', () => {
    const text =
      'We use stochastic gradient descent with backpropagation to fit the ReLU network. ' +
      'The temperature is then fixed.';
    expect(spans(text).map(([id]) => id)).toEqual(['sgd', 'backpropagation', 'relu', 'temperature']);
  });

  it('does not let density outvote an adjacent negative cue', () => {
    const text = 'In this lecture on backpropagation and gradient descent my attention span faded.';
    expect(spans(text).map(([id]) => id)).toEqual(['backpropagation', 'gradient-descent']);
  });

  it('can switch everyday words off or on entirely', () => {
    expect(buildMatcher(FIXTURE, { ambiguity: 'never' }).find('the Adam optimizer and Adam')).toHaveLength(1);
    expect(buildMatcher(FIXTURE, { ambiguity: 'always' }).find('Adam Smith')).toHaveLength(1);
  });
});

describe('context rules', () => {
  it('rule 1: a capitalised given name before a capitalised surname is a person', () => {
    const v = judge('adam', 'Economists quote Adam Smith on markets and gradient methods.', 'Adam', 5);
    expect(v.accept).toBe(false);
    expect(v.reasons[0]).toMatch(/surname "Smith"/);
  });

  it('rule 1: a title before the name makes a person', () => {
    expect(judge('adam', 'We asked Dr Adam about it.', 'Adam').accept).toBe(false);
  });

  it('rule 1: a capitalised cue word is not a surname ("Adam Optimizer" in a heading)', () => {
    expect(judge('adam', 'The Adam Optimizer', 'Adam').accept).toBe(true);
  });

  it('rule 1 applies only to given names and to capitalised surfaces', () => {
    expect(judge('adam', 'use adam Optimizer', 'adam').accept).toBe(true);
    expect(judge('attention', 'Attention Heads', 'Attention').accept).toBe(true);
  });

  it('rule 2: an adjacent cue outweighs a distant one', () => {
    const v = judge('weight', 'the weight matrix of the parcel', 'weight');
    expect(v.score).toBe(3 - 2);
    expect(v.accept).toBe(false);
    expect(judge('weight', 'each weight update', 'weight').score).toBe(3);
    expect(judge('weight', 'update each weight', 'weight').score).toBe(2);
  });

  it('rule 2: cues stop at the sentence end', () => {
    expect(judge('temperature', 'We sampled tokens. The temperature outside', 'temperature').accept).toBe(false);
    expect(judge('temperature', 'It was cold. The temperature controls sampling', 'temperature').accept).toBe(true);
  });

  it('rule 2: personal possessives and idioms mark the everyday sense', () => {
    expect(judge('attention', 'thank you for your attention', 'attention').accept).toBe(false);
    expect(judge('token', 'by the same token, the tokens', 'token').accept).toBe(false);
    expect(judge('weight', 'a weight loss plan for the network team', 'weight').accept).toBe(false);
  });

  it('rule 2: Chinese cue words count in mixed text', () => {
    expect(judge('adam', '我们用 Adam 优化器训练', 'Adam').accept).toBe(true);
    expect(judge('adam', '我们用 Adam 做了实验', 'Adam').accept).toBe(false);
  });

  it('rule 3: density alone can accept a neutral mention, capped below an adjacent negative', () => {
    expect(judge('bias', 'the bias', 'bias', 0).accept).toBe(false);
    expect(judge('bias', 'the bias', 'bias', 1).accept).toBe(false);
    expect(judge('bias', 'the bias', 'bias', 2).accept).toBe(true);
    expect(judge('attention', 'attention span', 'attention', 10).accept).toBe(false);
  });

  it('unknown everyday words fall back to generic cues', () => {
    expect(judge('kernel', 'restart the kernel', 'kernel').accept).toBe(false);
    expect(judge('widget', 'the widget of each neuron', 'widget').accept).toBe(true);
    expect(judge('widget', 'the widget we sold', 'widget').accept).toBe(false);
  });
});
