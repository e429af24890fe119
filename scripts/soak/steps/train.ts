import { INTERRUPTION_CODES } from '@/scripts/soak/ledger';
import { request, type Outcome } from '@/scripts/soak/rpc';
import { fail, pass, runStep, type StepContext, type Verdict } from '@/scripts/soak/steps/step';

// A short training run: host.train.start paused after about 2 s of progress by closing its port
// (as the training lab's Pause does), resumed by the next cycle under the same run id, so the
// host keeps one paused run rather than one per cycle. Now and then the training-graph self-test.

/** tests/e2e/host-worker.test.ts's run: 784-16-16-10, Adam, one epoch. */
const TRAIN = {
  hidden: [16, 16], activation: 'relu', cost: 'cross-entropy', optimizer: 'adam', eta: 0.003, batch: 32, epochs: 1,
  l1: 0, l2: 0, dropout: 0, init: 'he', seed: 7,
};
const RUN_ID = 'soak-train';
const PAUSE_AFTER_MS = 2000;

const judge = (what: string, r: Outcome): Verdict =>
  r.kind === 'error' ? fail(`${what}: ${r.code}: ${r.message}`, (INTERRUPTION_CODES as readonly string[]).includes(r.code)) : pass;

export async function train(ctx: StepContext): Promise<void> {
  await runStep(ctx, 'training run', async () => {
    const r = await request(ctx.driver, ctx.port, 'host.train.start', { runId: RUN_ID, config: TRAIN, backend: 'auto' }, { cancelAfterProgressMs: PAUSE_AFTER_MS });
    // Paused after its first progress, or finished (the next cycle starts a new run): both ran.
    // A paused run gets no answer (its port is closed), so it is counted here.
    if (r.kind === 'cancelled') ctx.ledger.serve('host.train.start (paused)');
    return judge('host.train.start', r);
  });
}

export async function trainSelfTest(ctx: StepContext): Promise<void> {
  await runStep(ctx, 'training self-test', async () => {
    const r = await request(ctx.driver, ctx.port, 'host.selftest.train', { backend: 'auto' }, { timeoutMs: 180_000 });
    if (r.kind === 'ok' && (r.value as { status: string }).status !== 'pass') return fail(`host.selftest.train: ${JSON.stringify(r.value).slice(0, 300)}`);
    return judge('host.selftest.train', r);
  });
}
