import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// Chrome refuses a content script containing Unicode noncharacters ("isn't
// UTF-8 encoded"). The minifier turns KaTeX's `\uffff` escapes into the raw
// characters; they only ever occur inside string, template or regex literals,
// where the escape means the same thing, so we write the escapes back.
const NONCHARACTER = /[\ufdd0-\ufdef\ufffe\uffff]/g;

export async function escapeNoncharacters(dir: string): Promise<number> {
  let changed = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const path = join(entry.parentPath, entry.name);
    const code = await readFile(path, 'utf8');
    if (!NONCHARACTER.test(code)) continue;
    NONCHARACTER.lastIndex = 0;
    await writeFile(path, code.replace(NONCHARACTER, (c) => `\\u${c.charCodeAt(0).toString(16)}`));
    changed++;
  }
  return changed;
}
