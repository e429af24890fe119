import type { TrainConfig } from '@/platform/protocol/protocol';
import type { Series } from '@/components/training-lab/line-chart';

// One run's curves, and how the current run and the last few are drawn together.

const COLORS = ['#2f6fde', '#e8590c', '#2f9e44', '#9c36b5', '#d6336c', '#1098ad'];

export interface RunTrace {
  label: string;
  loss: { x: number; y: number }[];
  val: { x: number; y: number }[];
}

export const label = (c: TrainConfig) => `${c.optimizer} η=${c.eta} ${c.activation} ${c.hidden.join('-')}`;

/** The earlier runs faint, each in its own color, the current run on top in the first. */
export function traceSeries(previous: readonly RunTrace[], trace: RunTrace | null, curve: 'loss' | 'val'): Series[] {
  return [
    ...previous.map((p, i) => ({ label: p.label, color: COLORS[(i + 1) % COLORS.length]!, points: p[curve], faint: true })),
    ...(trace ? [{ label: trace.label, color: COLORS[0]!, points: trace[curve] }] : []),
  ];
}
