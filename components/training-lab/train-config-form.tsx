import { t } from '@/platform/i18n';
import type { TrainConfig } from '@/platform/protocol/protocol';
import { ACTIVATIONS, COSTS, INITS, OPTIMIZERS } from '@/platform/protocol/training';
import { DraftInput } from '@/components/shared/draft-input';

export interface TrainConfigFormProps {
  config: TrainConfig;
  set: <K extends keyof TrainConfig>(k: K, v: TrainConfig[K]) => void;
  /** While a run is going or paused: its config cannot change under it. */
  disabled: boolean;
}

/** The network, the cost, the optimizer and their numbers; a typed value applies once it is valid. */
export function TrainConfigForm({ config, set, disabled }: TrainConfigFormProps) {
  const numberField = (k: 'eta' | 'batch' | 'epochs' | 'l1' | 'l2' | 'dropout', step: string, testid: string) => (
    <label class="field">
      <span>{t(`train_${k}` as const)}</span>
      <DraftInput
        type="number"
        step={step}
        min="0"
        data-testid={testid}
        value={config[k]}
        disabled={disabled}
        onCommit={(text) => {
          const v = Number(text);
          if (text.trim() !== '' && Number.isFinite(v) && v >= 0) set(k, v);
        }}
      />
    </label>
  );
  const select = <K extends 'activation' | 'cost' | 'optimizer' | 'init'>(k: K, options: readonly TrainConfig[K][], testid: string) => (
    <label class="field">
      <span>{t(`train_${k}` as const)}</span>
      <select
        data-testid={testid}
        value={config[k]}
        disabled={disabled}
        onChange={(e) => set(k, (e.currentTarget as HTMLSelectElement).value as TrainConfig[K])}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div class="form-grid">
      <label class="field">
        <span>{t('train_hidden')}</span>
        <DraftInput
          data-testid="train-hidden"
          value={config.hidden.join(',')}
          disabled={disabled}
          onCommit={(text) => {
            const sizes = text.split(/[,\s-]+/).filter(Boolean).map(Number);
            if (sizes.length >= 1 && sizes.length <= 4 && sizes.every((n) => Number.isInteger(n) && n >= 1 && n <= 512)) set('hidden', sizes);
          }}
        />
      </label>
      {select('activation', ACTIVATIONS, 'train-activation')}
      {select('cost', COSTS, 'train-cost')}
      {select('optimizer', OPTIMIZERS, 'train-optimizer')}
      {numberField('eta', '0.0001', 'train-eta')}
      {numberField('batch', '1', 'train-batch')}
      {numberField('epochs', '1', 'train-epochs')}
      {numberField('l1', '0.0001', 'train-l1')}
      {numberField('l2', '0.0001', 'train-l2')}
      {numberField('dropout', '0.05', 'train-dropout')}
      {select('init', INITS, 'train-init')}
    </div>
  );
}
