import { storage } from 'wxt/utils/storage';

/** Drawings the learner labelled in the popup, to train on with MNIST. */
export interface MyDigits {
  /** 784 bytes per drawing, 0 = background, 255 = ink, MNIST orientation. */
  pixels: number[];
  labels: number[];
}

export const MAX_MY_DIGITS = 1000;

export const myDigitsItem = storage.defineItem<MyDigits>('local:myDigits', { fallback: { pixels: [], labels: [] }, version: 1 });

/** Adds one preprocessed drawing (values in [0, 1]) with its label; the oldest go first past the limit. */
export async function addMyDigit(image: Float32Array, label: number): Promise<number> {
  const cur = await myDigitsItem.getValue();
  const ok = Array.isArray(cur.labels) && Array.isArray(cur.pixels) && cur.pixels.length === cur.labels.length * 784;
  const pixels = ok ? [...cur.pixels] : [];
  const labels = ok ? [...cur.labels] : [];
  for (const v of image) pixels.push(Math.round(Math.min(1, Math.max(0, v)) * 255));
  labels.push(label);
  const drop = Math.max(0, labels.length - MAX_MY_DIGITS);
  const next = { pixels: pixels.slice(drop * 784), labels: labels.slice(drop) };
  await myDigitsItem.setValue(next);
  return next.labels.length;
}
