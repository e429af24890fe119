import type { Cue } from '@/features/video/captions';
import type { Matcher } from '@/features/concepts/match';

export interface ConceptMoments {
  conceptId: string;
  /** Where the concept is first explained: the start of its first cue. */
  first: number;
  /** Start times of every cue that mentions it, first included, ascending. */
  mentions: number[];
}

export interface VideoOutline {
  /** In order of first appearance. */
  concepts: ConceptMoments[];
  /** For each cue (same index as the input), the concepts it mentions. */
  cueConcepts: string[][];
}

/**
 * Finds the concepts of every cue. Each cue is matched with its neighbours as
 * context, so an everyday word ("attention") counts when the lecture around
 * it is about deep learning.
 */
export function buildOutline(cues: readonly Cue[], matcher: Matcher): VideoOutline {
  const byId = new Map<string, ConceptMoments>();
  const cueConcepts: string[][] = [];
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i]!;
    const before = cues.slice(Math.max(0, i - 3), i).map((c) => c.text).join(' ');
    const after = cues.slice(i + 1, i + 4).map((c) => c.text).join(' ');
    const ids = [...new Set(matcher.find({ text: cue.text, contextBefore: before, contextAfter: after }).map((m) => m.conceptId))];
    cueConcepts.push(ids);
    for (const id of ids) {
      const m = byId.get(id);
      if (!m) byId.set(id, { conceptId: id, first: cue.start, mentions: [cue.start] });
      else if (m.mentions[m.mentions.length - 1] !== cue.start) m.mentions.push(cue.start);
    }
  }
  const concepts = [...byId.values()].sort((a, b) => a.first - b.first);
  for (const c of concepts) c.mentions.sort((a, b) => a - b);
  return { concepts, cueConcepts };
}

/** Indices of the cues showing at time t (cues may overlap). */
export function activeCues(cues: readonly Cue[], t: number): number[] {
  // Cues are sorted by start: find the last one starting at or before t, then look back over overlaps.
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cues[mid]!.start <= t) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo - 1; i >= 0 && i >= lo - 50; i--) {
    const c = cues[i]!;
    if (t < c.end || (c.end === c.start && t - c.start < 0.5)) out.unshift(i);
  }
  return out;
}

/** The concepts being discussed at time t. */
export function conceptsAt(cues: readonly Cue[], outline: VideoOutline, t: number): string[] {
  return [...new Set(activeCues(cues, t).flatMap((i) => outline.cueConcepts[i] ?? []))];
}

/** 75 -> "1:15", 3725 -> "1:02:05". */
export function formatTime(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

/** A link to the video at a time: YouTube and Bilibili take ?t=, other pages get a media fragment. */
export function timeLink(videoUrl: string, seconds: number): string {
  const s = Math.floor(seconds);
  try {
    const u = new URL(videoUrl);
    if (/(^|\.)youtube\.com$|(^|\.)bilibili\.com$/.test(u.hostname)) {
      u.searchParams.set('t', String(s));
      return u.toString();
    }
    u.hash = `t=${s}`;
    return u.toString();
  } catch {
    return `${videoUrl}#t=${s}`;
  }
}

export interface NotesInput {
  title: string;
  url: string;
  outline: VideoOutline;
  /** Concept id -> name and one-line explanation in the reader's language. */
  describe(id: string): { name: string; line: string } | null;
}

/** Study notes in Markdown: one line per concept, in order, with a timestamp link. */
export function studyNotes({ title, url, outline, describe }: NotesInput): string {
  const lines = [`# ${title.replace(/\s+/g, ' ').trim() || 'Lecture'}`, '', `<${url}>`, ''];
  for (const c of outline.concepts) {
    const d = describe(c.conceptId);
    if (!d) continue;
    const also = c.mentions.length > 1 ? ` (also ${c.mentions.slice(1, 6).map(formatTime).join(', ')}${c.mentions.length > 6 ? ', …' : ''})` : '';
    lines.push(`- [${formatTime(c.first)}](${timeLink(url, c.first)}) **${d.name}**: ${d.line}${also}`);
  }
  return `${lines.join('\n')}\n`;
}
