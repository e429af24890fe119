import type { MetEvent } from '@/platform/protocol/met';
import { recordMeetings } from '@/features/review/met-book';
import { updateMet } from '@/features/review/store';

/** Events a tab may report per minute; a page that sends more (a loop, a hostile page driving our marks) is cut off. */
export const MET_PER_MINUTE = 120;

/**
 * The background's side of bg.met: drops what is over a tab's budget or while recording is off,
 * and stores the rest under the review lock (store.ts), one write per message.
 */
export function createMetRecorder(opts: { enabled: () => Promise<boolean>; now?: () => number }) {
  const now = opts.now ?? Date.now;
  const spent = new Map<number, { since: number; n: number }>();
  return async (events: MetEvent[], tabId: number | undefined): Promise<number> => {
    if (!(await opts.enabled())) return 0;
    const t = now();
    const key = tabId ?? -1;
    let b = spent.get(key);
    if (!b || t - b.since >= 60_000) spent.set(key, (b = { since: t, n: 0 }));
    const take = events.slice(0, Math.max(0, MET_PER_MINUTE - b.n));
    b.n += take.length;
    if (spent.size > 500) spent.clear();
    if (!take.length) return 0;
    await updateMet((book) => recordMeetings(book, take, t));
    return take.length;
  };
}
