// Caption parsing for the concept timeline: pure functions, no browser APIs.

export { parseBilibiliJson } from './bilibili';
export { detectFormat, formatFromHint } from './detect';
export { parseCaptions } from './parse';
export { parseSrt } from './srt';
export { parseTimestamp } from './timestamp';
export type { CaptionFormat, Cue, ParsedCaptions } from './types';
export { parseVtt } from './vtt';
