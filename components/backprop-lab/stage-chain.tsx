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
        <IndexField name="j" testid="bp-link-j" value={link.j} size={sizes[link.l]!} onValue={(j) => onLink({ ...link, j })} />
        <IndexField name="k" testid="bp-link-k" value={link.k} size={sizes[link.l - 1]!} onValue={(k) => onLink({ ...link, k })} />
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

/** A neuron's index in a layer of `size`, typed; a number outside 0..size-1 is clamped into it. */
function IndexField({ name, testid, value, size, onValue }: { name: string; testid: string; value: number; size: number; onValue: (i: number) => void }) {
  return (
    <label class="row">
      <span>{name}</span>
      <DraftInput
        type="number"
        data-testid={testid}
        min={0}
        max={size - 1}
        value={value}
        style={{ width: '4.5em' }}
        onCommit={(text) => {
          const i = Number(text);
          if (Number.isInteger(i)) onValue(Math.max(0, Math.min(size - 1, i)));
        }}
      />
    </label>
  );
}
