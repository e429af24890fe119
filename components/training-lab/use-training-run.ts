import { useRef, useState } from 'preact/hooks';
import { call } from '@/platform/messaging/client';
import type { BackendPreference, TrainConfig, TrainSummary } from '@/platform/protocol/protocol';
import { t } from '@/platform/i18n';
import { saveNet } from '@/features/digits/saved-nets';
import { label, type RunTrace } from '@/components/training-lab/run-trace';

export type TrainPhase = 'idle' | 'running' | 'paused' | 'done' | 'diverged' | 'error';

/**
 * One training run on the model host: start (or resume), pause, reset; its curves as they come,
 * the last few runs' curves, its summary, and a finished run saved.
 */
export function useTrainingRun(backend: BackendPreference) {
  const [phase, setPhase] = useState<TrainPhase>('idle');
  const [message, setMessage] = useState('');
  const [trace, setTrace] = useState<RunTrace | null>(null);
  const [previous, setPrevious] = useState<RunTrace[]>([]);
  const [summary, setSummary] = useState<TrainSummary | null>(null);
  const [speed, setSpeed] = useState(0);
  const runId = useRef(`run-${Date.now().toString(36)}`);
  const abort = useRef<AbortController | null>(null);
  const stepsPerEpoch = useRef(1);

  /** config names the run; runConfig is what trains (config plus the learner's drawings, if asked). */
  const start = async (resume: boolean, config: TrainConfig, runConfig: TrainConfig) => {
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
      { runId: runId.current, config: runConfig, backend },
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

  return { phase, message, trace, previous, summary, speed, runId, start, pause, reset };
}
