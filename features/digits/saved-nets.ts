import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { parseNet, type SavedNet } from '@/features/digits/net-shape';

export { parseNet, type SavedNet };

export const MAX_SAVED = 5;

export const savedNetsItem = storage.defineItem<SavedNet[]>('local:savedNets', { fallback: [], version: 1 });
/** Which network the popup's digit pad uses: 'default' or a saved network's id. */
export const popupNetItem = storage.defineItem<string>('local:popupNet', { fallback: 'default', version: 1 });

/** Where a saved-networks value that could not be read is kept, untouched, for recovery by hand. */
export const SAVED_NETS_SET_ASIDE = 'savedNets.setAside';
const setAsideItem = storage.defineItem<unknown>(`local:${SAVED_NETS_SET_ASIDE}`);

/** Raised when the browser's storage quota has no room for a network; the earlier saves are kept. */
export class StorageFullError extends Error {}

/**
 * The saved networks, read defensively: storage edited by hand or written by another version can
 * hold anything. What cannot be read is set aside (never deleted) and the rest is used; a value
 * that is not a list at all becomes an empty list. Never throws.
 */
export async function loadSavedNets(): Promise<{ nets: SavedNet[]; setAside: boolean }> {
  let value: unknown;
  try {
    value = await savedNetsItem.getValue();
  } catch {
    // A version this code does not know, or an unreadable value: read it raw below.
    value = undefined;
  }
  if (value === undefined) value = (await browserLocalGet('savedNets')) ?? [];
  const list = Array.isArray(value) ? value : null;
  const nets = (list ?? []).map((n) => parseNet(n)).filter((n): n is SavedNet => n !== null);
  const broken = list === null || nets.length !== list.length;
  if (broken) {
    await setAsideItem.setValue(value);
    await savedNetsItem.setValue(nets).catch(() => undefined);
  }
  return { nets, setAside: broken };
}

async function browserLocalGet(key: string): Promise<unknown> {
  return (await browser.storage.local.get(key))[key];
}

/** Keeps a network (newest first, at most MAX_SAVED); a full quota is a StorageFullError and changes nothing. */
export async function saveNet(net: SavedNet): Promise<SavedNet[]> {
  const all = (await loadSavedNets()).nets.filter((n) => n.id !== net.id);
  const next = [net, ...all].slice(0, MAX_SAVED);
  try {
    await savedNetsItem.setValue(next);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new StorageFullError(`Not enough room in the browser's storage to save "${net.name}" (${why}); your earlier networks are kept.`);
  }
  return next;
}

export async function deleteNet(id: string): Promise<SavedNet[]> {
  const next = (await loadSavedNets()).nets.filter((n) => n.id !== id);
  await savedNetsItem.setValue(next);
  if ((await popupNetItem.getValue()) === id) await popupNetItem.setValue('default');
  return next;
}
