import { browser } from 'wxt/browser';

// A background that idles out mid-request cuts its ports: Firefox suspends an event page after
// `extensions.background.idle.timeout` (30 s) without activity, and streaming progress out over a
// port does not count. Calling an extension API does, in Firefox and in Chrome (110+), so while
// the background waits on the model host it calls a cheap one every second.

const BEAT_MS = 1000;
let busy = 0;
let beat: ReturnType<typeof setInterval> | null = null;

/** Keeps the background awake until `work` settles. */
export async function keepAwakeWhile<T>(work: Promise<T>): Promise<T> {
  if (busy++ === 0) beat = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), BEAT_MS);
  try {
    return await work;
  } finally {
    if (--busy === 0 && beat !== null) {
      clearInterval(beat);
      beat = null;
    }
  }
}
