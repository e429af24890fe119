import { conceptById } from '@/features/concepts/kb';
import type { CardSource } from '@/features/review/notes';

/** A review card's content from the knowledge base; undefined for an id it no longer has. */
export function cardSource(id: string): CardSource | undefined {
  const c = conceptById(id);
  if (!c) return undefined;
  return {
    id: c.id,
    topic: c.topic,
    name: c.name,
    summary: c.summary,
    formulas: c.formulas.map((f) => f.tex),
    related: c.related.flatMap((r) => {
      const o = conceptById(r);
      return o ? [{ id: o.id, name: o.name }] : [];
    }),
  };
}
