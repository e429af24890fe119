import { describe, expect, it } from 'vitest';
import isPotentialCustomElementName from '@/lib/custom-element-name';
import { createRequire } from 'node:module';

// The package itself (untyped, CommonJS), the reference.
const original = createRequire(import.meta.url)('is-potential-custom-element-name') as (name: string) => boolean;

// lib/custom-element-name.ts replaces the npm package in the build (wxt.config.ts): same answers.
describe('custom element names (HTML PotentialCustomElementName)', () => {
  const names = ['dl-tutor-root', 'dl-tutor-root-1a2b', 'a-', 'x-1.2_3', 'math-α', 'emotion-😍', 'a-b-c', '', 'div', 'Dl-tutor', '1-a', '-a', 'a_b', 'a b-c', 'a-B', 'a-\u00D7', 'é-a', 'a-\u2000', 'a-\u200C', 'a-\uD7FF', 'a-\uFFFE'];
  it('answers as the package it stands in for', () => {
    for (const name of names) expect(isPotentialCustomElementName(name), JSON.stringify(name)).toBe(original(name));
  });
  it('accepts the extension’s own names and refuses plain tags', () => {
    expect(isPotentialCustomElementName('dl-tutor-root')).toBe(true);
    expect(isPotentialCustomElementName('div')).toBe(false);
  });
});
