import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONCEPTS } from '@/features/concepts/kb';
import { CONCEPT_HEADS, headById } from '@/features/concepts/kb/heads';
import { conceptDetails } from '@/features/concepts/details';
import { headsModule } from '@/scripts/kb-heads-plugin';

describe('the knowledge base split for the content script', () => {
  it('gives every concept a head without its card body', () => {
    expect(CONCEPT_HEADS.map((h) => h.id)).toEqual(CONCEPTS.map((c) => c.id));
    for (const h of CONCEPT_HEADS) {
      expect(Object.keys(h)).not.toEqual(expect.arrayContaining(['summary']));
      for (const field of ['summary', 'intuition', 'formulas']) expect(h).not.toHaveProperty(field);
      expect(headById(h.id)).toBe(h);
    }
  });

  it('loses nothing: head plus body is the concept', () => {
    for (const c of CONCEPTS) {
      const d = conceptDetails(c.id, () => undefined)!;
      expect({ ...headById(c.id), summary: d.summary, intuition: d.intuition, formulas: d.formulas.map(({ tex, legend }) => ({ tex, legend: legend.map(({ mathml: _m, ...row }) => row) })) }).toEqual(c);
    }
    expect(conceptDetails('no-such-concept', () => undefined)).toBeUndefined();
  });

  it('is built into the same heads as the source computes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-heads-'));
    try {
      const file = join(dir, 'heads.mjs');
      writeFileSync(file, headsModule());
      const built = (await import(pathToFileURL(file).href)) as { CONCEPT_HEADS: unknown[]; headById(id: string): unknown };
      expect(built.CONCEPT_HEADS).toEqual(JSON.parse(JSON.stringify(CONCEPT_HEADS)));
      expect(Object.isFrozen(built.CONCEPT_HEADS)).toBe(true);
      expect(built.headById('softmax')).toEqual(JSON.parse(JSON.stringify(headById('softmax'))));
      expect(built.headById('nope')).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
