import { t } from '@/platform/i18n';

export interface NeuronId {
  layer: number;
  index: number;
}

/** "L2 #317": a neuron's name in the lab (block, then index within its MLP). */
export const neuronName = (n: NeuronId) => t('gptNeuronName', { l: n.layer, i: n.index });
