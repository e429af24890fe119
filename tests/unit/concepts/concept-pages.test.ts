// Recall and precision of the concept marks on real course pages.
//
// tests/fixtures/concept-pages/ holds short excerpts of twenty chapters from the
// corpus (ten English, ten Chinese, from thirteen sources; sources and
// licences in its README) and, in labels.json, the concepts a learner
// would expect a card for on each excerpt, labelled by hand. A page is
// matched the way the annotator matches it: section by section (a line
// starting with "#" opens a section), code spans left plain, short forms
// remembered per section. Scores are per concept and page: a concept found
// but not labelled is a false positive, one labelled but not found a miss.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { CONCEPTS } from '@/features/concepts/kb';
import { buildMatcher } from '@/features/concepts/match';

const DIR = join(__dirname, '../../fixtures/concept-pages');
const LABELS = JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8')) as Record<string, string[]>;

/** Code spans are <code> on the real pages, which the annotator skips. */
const maskCode = (s: string): string => s.replace(/`[^`]*`/g, (m) => ' '.repeat(m.length));

function conceptsOnPage(name: string): Set<string> {
  const matcher = buildMatcher(CONCEPTS);
  const session = matcher.session();
  const paragraphs = maskCode(readFileSync(join(DIR, `${name}.txt`), 'utf8')).split(/\n\s*\n/);
  const found = new Set<string>();
  let section = 0;
  paragraphs.forEach((text, k) => {
    if (text.startsWith('#')) section++;
    const contextBefore = paragraphs[k - 1] ?? '';
    const contextAfter = paragraphs[k + 1] ?? '';
    for (const m of session.find({ text, contextBefore, contextAfter }, section)) found.add(m.conceptId);
  });
  return found;
}

describe('concept marks on real course pages', () => {
  it('label only concepts of the knowledge base', () => {
    const ids = new Set(CONCEPTS.map((c) => c.id));
    const unknown = Object.values(LABELS).flat().filter((id) => !ids.has(id));
    expect(unknown).toEqual([]);
  });

  it('finds at least 98% of the labelled concepts at 98% precision, per language', () => {
    const score: Record<string, { tp: number; found: number; labelled: number; pages: number }> = {};
    const notes: string[] = [];
    for (const [name, labels] of Object.entries(LABELS)) {
      const lang = name.slice(0, 2);
      const s = (score[lang] ??= { tp: 0, found: 0, labelled: 0, pages: 0 });
      const want = new Set(labels);
      const got = conceptsOnPage(name);
      const tp = [...got].filter((id) => want.has(id)).length;
      s.tp += tp;
      s.found += got.size;
      s.labelled += want.size;
      s.pages++;
      const missed = labels.filter((id) => !got.has(id));
      const extra = [...got].filter((id) => !want.has(id));
      if (missed.length + extra.length > 0) notes.push(`  ${name}: missed [${missed.join(', ')}] extra [${extra.join(', ')}]`);
    }
    for (const [lang, s] of Object.entries(score)) {
      console.log(
        `${lang}: ${s.pages} pages, ${s.labelled} labelled concepts: recall ${(s.tp / s.labelled).toFixed(3)} (${s.tp}/${s.labelled}), ` +
          `precision ${(s.tp / s.found).toFixed(3)} (${s.tp}/${s.found})`,
      );
    }
    for (const n of notes) console.log(n);
    expect(Object.keys(score).sort()).toEqual(['en', 'zh']);
    for (const s of Object.values(score)) {
      expect(s.pages).toBeGreaterThanOrEqual(10);
      expect(s.tp / s.labelled).toBeGreaterThanOrEqual(0.98);
      expect(s.tp / s.found).toBeGreaterThanOrEqual(0.98);
    }
  });
});
