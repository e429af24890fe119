import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { call } from '@/platform/messaging/client';
import type { BackendPreference, SelfTestReport } from '@/platform/protocol/protocol';
import { BACKEND_PREFERENCES } from '@/platform/protocol/backend';
import { isOneOf } from '@/lib/one-of';
import { t } from '@/platform/i18n';
import { useSettings } from '@/components/shared/use-settings';
import { HostStatus } from '@/components/shared/host-status';
import { Tex } from '@/components/shared/tex';
import { TrainCheck } from '@/components/diagnostics/train-check';
import { GptBackend } from '@/components/diagnostics/gpt-backend';

const ms = (v: number) => `${v.toFixed(2)} ms`;

function initialBackend(fallback: BackendPreference): BackendPreference {
  const q = new URLSearchParams(location.search).get('backend');
  return isOneOf(BACKEND_PREFERENCES, q) ? q : fallback;
}

type State =
  | { phase: 'idle' }
  | { phase: 'running'; stage: string }
  | { phase: 'done'; report: SelfTestReport }
  | { phase: 'error'; message: string };

export function Diagnostics() {
  const settings = useSettings();
  const [backend, setBackend] = useState<BackendPreference | null>(null);
  const [state, setState] = useState<State>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const run = useCallback(async (pref: BackendPreference) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ phase: 'running', stage: 'starting' });
    const r = await call(
      'host.selftest',
      { backend: pref },
      { signal: controller.signal, retryOnDisconnect: true, onProgress: (p) => setState({ phase: 'running', stage: p.stage }) },
    );
    if (controller.signal.aborted) return;
    setState(r.ok ? { phase: 'done', report: r.value } : { phase: 'error', message: `${r.error.code}: ${r.error.message}` });
  }, []);

  // Run once on open, with the backend from the URL or the settings.
  useEffect(() => {
    const stored = settings.backend;
    if (backend !== null) return;
    const pref = initialBackend(stored);
    setBackend(pref);
    void run(pref);
  }, [settings, backend, run]);

  const report = state.phase === 'done' ? state.report : null;
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
    <main>
      <h1>{t('diagnosticsTitle')}</h1>
      <p class="lead">{t('diagnosticsIntro')}</p>
      <div data-testid="selftest-formula">
        <Tex display tex={String.raw`p = \operatorname{softmax}(x W + b),\quad x \in \mathbb{R}^{8 \times 64},\ W \in \mathbb{R}^{64 \times 10}`} />
      </div>
      <div class="card stack">
        <HostStatus />
        <div class="row">
          <label for="backend">{t('preferBackend')}</label>
          <select
            id="backend"
            value={backend ?? 'auto'}
            onChange={(e) => setBackend((e.currentTarget as HTMLSelectElement).value as BackendPreference)}
          >
            <option value="auto">{t('backendAuto')}</option>
            <option value="wasm">{t('backendWasm')}</option>
            <option value="webgpu">{t('backendWebgpu')}</option>
          </select>
          <button
            class="primary"
            data-testid="selftest-run"
            disabled={state.phase === 'running'}
            onClick={() => void run(backend ?? 'auto')}
          >
            {t('runSelfTest')}
          </button>
        </div>
      </div>

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

      {report && <GptBackend />}
      {backend && <TrainCheck backend={backend} />}

      <h2>{t('environment')}</h2>
      <table class="kv card">
        <tbody>
          <tr>
            <th>{t('version')}</th>
            <td>{browser.runtime.getManifest().version}</td>
          </tr>
          <tr>
            <th>{t('userAgent')}</th>
            <td>{navigator.userAgent}</td>
          </tr>
        </tbody>
      </table>
      {report && (
        <script type="application/json" data-testid="selftest-report">
          {JSON.stringify(report)}
        </script>
      )}
    </main>
  );
}
