import { describe, expect, it } from 'vitest';
import { CONCEPTS } from '@/features/concepts/kb';
import { buildMatcher } from '@/features/concepts/match';
import { parseVtt } from '@/features/video/captions';
import { activeCues, buildOutline, conceptsAt, formatTime, studyNotes, timeLink } from '@/features/video/outline';
import { firstSentence } from '@/features/video/first-sentence';

const VTT = `WEBVTT

00:00.000 --> 00:04.000
Today we look at how a neural network learns.

00:04.000 --> 00:09.000
The cost function measures how wrong the network is.

00:09.000 --> 00:15.000
Gradient descent walks downhill on that cost function.

00:15.000 --> 00:21.000
Backpropagation computes the gradient efficiently.

00:18.000 --> 00:24.000
It is just the chain rule, applied layer by layer.
`;

describe('video outline', () => {
  const matcher = buildMatcher(CONCEPTS);
  const cues = parseVtt(VTT);
  const outline = buildOutline(cues, matcher);

  it('lists concepts in order of first appearance, with every mention', () => {
    const firsts = outline.concepts.map((c) => [c.conceptId, c.first]);
    expect(firsts).toEqual(
      expect.arrayContaining([
        ['loss-function', 4],
        ['gradient-descent', 9],
        ['backpropagation', 15],
        ['chain-rule', 18],
      ]),
    );
    const order = outline.concepts.map((c) => c.conceptId);
    expect(order.indexOf('loss-function')).toBeLessThan(order.indexOf('gradient-descent'));
    expect(outline.concepts.find((c) => c.conceptId === 'loss-function')!.mentions).toEqual([4, 9]);
  });

  it('knows which cues and concepts are showing, overlaps included', () => {
    expect(activeCues(cues, 0)).toEqual([0]);
    expect(activeCues(cues, 19)).toEqual([3, 4]);
    expect(activeCues(cues, 30)).toEqual([]);
    expect(activeCues([], 5)).toEqual([]);
    expect(conceptsAt(cues, outline, 19)).toEqual(expect.arrayContaining(['backpropagation', 'chain-rule']));
  });

  it('formats times and links', () => {
    expect(formatTime(0)).toBe('0:00');
    expect(formatTime(75.9)).toBe('1:15');
    expect(formatTime(3725)).toBe('1:02:05');
    expect(timeLink('https://www.youtube.com/watch?v=aircAruvnKk', 75)).toBe('https://www.youtube.com/watch?v=aircAruvnKk&t=75');
    expect(timeLink('https://www.bilibili.com/video/BV1bx411M7Zx', 9)).toBe('https://www.bilibili.com/video/BV1bx411M7Zx?t=9');
    expect(timeLink('http://127.0.0.1:8000/lecture.html', 9)).toBe('http://127.0.0.1:8000/lecture.html#t=9');
  });

  it('writes Markdown study notes', () => {
    const md = studyNotes({
      title: 'How networks learn',
      url: 'https://www.youtube.com/watch?v=x',
      outline,
      describe: (id) => {
        const c = CONCEPTS.find((k) => k.id === id);
        return c ? { name: c.name.en, line: firstSentence(c.summary.en) } : null;
      },
    });
    expect(md.startsWith('# How networks learn\n')).toBe(true);
    expect(md).toContain('- [0:15](https://www.youtube.com/watch?v=x&t=15) **backpropagation**: ');
    expect(md).toContain('(also 0:09)');
  });

  it('takes the first sentence in both languages', () => {
    expect(firstSentence('One. Two.')).toBe('One.');
    expect(firstSentence('第一句。第二句。')).toBe('第一句。');
    expect(firstSentence('no stop')).toBe('no stop');
  });
});
