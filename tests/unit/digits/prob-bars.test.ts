import { describe, it, expect } from 'vitest';
import { formatProb, predictedClass } from '@/components/digit-lab/prob-bars';

describe('predictedClass', () => {
  it('is null for a blank pad', () => {
    expect(predictedClass(null)).toBeNull();
    expect(predictedClass([])).toBeNull();
    expect(predictedClass([NaN, NaN])).toBeNull();
  });

  it('is the most probable class, ignoring NaN', () => {
    expect(predictedClass([0.1, 0.7, 0.2])).toBe(1);
    expect(predictedClass([NaN, 0.2, 0.3])).toBe(2);
    expect(predictedClass(Float32Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]))).toBe(9);
  });
});

describe('formatProb', () => {
  it('shows one decimal of a percent, clamped', () => {
    expect(formatProb(0.973)).toBe('97.3%');
    expect(formatProb(0.0004)).toBe('0.0%');
    expect(formatProb(1.2)).toBe('100.0%');
    expect(formatProb(NaN)).toBe('–');
  });
});
