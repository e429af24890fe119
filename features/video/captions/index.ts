// Caption parsing for the concept timeline: pure functions, no browser APIs.

export { parseBilibiliJson } from '@/features/video/captions/bilibili';
export { detectFormat, formatFromHint } from '@/features/video/captions/detect';
export { parseCaptions } from '@/features/video/captions/parse';
export { parseSrt } from '@/features/video/captions/srt';
export { parseTimestamp } from '@/features/video/captions/timestamp';
export type { CaptionFormat, Cue, ParsedCaptions } from '@/features/video/captions/types';
export { parseVtt } from '@/features/video/captions/vtt';
