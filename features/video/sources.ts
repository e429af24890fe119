import { parseBilibiliJson, parseCaptions, type Cue } from '@/features/video/captions';
import { toPlainText } from '@/features/video/captions/plain-text';
import { stripTags } from '@/features/video/captions/markup';
import { decodeEntities } from '@/features/video/captions/entities';
import { extractAssignedJson } from '@/features/video/embedded-json';
import { chooseTrack } from '@/features/video/track-choice';

// Where a video's captions come from, tried in this order: the <track>s of
// the <video> itself, the caption list of a YouTube watch page, the subtitle
// list of a Bilibili video page. Each returns null when it doesn't apply.

export type CaptionKind = 'html5-track' | 'youtube' | 'bilibili' | 'file';

export interface CaptionSource {
  kind: CaptionKind;
  lang: string;
  label: string;
  cues: Cue[];
}

const TRACK_LOAD_MS = 5000;

/** The video the page is about: the largest one (the first, if none is laid out yet). */
export function mainVideo(doc: Document): HTMLVideoElement | null {
  let best: HTMLVideoElement | null = null;
  let area = -1;
  for (const v of doc.querySelectorAll('video')) {
    const r = v.getBoundingClientRect();
    if (r.width * r.height > area) {
      best = v;
      area = r.width * r.height;
    }
  }
  return best;
}

function trackElementFor(video: HTMLVideoElement, track: TextTrack): HTMLTrackElement | null {
  for (const el of video.querySelectorAll('track')) if (el.track === track) return el;
  return null;
}

/** Reads cues through the TextTrack API; a track the page keeps disabled is set to 'hidden', which loads it without showing it. */
export async function fromTextTracks(video: HTMLVideoElement, prefer: 'en' | 'zh'): Promise<CaptionSource | null> {
  const tracks = [...video.textTracks].filter((t) => t.kind === 'subtitles' || t.kind === 'captions');
  const i = chooseTrack(
    tracks.map((t) => ({ lang: t.language, auto: false })),
    prefer,
  );
  const track = tracks[i];
  if (!track) return null;
  if (track.mode === 'disabled') track.mode = 'hidden';
  const el = trackElementFor(video, track);
  if (el && el.readyState !== 2) {
    await new Promise<void>((resolve) => {
      const done = () => resolve();
      el.addEventListener('load', done, { once: true });
      el.addEventListener('error', done, { once: true });
      setTimeout(done, TRACK_LOAD_MS);
    });
  }
  const cues: Cue[] = [];
  for (const c of track.cues ?? []) {
    const text = toPlainText(decodeEntities(stripTags((c as VTTCue).text ?? '')));
    if (text) cues.push({ start: c.startTime, end: Math.max(c.startTime, c.endTime), text });
  }
  cues.sort((a, b) => a.start - b.start);
  return cues.length ? { kind: 'html5-track', lang: track.language, label: track.label || track.language, cues } : null;
}

function inlineScripts(doc: Document, marker: string): string | null {
  for (const s of doc.querySelectorAll('script:not([src])')) {
    const text = s.textContent ?? '';
    if (text.includes(marker)) return text;
  }
  return null;
}

interface YtTrack {
  baseUrl?: string;
  languageCode?: string;
  kind?: string;
  name?: { simpleText?: string; runs?: { text?: string }[] };
}

/** YouTube: the caption tracks the player itself lists, fetched as WebVTT from the same origin. */
export async function fromYouTube(doc: Document, prefer: 'en' | 'zh', fetchText: (url: string) => Promise<string>): Promise<CaptionSource | null> {
  const src = inlineScripts(doc, 'ytInitialPlayerResponse');
  if (!src) return null;
  const data = extractAssignedJson(src, 'ytInitialPlayerResponse') as {
    captions?: { playerCaptionsTracklistRenderer?: { captionTracks?: YtTrack[] } };
  } | null;
  const tracks = (data?.captions?.playerCaptionsTracklistRenderer?.captionTracks ?? []).filter((t) => typeof t.baseUrl === 'string');
  const i = chooseTrack(
    tracks.map((t) => ({ lang: t.languageCode ?? '', auto: t.kind === 'asr' })),
    prefer,
  );
  const t = tracks[i];
  if (!t) return null;
  // A parsed (not loaded) document has no location: resolve against the page.
  const url = new URL(t.baseUrl!, doc.location?.href ?? globalThis.location.href);
  url.searchParams.set('fmt', 'vtt');
  const { cues } = parseCaptions(await fetchText(url.toString()), 'vtt');
  const label = t.name?.simpleText ?? t.name?.runs?.map((r) => r.text).join('') ?? t.languageCode ?? '';
  return cues.length ? { kind: 'youtube', lang: t.languageCode ?? '', label, cues } : null;
}

interface BiliSubtitle {
  lan?: string;
  lan_doc?: string;
  subtitle_url?: string;
}

/** Bilibili: the subtitle list in the page's player data, each a JSON body of { from, to, content }. */
export async function fromBilibili(doc: Document, prefer: 'en' | 'zh', fetchText: (url: string) => Promise<string>): Promise<CaptionSource | null> {
  const src = inlineScripts(doc, '__INITIAL_STATE__');
  if (!src) return null;
  const state = extractAssignedJson(src, '__INITIAL_STATE__') as { videoData?: { subtitle?: { list?: BiliSubtitle[] } } } | null;
  const list = (state?.videoData?.subtitle?.list ?? []).filter((s) => typeof s.subtitle_url === 'string' && s.subtitle_url);
  const i = chooseTrack(
    list.map((s) => ({ lang: s.lan ?? '', auto: (s.lan ?? '').startsWith('ai-') })),
    prefer,
  );
  const s = list[i];
  if (!s) return null;
  // Subtitle URLs are often protocol-relative.
  const url = new URL(s.subtitle_url!.startsWith('//') ? `https:${s.subtitle_url}` : s.subtitle_url!, doc.location?.href ?? globalThis.location.href);
  const cues = parseBilibiliJson(await fetchText(url.toString()));
  return cues.length ? { kind: 'bilibili', lang: s.lan ?? '', label: s.lan_doc ?? s.lan ?? '', cues } : null;
}

/** Captions for the page's main video from the first source that has them. */
export async function findCaptions(doc: Document, video: HTMLVideoElement, prefer: 'en' | 'zh'): Promise<CaptionSource | null> {
  const fetchText = async (url: string) => {
    const res = await fetch(url, { credentials: 'include' });
    return res.ok ? res.text() : '';
  };
  for (const source of [
    () => fromTextTracks(video, prefer),
    () => fromYouTube(doc, prefer, fetchText),
    () => fromBilibili(doc, prefer, fetchText),
  ]) {
    try {
      const found = await source();
      if (found) return found;
    } catch {
      // A source that breaks (page changed shape, network) just doesn't count.
    }
  }
  return null;
}
