// A reader of Anki's text import format, written from the manual's rules rather than from our
// writer: '#key:value' header lines first, then one note a record, fields split by the separator,
// a field in double quotes may hold separators, newlines and doubled quotes.

export interface ParsedAnki {
  headers: Record<string, string>;
  rows: string[][];
}

export function parseAnkiText(text: string): ParsedAnki {
  const headers: Record<string, string> = {};
  let i = 0;
  while (text.startsWith('#', i)) {
    const end = text.indexOf('\n', i);
    const line = text.slice(i + 1, end < 0 ? text.length : end);
    const colon = line.indexOf(':');
    headers[line.slice(0, colon)] = line.slice(colon + 1);
    i = end < 0 ? text.length : end + 1;
  }
  const sep = headers.separator === 'tab' ? '\t' : (headers.separator ?? '\t');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let atStart = true;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
      continue;
    }
    if (ch === '"' && atStart) {
      quoted = true;
      atStart = false;
    } else if (ch === sep) {
      row.push(field);
      field = '';
      atStart = true;
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atStart = true;
    } else {
      field += ch;
      atStart = false;
    }
  }
  if (field || row.length) rows.push([...row, field]);
  return { headers, rows };
}

/** HTML entities back to text, the way Anki's renderer shows a field. */
export const unescapeHtml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
