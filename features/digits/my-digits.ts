import { storage } from 'wxt/utils/storage';
import { DIGIT_CLASSES, DIGIT_PIXELS } from '@/platform/protocol/training';

/** Drawings the learner labelled in the popup, to train on with MNIST. */
export interface MyDigits {
  /** DIGIT_PIXELS bytes per drawing, 0 = background, 255 = ink, MNIST orientation. */
  pixels: number[];
  labels: number[];
}

export const MAX_MY_DIGITS = 1000;

export const myDigitsItem = storage.defineItem<MyDigits>('local:myDigits', { fallback: { pixels: [], labels: [] }, version: 1 });

const setAsideItem = storage.defineItem<unknown>('local:myDigits.setAside');

const wellFormed = (v: unknown): v is MyDigits => {
  const d = v as MyDigits | null;
  return (
    !!d &&
    Array.isArray(d.labels) &&
    Array.isArray(d.pixels) &&
    d.pixels.length === d.labels.length * DIGIT_PIXELS &&
    d.labels.every((l) => Number.isInteger(l) && l >= 0 && l < DIGIT_CLASSES) &&
    d.pixels.every((p) => Number.isInteger(p) && p >= 0 && p <= 255)
  );
};

/** The labelled drawings, read defensively: a value that is not well formed is set aside (kept, never deleted) and reads as none. */
export async function loadMyDigits(): Promise<MyDigits> {
  const cur: unknown = await myDigitsItem.getValue().catch(() => null);
  if (wellFormed(cur)) return cur;
  if (cur !== null && cur !== undefined) await setAsideItem.setValue(cur);
  const empty = { pixels: [], labels: [] };
  await myDigitsItem.setValue(empty).catch(() => undefined);
  return empty;
}

/** Adds one preprocessed drawing (values in [0, 1]) with its label; the oldest go first past the limit. */
export async function addMyDigit(image: Float32Array, label: number): Promise<number> {
  const cur = await loadMyDigits();
  const pixels = [...cur.pixels];
  const labels = [...cur.labels];
  for (const v of image) pixels.push(Math.round(Math.min(1, Math.max(0, v)) * 255));
  labels.push(label);
  const drop = Math.max(0, labels.length - MAX_MY_DIGITS);
  const next = { pixels: pixels.slice(drop * DIGIT_PIXELS), labels: labels.slice(drop) };
  await myDigitsItem.setValue(next);
  return next.labels.length;
}
