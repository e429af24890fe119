import { parseCaptions } from '@/features/video/captions';
import type { Matcher } from '@/features/concepts/match';
import type { Rect } from '@/lib/rects';
import { buildOutline, conceptsAt, type VideoOutline } from '@/features/video/outline';
import { findCaptions, fromYouTube, mainVideo, type CaptionSource } from '@/features/video/sources';
import type { VideoInfo } from '@/platform/protocol/protocol';
import type { Lang } from '@/platform/i18n/page';

/** Quiet time after a track or source change before the captions are read again. */
const REREAD_MS = 150;

export interface VideoView {
  rect: Rect;
  duration: number;
  outline: VideoOutline;
  current: string[];
}

/**
 * Follows the page's main video: finds its captions, builds the concept
 * outline, and tracks which concepts the current cue mentions. It only ever
 * listens to the video; it seeks only when the user clicks a marker.
 */
export class VideoFeatures {
  private video: HTMLVideoElement | null = null;
  private source: CaptionSource | null = null;
  private outline: VideoOutline | null = null;
  private status: VideoInfo['status'] = 'no-video';
  private current: string[] = [];
  private hiddenTracks: TextTrack[] = [];
  private frame = 0;
  private life: AbortController | null = null;

  constructor(
    private readonly matcher: () => Matcher,
    private readonly prefer: () => Lang,
    private readonly repaint: () => void,
  ) {}

  start(): void {
    // Media events don't bubble, but they can be caught on the way down.
    // A new element is followed; the same element with new metadata may have a new source.
    const onMeta = (e: Event) => {
      if (e.target instanceof HTMLVideoElement) this.reread();
    };
    const onLayout = () => this.schedule();
    const onNavigate = () => {
      this.staleInlineData = true;
      void this.attach(true);
    };
    // One abort removes them all (stop()).
    this.life = new AbortController();
    const signal = this.life.signal;
    document.addEventListener('loadedmetadata', onMeta, { capture: true, signal });
    addEventListener('scroll', onLayout, { passive: true, capture: true, signal });
    addEventListener('resize', onLayout, { passive: true, signal });
    document.addEventListener('fullscreenchange', onLayout, { signal });
    // YouTube swaps videos without loading a page.
    document.addEventListener('yt-navigate-finish', onNavigate, { signal });
    void this.attach();
  }

  stop(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.rereadTimer);
    this.generation++;
    this.life?.abort();
    this.life = null;
    this.detachVideo();
    // Tracks we switched to 'hidden' to read them go back to how the page had them.
    for (const t of this.hiddenTracks.splice(0)) if (t.mode === 'hidden') t.mode = 'disabled';
    this.video = null;
    this.source = null;
    this.outline = null;
  }

  private detach: (() => void) | null = null;
  private detachVideo(): void {
    this.detach?.();
    this.detach = null;
  }

  private rereadTimer: ReturnType<typeof setTimeout> | undefined;
  /** After in-page navigation the page's inline player data describes the first video, not this one. */
  private staleInlineData = false;
  /** Counts reads of the captions: only the latest one may show. */
  private generation = 0;

  /** Reads the main video's captions again soon: a burst of track and source changes is one read. */
  private reread(): void {
    clearTimeout(this.rereadTimer);
    this.rereadTimer = setTimeout(() => void this.attach(), REREAD_MS);
  }

  private async attach(navigated = false): Promise<void> {
    const generation = ++this.generation;
    const video = mainVideo(document);
    if (!video) {
      this.status = 'no-video';
      return;
    }
    if (video !== this.video || navigated) {
      this.detachVideo();
      this.video = video;
      const life = new AbortController();
      const signal = life.signal;
      const onTime = () => this.onTime();
      video.addEventListener('timeupdate', onTime, { signal });
      video.addEventListener('seeked', onTime, { signal });
      video.addEventListener('durationchange', onTime, { signal });
      // Players that reuse their element swap its tracks (and source) for the next video.
      video.textTracks.addEventListener('addtrack', () => this.reread(), { signal });
      video.textTracks.addEventListener('removetrack', () => this.reread(), { signal });
      const resize = new ResizeObserver(() => this.schedule());
      resize.observe(video);
      this.detach = () => {
        life.abort();
        resize.disconnect();
      };
      // A link back from the review deck names the time as #t=<seconds> (the media fragment's form).
      const at = /^#t=(\d{1,7})$/.exec(location.hash);
      if (at) video.currentTime = Number(at[1]);
    }
    this.status = 'loading';
    this.source = null;
    this.outline = null;
    const before = [...video.textTracks].map((t) => t.mode);
    let source = this.staleInlineData ? await this.freshYouTube() : null;
    source ??= await findCaptions(document, video, this.prefer());
    [...video.textTracks].forEach((t, i) => {
      if (before[i] === 'disabled' && t.mode === 'hidden') this.hiddenTracks.push(t);
    });
    if (video !== this.video || generation !== this.generation) return;
    this.useSource(source);
  }

  /**
   * After in-page navigation (only YouTube announces it this way) the page's
   * inline data is stale; the watch page at the new URL has the new list.
   */
  private async freshYouTube(): Promise<CaptionSource | null> {
    try {
      const html = await (await fetch(location.href, { credentials: 'include' })).text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return await fromYouTube(doc, this.prefer(), async (u) => (await fetch(u, { credentials: 'include' })).text());
    } catch {
      return null;
    }
  }

  private useSource(source: CaptionSource | null): void {
    this.source = source;
    this.outline = source ? buildOutline(source.cues, this.matcher()) : null;
    this.status = source ? 'ready' : 'no-captions';
    this.current = [];
    this.onTime();
    this.repaint();
  }

  /** A caption file the user picked or dropped in the side panel. */
  loadFile(name: string, text: string): VideoInfo {
    const { cues } = parseCaptions(text, name);
    if (this.video && cues.length) this.useSource({ kind: 'file', lang: '', label: name, cues });
    return this.info();
  }

  /** The video's time while it plays, else null: chips count as met only in a playing video. */
  playingAt(): number | null {
    const v = this.video;
    return v && !v.paused && !v.ended ? v.currentTime : null;
  }

  seek(t: number): boolean {
    if (!this.video || !Number.isFinite(t)) return false;
    this.video.currentTime = Math.max(0, t);
    return true;
  }

  private onTime(): void {
    if (!this.video || !this.source || !this.outline) return;
    const now = conceptsAt(this.source.cues, this.outline, this.video.currentTime);
    if (now.join() !== this.current.join()) {
      this.current = now;
      this.repaint();
    }
  }

  private schedule(): void {
    if (!this.outline) return;
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.repaint());
  }

  view(): VideoView | null {
    const v = this.video;
    if (!v || !v.isConnected || !this.outline) return null;
    const r = v.getBoundingClientRect();
    const duration = Number.isFinite(v.duration) ? v.duration : (this.source?.cues.at(-1)?.end ?? 0);
    return { rect: { top: r.top, left: r.left, width: r.width, height: r.height }, duration, outline: this.outline, current: this.current };
  }

  info(): VideoInfo {
    return {
      status: this.status,
      source: this.source ? { kind: this.source.kind, label: this.source.label, lang: this.source.lang, cues: this.source.cues.length } : null,
      title: document.title,
      url: location.href,
      concepts: this.outline?.concepts ?? [],
    };
  }
}
