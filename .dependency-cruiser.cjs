// The layer rules of docs/architecture.md, checked by `npm run depcheck` in `npm test`.
// entrypoints → components → features, models → platform → lib; a violation names its rule.
const APP = '^(entrypoints|components|features|models|platform|lib)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles, at file level (folder-level cycles show up as file cycles or layer breaks).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-is-generic',
      severity: 'error',
      comment: 'lib/ holds generic helpers that import nothing of the project.',
      from: { path: '^lib/' },
      to: { path: '^(entrypoints|components|features|models|platform|tests|bench|scripts)/' },
    },
    {
      name: 'platform-imports-no-feature',
      severity: 'error',
      comment: 'platform/ (protocol, messaging, background plumbing, settings, i18n) is below every feature and model.',
      from: { path: '^platform/' },
      to: { path: '^(entrypoints|components|features|models)/' },
    },
    {
      name: 'features-below-ui',
      severity: 'error',
      comment: 'features/ is page-side logic: no UI, no entrypoint, no model runtime.',
      from: { path: '^features/' },
      to: { path: '^(entrypoints|components|models)/' },
    },
    {
      name: 'models-below-ui',
      severity: 'error',
      comment: 'models/ is the ML side: no UI, no entrypoint, no page feature.',
      from: { path: '^models/' },
      to: { path: '^(entrypoints|components|features)/' },
    },
    {
      name: 'components-below-entrypoints',
      severity: 'error',
      comment: 'components/ never imports an entrypoint (entrypoints compose components).',
      from: { path: '^components/' },
      to: { path: '^entrypoints/' },
    },
    {
      name: 'feature-to-feature',
      severity: 'error',
      comment: 'A feature imports another only where docs/architecture.md names the edge; video -> concepts is the one edge.',
      from: { path: '^features/(?!video/)([^/]+)/' },
      to: { path: '^features/', pathNot: '^features/$1/' },
    },
    {
      name: 'video-to-concepts-only',
      severity: 'error',
      comment: 'The video feature may use the concepts feature (matching captions), nothing else.',
      from: { path: '^features/video/' },
      to: { path: '^features/', pathNot: '^features/(video|concepts)/' },
    },
    {
      name: 'model-to-model',
      severity: 'error',
      comment: 'A model uses its own folder and the host (sessions, ORT, graph builder); the host knows no model.',
      from: { path: '^models/([^/]+)/' },
      to: { path: '^models/', pathNot: '^models/($1|host)/' },
    },
    {
      name: 'host-knows-no-model',
      severity: 'error',
      comment: 'models/host is dispatched through a registry that an entrypoint builds.',
      from: { path: '^models/host/' },
      to: { path: '^models/', pathNot: '^models/host/' },
    },
    {
      name: 'entrypoint-to-entrypoint',
      severity: 'error',
      comment: 'Each execution context is separate; only the background may start the host worker (Firefox, through offscreen/start-host.ts).',
      from: { path: '^entrypoints/([^/.]+)', pathNot: '^entrypoints/background\\.ts$' },
      to: { path: '^entrypoints/', pathNot: '^entrypoints/$1' },
    },
    {
      name: 'background-starts-host-worker-only',
      severity: 'error',
      comment: 'The background entrypoint may start the host worker (Firefox), nothing else of another context.',
      from: { path: '^entrypoints/background\\.ts$' },
      to: { path: '^entrypoints/', pathNot: '^entrypoints/(background\\.ts|offscreen/start-host\\.ts)$' },
    },
    {
      name: 'app-imports-no-tooling',
      severity: 'error',
      comment: 'Shipped code never imports tests, benches or scripts.',
      from: { path: APP },
      to: { path: '^(tests|bench|scripts)/' },
    },
    {
      name: 'bench-imports-no-tests',
      severity: 'error',
      comment: 'Benches share launch helpers with the e2e harness through scripts/, not tests/.',
      from: { path: '^bench/' },
      to: { path: '^tests/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import resolves (Vite-only specifiers aside: `?url` assets and the `virtual:` KaTeX module).',
      from: {},
      to: { couldNotResolve: true, pathNot: ['\\?url$', '^virtual:'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.output|\\.wxt|docs)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
