import { t } from '@/platform/i18n';
import { Failure, Working } from '@/components/gpt-lab/status';
import { useRpc } from '@/components/gpt-lab/use-rpc';

/** Loads the model once for the lab and says which backend runs it. */
export function EngineBadge() {
  const res = useRpc('host.gpt.load', { backend: 'auto' }, 'load');
  if (res.status === 'error') return <Failure error={res.error} retry={res.retry} />;
  if (res.status !== 'ready') return <Working what={t('gptLoading')} />;
  const info = res.value;
  return (
    <p class="small muted" data-testid="gpt-engine" data-backend={info.backend}>
      <span class="badge">{info.backend === 'webgpu' ? 'WebGPU' : 'WebAssembly'}</span>{' '}
      {t('gptModelLine')
        .replace('{layers}', String(info.config.n_layer))
        .replace('{heads}', String(info.config.n_head))
        .replace('{embd}', String(info.config.n_embd))
        .replace('{ctx}', String(info.config.n_positions))}
      {info.fallbackReason ? <span title={info.fallbackReason}> · {t('gptFallback')}</span> : null}
    </p>
  );
}
