// A meeting as the content script sends it (bg.met): small, checked field by field by the
// background before anything is stored.

export const MET_KINDS = ['seen', 'card', 'video'] as const;
export type MetKind = (typeof MET_KINDS)[number];

export interface MetEvent {
  conceptId: string;
  kind: MetKind;
  url: string;
  title: string;
  section?: string;
  anchor?: string;
  sentence?: string;
  time?: number;
}

/** Events per message; the content script batches up to this many. */
export const MAX_MET_BATCH = 20;

const CONCEPT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;
const optText = (v: unknown, max: number) => v === undefined || text(v, max);
const KEYS = ['conceptId', 'kind', 'url', 'title', 'section', 'anchor', 'sentence', 'time'];

/** Only pages a learner reads: no extension, data or javascript URLs. */
export function isPageUrl(v: unknown): boolean {
  if (!text(v, 2048)) return false;
  try {
    return ['http:', 'https:', 'file:'].includes(new URL(v as string).protocol);
  } catch {
    return false;
  }
}

export function isMetEvent(e: unknown): e is MetEvent {
  return (
    isRecord(e) &&
    Object.keys(e).every((k) => KEYS.includes(k)) &&
    text(e.conceptId, 80) &&
    CONCEPT_ID.test(e.conceptId as string) &&
    (MET_KINDS as readonly unknown[]).includes(e.kind) &&
    isPageUrl(e.url) &&
    text(e.title, 300) &&
    optText(e.section, 200) &&
    optText(e.anchor, 200) &&
    optText(e.sentence, 200) &&
    (e.time === undefined || (typeof e.time === 'number' && Number.isFinite(e.time) && e.time >= 0 && e.time < 1e7))
  );
}
