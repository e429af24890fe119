// The term finder on the real knowledge base (utils/concepts/kb).

import { describe, it, expect } from 'vitest';
import { CONCEPTS } from '@/features/concepts/kb';
import { buildMatcher } from '@/features/concepts/match';
import { conceptPatterns } from '@/features/concepts/match/patterns';
import { describeCost, relativeCost } from '@/tests/unit/relative-cost';

/** Id of the concept listing `word` among its everyday forms. */
function idOfAmbiguous(word: string): string {
  const c = CONCEPTS.find((x) => x.ambiguous?.includes(word));
  if (c === undefined) throw new Error(`no concept lists "${word}" as ambiguous`);
  return c.id;
}

describe('matcher on the real knowledge base', () => {
  it('builds quickly', () => {
    const matcher = buildMatcher(CONCEPTS);
    // In units of a reference workload timed alongside (relative-cost.ts), so it holds under load.
    const cost = relativeCost(() => buildMatcher(CONCEPTS));
    console.log(`real KB: ${CONCEPTS.length} concepts, ${matcher.patternCount} patterns, built in ${describeCost(cost)}`);
    expect(cost.units).toBeLessThan(10); // 0.7 measured
  });

  it('finds every unambiguous name and alias in a deep-learning sentence', () => {
    const matcher = buildMatcher(CONCEPTS);
    const owners = new Map<string, Set<string>>();
    for (const p of conceptPatterns(CONCEPTS)) {
      const set = owners.get(p.key) ?? new Set<string>();
      set.add(p.conceptId);
      owners.set(p.key, set);
    }
    const shared = [...owners].filter(([, ids]) => ids.size > 1);
    if (shared.length > 0) {
      console.log(`surface forms shared by several concepts (first listed wins): ${shared.map(([k, ids]) => `${k} -> ${[...ids].join('/')}`).join('; ')}`);
    }
    const misses: string[] = [];
    for (const c of CONCEPTS) {
      // Everyday words and narrow forms (named only near their cues) depend on the sentence.
      const everyday = new Set([...(c.ambiguous ?? []), ...(c.narrow?.forms ?? [])].map((a) => a.toLowerCase()));
      for (const form of [c.name.en, ...c.aliases.en, c.name.zh, ...c.aliases.zh]) {
        if (everyday.has(form.toLowerCase()) || /[(（]/.test(form)) continue; // parenthesised forms are split into parts
        const text = `In the neural network lecture, ${form} was explained.`;
        const at = text.indexOf(form);
        const hit = matcher.find(text).find((m) => m.start === at && m.end === at + form.length);
        if (hit === undefined) misses.push(`${c.id}: "${form}"`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('keeps everyday senses plain and finds deep-learning senses', () => {
    const matcher = buildMatcher(CONCEPTS);
    const ids = (text: string): string[] => matcher.find(text).map((m) => m.conceptId);
    for (const text of [
      'Adam Smith wrote about the division of labour.',
      'Her attention span is short.',
      'There was a bias in the survey.',
      'The weight of the parcel was too much for him.',
      'The temperature outside dropped overnight.',
      'Please accept this as a token of thanks.',
      'She is embedding a video in her blog post.',
      'CNN reported the story on Monday night.',
      'I cannot recall where I parked the car.',
    ]) {
      expect(ids(text), text).toEqual([]);
    }
    expect(ids('We trained it with the Adam optimizer.')).toEqual([idOfAmbiguous('Adam')]);
    expect(ids('Look at the attention pattern.')).toEqual([idOfAmbiguous('attention')]);
    expect(ids('The network is defined by its weights and biases.')).toEqual([idOfAmbiguous('weight'), idOfAmbiguous('bias')]);
    expect(ids('softmax with temperature')).toEqual(['softmax-temperature']);
    expect(ids('the softmax temperature')).toEqual([idOfAmbiguous('temperature')]);
  });

  it('annotates a lecture-style paragraph and leaves a news paragraph alone', () => {
    const matcher = buildMatcher(CONCEPTS);
    const lecture =
      'A convolutional network applies the same filters across the image, then a pooling layer shrinks the feature maps. ' +
      '多层感知机的每个神经元先算加权和，再经过激活函数。';
    const news =
      'The mayor said the weather this weekend will be warm, and the city council will vote on the budget on Tuesday. ' +
      '市长说这个周末天气晴朗，市议会将在周二投票。';
    const found = matcher.find(lecture);
    console.log(`real KB lecture sample: ${found.map((m) => `${m.text}->${m.conceptId}`).join(', ')}`);
    expect(found.length).toBeGreaterThanOrEqual(5);
    expect(matcher.find(news)).toEqual([]);
  });
});
