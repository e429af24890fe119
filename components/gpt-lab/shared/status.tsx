import { t } from '@/platform/i18n';
import type { GptTokenization, RpcError } from '@/platform/protocol/protocol';

/** A request in flight: a progress line, never a blank view. */
export function Working({ what }: { what: string }) {
  return (
    <p class="gpt-working" role="status" data-testid="gpt-working">
      <span class="spinner" aria-hidden="true" /> {what}
    </p>
  );
}

export function Failure({ error, retry }: { error: RpcError; retry: () => void }) {
  return (
    <div class="gpt-error" role="alert" data-testid="gpt-error">
      <p>
        <strong>{t('gptErrorTitle')}</strong> {error.message}
      </p>
      {error.code === 'model-missing' || error.code === 'model-corrupt' ? <p class="muted">{t('gptErrorModelHint')}</p> : null}
      <button onClick={retry}>{t('retry')}</button>
    </div>
  );
}

/** How much of the text the model read, when it could not read it all. */
export function TruncationNote({ tok }: { tok: GptTokenization }) {
  if (!tok.truncated) return null;
  return (
    <p class="gpt-note" data-testid="truncation-note">
      {t('gptTruncated', { tokens: tok.tokens.length, used: tok.usedChars.toLocaleString(), total: tok.totalChars.toLocaleString() })}
    </p>
  );
}
