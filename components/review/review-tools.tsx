import { DraftInput } from '@/components/shared/draft-input';
import { useState } from 'preact/hooks';
import { lang as uiLang, t } from '@/platform/i18n';
import { ankiText, noteOf } from '@/features/review/anki-text';
import { backupJson, parseBackup } from '@/features/review/backup';
import { replaceAll, updateDeck } from '@/features/review/store';
import type { Deck, MetBook } from '@/features/review/types';
import { cardSource } from '@/components/review/card-sources';
import { saveFile } from '@/components/review/save-file';
import { sendToAnki } from '@/components/review/anki-send';

/** The deck's notes for Anki: every concept met or carded that the knowledge base still has. */
export function ankiNotes(met: MetBook, deck: Deck) {
  const ids = [...new Set([...Object.keys(met), ...Object.keys(deck.cards)])].sort();
  return ids.flatMap((id) => {
    const c = cardSource(id);
    return c ? [noteOf(c, met[id], uiLang.value)] : [];
  });
}

/** Deck settings, backup and restore, Anki export and Send to Anki. */
export function ReviewTools({ met, deck }: { met: MetBook; deck: Deck }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const setOption = (patch: Partial<Deck['options']>) => void updateDeck((d) => ({ ...d, options: { ...d.options, ...patch } }));
  const restore = async (file: File | undefined) => {
    if (!file) return;
    const r = parseBackup(await file.text());
    if (!r.ok) return setMessage({ ok: false, text: r.error });
    await replaceAll(r.met, r.deck);
    setMessage({ ok: true, text: t('reviewImported', { n: Object.keys(r.met).length }) });
  };
  const send = async () => {
    setMessage(null);
    const r = await sendToAnki(ankiNotes(met, deck), uiLang.value);
    setMessage({ ok: r.ok, text: r.message });
  };
  return (
    <section class="card stack" data-testid="review-tools">
      <h2>{t('reviewSettings')}</h2>
      <label class="row">
        {t('reviewNewPerDay')}
        <DraftInput type="number" min={0} max={1000} value={deck.options.newPerDay} data-testid="review-new-per-day" onCommit={(text) => setOption({ newPerDay: Number(text) })} />
      </label>
      <label class="row">
        {t('reviewRetention')}
        <input type="range" min={0.7} max={0.99} step={0.01} value={deck.options.retention} data-testid="review-retention-input" onChange={(e) => setOption({ retention: Number(e.currentTarget.value) })} />
        <span>{Math.round(deck.options.retention * 100)}%</span>
      </label>
      <h2>{t('reviewBackup')}</h2>
      <div class="row">
        <button data-testid="review-export-json" onClick={() => saveFile(backupJson(met, deck, Date.now()), 'review-backup', 'json', 'application/json')}>
          {t('reviewExportJson')}
        </button>
        <label class="button">
          {t('reviewImportJson')}
          <input type="file" accept=".json,application/json" data-testid="review-import-json" hidden onChange={(e) => void restore(e.currentTarget.files?.[0])} />
        </label>
        <button data-testid="review-export-anki" onClick={() => saveFile(ankiText(ankiNotes(met, deck)), 'anki', 'txt', 'text/plain')}>
          {t('reviewExportAnki')}
        </button>
        <button data-testid="review-send-anki" onClick={() => void send()}>
          {t('reviewSendAnki')}
        </button>
      </div>
      {message && (
        <p role="status" data-testid="review-message" class={message.ok ? 'good' : 'bad'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
