import { t } from '@/platform/i18n';
import type { GptTokenization } from '@/platform/protocol/protocol';
import { download } from '@/components/gpt-lab/shared/download';
import { PngButton } from '@/components/gpt-lab/png/png-button';

/** Tokens as every export lists them. */
export const exportedTokens = (tok: GptTokenization) => tok.tokens.map(({ index, id, display, start, end }) => ({ index, id, token: display, start, end }));

/**
 * Downloads what a view shows as JSON; `data` is called on click so nothing is serialised before
 * it is wanted. Beside it, the view's picture as PNG.
 */
export function ExportButton({ name, data }: { name: string; data: () => unknown }) {
  const save = () => download(new Blob([JSON.stringify(data(), null, 1)], { type: 'application/json' }), name, 'json');
  return (
    <>
      <button data-testid="export-json" data-png="skip" onClick={save} title={t('gptExportHint')}>
        {t('gptExport')}
      </button>
      <PngButton name={name} />
    </>
  );
}
