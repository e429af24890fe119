// Sanity check against real lecture captions (3Blue1Brown, English and
// Chinese), kept outside the repository in ../shared/captions and only read.
// Expected cues are not written out here: the files are not ours to copy.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseCaptions } from '@/features/video/captions';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const captionsDir = path.resolve(repoRoot, '..', 'shared', 'captions');
const available = existsSync(captionsDir);
const files = available ? readdirSync(captionsDir).filter((name) => name.endsWith('.srt')).sort() : [];

if (!available) {
  console.warn(`Skipping real-caption tests: ${captionsDir} does not exist (it is shared test data outside the repo).`);
}

describe.skipIf(!available)('real captions in ../shared/captions', () => {
  it('has caption files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const name of files) {
    it(`parses ${name}`, () => {
      const source = readFileSync(path.join(captionsDir, name), 'utf8');
      const { format, cues } = parseCaptions(source, name);
      expect(detectFormat(source)).toBe('srt');
      expect(format).toBe('srt');

      // Every timing line in the file becomes a cue: none are lost or invented.
      const timingLines = source.split(/\r\n|\r|\n/).filter((line) => line.includes('-->')).length;
      expect(cues.length).toBe(timingLines);
      expect(cues.length).toBeGreaterThan(100);

      let overlaps = 0;
      cues.forEach((cue, i) => {
        expect(cue.start).toBeGreaterThanOrEqual(0);
        expect(cue.end).toBeGreaterThanOrEqual(cue.start);
        expect(cue.end - cue.start).toBeLessThan(60);
        expect(cue.text.trim()).not.toBe('');
        expect(cue.text).toBe(cue.text.trim());
        expect(cue.text).not.toMatch(/<\/?[A-Za-z][^>]*>|\{\\|-->|&(?:amp|lt|gt|nbsp);/);
        const previous = cues[i - 1];
        if (previous !== undefined) {
          expect(cue.start).toBeGreaterThanOrEqual(previous.start);
          if (cue.start < previous.end) overlaps++;
        }
      });
      // Lecture captions follow one another; a few touching or slipped spans are fine.
      expect(overlaps).toBeLessThan(cues.length * 0.05);

      const duration = cues.at(-1)?.end ?? 0;
      expect(duration).toBeGreaterThan(5 * 60);
      expect(duration).toBeLessThan(2 * 3600);
      const minutes = Math.floor(duration / 60);
      const seconds = (duration % 60).toFixed(3).padStart(6, '0');
      const characters = cues.reduce((sum, cue) => sum + cue.text.length, 0);
      console.log(`${name}: ${cues.length} cues, last cue ends at ${minutes}:${seconds} (${duration.toFixed(3)} s), ${characters} characters of text, ${overlaps} overlaps`);
    });
  }
});
