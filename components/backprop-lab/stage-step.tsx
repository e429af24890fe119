import { t } from '@/platform/i18n';
import { num, pct } from '@/components/backprop-lab/format';

export interface StepReport {
  eta: number;
  target: number;
  before: { probs: Float64Array; cost: number };
  after: { probs: Float64Array; cost: number };
  /** Network versions before and after, to read their accuracies. */
  from: number;
  to: number;
  kind: 'single' | 'batch';
}

/** eta on a log scale: slider position 0..100 <-> 0.001..10. */
export const etaFromSlider = (p: number): number => Number((10 ** (-3 + (4 * p) / 100)).toPrecision(2));
export const sliderFromEta = (eta: number): number => Math.round(((Math.log10(eta) + 3) * 100) / 4);

export interface StageStepProps {
  eta: number;
  onEta: (eta: number) => void;
  onStep: () => void;
  onUndo: () => void;
  onReset: () => void;
  onSave: () => void;
  steps: number;
  canUndo: boolean;
  report: StepReport | null;
  accuracy: (version: number) => number | undefined;
  version: number;
  saved: string;
  evalCount: number;
}

function Acc({ v, testid }: { v: number | undefined; testid: string }) {
  return (
    <span data-testid={testid} data-acc={v ?? ''}>
      {v === undefined ? t('bpComputing') : pct(v)}
    </span>
  );
}

/** Stage 7: one step of gradient descent on this example, what it did here and to 1,000 MNIST test digits; undo, reset, save. */
export function StageStep(p: StageStepProps) {
  const r = p.report;
  return (
    <section class="card stack bp-stage" data-testid="bp-stage-step" aria-labelledby="bp-h7">
      <h3 id="bp-h7">{t('bpStage7')}</h3>
      <p class="muted small">{t('bpStepHelp')}</p>
      <label class="row">
        <span>{t('bpEta')}</span>
        <input
          type="range"
          min={0}
          max={100}
          step={1}
          data-testid="bp-eta"
          value={sliderFromEta(p.eta)}
          aria-valuetext={`η = ${p.eta}`}
          onInput={(e) => p.onEta(etaFromSlider(Number((e.currentTarget as HTMLInputElement).value)))}
        />
        <span class="bp-num" data-testid="bp-eta-value" data-eta={p.eta}>{`η = ${p.eta}`}</span>
      </label>
      <div class="row">
        <button class="primary" data-testid="bp-step" onClick={p.onStep}>
          {t('bpTakeStep')}
        </button>
        <button data-testid="bp-undo" disabled={!p.canUndo} onClick={p.onUndo}>
          {t('bpUndo')}
        </button>
        <button data-testid="bp-reset" disabled={p.steps === 0 && !p.canUndo} onClick={p.onReset}>
          {t('bpReset')}
        </button>
        <button data-testid="bp-save" disabled={p.steps === 0} onClick={p.onSave}>
          {t('bpSave')}
        </button>
      </div>
      <div class="row small">
        <span class="muted" data-testid="bp-steps" data-steps={p.steps}>
          {t('bpStepsTaken', { n: p.steps })}
        </span>
        <span>
          {t('bpAccNow', { n: p.evalCount })} <Acc v={p.accuracy(p.version)} testid="bp-acc-now" />
        </span>
        {p.saved && <span data-testid="bp-saved">{p.saved}</span>}
      </div>
      {r && (
        <div class="stack" data-testid="bp-step-report" data-kind={r.kind} data-cost-before={r.before.cost} data-cost-after={r.after.cost}>
          <strong>{r.kind === 'batch' ? t('bpLastBatchStep', { eta: r.eta }) : t('bpLastStep', { eta: r.eta, d: r.target })}</strong>
          <table class="bp-table small">
            <thead>
              <tr>
                <th scope="col">{t('bpDigit')}</th>
                <th scope="col">{t('bpBefore')}</th>
                <th scope="col">{t('bpAfter')}</th>
              </tr>
            </thead>
            <tbody>
              {Array.from(r.before.probs, (b, d) => (
                <tr key={d} style={{ fontWeight: d === r.target ? 700 : 400 }}>
                  <td>{d}</td>
                  <td class="bp-num">{pct(b)}</td>
                  <td class="bp-num">{`${pct(r.after.probs[d]!)} ${r.after.probs[d]! > b ? '↑' : r.after.probs[d]! < b ? '↓' : ''}`}</td>
                </tr>
              ))}
              <tr>
                <td>C₀</td>
                <td class="bp-num">{num(r.before.cost)}</td>
                <td class="bp-num">{num(r.after.cost)}</td>
              </tr>
              <tr>
                <td>{t('bpAccShort', { n: p.evalCount })}</td>
                <td class="bp-num">
                  <Acc v={p.accuracy(r.from)} testid="bp-acc-before" />
                </td>
                <td class="bp-num">
                  <Acc v={p.accuracy(r.to)} testid="bp-acc-after" />
                </td>
              </tr>
            </tbody>
          </table>
          <p class="muted small">{t('bpStepOthers')}</p>
        </div>
      )}
    </section>
  );
}
