import { err, type Api, type RequestMsg, type Result } from '../../utils/messaging/protocol';
import { settle, type HandlerContext } from '../../utils/messaging/serve';
import { runSelfTest } from './selftest/run';
import { SessionStore } from './sessions';
import { probeWebGpu } from './webgpu';
import { TrainingRun } from './training/run';
import { runTrainCheck } from './selftest/train-check';
import { gptHandlers } from './gpt/handlers';

// The model host: where onnxruntime-web and every loaded session live.
const HOST_STARTED_AT = Date.now();
const store = new SessionStore();
const runs = new Map<string, TrainingRun>();

type HostType = Extract<keyof Api, `host.${string}`>;
type HostHandlers = {
  [K in HostType]: (payload: Api[K]['req'], ctx: HandlerContext) => Promise<Api[K]['res']>;
};

const handlers: HostHandlers = {
  ...gptHandlers(store, HOST_STARTED_AT),
  'host.selftest': (p, ctx) =>
    runSelfTest(store, p.backend, HOST_STARTED_AT, (stage) => ctx.progress({ stage }), ctx.signal),
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
  'host.status': async () => ({
    hostStartedAt: HOST_STARTED_AT,
    webgpu: await probeWebGpu(),
    sessions: await store.list(),
  }),
};

const isHostType = (t: string): t is HostType => Object.prototype.hasOwnProperty.call(handlers, t);

export function dispatchHost(req: RequestMsg, ctx: HandlerContext): Promise<Result<unknown>> {
  if (!isHostType(req.type)) return Promise.resolve(err('bad-request', `not a model-host request: ${req.type}`));
  const handler = handlers[req.type] as (p: unknown, c: HandlerContext) => Promise<unknown>;
  return settle(() => handler(req.payload, ctx), ctx.signal);
}
