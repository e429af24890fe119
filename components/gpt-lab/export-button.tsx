import { t } from '@/platform/i18n';
import type { GptTokenization } from '@/platform/protocol/protocol';

/** Tokens as every export lists them. */
export const exportedTokens = (tok: GptTokenization) => tok.tokens.map(({ index, id, display, start, end }) => ({ index, id, token: display, start, end }));

/** Downloads what a view shows as JSON; `data` is called on click so nothing is serialised before it is wanted. */
export function ExportButton({ name, data }: { name: string; data: () => unknown }) {
  const save = () => {
    const blob = new Blob([JSON.stringify(data(), null, 1)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `dl-tutor-${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <button data-testid="export-json" onClick={save} title={t('gptExportHint')}>
      {t('gptExport')}
    </button>
  );
}
