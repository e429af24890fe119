import { useRef, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import { download } from '@/components/gpt-lab/shared/download';
import { snapshot } from '@/components/gpt-lab/png/snapshot';

/** Saves the view this button sits in (its nearest section) as a PNG at the screen's pixel ratio. */
export function PngButton({ name }: { name: string }) {
  const ref = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const save = async () => {
    const view = ref.current?.closest('section');
    if (!view) return;
    setBusy(true);
    setFailed(null);
    try {
      const canvas = await snapshot(view);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error('the canvas gave no PNG');
      download(blob, name, 'png');
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button ref={ref} data-testid="export-png" data-png="skip" onClick={() => void save()} disabled={busy} title={t('gptPngHint')}>
        {t('gptPng')}
      </button>
      {failed ? (
        <span class="small fail" data-png="skip" role="alert">
          {t('gptPngFailed', { why: failed })}
        </span>
      ) : null}
    </>
  );
}
