import { useEffect, useRef, useState } from 'preact/hooks';
import { call } from '@/platform/messaging/client';
import type { TrainConfig, TrainSummary } from '@/platform/protocol/protocol';
import { ACTIVATIONS, COSTS, INITS, OPTIMIZERS } from '@/platform/protocol/training';
import { t } from '@/platform/i18n';
import type { Settings } from '@/platform/settings';
import { LineChart, type Series } from '@/components/training-lab/line-chart';
import { Confusion, Gallery } from '@/components/training-lab/results';
import { SavedNets } from '@/components/training-lab/saved-nets';
import { DraftInput } from '@/components/shared/draft-input';
import { saveNet } from '@/features/digits/saved-nets';
import { loadMyDigits, myDigitsItem, type MyDigits } from '@/features/digits/my-digits';

const COLORS = ['#2f6fde', '#e8590c', '#2f9e44', '#9c36b5', '#d6336c', '#1098ad'];

interface RunTrace {
  label: string;
  loss: { x: number; y: number }[];
  val: { x: number; y: number }[];
}

/** Defaults that train well here; a demo link may preselect the optimizer, activation or cost. */
function initialConfig(): TrainConfig {
  const q = new URLSearchParams(location.search);
  const optimizer = OPTIMIZERS.find((o) => o === q.get('optimizer')) ?? 'adam';
  const activation = q.get('activation') === 'sigmoid' ? 'sigmoid' : 'relu';
  const cost = q.get('cost') === 'quadratic' ? 'quadratic' : 'cross-entropy';
  const eta = { sgd: 0.1, momentum: 0.05, rmsprop: 0.001, adam: 0.003 }[optimizer];
  return { hidden: [16, 16], activation, cost, optimizer, eta, batch: 64, epochs: 3, l1: 0, l2: 0, dropout: 0, init: activation === 'relu' ? 'he' : 'xavier', seed: 1 };
}

const label = (c: TrainConfig) => `${c.optimizer} η=${c.eta} ${c.activation} ${c.hidden.join('-')}`;

/** Train the lessons' network in the browser and watch it learn. */
/** onOpenBackprop: show a saved network (by id) in the Backprop lab. */
export function TrainingLab({ settings, onOpenBackprop }: { settings: Settings; onOpenBackprop?: (netId: string) => void }) {
  const [config, setConfig] = useState<TrainConfig>(initialConfig);
  const [phase, setPhase] = useState<'idle' | 'running' | 'paused' | 'done' | 'diverged' | 'error'>('idle');
  const [message, setMessage] = useState('');
  const [trace, setTrace] = useState<RunTrace | null>(null);
  const [previous, setPrevious] = useState<RunTrace[]>([]);
  const [summary, setSummary] = useState<TrainSummary | null>(null);
  const [speed, setSpeed] = useState(0);
  const runId = useRef(`run-${Date.now().toString(36)}`);
  const abort = useRef<AbortController | null>(null);
  const stepsPerEpoch = useRef(1);
  const [mine, setMine] = useState<MyDigits>({ pixels: [], labels: [] });
  const [useMine, setUseMine] = useState(true);
  useEffect(() => {
    void loadMyDigits().then(setMine);
    return myDigitsItem.watch((v) => setMine(v ?? { pixels: [], labels: [] }));
  }, []);

  const set = <K extends keyof TrainConfig>(k: K, v: TrainConfig[K]) => setConfig((c) => ({ ...c, [k]: v }));
  const numberField = (k: 'eta' | 'batch' | 'epochs' | 'l1' | 'l2' | 'dropout', step: string, testid: string) => (
    <label class="field">
      <span>{t(`train_${k}` as const)}</span>
      <DraftInput
        type="number"
        step={step}
        min="0"
        data-testid={testid}
        value={config[k]}
        disabled={phase === 'running' || phase === 'paused'}
        onCommit={(text) => {
          const v = Number(text);
          if (text.trim() !== '' && Number.isFinite(v) && v >= 0) set(k, v);
        }}
      />
    </label>
  );
  const select = <K extends 'activation' | 'cost' | 'optimizer' | 'init'>(k: K, options: readonly TrainConfig[K][], testid: string) => (
    <label class="field">
      <span>{t(`train_${k}` as const)}</span>
      <select
        data-testid={testid}
        value={config[k]}
        disabled={phase === 'running' || phase === 'paused'}
        onChange={(e) => set(k, (e.currentTarget as HTMLSelectElement).value as TrainConfig[K])}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );

  const start = async (resume: boolean) => {
    const controller = new AbortController();
    abort.current = controller;
    if (!resume) {
      if (trace && trace.loss.length) setPrevious((p) => [...p.slice(-4), trace]);
      setTrace({ label: label(config), loss: [], val: [] });
      setSummary(null);
      runId.current = `run-${Date.now().toString(36)}`;
    }
    setPhase('running');
    setMessage('');
    const r = await call(
      'host.train.start',
      { runId: runId.current, config: useMine && mine.labels.length ? { ...config, extra: mine } : config, backend: settings.backend },
      {
        signal: controller.signal,
        onProgress: (p) => {
          stepsPerEpoch.current = p.stepsPerEpoch;
          const x = p.epoch + p.step / p.stepsPerEpoch;
          setTrace((tr) =>
            tr
              ? {
                  ...tr,
                  loss: Number.isFinite(p.loss) && p.step > 0 ? [...tr.loss, { x, y: p.loss }] : tr.loss,
                  val: p.valAcc !== undefined ? [...tr.val, { x, y: p.valAcc }] : tr.val,
                }
              : tr,
          );
          if (p.samplesPerSec) setSpeed(p.samplesPerSec);
        },
      },
    );
    if (controller.signal.aborted) return;
    if (!r.ok) {
      setPhase('error');
      setMessage(r.error.message);
      return;
    }
    setSummary(r.value);
    setPhase(r.value.status);
    if (r.value.status === 'diverged') setMessage(t('trainDiverged'));
    // Only a finished run is kept; a diverged or paused one never overwrites anything.
    const w = r.value.weights;
    if (r.value.status === 'done' && w) {
      const acc = r.value.testAcc !== undefined ? ` · ${(r.value.testAcc * 100).toFixed(1)}%` : '';
      // A full storage quota is said plainly; the earlier saves stay as they were.
      await saveNet({ id: runId.current, name: `${label(config)}${acc}`, createdAt: Date.now(), ...w, testAcc: r.value.testAcc }).catch((e: unknown) =>
        setMessage(e instanceof Error ? e.message : String(e)),
      );
    }
  };

  const pause = () => {
    abort.current?.abort();
    setPhase('paused');
  };
  const reset = () => {
    abort.current?.abort();
    void call('host.train.reset', { runId: runId.current });
    setPhase('idle');
    setTrace(null);
    setSummary(null);
    setMessage('');
  };

  const lossSeries: Series[] = [
    ...previous.map((p, i) => ({ label: p.label, color: COLORS[(i + 1) % COLORS.length]!, points: p.loss, faint: true })),
    ...(trace ? [{ label: trace.label, color: COLORS[0]!, points: trace.loss }] : []),
  ];
  const valSeries: Series[] = [
    ...previous.map((p, i) => ({ label: p.label, color: COLORS[(i + 1) % COLORS.length]!, points: p.val, faint: true })),
    ...(trace ? [{ label: trace.label, color: COLORS[0]!, points: trace.val }] : []),
  ];

  return (
    <section class="stack" data-testid="training-lab">
      <p class="muted">{t('trainDataNote')}</p>
      <div class="form-grid">
        <label class="field">
          <span>{t('train_hidden')}</span>
          <DraftInput
            data-testid="train-hidden"
            value={config.hidden.join(',')}
            disabled={phase === 'running' || phase === 'paused'}
            onCommit={(text) => {
              const sizes = text.split(/[,\s-]+/).filter(Boolean).map(Number);
              if (sizes.length >= 1 && sizes.length <= 4 && sizes.every((n) => Number.isInteger(n) && n >= 1 && n <= 512)) set('hidden', sizes);
            }}
          />
        </label>
        {select('activation', ACTIVATIONS, 'train-activation')}
        {select('cost', COSTS, 'train-cost')}
        {select('optimizer', OPTIMIZERS, 'train-optimizer')}
        {numberField('eta', '0.0001', 'train-eta')}
        {numberField('batch', '1', 'train-batch')}
        {numberField('epochs', '1', 'train-epochs')}
        {numberField('l1', '0.0001', 'train-l1')}
        {numberField('l2', '0.0001', 'train-l2')}
        {numberField('dropout', '0.05', 'train-dropout')}
        {select('init', INITS, 'train-init')}
      </div>
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
