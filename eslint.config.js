import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'models/**/*.py', 'coverage/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node, ...globals.webextensions },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Page content must never become markup.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM nodes; page text is never HTML.' },
        { property: 'outerHTML', message: 'Build DOM nodes; page text is never HTML.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
      ],
    },
  },
  {
    // One import style: `@/` from the repository root (Node-run .mjs scripts keep relative paths).
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['./*', '../*'], message: 'Import with @/ from the repository root.' }] }],
    },
  },
  {
    // Loaded at build-configuration time by WXT's config loader (jiti), which resolves no aliases:
    // wxt.config.ts, its Vite plugins and the concept knowledge base they typeset.
    files: ['wxt.config.ts', 'scripts/kb-mathml-plugin.ts', 'scripts/kb-heads-plugin.ts', 'scripts/escape-noncharacters.ts', 'features/concepts/kb/**', 'features/concepts/types.ts', 'features/concepts/mathml-key.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
