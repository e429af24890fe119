import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EXTENSION_DIR } from '@/tests/e2e/harness';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('the built Chrome package', () => {
  const all = files(EXTENSION_DIR).map((p) => relative(EXTENSION_DIR, p));
  const read = (p: string) => readFileSync(join(EXTENSION_DIR, p), 'utf8');
  const scripts = all.filter((p) => p.endsWith('.js'));

  it('ships exactly one onnxruntime-web, with its .wasm inside the package', () => {
    expect(all.filter((p) => p.endsWith('.wasm'))).toEqual([expect.stringMatching(/^assets\/ort-wasm-simd-threaded\.asyncify-[\w-]+\.wasm$/)]);
    // ORT's own code names its .wasm; pages that use ORT only import that one shared chunk.
    const withOrt = scripts.filter((p) => read(p).includes('ort-wasm-simd-threaded'));
    expect(withOrt).toHaveLength(1);
    // The service worker stays thin: no ORT in it.
    expect(read('background.js')).not.toContain('InferenceSession');
  });

  it('allows WebAssembly but no remote code', () => {
    const manifest = JSON.parse(read('manifest.json')) as { content_security_policy: { extension_pages: string } };
    const csp = manifest.content_security_policy.extension_pages;
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/https?:|'unsafe-eval'|'unsafe-inline'/);
    for (const html of all.filter((p) => p.endsWith('.html'))) {
      expect(read(html), html).not.toMatch(/<script[^>]+src=["']https?:/);
    }
  });
});
