import type { HandlerSet, HostContext } from '@/models/host/handlers';
import { runTrainCheck } from '@/models/mnist-mlp/host/train-check';
import { TrainingRun } from '@/models/mnist-mlp/host/training-run';

/** The digit network's requests: training runs (paused ones kept by id) and the training-graph self-test. */
export function mnistHandlers({ store }: HostContext): HandlerSet<'host.train.start' | 'host.train.reset' | 'host.selftest.train'> {
  const runs = new Map<string, TrainingRun>();
  return {
    'host.selftest.train': (p) => runTrainCheck(p.backend),
    'host.train.start': async (p, ctx) => {
      let run = runs.get(p.runId);
      if (run && JSON.stringify(run.config) !== JSON.stringify(p.config)) {
        // New settings mean a new run.
        await run.dispose();
        run = undefined;
      }
      if (!run) {
        run = new TrainingRun(p.runId, p.config, store, p.backend);
        runs.set(p.runId, run);
      }
      const summary = await run.train((progress) => ctx.progress(progress), ctx.signal);
      if (summary.status !== 'paused') {
        runs.delete(p.runId);
        await run.dispose();
      }
      return summary;
    },
    'host.train.reset': async (p) => {
      await runs.get(p.runId)?.dispose();
      runs.delete(p.runId);
      return { ok: true as const };
    },
  };
}
