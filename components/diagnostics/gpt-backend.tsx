import { t } from '@/platform/i18n';
import { ChoiceLine } from '@/components/gpt-lab/shared/engine-badge';
import { Failure, Working } from '@/components/gpt-lab/shared/status';
import { useRpc } from '@/components/gpt-lab/shared/use-rpc';

/** Where 'auto' runs the GPT here, and the timings or the reason behind it. */
export function GptBackend() {
  const res = useRpc('host.gpt.load', { backend: 'auto' }, 'diagnostics-load');
  if (res.status === 'error') return <Failure error={res.error} retry={res.retry} />;
  if (res.status !== 'ready') return <Working what={t('gptLoading')} />;
  const info = res.value;
  return (
    <div class="stack" data-testid="gpt-backend" data-backend={info.backend}>
      <div class="row">
        <span class="badge">GPT</span>
        <span>{info.backend === 'webgpu' ? 'WebGPU' : 'WebAssembly'}</span>
      </div>
      {info.choice ? <ChoiceLine choice={info.choice} /> : null}
      {info.choice?.reason ? <span class="small muted">{info.choice.reason}</span> : null}
    </div>
  );
}
