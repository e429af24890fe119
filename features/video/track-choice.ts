export interface TrackInfo {
  lang: string;
  /** Machine-made (YouTube 'asr' tracks). */
  auto: boolean;
}

/**
 * Human captions beat automatic ones; the reader's language beats other
 * languages; Chinese and English beat the rest, since the concepts are
 * written in those two. Returns the index of the best track, or -1.
 */
export function chooseTrack(tracks: readonly TrackInfo[], prefer: 'en' | 'zh'): number {
  let best = -1;
  let bestScore = -Infinity;
  tracks.forEach((t, i) => {
    const lang = t.lang.toLowerCase();
    const score =
      (t.auto ? 0 : 10) + (lang.startsWith(prefer) ? 5 : 0) + (lang.startsWith('en') || lang.startsWith('zh') || lang.startsWith('ai-zh') ? 2 : 0);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}
