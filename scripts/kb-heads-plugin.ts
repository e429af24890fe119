import type { Plugin } from 'vite';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONCEPT_HEADS } from '../features/concepts/kb/heads';

const HEADS = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', 'features', 'concepts', 'kb', 'heads.ts');

/** A concept's links (related, prerequisites) as positions in the list instead of ids. */
function packLinks(): unknown[] {
  const at = new Map(CONCEPT_HEADS.map((c, i) => [c.id, i]));
  const positions = (ids: readonly string[]): number[] =>
    ids.map((id) => {
      const i = at.get(id);
      if (i === undefined) throw new Error(`kb-heads: no concept "${id}" to link to`);
      return i;
    });
  return CONCEPT_HEADS.map((c) => ({ ...c, related: positions(c.related), prerequisites: positions(c.prerequisites) }));
}

/** The module the build puts in place of kb/heads.ts: the same exports, from data. */
export function headsModule(): string {
  return [
    // One string for JSON.parse rather than object literals: V8 parses JSON faster than it
    // parses the same data as JavaScript, and top-level code is never parsed lazily. Links are
    // positions, turned back into ids here: written as ids they were a quarter of the JSON.
    `const HEADS = JSON.parse(${JSON.stringify(JSON.stringify(packLinks()))});`,
    'for (const c of HEADS) {',
    '  c.related = c.related.map((i) => HEADS[i].id);',
    '  c.prerequisites = c.prerequisites.map((i) => HEADS[i].id);',
    '}',
    'const CONCEPT_HEADS = Object.freeze(HEADS);',
    'const BY_ID = new Map(CONCEPT_HEADS.map((c) => [c.id, c]));',
    'export { CONCEPT_HEADS };',
    'export function headById(id) { return BY_ID.get(id); }',
  ].join('\n');
}

/**
 * Builds kb/heads.ts from the knowledge base at build time, so that what imports the heads (the
 * content script) does not bundle the whole knowledge base they are taken from. See that module.
 */
export function kbHeads(): Plugin {
  return {
    name: 'dl-tutor:kb-heads',
    enforce: 'pre',
    load: (id) => (id.split('?')[0] === HEADS ? headsModule() : null),
  };
}
