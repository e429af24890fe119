import type { Topic } from '@/features/concepts/types';

/** One color per topic, readable on light and dark backgrounds. */
export const TOPIC_COLORS: Record<Topic, string> = {
  neuron: '#3b7ddd',
  training: '#e8590c',
  optimization: '#2f9e44',
  regularization: '#9c36b5',
  architecture: '#d6336c',
  transformer: '#1098ad',
  data: '#74b816',
  theory: '#868e96',
};
