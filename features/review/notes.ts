import type { Met, Place } from '@/features/review/types';
import { placeLink } from '@/features/review/met-book';

// A card's content in both languages, as the review view and the exports need it. The view
// builds these from the concept knowledge base, so this feature does not import it.

export interface Bilingual {
  en: string;
  zh: string;
}

export interface CardSource {
  id: string;
  topic: string;
  name: Bilingual;
  summary: Bilingual;
  /** KaTeX sources. */
  formulas: string[];
  related: { id: string; name: Bilingual }[];
}

export type Lang = 'en' | 'zh';
export const other = (lang: Lang): Lang => (lang === 'en' ? 'zh' : 'en');

/** m:ss or h:mm:ss. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** One place in words: the page (or video and time), its section and its sentence. */
export function describePlace(p: Place): { title: string; detail: string; sentence: string; href: string } {
  const title = p.title || p.url;
  const detail = p.time !== undefined ? clock(p.time) : (p.section ?? '');
  return { title, detail, sentence: p.sentence ?? '', href: placeLink(p) };
}

export const placesOf = (met: Met | undefined): Place[] => met?.places ?? [];
