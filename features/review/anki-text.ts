import type { Met } from '@/features/review/types';
import { describePlace, other, placesOf, type CardSource, type Lang } from '@/features/review/notes';

// Anki's text import ("Text files" in its manual): headers first, then one note a line, fields
// split by tabs. A field holding a tab, a newline or a double quote is put in double quotes with
// its own quotes doubled. Fields are HTML (#html:true), so every text is escaped and formulas are
// written for MathJax as \( … \), which Anki renders.

export const NOTETYPE = 'DL Tutor concept';
export const DECK = 'DL Tutor';
export const FIELDS = ['Id', 'Front', 'Back', 'Formula', 'Related', 'Where met'] as const;
export const ID_PREFIX = 'dl-tutor:';

export interface AnkiNote {
  fields: Record<(typeof FIELDS)[number], string>;
  deck: string;
  tags: string[];
}

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function noteOf(c: CardSource, met: Met | undefined, lang: Lang): AnkiNote {
  const o = other(lang);
  const where = placesOf(met).map((p) => {
    const d = describePlace(p);
    const head = `<a href="${escapeHtml(d.href)}">${escapeHtml(d.title)}</a>${d.detail ? ` · ${escapeHtml(d.detail)}` : ''}`;
    return d.sentence ? `${head}<br><i>${escapeHtml(d.sentence)}</i>` : head;
  });
  return {
    fields: {
      Id: `${ID_PREFIX}${c.id}`,
      Front: `${escapeHtml(c.name[lang])}<br><small>${escapeHtml(c.name[o])}</small>`,
      Back: escapeHtml(c.summary[lang]),
      Formula: c.formulas.map((tex) => `\\(${escapeHtml(tex)}\\)`).join('<br>'),
      Related: c.related.map((r) => escapeHtml(r.name[lang])).join(', '),
      'Where met': where.join('<br>'),
    },
    deck: DECK,
    tags: ['dl-tutor', `dl-tutor::${c.topic.replace(/\s+/g, '_')}`],
  };
}

/** One field as the importer reads it back. */
export function quoteField(s: string): string {
  return /[\t\n\r"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function ankiText(notes: readonly AnkiNote[]): string {
  const deckCol = FIELDS.length + 1;
  const header = [
    '#separator:tab',
    '#html:true',
    `#notetype:${NOTETYPE}`,
    `#columns:${[...FIELDS, 'Deck', 'Tags'].join('\t')}`,
    `#deck column:${deckCol}`,
    `#tags column:${deckCol + 1}`,
  ];
  const lines = notes.map((n) => [...FIELDS.map((f) => n.fields[f]), n.deck, n.tags.join(' ')].map(quoteField).join('\t'));
  return `${[...header, ...lines].join('\n')}\n`;
}
