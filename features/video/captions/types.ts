// Shared shapes for the caption parsers. Pure data, no browser dependency,
// so every parser runs (and is tested) in Node.

/** One caption cue, normalised across formats. */
export interface Cue {
  /** Seconds from the start of the video. */
  start: number;
  /** Seconds from the start of the video; never before `start` (a reversed span in a file becomes zero-length). */
  end: number;
  /**
   * Plain text: markup removed, character references decoded, each line
   * trimmed, empty lines dropped, lines joined with '\n'. Never empty.
   */
  text: string;
  /** WebVTT cue identifier, SubRip index or Bilibili `sid`, when present. */
  id?: string;
}

export type CaptionFormat = 'vtt' | 'srt' | 'bilibili-json';

export interface ParsedCaptions {
  /**
   * The format the cues were read as; with no cues, the best guess at what
   * the source is, null when it looks like no caption format at all.
   */
  format: CaptionFormat | null;
  /** Sorted by start time (stable: equal starts keep file order). */
  cues: Cue[];
}
