// Test helper: the project-written caption fixtures, read as UTF-8 text.

import { readFileSync } from 'node:fs';

export function readFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/captions/${name}`, import.meta.url), 'utf8');
}

/** The same text with other line endings and, optionally, a byte-order mark. */
export function withLineEndings(text: string, ending: '\r\n' | '\r', bom = false): string {
  return (bom ? '\uFEFF' : '') + text.replace(/\r\n|\r|\n/g, ending);
}
