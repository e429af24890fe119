import { useEffect, useState } from 'preact/hooks';
import { call } from '@/platform/messaging/client';
import type { HostStatus as Status, RpcError } from '@/platform/protocol/protocol';
import { t } from '@/platform/i18n';

/** One line saying what the model host can run on, asked of the host itself. */
export function HostStatus() {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setStatus(null);
    setError(null);
    void call('host.status', {}, { retryOnDisconnect: true }).then((r) => (r.ok ? setStatus(r.value) : setError(r.error)));
  }, [attempt]);

  if (error) {
    return (
      <div class="row" data-testid="host-status" role="alert">
        <span class="fail">{t('unreachable')}</span>
        <span class="muted">{error.message}</span>
        <button onClick={() => setAttempt((a) => a + 1)}>{t('retry')}</button>
      </div>
    );
  }
  if (!status) return <div class="muted" data-testid="host-status">{t('checking')}</div>;
  const gpu = status.webgpu;
  return (
    <div class="stack" data-testid="host-status">
      <div class="row">
        <span class="badge">{t('modelHost')}</span>
        <span>{gpu.available ? t('webgpuAvailable') : t('webgpuUnavailable')}</span>
      </div>
      <div class="muted small" data-testid="host-threads" data-threads={status.threads.count}>
        {t('hostThreads', { n: status.threads.count })}
        {status.threads.reason ? ` (${status.threads.reason})` : ''}
      </div>
      {gpu.adapter && (
        <div class="muted">
          {[gpu.adapter.vendor, gpu.adapter.architecture, gpu.adapter.description].filter(Boolean).join(' · ')}
        </div>
      )}
    </div>
  );
}
