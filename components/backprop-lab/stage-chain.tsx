import { DraftInput } from '@/components/shared/draft-input';
import { t } from '@/platform/i18n';
import { BpTex } from '@/components/backprop-lab/bp-tex';
import type { ExampleTrace } from '@/models/mnist-mlp/reference/backprop';
import type { Network } from '@/models/mnist-mlp/reference/network';
import type { Link } from '@/components/backprop-lab/net-geometry';
import { chainRule } from '@/components/backprop-lab/chain-tex';
import { num } from '@/components/backprop-lab/format';

export interface StageChainProps {
  net: Network;
  trace: ExampleTrace;
  target: number;
  link: Link;
  onLink: (link: Link) => void;
}

/** Stage 6 (lesson 4): the chain rule for the picked link, typeset, with each factor's value. */
export function StageChain({ net, trace, target, link, onLink }: StageChainProps) {
  const { sizes } = net.config;
  const L = net.L;
  const rule = chainRule(net, trace, target, link);
  const grad = trace.grad_W[link.l]![link.j * sizes[link.l - 1]! + link.k]!;
  const clampK = (l: number, k: number) => Math.max(0, Math.min(sizes[l - 1]! - 1, k));
  const clampJ = (l: number, j: number) => Math.max(0, Math.min(sizes[l]! - 1, j));
  return (
    <section class="card stack bp-stage" data-testid="bp-stage-chain" aria-labelledby="bp-h6">
      <h3 id="bp-h6">{t('bpStage6')}</h3>
      <p class="muted small">{t('bpChainHelp')}</p>
      <div class="row small">
        <label class="row">
          <span>l</span>
          <select
            data-testid="bp-link-l"
            value={String(link.l)}
            onChange={(e) => {
              const l = Number((e.currentTarget as HTMLSelectElement).value);
              onLink({ l, j: clampJ(l, link.j), k: clampK(l, link.k) });
            }}
          >
            {Array.from({ length: L }, (_, i) => (
              <option key={i} value={String(i + 1)}>
                {i + 1}
              </option>
            ))}
          </select>
        </label>
        <label class="row">
          <span>j</span>
          <DraftInput
            type="number"
            data-testid="bp-link-j"
            min={0}
            max={sizes[link.l]! - 1}
            value={link.j}
            style={{ width: '4.5em' }}
            onCommit={(text) => {
              const j = Number(text);
              if (Number.isInteger(j)) onLink({ ...link, j: clampJ(link.l, j) });
            }}
          />
        </label>
        <label class="row">
          <span>k</span>
          <DraftInput
            type="number"
            data-testid="bp-link-k"
            min={0}
            max={sizes[link.l - 1]! - 1}
            value={link.k}
            style={{ width: '4.5em' }}
            onCommit={(text) => {
              const k = Number(text);
              if (Number.isInteger(k)) onLink({ ...link, k: clampK(link.l, k) });
            }}
          />
        </label>
      </div>
      <div class="bp-formula" data-testid="bp-chain" data-product={rule.product} data-grad={grad} data-factors={JSON.stringify(rule.factors)}>
        <BpTex tex={rule.symbolic} />
        <div class="bp-numeric" data-testid="bp-chain-numbers">
          {rule.numeric}
        </div>
      </div>
      <p class="small">{t('bpChainCheck', { grad: num(grad) })}</p>
      {link.l === L && net.config.cost === 'cross-entropy' && <p class="muted small">{t('bpChainSoftmax')}</p>}
    </section>
  );
}
