type SchedulerLike = { yield?: () => Promise<void> };

/**
 * Gives the page its turn. scheduler.yield keeps our place in the queue where
 * it exists; a MessageChannel round trip avoids setTimeout's 4 ms clamp.
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
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
