import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deleteNet, MAX_SAVED, parseNet, popupNetItem, saveNet, savedNetsItem } from '@/features/digits/saved-nets';

const net = (id: string) => ({
  id,
  name: id,
  createdAt: 1,
  sizes: [784, 2, 10],
  activation: 'relu',
  cost: 'cross-entropy',
  W: [new Array(784 * 2).fill(0.01), new Array(20).fill(-0.5)],
  b: [[0, 1], new Array(10).fill(0)],
});

describe('saved networks', () => {
  beforeEach(() => fakeBrowser.reset());

  it('accepts a well-formed network and rejects broken ones', () => {
    expect(parseNet(net('a'))?.sizes).toEqual([784, 2, 10]);
    expect(parseNet(null)).toBeNull();
    expect(parseNet({ ...net('a'), sizes: [100, 2, 10] })).toBeNull();
    expect(parseNet({ ...net('a'), W: [[1, 2], []] })).toBeNull();
    expect(parseNet({ ...net('a'), b: [[0, NaN], new Array(10).fill(0)] })).toBeNull();
    expect(parseNet({ ...net('a'), activation: 'tanh' })).toBeNull();
    expect(parseNet({ ...net('<script>'), name: 'x'.repeat(500) })?.name).toHaveLength(80);
    expect(parseNet({ ...net('<script>') })?.id).not.toBe('<script>');
  });

  it('keeps the newest few, survives reloads, and forgets a deleted popup choice', async () => {
    for (let i = 0; i < MAX_SAVED + 2; i++) await saveNet(parseNet(net(`n${i}`))!);
    const saved = await savedNetsItem.getValue();
    expect(saved.map((n) => n.id)).toEqual(['n6', 'n5', 'n4', 'n3', 'n2']);
    await popupNetItem.setValue('n5');
    await deleteNet('n5');
    expect(await popupNetItem.getValue()).toBe('default');
    expect((await savedNetsItem.getValue()).map((n) => n.id)).toEqual(['n6', 'n4', 'n3', 'n2']);
  });
});
