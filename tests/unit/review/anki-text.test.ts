// The Anki text export read back by the format's own rules (tests/unit/review/anki-parse.ts):
// headers, columns, a stable first field, quoting of tabs, newlines and quotes, escaped HTML.
import { describe, expect, it } from 'vitest';
import { ankiText, FIELDS, noteOf, quoteField } from '@/features/review/anki-text';
import type { CardSource } from '@/features/review/notes';
import type { Met } from '@/features/review/types';
import { parseAnkiText, unescapeHtml } from '@/tests/unit/review/anki-parse';

const softmax: CardSource = {
  id: 'softmax',
  topic: 'neuron',
  name: { en: 'softmax', zh: '软最大值' },
  summary: { en: 'Turns scores into "probabilities" & sums to 1 <always>.', zh: '把分数变成概率。' },
  formulas: ['\\sigma(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}', 'a < b'],
  related: [{ id: 'logit', name: { en: 'logit', zh: '对数几率' } }],
};

const hostile: Met = {
  first: 1,
  last: 2,
  count: 3,
  places: [
    { url: 'https://example.org/a?x=1&y=2', title: 'Tabs\there "and" <script>alert(1)</script>', section: 'Line\nbreak', sentence: 'The softmax,\tthen "done".', at: 2 },
    { url: 'https://example.org/v', title: 'Video', time: 125, at: 1 },
  ],
};

describe('anki text export', () => {
  const text = ankiText([noteOf(softmax, hostile, 'en'), noteOf({ ...softmax, id: 'logit', formulas: [], related: [] }, undefined, 'zh')]);
  const parsed = parseAnkiText(text);

  it('declares the headers Anki reads', () => {
    expect(parsed.headers).toMatchObject({ separator: 'tab', html: 'true', notetype: 'DL Tutor concept', 'deck column': '7', 'tags column': '8' });
    expect(parsed.headers.columns!.split('\t')).toEqual([...FIELDS, 'Deck', 'Tags']);
  });

  it('gives one row per note, every row with every column, the stable id first', () => {
    expect(parsed.rows).toHaveLength(2);
    for (const r of parsed.rows) expect(r).toHaveLength(FIELDS.length + 2);
    expect(parsed.rows.map((r) => r[0])).toEqual(['dl-tutor:softmax', 'dl-tutor:logit']);
    expect(parsed.rows[0]![6]).toBe('DL Tutor');
    expect(parsed.rows[0]![7]!.split(' ')).toEqual(['dl-tutor', 'dl-tutor::neuron']);
  });

  it('writes formulas for MathJax with their TeX escaped as HTML', () => {
    const formula = parsed.rows[0]![3]!;
    expect(formula.split('<br>').map(unescapeHtml)).toEqual(['\\(\\sigma(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}\\)', '\\(a < b\\)']);
  });

  it('escapes page text as HTML and keeps tabs, newlines and quotes inside their field', () => {
    const [, front, back, , related, where] = parsed.rows[0]!;
    expect(front).toBe('softmax<br><small>软最大值</small>');
    expect(unescapeHtml(back!)).toBe(softmax.summary.en);
    expect(related).toBe('logit');
    expect(where).not.toContain('<script>');
    expect(where).toContain('&lt;script&gt;');
    expect(where).toContain('Tabs\there &quot;and&quot;');
    expect(where).toContain('Line\nbreak');
    expect(where).toContain('href="https://example.org/a?x=1&amp;y=2#:~:text=Line%0Abreak"');
    expect(where).toContain('The softmax,\tthen &quot;done&quot;.');
    expect(where).toContain('Video</a> · 2:05');
  });

  it('writes the learner\'s language first, the other beneath', () => {
    expect(parsed.rows[1]![1]).toBe('软最大值<br><small>softmax</small>');
    expect(parsed.rows[1]![3]).toBe('');
  });

  it('quotes exactly the fields that need it', () => {
    expect(quoteField('plain')).toBe('plain');
    expect(quoteField('a\tb')).toBe('"a\tb"');
    expect(quoteField('say "hi"')).toBe('"say ""hi"""');
    expect(parseAnkiText(`${quoteField('x\n"y"\tz')}\tb\n`).rows).toEqual([['x\n"y"\tz', 'b']]);
  });
});
