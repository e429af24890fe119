import { storage } from 'wxt/utils/storage';
import { DIGIT_PIXELS } from '@/platform/protocol/training';

// A drawing handed from one surface to another (the popup's pad to the side panel's Backprop
// lab): as 784 bytes in a URL parameter (base64url, about 1 kB), or through session storage where
// no URL can be chosen (opening the side panel from the popup keeps its current page).


export interface Handoff {
  /** base64url of DIGIT_PIXELS bytes (0 = background, 255 = ink). */
  x: string;
  /** 'default' or a saved network's id. */
  net: string;
  /** Date.now() when sent: a handoff is taken once, and only while fresh. */
  at: number;
}

export const HANDOFF_MAX_AGE_MS = 60_000;

export const backpropHandoffItem = storage.defineItem<Handoff | null>('session:backpropHandoff', { fallback: null });

/** DIGIT_PIXELS inputs in [0, 1] as base64url bytes. */
export function encodeDrawing(image: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < image.length; i++) s += String.fromCharCode(Math.round(Math.min(1, Math.max(0, Number(image[i]) || 0)) * 255));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The inverse of encodeDrawing; null for anything that is not exactly DIGIT_PIXELS bytes of base64url. */
export function decodeDrawing(text: string | null | undefined): Float32Array | null {
  if (typeof text !== 'string' || text.length > 2000 || !/^[A-Za-z0-9_-]*$/.test(text)) return null;
  let raw: string;
  try {
    raw = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  if (raw.length !== DIGIT_PIXELS) return null;
  const out = new Float32Array(DIGIT_PIXELS);
  for (let i = 0; i < DIGIT_PIXELS; i++) out[i] = raw.charCodeAt(i) / 255;
  return out;
}

/** A network id as the lab accepts it: 'default' or a saved network's id shape. */
export const netIdOf = (v: string | null | undefined): string => (typeof v === 'string' && /^[\w-]{1,40}$/.test(v) ? v : 'default');
