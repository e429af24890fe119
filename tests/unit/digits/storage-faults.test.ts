// Storage a learner cares about, corrupted by hand or full: repaired or set aside with a message,
// never a crash, and a failed save keeps the previous one.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSavedNets, saveNet, SAVED_NETS_SET_ASIDE } from '@/features/digits/saved-nets';
import { addMyDigit, loadMyDigits } from '@/features/digits/my-digits';
import { loadSettings, DEFAULT_SETTINGS } from '@/platform/settings';

const net = (id: string) => ({
  id,
  name: id,
  createdAt: 1,
  sizes: [784, 2, 10],
  activation: 'relu' as const,
  cost: 'cross-entropy' as const,
  W: [new Array(784 * 2).fill(0.01), new Array(20).fill(-0.5)],
  b: [[0, 1], new Array(10).fill(0)],
});

const raw = (key: string, value: unknown) => fakeBrowser.storage.local.set({ [key]: value });

describe('corrupted storage', () => {
  beforeEach(() => fakeBrowser.reset());

  for (const [what, value] of [
    ['a wrong type', 'not a list'],
    ['truncated JSON', '[{"id":"net-1","sizes":[784,'],
    ['an object', { 0: net('a') }],
    ['numbers', 42],
  ] as const) {
    it(`saved networks holding ${what}: set aside with the original kept, an empty list, no throw`, async () => {
      await raw('savedNets', value);
      const { nets, setAside } = await loadSavedNets();
      expect(nets).toEqual([]);
      expect(setAside).toBe(true);
      expect((await fakeBrowser.storage.local.get(SAVED_NETS_SET_ASIDE))[SAVED_NETS_SET_ASIDE]).toEqual(value);
      // Saving works again afterwards.
      await saveNet(net('b'));
      expect((await loadSavedNets()).nets.map((n) => n.id)).toEqual(['b']);
    });
  }

  it('keeps the good networks of a list with a broken one, and sets the broken one aside', async () => {
    await raw('savedNets', [net('good'), { ...net('bad'), W: 'x' }, null]);
    const { nets, setAside } = await loadSavedNets();
    expect(nets.map((n) => n.id)).toEqual(['good']);
    expect(setAside).toBe(true);
  });

  it('reads networks saved by a future version as far as their shape allows', async () => {
    await raw('savedNets', [net('a')]);
    await raw('savedNets$', { v: 99 });
    const { nets } = await loadSavedNets();
    expect(nets.map((n) => n.id)).toEqual(['a']);
  });

  it('settings holding garbage, truncated JSON or a future version load as repaired defaults', async () => {
    for (const value of ['{"uiLang":"zh",', 17, [1, 2], { uiLang: 'klingon', theme: 3, backend: 'gpu', autoSites: 'all' }]) {
      fakeBrowser.reset();
      await raw('settings', value);
      await raw('settings$', { v: 42 });
      expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('labelled drawings holding garbage are set aside and the next drawing is kept', async () => {
    await raw('myDigits', { pixels: 'broken', labels: [1] });
    expect((await loadMyDigits()).labels).toEqual([]);
    expect(await addMyDigit(new Float32Array(784).fill(0.5), 3)).toBe(1);
    expect((await loadMyDigits()).labels).toEqual([3]);
  });
});

describe('a full storage quota', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives a clear error when a network does not fit, and keeps the previous save', async () => {
    await saveNet(net('first'));
    const set = fakeBrowser.storage.local.set;
    fakeBrowser.storage.local.set = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    try {
      await expect(saveNet(net('second'))).rejects.toThrow(/not enough room .* kept/i);
    } finally {
      fakeBrowser.storage.local.set = set;
    }
    expect((await loadSavedNets()).nets.map((n) => n.id)).toEqual(['first']);
  });
});
