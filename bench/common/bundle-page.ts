import { build } from 'vite';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Bundles a benchmark page (index.html + its script in `root`) into `outDir` with Vite, nothing inlined. */
export async function bundlePage(root: string, outDir: string, logLevel: 'warn' | 'error' = 'warn'): Promise<void> {
  await build({
    root,
    configFile: false,
    logLevel,
    publicDir: false,
    // The repository's one import style: `@/` from the root, as in tsconfig.json.
    resolve: { alias: { '@': REPO_ROOT.replace(/\/$/, '') } },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'esnext',
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 100_000,
      reportCompressedSize: false,
    },
  });
}
