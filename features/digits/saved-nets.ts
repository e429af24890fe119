import { storage } from 'wxt/utils/storage';
import { parseNet, type SavedNet } from '@/features/digits/net-shape';

export { parseNet, type SavedNet };


export const MAX_SAVED = 5;

export const savedNetsItem = storage.defineItem<SavedNet[]>('local:savedNets', { fallback: [], version: 1 });
/** Which network the popup's digit pad uses: 'default' or a saved network's id. */
export const popupNetItem = storage.defineItem<string>('local:popupNet', { fallback: 'default', version: 1 });

export async function saveNet(net: SavedNet): Promise<SavedNet[]> {
  const all = (await savedNetsItem.getValue()).map((n) => parseNet(n)).filter((n): n is SavedNet => !!n && n.id !== net.id);
  const next = [net, ...all].slice(0, MAX_SAVED);
  await savedNetsItem.setValue(next);
  return next;
}

export async function deleteNet(id: string): Promise<SavedNet[]> {
  const next = (await savedNetsItem.getValue()).filter((n) => n.id !== id);
  await savedNetsItem.setValue(next);
  if ((await popupNetItem.getValue()) === id) await popupNetItem.setValue('default');
  return next;
}
