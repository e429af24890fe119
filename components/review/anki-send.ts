import { browser } from 'wxt/browser';
import { tr, type Lang } from '@/platform/i18n';
import { ANKI_CONNECT_ORIGIN, ANKI_CONNECT_URL, AnkiError, sendNotes } from '@/features/review/anki-connect';
import type { AnkiNote } from '@/features/review/anki-text';

/** The AnkiConnect address: the real one, or a stand-in an e2e test names with ?anki= (loopback only). */
export function ankiUrl(): string {
  const asked = new URLSearchParams(location.search).get('anki');
  return asked && /^http:\/\/127\.0\.0\.1:\d{2,5}$/.test(asked) ? asked : ANKI_CONNECT_URL;
}

/**
 * Send to Anki, from a click: the host permission for AnkiConnect's loopback address is asked for
 * now (permissions.request needs the click's user gesture, so it comes first), then the notes go.
 */
export async function sendToAnki(
  notes: AnkiNote[],
  lang: Lang,
  url = ankiUrl(),
  request = (origins: string[]) => browser.permissions.request({ origins }),
  fetchFn = (u: string, init: RequestInit) => fetch(u, init),
): Promise<{ ok: boolean; message: string }> {
  const origin = url === ANKI_CONNECT_URL ? ANKI_CONNECT_ORIGIN : `${url}/*`;
  let granted = false;
  try {
    granted = await request([origin]);
  } catch {
    granted = false;
  }
  if (!granted) return { ok: false, message: tr(lang, 'reviewAnkiRefused') };
  try {
    const r = await sendNotes(notes, url, fetchFn);
    return { ok: true, message: tr(lang, 'reviewSent', r) };
  } catch (e) {
    if (!(e instanceof AnkiError)) return { ok: false, message: tr(lang, 'reviewAnkiFailed', { why: String(e) }) };
    const key = { 'not-running': 'reviewAnkiNotRunning', 'not-ankiconnect': 'reviewAnkiNotConnect', 'too-old': 'reviewAnkiTooOld', refused: 'reviewAnkiRefused', failed: 'reviewAnkiFailed' } as const;
    return { ok: false, message: tr(lang, key[e.problem], { why: e.message }) };
  }
}
