// The forms a lecturer uses besides a concept's name: inflections and
// derivations (morphology.ts), short forms after the long form
// (short-forms.ts), and a term glossed by its own translation. The
// everyday-word passages of match-precision.test.ts must stay plain on the
// real knowledge base too.

import { describe, it, expect } from 'vitest';
import { CONCEPTS } from '@/features/concepts/kb';
import { buildMatcher } from '@/features/concepts/match';
import { derivedForms } from '@/features/concepts/match/morphology';

const matcher = buildMatcher(CONCEPTS);
const pairs = (text: string): string[] => matcher.find(text).map((m) => `${m.conceptId}:${m.text}`);

describe('derived forms', () => {
  it('undoes regular nominal suffixes without touching single -ing words', () => {
    expect(derivedForms('generalization')).toEqual(expect.arrayContaining(['generalize', 'generalizes', 'generalized']));
    expect(derivedForms('fine tuning')).toEqual(expect.arrayContaining(['fine tune', 'fine tuned']));
    expect(derivedForms('weight initialization')).toEqual(expect.arrayContaining(['initialize the weights', 'initialized weights']));
    expect(derivedForms('pooling')).toEqual([]);
    expect(derivedForms('sampling')).toEqual([]);
  });

  it('finds verbs and inflections in lecture prose', () => {
    expect(pairs('The model generalizes well, so we initialize the weights with care and the network is fine-tuned.')).toEqual([
      'generalization:generalizes',
      'weight-initialization:initialize the weights',
      'fine-tuning:fine-tuned',
    ]);
    expect(pairs('Each layer is batch normalized, and the text is tokenized by the GPT tokenizer.')).toContain('tokenization:tokenized');
  });
});

describe('stop forms', () => {
  it('leave longer words that contain a name unmarked', () => {
    const ids = matcher.find('The encoder learns from a self-supervised objective; three down-sampling layers follow.').map((m) => m.conceptId);
    expect(ids).not.toContain('supervised-learning');
    expect(ids).not.toContain('sampling');
    expect(pairs('我们先用无监督学习提取特征，再用下采样缩小图片，音频的采样率是 16 kHz。')).toEqual([]);
    expect(pairs('A generalized linear model is a classic baseline.')).toEqual([]);
  });
});

describe('short forms after the long form', () => {
  it('lets "the mask" and "masking" carry the causal-mask card after "causal mask" in the same section', () => {
    const s = matcher.session();
    s.find('A causal mask hides the future tokens.', 1);
    const later = s.find('The mask is added before the softmax; masking keeps training parallel.', 1).map((m) => `${m.conceptId}:${m.text}`);
    expect(later).toEqual(['causal-mask:mask', 'softmax:softmax', 'causal-mask:masking']);
    // Another section, or no long form first: "mask" is an everyday word.
    expect(s.find('The mask is added before the softmax.', 2).map((m) => m.conceptId)).toEqual(['softmax']);
    expect(matcher.session().find('Wear a mask on the bus.', 1)).toEqual([]);
  });

  it('does the same in Chinese, without cutting another concept’s name in half', () => {
    const found = matcher.session().find('解码器使用因果掩码。之后掩码会加到注意力分数上。', 1).map((m) => `${m.conceptId}:${m.text}`);
    expect(found).toEqual(['decoder:解码器', 'causal-mask:因果掩码', 'causal-mask:掩码', 'attention-score:注意力分数']);
  });
});

describe('"tokenization" on GPT pages', () => {
  it('marks the first everyday term of a run, and a term glossed by its own translation', () => {
    expect(pairs('First comes tokenization. The transformer then turns each token into an embedding.')[0]).toBe('tokenization:tokenization');
    expect(pairs('分词（tokenization）是第一步。')).toEqual(['tokenization:分词', 'tokenization:tokenization']);
  });
});

describe('everyday words on the real knowledge base', () => {
  it('stays plain', () => {
    for (const text of [
      'Adam Smith argued that the division of labour raises productivity.',
      'The temperature outside was well below freezing, so the seminar moved indoors.',
      'Please accept these flowers as a token of our gratitude.',
      'Students with a short attention span struggle in long seminars.',
      'She paid close attention to the speaker.',
      'The pollster admitted there was a bias in the survey sample.',
      'The weight of the parcel was four kilograms.',
      'She is embedding a video of the talk in her blog.',
      'Her BP was high, so the nurse measured it again.',
      'My Little Pony fans often shorten the name of the show to MLP.',
      'The judge showed no bias toward either side.',
      'Rising temperatures this summer broke records across the region.',
      'Paying attention in class is easier after a good night of sleep.',
      'The skiers raced down the steep slope before the snow melted.',
      'Traders bet on the derivative market all week.',
      'The survey relied on random sampling of respondents.',
      'Children must be supervised at the pool.',
      '今天的天气很好，我们去公园散步了。',
    ]) {
      expect(pairs(text), text).toEqual([]);
    }
  });
});
