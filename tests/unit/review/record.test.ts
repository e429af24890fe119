// The background's side of bg.met: recording off stores nothing, and a tab over its budget is cut off.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMetRecorder, MET_PER_MINUTE } from '@/features/review/record';
import { loadMet } from '@/features/review/store';
import type { MetEvent } from '@/platform/protocol/met';

const ev = (i: number): MetEvent => ({ conceptId: `c${i}`, kind: 'seen', url: 'https://a.org/', title: 'A' });

describe('met recorder', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores nothing while recording is off', async () => {
    const record = createMetRecorder({ enabled: async () => false });
    expect(await record([ev(1)], 3)).toBe(0);
    expect(await loadMet()).toEqual({});
  });

  it('limits each tab per minute, not the others', async () => {
    let now = 0;
    const record = createMetRecorder({ enabled: async () => true, now: () => now });
    let kept = 0;
    for (let i = 0; i < 10; i++) kept += await record(Array.from({ length: 20 }, (_, j) => ev(i * 20 + j)), 1);
    expect(kept).toBe(MET_PER_MINUTE);
    expect(await record([ev(999)], 2)).toBe(1);
    now = 60_000;
    expect(await record([ev(1000)], 1)).toBe(1);
    expect(Object.keys(await loadMet())).toHaveLength(MET_PER_MINUTE + 2);
  });
});
