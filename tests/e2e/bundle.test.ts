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
    // ORT's glue ships once as a file of its own: WASM threads start workers from its URL.
    expect(all.filter((p) => p.endsWith('.mjs'))).toEqual([expect.stringMatching(/^assets\/ort-wasm-simd-threaded\.asyncify-[\w-]+\.mjs$/)]);
    // ORT's own code names its .wasm. Only the model host worker runs onnxruntime: the popup's digit
    // pad computes its 13k-parameter network with the reference forward pass (starting ORT there
    // froze the popup), so no page bundles ORT.
    const withOrt = scripts.filter((p) => read(p).includes('ort-wasm-simd-threaded'));
    expect(withOrt).toHaveLength(1);
    expect(withOrt.filter((p) => /^assets\/host-worker-[\w-]+\.js$/.test(p))).toHaveLength(1);
    for (const page of ['popup', 'sidepanel', 'options', 'diagnostics']) {
      expect(scripts.filter((p) => p.startsWith(`chunks/${page}-`)).some((p) => read(p).includes('InferenceSession'))).toBe(false);
    }
    // The service worker stays thin: no ORT in it.
    expect(read('background.js')).not.toContain('InferenceSession');
  });

  it('keeps the content script small: the knowledge base without its card bodies, no MathML', () => {
    // Every page the script runs on compiles it on the page's own thread. At 0.5 MB (card bodies
    // and their MathML included) that was a long task on a loaded machine; bodies now come from
    // the background when a card opens (bg.concept). bench/content/evaluation.ts times it.
    const content = read('content-scripts/content.js');
    expect(content.length).toBeLessThan(200_000);
    // Only its own strings: the labs' stay with the extension's pages.
    expect(content).not.toContain('gptChoiceMeasured');
    expect(content).not.toContain('<math');
    expect(content).not.toContain('An artificial neuron is a thing that holds a number');
    expect(content).toContain('"id":"softmax"');
    // The background has what the content script lacks.
    const background = [read('background.js'), ...scripts.filter((p) => p.startsWith('chunks/')).map(read)].join('\n');
    expect(background).toContain('<math');
  });

  it('loads the FSRS scheduler on the review page only; the content script carries the meeting recorder alone', () => {
    /** A page's JavaScript: its entry chunk and everything that imports statically (what opening it loads). */
    const pageScripts = (html: string): string[] => {
      const seen = new Set<string>();
      const visit = (p: string) => {
        if (seen.has(p) || !all.includes(p)) return;
        seen.add(p);
        for (const m of read(p).matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)) visit(`chunks/${m[1]}`);
      };
      for (const m of read(html).matchAll(/<script[^>]+src="\/([^"]+)"/g)) visit(m[1]!);
      return [...seen];
    };
    const fsrs = (p: string) => read(p).includes('request_retention');
    const review = pageScripts('review.html');
    expect(review.filter(fsrs)).toHaveLength(1);
    for (const html of ['popup.html', 'sidepanel.html', 'options.html']) expect(pageScripts(html).filter(fsrs), html).toEqual([]);
    const content = read('content-scripts/content.js');
    expect(content).not.toContain('request_retention');
    // The recorder reports over the port; the deck's storage and its lock stay out of pages.
    expect(content).toContain('bg.met');
    expect(content).not.toContain('dl-tutor-review');
    const bytes = (ps: string[]) => ps.reduce((n, p) => n + statSync(join(EXTENSION_DIR, p)).size, 0);
    console.log(`[bundle] content script ${bytes(['content-scripts/content.js'])} bytes; review page ${bytes(review)} bytes of JavaScript in ${review.length} files`);
  });

  it('allows WebAssembly but no remote code', () => {
    const manifest = JSON.parse(read('manifest.json')) as { content_security_policy: { extension_pages: string } };
    const csp = manifest.content_security_policy.extension_pages;
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/https?:|'unsafe-eval'|'unsafe-inline'/);
    for (const html of all.filter((p) => p.endsWith('.html'))) {
      expect(read(html), html).not.toMatch(/<script[^>]+src=["']https?:/);
    }
    // No script imports or starts a worker from elsewhere.
    for (const js of scripts) expect(read(js), js).not.toMatch(/import\(\s*["'`]https?:|new Worker\(\s*["'`]https?:|importScripts\(\s*["'`]https?:/);
  });

  it('asks for exactly the permissions README.md justifies, and no host permission up front', () => {
    const manifest = JSON.parse(read('manifest.json')) as { permissions: string[]; host_permissions?: string[]; optional_host_permissions: string[] };
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'contextMenus', 'offscreen', 'scripting', 'sidePanel', 'storage']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    const readme = readFileSync(join(EXTENSION_DIR, '..', '..', 'README.md'), 'utf8');
    for (const p of [...manifest.permissions, 'optional_host_permissions']) expect(readme, `README justifies ${p}`).toContain(`\`${p}\``);
  });

  it('is localised in English and Simplified Chinese by the browser (_locales)', () => {
    const manifest = JSON.parse(read('manifest.json')) as { name: string; description: string; default_locale: string; commands: Record<string, { description: string }> };
    expect(manifest.default_locale).toBe('en');
    expect(manifest.name).toBe('__MSG_extName__');
    for (const locale of ['en', 'zh_CN']) {
      const messages = JSON.parse(read(`_locales/${locale}/messages.json`)) as Record<string, { message: string }>;
      for (const key of ['extName', 'extDescription', ...Object.values(manifest.commands).map((c) => c.description.replace(/^__MSG_|__$/g, ''))]) {
        expect(messages[key]?.message, `${locale}: ${key}`).toBeTruthy();
      }
    }
  });
});
