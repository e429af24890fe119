import { t } from '@/platform/i18n';
import { HostStatus } from '@/components/shared/host-status';
import { Tex } from '@/components/shared/tex';
import { TrainCheck } from '@/components/diagnostics/train-check';
import { GptBackend } from '@/components/diagnostics/gpt-backend';
import { useSelfTest } from '@/components/diagnostics/use-self-test';
import { SelfTestReportView } from '@/components/diagnostics/self-test-report';
import { Environment } from '@/components/diagnostics/environment';
import type { BackendPreference } from '@/platform/protocol/protocol';

/** The diagnostics page: the self-test, the GPT backend, the training check and the environment. */
export function Diagnostics() {
  const { backend, setBackend, state, run } = useSelfTest();
  const report = state.phase === 'done' ? state.report : null;

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

      <SelfTestReportView state={state} />

      {report && <GptBackend />}
      {backend && <TrainCheck backend={backend} />}

      <Environment />
      {report && (
        <script type="application/json" data-testid="selftest-report">
          {JSON.stringify(report)}
        </script>
      )}
    </main>
  );
}
