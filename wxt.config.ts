import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { escapeNoncharacters } from './scripts/escape-noncharacters';
import { kbMathml } from './scripts/kb-mathml-plugin';
import { kbHeads } from './scripts/kb-heads-plugin';
import { resolve } from 'node:path';

const GPT_SHIPPED = [
  'config.json',
  'generation_config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  'onnx/model_quantized.onnx',
  'onnx/wte_int8.bin',
  'onnx/inspect_quantized.onnx',
];

export default defineConfig({
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    // Localised by the browser from public/_locales (English, Simplified Chinese).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'contextMenus',
      'activeTab',
      'scripting',
      ...(browser === 'firefox' ? [] : ['offscreen', 'sidePanel']),
    ],
    // No host permissions up front: content scripts on the lecture sites below
    // get access by their matches; other sites are opt-in at run time.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'annotate-page': {
        suggested_key: { default: 'Alt+Shift+D' },
        description: '__MSG_cmdAnnotate__',
      },
      'open-gpt-lab': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_cmdGptLab__',
      },
    },
    content_security_policy: {
      // 'wasm-unsafe-eval' lets onnxruntime-web compile its bundled WebAssembly;
      // nothing else is relaxed and no remote script is allowed.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'dl-tutor@example.org',
              strict_min_version: '128.0',
              // Nothing leaves the browser: every model runs locally (AMO asks extensions to say so).
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          // Cross-origin isolation for extension pages (the offscreen model host
          // among them) is what WASM threads need.
          cross_origin_embedder_policy: { value: 'require-corp' },
          cross_origin_opener_policy: { value: 'same-origin' },
        }),
  }),
  vite: () => ({
    plugins: [preact(), kbMathml(), kbHeads()],
    // WXT's shadow-root helper checks its element name with this package, whose module builds a
    // large Unicode regular expression as it loads: 2.6 ms of every page's content-script start.
    resolve: { alias: { 'is-potential-custom-element-name': resolve('lib/custom-element-name.ts') } },
    build: { chunkSizeWarningLimit: 2048 },
  }),
  hooks: {
    // The GPT model folder ships as-is (Hugging Face layout) at /models/tutor-gpt-mini/, so the
    // engine and transformers.js load the same files by URL. The fp32 export stays out.
    'build:publicAssets': (_wxt, files) => {
      for (const rel of GPT_SHIPPED) files.push({ absoluteSrc: resolve('models/gpt', rel), relativeDest: `models/tutor-gpt-mini/${rel}` });
    },
    'build:done': async (wxt) => {
      await escapeNoncharacters(wxt.config.outDir);
    },
  },
});
