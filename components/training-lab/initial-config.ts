import type { TrainConfig } from '@/platform/protocol/protocol';
import { OPTIMIZERS } from '@/platform/protocol/training';

/** Defaults that train well here; a demo link may preselect the optimizer, activation or cost. */
export function initialConfig(): TrainConfig {
  const q = new URLSearchParams(location.search);
  const optimizer = OPTIMIZERS.find((o) => o === q.get('optimizer')) ?? 'adam';
  const activation = q.get('activation') === 'sigmoid' ? 'sigmoid' : 'relu';
  const cost = q.get('cost') === 'quadratic' ? 'quadratic' : 'cross-entropy';
  const eta = { sgd: 0.1, momentum: 0.05, rmsprop: 0.001, adam: 0.003 }[optimizer];
  return { hidden: [16, 16], activation, cost, optimizer, eta, batch: 64, epochs: 3, l1: 0, l2: 0, dropout: 0, init: activation === 'relu' ? 'he' : 'xavier', seed: 1 };
}

