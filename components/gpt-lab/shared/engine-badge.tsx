import { t } from '@/platform/i18n';
import type { BackendPreference } from '@/platform/protocol/backend';
import type { BackendChoice } from '@/platform/protocol/protocol';
import { Failure, Working } from '@/components/gpt-lab/shared/status';
import { useRpc } from '@/components/gpt-lab/shared/use-rpc';

/** Loads the model once for the lab, on the backend the options ask for, and says which one runs it. */
export function EngineBadge({ backend }: { backend: BackendPreference }) {
  const res = useRpc('host.gpt.load', { backend }, `load-${backend}`);
  if (res.status === 'error') return <Failure error={res.error} retry={res.retry} />;
  if (res.status !== 'ready') return <Working what={t('gptLoading')} />;
  const info = res.value;
  return (
    <p class="small muted" data-testid="gpt-engine" data-backend={info.backend}>
      <span class="badge">{info.backend === 'webgpu' ? 'WebGPU' : 'WebAssembly'}</span>{' '}
      {t('gptModelLine', { layers: info.config.n_layer, heads: info.config.n_head, embd: info.config.n_embd, ctx: info.config.n_positions })}
      {info.fallbackReason ? <span title={info.fallbackReason}> · {t('gptFallback')}</span> : null}
      {info.choice && <ChoiceLine choice={info.choice} />}
    </p>
  );
}

/** Why 'auto' runs the model where it does: the two timings, or what ruled WebGPU out. */
export function ChoiceLine({ choice }: { choice: BackendChoice }) {
  const ms = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(1));
  const text =
    choice.why === 'measured'
      ? t(choice.remembered ? 'gptChoiceRemembered' : 'gptChoiceMeasured', { wasm: ms(choice.timings.wasm), webgpu: ms(choice.timings.webgpu) })
      : choice.why === 'fallback-adapter'
        ? t('gptChoiceFallbackAdapter')
        : choice.why === 'webgpu-failed'
          ? t('gptChoiceWebgpuFailed')
          : null;
  if (!text) return null;
  return (
    <span class="small muted" style={{ display: 'block' }} data-testid="gpt-backend-choice" data-why={choice.why} title={choice.reason}>
      {text}
    </span>
  );
}
