// The page language a card follows when the learner chose "the page's language".

import { describe, it, expect } from 'vitest';
import { tagLang, textLang } from '@/features/concepts/annotate/page-lang';

describe('page language', () => {
  it('reads Chinese prose with English terms as Chinese, and English prose with a gloss as English', () => {
    expect(textLang('Transformer 的输入部分使用的是词嵌入（word embedding）和位置编码（positional encoding）的结合。')).toBe('zh');
    expect(textLang('我们用 Adam 优化器训练。')).toBe('zh');
    expect(textLang('The convolution kernel (卷积核) slides over the input image and sums the products.')).toBe('en');
    expect(textLang('Gradient descent follows the negative gradient.')).toBe('en');
    expect(textLang('3.14 + 2 = 5.14')).toBeNull();
    expect(textLang('')).toBeNull();
  });

  it('reads lang attributes for Chinese and English only', () => {
    expect(tagLang('zh-CN')).toBe('zh');
    expect(tagLang('zh-Hant-TW')).toBe('zh');
    expect(tagLang(' EN-gb ')).toBe('en');
    expect(tagLang('fr')).toBeNull();
    expect(tagLang('')).toBeNull();
    expect(tagLang(null)).toBeNull();
  });
});
