// Nothing may throw, whatever a page or a server hands us, and big files must
// stay fast: the parsers run in the extension while a video page is open.

import { describe, expect, it } from 'vitest';
import { parseBilibiliJson } from '@/features/video/captions/bilibili';
import { detectFormat } from '@/features/video/captions/detect';
import { parseCaptions } from '@/features/video/captions/parse';
import { parseSrt } from '@/features/video/captions/srt';
import { describeCost, relativeCost } from '@/tests/unit/relative-cost';
import { parseVtt } from '@/features/video/captions/vtt';

const PARSERS = { parseVtt, parseSrt, parseBilibiliJson, parseCaptions: (s: string) => parseCaptions(s).cues };

/** Deterministic pseudo-random junk (mulberry32), so a failure can be reproduced. */
function junk(length: number, seed: number, alphabet?: string): string {
  let state = seed;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const chars: string[] = [];
  for (let i = 0; i < length; i++) {
    chars.push(alphabet === undefined ? String.fromCharCode(Math.floor(next() * 0x3000)) : alphabet.charAt(Math.floor(next() * alphabet.length)));
  }
  return chars.join('');
}

/** The result and the CPU milliseconds the process spent on it (load elsewhere does not stretch them). */
function timeIt<T>(run: () => T): { result: T; ms: number } {
  const started = process.cpuUsage();
  const result = run();
  const d = process.cpuUsage(started);
  return { result, ms: (d.user + d.system) / 1000 };
}

function srtOfSize(bytes: number): { source: string; count: number } {
  const blocks: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const stamp = (s: number): string => {
      const h = String(Math.floor(s / 3600)).padStart(2, '0');
      const m = String(Math.floor(s / 60) % 60).padStart(2, '0');
      const sec = String(s % 60).padStart(2, '0');
      return `${h}:${m}:${sec},250`;
    };
    const block = `${i + 1}\n${stamp(i)} --> ${stamp(i + 1)}\n<i>Layer ${i}</i> feeds its activations forward\nthrough weights &amp; biases.\n\n`;
    blocks.push(block);
    size += block.length;
  }
  return { source: blocks.join(''), count: blocks.length };
}

describe('bad input', () => {
  const inputs: Record<string, string> = {
    empty: '',
    whitespace: ' \n\r\n\t ',
    'lone BOM': '\uFEFF',
    'binary-looking junk': junk(100_000, 1),
    'caption-character junk': junk(100_000, 2, '0123456789:.,->< \n\r&#;{}\\[]abcWEBVTNO'),
    'many unclosed tags': '<b'.repeat(50_000),
    'many unclosed overrides': '00:01.000 --> 00:02.000\n' + '{\\'.repeat(50_000),
    'many arrows': '-->'.repeat(40_000),
    'one long digit line': '1'.repeat(100_000) + ':00.000 --> 00:01.000\nx',
    'many references': '00:01.000 --> 00:02.000\n' + '&#'.repeat(50_000) + '&amp'.repeat(10_000),
  };

  for (const [name, input] of Object.entries(inputs)) {
    it(`never throws and returns quickly on ${name}`, () => {
      for (const [parserName, parse] of Object.entries(PARSERS)) {
        const { result, ms } = timeIt(() => parse(input));
        expect(Array.isArray(result), parserName).toBe(true);
        for (const cue of result) {
          expect(cue.end, parserName).toBeGreaterThanOrEqual(cue.start);
          expect(cue.text, parserName).not.toBe('');
        }
        // In units of a reference workload timed alongside (relative-cost.ts), so it holds under
        // load: a quadratic path on 100k characters is thousands of units.
        if (ms > 1) {
          const cost = relativeCost(() => parse(input), 2);
          expect(cost.units, `${parserName} on ${name}: ${describeCost(cost)}`).toBeLessThan(20); // at most 0.4 measured
        }
      }
      expect(() => detectFormat(input)).not.toThrow();
    });
  }
});

describe('large files', () => {
  it('parses a 5 MB SubRip file in linear time', () => {
    const small = srtOfSize(1_000_000);
    const large = srtOfSize(5_000_000);
    const warmUp = timeIt(() => parseSrt(small.source));
    expect(warmUp.result).toHaveLength(small.count);
    const smallRun = timeIt(() => parseSrt(small.source));
    const largeRun = timeIt(() => parseCaptions(large.source));
    const largeCost = relativeCost(() => parseCaptions(large.source), 1);
    expect(largeRun.result.format).toBe('srt');
    expect(largeRun.result.cues).toHaveLength(large.count);
    expect(largeRun.result.cues.at(-1)?.text).toBe(`Layer ${large.count - 1} feeds its activations forward\nthrough weights & biases.`);
    console.log(
      `5 MB SubRip (${large.count} cues): ${largeRun.ms.toFixed(0)} ms CPU; 1 MB: ${smallRun.ms.toFixed(0)} ms CPU`,
    );
    expect(largeCost.units, describeCost(largeCost)).toBeLessThan(250); // 27 measured
    // Five times the input should cost about five times the time; twenty would mean quadratic.
    // (CPU time, the cheaper of two runs each, so load and the collector cannot tip it.)
    const smallBest = Math.min(smallRun.ms, timeIt(() => parseSrt(small.source)).ms);
    const largeBest = Math.min(largeRun.ms, largeCost.ms);
    expect(largeBest).toBeLessThan(Math.max(smallBest, 20) * 15);
  });

  it('parses 5 MB of WebVTT and Bilibili JSON', () => {
    const { source, count } = srtOfSize(5_000_000);
    const vtt = `WEBVTT\n\n${source.replace(/,250/g, '.250')}`;
    const vttRun = timeIt(() => parseVtt(vtt));
    expect(vttRun.result).toHaveLength(count);
    const json = JSON.stringify({
      body: vttRun.result.map((cue) => ({ from: cue.start, to: cue.end, content: cue.text, location: 2 })),
    });
    expect(json.length).toBeGreaterThan(4_000_000);
    const jsonRun = timeIt(() => parseBilibiliJson(json));
    expect(jsonRun.result).toHaveLength(count);
    const vttCost = relativeCost(() => parseVtt(vtt), 1);
    const jsonCost = relativeCost(() => parseBilibiliJson(json), 1);
    console.log(`5 MB WebVTT ${describeCost(vttCost)}; Bilibili JSON ${describeCost(jsonCost)}`);
    expect(vttCost.units, describeCost(vttCost)).toBeLessThan(250); // 18 measured
    expect(jsonCost.units, describeCost(jsonCost)).toBeLessThan(100); // 4-15 measured
  });
});
