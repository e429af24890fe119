import { t } from '@/platform/i18n';
import type { SelfTestReport } from '@/platform/protocol/protocol';
import type { SelfTestState } from '@/components/diagnostics/use-self-test';

const ms = (v: number) => `${v.toFixed(2)} ms`;

/** What the self-test reported: its status, backend, adapter, error and timings. */
export function SelfTestReportView({ state }: { state: SelfTestState }) {
  const report: SelfTestReport | null = state.phase === 'done' ? state.report : null;
  const statusText =
    state.phase === 'running'
      ? `${t('running')}: ${state.stage}`
      : state.phase === 'error'
        ? `fail: ${state.message}`
        : report
          ? report.status === 'pass'
            ? 'pass'
            : `fail: ${report.reason ?? ''}`
          : '';
  const statusClass = state.phase === 'error' || report?.status === 'fail' ? 'fail' : report ? 'pass' : 'muted';

  return (
    <>
      <h2>{t('status')}</h2>
      <table class="kv card">
        <tbody>
          <tr>
            <th>{t('status')}</th>
            <td class={statusClass} data-testid="selftest-status" aria-live="polite">
              {statusText}
            </td>
          </tr>
          <tr>
            <th>{t('backendLabel')}</th>
            <td data-testid="runtime-backend">{report?.backend ?? ''}</td>
          </tr>
          {report?.fallbackReason && (
            <tr>
              <th>{t('fallback')}</th>
              <td data-testid="fallback-reason">{report.fallbackReason}</td>
            </tr>
          )}
          <tr>
            <th>{t('adapter')}</th>
            <td data-testid="adapter-info">
              {report?.adapter
                ? [report.adapter.vendor, report.adapter.architecture, report.adapter.device, report.adapter.description]
                    .filter(Boolean)
                    .join(' · ') || '(unnamed adapter)'
                : t('none')}
            </td>
          </tr>
          <tr>
            <th>{t('maxError')}</th>
            <td data-testid="max-error">
              {report ? `${report.maxAbsError.toExponential(2)} (≤ ${report.tolerance.toExponential(0)})` : ''}
            </td>
          </tr>
          <tr>
            <th>{t('gpuResident')}</th>
            <td data-testid="gpu-resident">{report ? (report.gpuResidentOutput ? t('yes') : t('no')) : ''}</td>
          </tr>
          <tr>
            <th>{t('sessionReused')}</th>
            <td data-testid="session-reused">{report ? (report.sessionReused ? t('yes') : t('no')) : ''}</td>
          </tr>
          <tr>
            <th>{t('hostUptime')}</th>
            <td data-testid="host-started" data-started={report?.hostStartedAt}>
              {report ? `${((Date.now() - report.hostStartedAt) / 1000).toFixed(1)} ${t('seconds')}` : ''}
            </td>
          </tr>
        </tbody>
      </table>

      <h2>{t('timings')}</h2>
      <table class="kv card" data-testid="timings">
        <tbody>
          <tr>
            <th>{t('buildMs')}</th>
            <td>{report ? ms(report.timings.buildMs) : ''}</td>
          </tr>
          <tr>
            <th>{t('createMs')}</th>
            <td data-testid="timing-create">{report ? ms(report.timings.createSessionMs) : ''}</td>
          </tr>
          <tr>
            <th>{t('firstRunMs')}</th>
            <td data-testid="timing-first">{report ? ms(report.timings.firstRunMs) : ''}</td>
          </tr>
          <tr>
            <th>
              {t('medianRunMs')} {report ? `(n = ${report.timings.runs})` : ''}
            </th>
            <td data-testid="timing-median">{report ? ms(report.timings.runMedianMs) : ''}</td>
          </tr>
        </tbody>
      </table>
    </>
  );
}
