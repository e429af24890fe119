import { useEffect, useState } from 'preact/hooks';
import { call } from '@/platform/messaging/client';
import type { BackendPreference, TrainCheckReport } from '@/platform/protocol/protocol';
import { t } from '@/platform/i18n';

/** Diagnostics: the training step graph against the TypeScript reference, on this browser's backend. */
export function TrainCheck({ backend }: { backend: BackendPreference }) {
  const [report, setReport] = useState<TrainCheckReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  // On request only: on a CPU-emulated GPU it takes minutes, and opening this page must stay quick.
  const run = () => {
    setRunning(true);
    setReport(null);
    setError(null);
    void call('host.selftest.train', { backend }, { retryOnDisconnect: true }).then((r) => {
      setRunning(false);
      if (r.ok) setReport(r.value);
      else setError(r.error.message);
    });
  };
  useEffect(() => setReport(null), [backend]);
  const status = error ? `fail: ${error}` : report ? (report.status === 'pass' ? 'pass' : 'fail') : running ? t('running') : '';
  return (
    <section>
      <h2>{t('trainCheckTitle')}</h2>
      <p class="muted">{t('trainCheckIntro')}</p>
      <button data-testid="train-check-run" disabled={running} onClick={run}>
        {t('trainCheckRun')}
      </button>
      <table class="kv card">
        <tbody>
          <tr>
            <th>{t('status')}</th>
            <td data-testid="train-check-status" class={report?.status === 'pass' ? 'pass' : report || error ? 'fail' : 'muted'}>
              {status}
            </td>
          </tr>
          <tr>
            <th>{t('backendLabel')}</th>
            <td data-testid="train-check-backend">{report?.backend ?? ''}</td>
          </tr>
          {report?.results.map((r) => (
            <tr key={r.optimizer} data-testid="train-check-row" data-optimizer={r.optimizer} data-max-rel={r.maxRel}>
              <th>{r.optimizer}</th>
              <td>{`max rel ${r.maxRel.toExponential(1)} · cost rel ${r.costRel.toExponential(1)} · ${r.steps} steps · ${r.ms.toFixed(0)} ms`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
