// Longer words that contain a concept's name but mean something else:
// "self-supervised" is not supervised learning, 无监督学习 contains 监督学习,
// "down-sampling" and 下采样 shrink an image, 采样率 is an audio setting.
// They are matched like terms (longest match wins, so they swallow the
// shorter name inside them) and then dropped: nothing is marked.

import { normalizeForm, type Pattern } from '@/features/concepts/match/patterns';

/** The concept id of a stop form: never shown. */
export const STOP_ID = '';

const STOP_FORMS: readonly string[] = [
  'self-supervised', 'semi-supervised', 'weakly supervised', 'unsupervised learning',
  'down-sampling', 'up-sampling', 'sub-sampling', 'over-sampling', 'under-sampling', 'negative sampling',
  '无监督学习', '非监督学习', '半监督学习', '自监督', '弱监督',
  'transposed convolution', 'transposed convolutions', 'transposed convolutional', '转置卷积',
  // Kernels of kernel methods and filters of signal processing are not a convolution's weights.
  'kernel method', 'kernel methods', 'kernel trick', 'kernel regression', 'kernel function', 'kernel functions',
  'kernel density', 'rbf kernel', 'rbf kernels', 'gaussian kernel', 'gaussian kernels', 'polynomial kernel', 'linear kernel',
  'kernel machine', 'kernel machines', 'filter bank', 'filterbank', 'filter banks', '滤波器组', '核方法', '核函数', '核回归',
  'gradient checkpointing', '梯度检查点', 'convex combination', 'convex combinations', 'convex hull',
  'word error rate', 'character error rate', '逐层归一化',
  '下采样', '上采样', '降采样', '重采样', '过采样', '欠采样', '负采样', '采样率', '采样频率',
];

export function stopPatterns(): Pattern[] {
  return STOP_FORMS.map((f) => ({ conceptId: STOP_ID, key: normalizeForm(f), exact: null, ambiguousKey: null }));
}
