// What the review deck keeps: where the learner met each concept, and each card's schedule.
// Plain JSON (times in ms since the epoch), so storage and backups hold them as they are.
import type { MetEvent } from '@/platform/protocol/met';

/**
 * One place a concept was met: a page at a section, or a video at a time. The fields the content
 * script reports (platform/protocol/met.ts: section and its anchor, the sentence around the term
 * up to MAX_SENTENCE characters, seconds into the video), and when.
 */
export type Place = Omit<MetEvent, 'conceptId' | 'kind'> & { at: number };

export interface Met {
  first: number;
  last: number;
  count: number;
  /** Newest first. */
  places: Place[];
}

export type MetBook = Record<string, Met>;

/** ts-fsrs's Card with dates as numbers. */
export interface StoredCard {
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  /** 0 new, 1 learning, 2 review, 3 relearning (ts-fsrs's State). */
  state: number;
  last_review?: number;
}

/** One rating: enough for the statistics (state is the card's before the rating). */
export interface LogEntry {
  id: string;
  rating: 1 | 2 | 3 | 4;
  state: number;
  at: number;
}

export interface DeckOptions {
  newPerDay: number;
  /** Desired retention, FSRS's request_retention. */
  retention: number;
}

export interface Deck {
  cards: Record<string, StoredCard>;
  log: LogEntry[];
  options: DeckOptions;
}

export const DEFAULT_OPTIONS: DeckOptions = { newPerDay: 20, retention: 0.9 };

export const MAX_SENTENCE = 200;
/** Places kept per concept (newest), and in all (oldest dropped first). */
export const PLACES_PER_CONCEPT = 5;
export const MAX_PLACES = 5000;
/** Ratings kept for the statistics (oldest dropped first). */
export const MAX_LOG = 50_000;
