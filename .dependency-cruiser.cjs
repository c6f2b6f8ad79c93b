/**
 * Closer's import rules (docs/ARCHITECTURE.md, "Layers and import direction"), checked by
 * `npm run lint` after biome: `depcruise src bench test --config .dependency-cruiser.cjs`.
 * Every rule is an error. Test files (*.test.ts) may reach across layers (an app test
 * starting the server, a backup test running the CLI), so the layer rules skip them.
 */
const TEST = '\\.test\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'src/domain holds the pure rules: it imports nothing outside src/domain but zod (its ' +
        'schemas are shared with the API and the web forms). No clock, no I/O: no node: built-ins.',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: TEST },
      to: { pathNot: ['^src/domain/', '^node_modules/zod/'] },
    },
    {
      name: 'domain-tests-stay-in-domain',
      comment: "A domain test tests the domain: it imports no other layer of Closer's own.",
      severity: 'error',
      from: { path: `^src/domain/.*${TEST}` },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'app-not-above',
      comment: 'src/app (use cases) is below the server, the CLI and the web app: it never imports them.',
      severity: 'error',
      from: { path: '^src/app/', pathNot: TEST },
      to: { path: '^src/(server|cli|web)/' },
    },
    {
      name: 'db-not-above',
      comment: 'src/db (Kysely client, migrations) is below every use case: it imports no layer above it.',
      severity: 'error',
      from: { path: '^src/db/', pathNot: TEST },
      to: { path: '^src/(app|server|cli|web)/' },
    },
    {
      name: 'server-cli-not-web',
      comment: 'The server serves the built web app as files; neither it nor the CLI imports src/web.',
      severity: 'error',
      from: { path: '^src/(server|cli)/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'web-over-http-only',
      comment: 'src/web talks to the server over HTTP only: it never imports src/db, src/server or src/cli.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(db|server|cli|config\\.ts$)' },
    },
    {
      name: 'contract-is-shared',
      comment:
        'src/contract holds what server and web agree on — the zod views, inputs and the route map: ' +
        'it imports nothing of Closer but src/domain, and nothing outside Closer but zod.',
      severity: 'error',
      from: { path: '^src/contract/', pathNot: TEST },
      to: { pathNot: ['^src/(contract|domain)/', '^node_modules/zod/'] },
    },
    {
      name: 'domain-not-contract',
      comment: 'The pure rules do not know the API: src/domain never imports src/contract.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/contract/' },
    },
    {
      name: 'web-imports-contract-domain-and-own',
      comment:
        'src/web knows the server only through the contract: of Closer it imports src/contract ' +
        '(views, inputs, the route map its typed client calls), src/domain (the pure formatters, ' +
        'labels, plan and date rules it shares with the server) and its own code — never src/app.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/', pathNot: '^src/(web|contract|domain)/' },
    },
    {
      name: 'no-circular',
      comment:
        'No import circle anywhere: a circle makes what a module sees at load time depend on who loaded first.',
      severity: 'error',
      from: { path: '^(src|bench|test)/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is an import the rules above cannot check.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|test-output)/' },
    // Type-only imports are edges too (the web → app allowance is about exactly them).
    tsPreCompilationDeps: true,
    // Resolves the `.js` specifiers of the sources to their `.ts` files, as tsc does.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
