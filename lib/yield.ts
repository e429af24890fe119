/**
 * How long a piece of work runs before it yields: well under the 50 ms that makes a task "long",
 * and short enough that a cancel, a click or another request waits at most this long to be read.
 */
export const SLICE_MS = 8;

type SchedulerLike = {
  yield?: () => Promise<void>;
  postTask?: (task: () => void, options: { priority: 'background' }) => Promise<void>;
};

/**
 * Gives the page its turn. scheduler.yield keeps our place in the queue where
 * it exists; a MessageChannel round trip avoids setTimeout's 4 ms clamp.
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  return s?.yield ? s.yield() : yieldToOthers();
}

/**
 * Queues the rest of a long job behind everything already waiting (input,
 * rendering, other documents on the same thread), unlike scheduler.yield,
 * whose continuation jumps the queue.
 */
export function yieldToOthers(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

/**
 * Lets everything the page has waiting go first (its timers, its loading, a rendering update):
 * scheduler.postTask at background priority, else a MessageChannel round trip. A long job that
 * only ever used yieldToPage would hold a busy page back (a 20 MB page took 70 s instead of 20 to
 * finish loading beside the annotator), since its continuations jump the queue.
 */
export function giveWay(): Promise<void> {
  const s = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (s?.postTask) return s.postTask(() => undefined, { priority: 'background' });
  return yieldToOthers();
}
