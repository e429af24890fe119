import { useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import type { TrainConfig } from '@/platform/protocol/protocol';
import type { Settings } from '@/platform/settings';
import { LineChart } from '@/components/training-lab/line-chart';
import { Confusion, Gallery } from '@/components/training-lab/results';
import { SavedNets } from '@/components/training-lab/saved-nets';
import { initialConfig } from '@/components/training-lab/initial-config';
import { traceSeries } from '@/components/training-lab/run-trace';
import { TrainConfigForm } from '@/components/training-lab/train-config-form';
import { useMyDigits } from '@/components/training-lab/use-my-digits';
import { useTrainingRun } from '@/components/training-lab/use-training-run';

/** Train the lessons' network in the browser and watch it learn. */
/** onOpenBackprop: show a saved network (by id) in the Backprop lab. */
export function TrainingLab({ settings, onOpenBackprop }: { settings: Settings; onOpenBackprop?: (netId: string) => void }) {
  const [config, setConfig] = useState<TrainConfig>(initialConfig);
  const { phase, message, trace, previous, summary, speed, runId, start: startRun, pause, reset } = useTrainingRun(settings.backend);
  const mine = useMyDigits();
  const [useMine, setUseMine] = useState(true);

  const set = <K extends keyof TrainConfig>(k: K, v: TrainConfig[K]) => setConfig((c) => ({ ...c, [k]: v }));
  const start = (resume: boolean) => startRun(resume, config, useMine && mine.labels.length ? { ...config, extra: mine } : config);
  const lossSeries = traceSeries(previous, trace, 'loss');
  const valSeries = traceSeries(previous, trace, 'val');

  return (
    <section class="stack" data-testid="training-lab">
      <p class="muted">{t('trainDataNote')}</p>
      <TrainConfigForm config={config} set={set} disabled={phase === 'running' || phase === 'paused'} />
      {mine.labels.length > 0 && (
        <label class="row">
          <input type="checkbox" data-testid="train-use-mine" checked={useMine} onChange={(e) => setUseMine((e.currentTarget as HTMLInputElement).checked)} />
          <span>{`${t('useMyDrawings')} (${mine.labels.length})`}</span>
        </label>
      )}
      <div class="row">
        {phase !== 'running' && phase !== 'paused' && (
          <button class="primary" data-testid="train-start" onClick={() => void start(false)}>
            {t('trainStart')}
          </button>
        )}
        {phase === 'running' && (
          <button data-testid="train-pause" onClick={pause}>
            {t('trainPause')}
          </button>
        )}
        {phase === 'paused' && (
          <button class="primary" data-testid="train-resume" onClick={() => void start(true)}>
            {t('trainResume')}
          </button>
        )}
        <button data-testid="train-reset" onClick={reset}>
          {t('trainReset')}
        </button>
        <span class="muted" data-testid="train-status" data-phase={phase}>
          {phase === 'running' && speed ? `${Math.round(speed)} ${t('samplesPerSec')}` : ''}
          {summary ? ` ${summary.backend}` : ''}
        </span>
      </div>
      {message && (
        <div class="fail" role="alert" data-testid="train-message">
          {message}
        </div>
      )}
      {trace && <LineChart series={lossSeries} xMax={config.epochs} yLabel={t('trainLoss')} testid="loss-chart" />}
      {trace && <LineChart series={valSeries} xMax={config.epochs} yMax={1} yLabel={t('valAccuracy')} testid="val-chart" />}
      {summary?.testAcc !== undefined && (
        <div class="row">
          <strong>{t('testAccuracy')}</strong>
          <span data-testid="test-accuracy">{`${(summary.testAcc * 100).toFixed(2)}%`}</span>
        </div>
      )}
      {phase === 'done' && onOpenBackprop && (
        <div class="row">
          <button data-testid="train-open-backprop" onClick={() => onOpenBackprop(runId.current)}>
            {t('bpOpenCurrent')}
          </button>
        </div>
      )}
      {summary?.confusion && <Confusion m={summary.confusion} labels={{ title: t('confusion'), rows: t('trueDigit'), cols: t('predictedDigit') }} />}
      {summary?.misclassified && summary.misclassified.length > 0 && <Gallery items={summary.misclassified} label={t('misclassified')} />}
      <SavedNets onOpenBackprop={onOpenBackprop} />
    </section>
  );
}
