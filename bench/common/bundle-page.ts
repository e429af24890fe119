import { build } from 'vite';

/** Bundles a benchmark page (index.html + its script in `root`) into `outDir` with Vite, nothing inlined. */
export async function bundlePage(root: string, outDir: string, logLevel: 'warn' | 'error' = 'warn'): Promise<void> {
  await build({
    root,
    configFile: false,
    logLevel,
    publicDir: false,
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
