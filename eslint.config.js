/**
 * The dependency check run by `npm run check`: which file may import what. Only import rules, no style.
 *
 * - The apps (client/, kiosk/) run only server/shared/ of the server's code; anything else of server/ they may
 *   import as types (erased when the apps are built, so nothing of the server ships to a browser).
 * - server/shared/ is pure and self-contained: it imports nothing from outside itself, not even types, and uses
 *   no Node globals (server/shared/README.md).
 * - The server's layers go one way: routes → services → queries → database. A *queries.ts file imports no service
 *   or routes file, a service no routes file; Kysely (and its `sql`) is imported at run time only by the
 *   *queries.ts files, server/db/, the write path and the event log (server/realtime/{write,outbox,queries}.ts),
 *   migrations and tests; modules use of server/realtime/ only the write function and the topic names (and its
 *   protocol, system events and topic access as types); a transaction is opened only by `write()` and by the
 *   reports' consistent read (server/modules/reports/queries.ts).
 *
 * tests/meta/import-rules.test.ts checks that each rule catches a violation, so the check cannot pass by
 * matching nothing.
 */
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

const TESTS = ['**/*.test.ts', 'tests/**'];

// ---------------------------------------------------------------------------------------------------------
// server/shared/ imports nothing from outside itself: an import is resolved against the importing file, so
// `../x.ts` is fine in server/shared/sports/ and not in server/shared/.

const SHARED = 'server/shared';

/** @type {import('eslint').Rule.RuleModule} */
const importsStayInside = {
  meta: {
    type: 'problem',
    docs: { description: 'A folder whose files import only each other (server/shared/).' },
    schema: [{ type: 'object', properties: { folder: { type: 'string' } }, required: ['folder'], additionalProperties: false }],
    messages: {
      outside: "'{{source}}' is outside {{folder}}/: shared code imports only shared code (server/shared/README.md).",
    },
  },
  create(context) {
    const folder = resolve(context.cwd, context.options[0].folder);
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      // A package (no leading dot) is outside too: shared code needs none.
      const within = source.value.startsWith('.') ? relative(folder, resolve(dirname(context.filename), source.value)) : '..';
      if (within.startsWith('..') || isAbsolute(within)) {
        context.report({ node: source, messageId: 'outside', data: { source: source.value, folder: context.options[0].folder } });
      }
    };
    return { ImportDeclaration: check, ExportAllDeclaration: check, ExportNamedDeclaration: check, ImportExpression: check };
  },
};

// ---------------------------------------------------------------------------------------------------------
// The server's layers, as `@typescript-eslint/no-restricted-imports` patterns. ESLint gives a file the options
// of the LAST block that names the rule for it, so each block below lists every pattern its files need.

const kysely = {
  regex: '^kysely(/|$)',
  allowTypeImports: true,
  message:
    'Kysely (and `sql`) runs only in *queries.ts files, server/db/ and the write path: move the query into a queries file (types are fine).',
};
const realtimeInternals = {
  regex: '(^|/)realtime/(?!(write|topics|protocol|system-events|topic-access)\\.ts$)',
  message: 'Modules use of server/realtime/ only write.ts (the one write path) and topics.ts.',
};
const realtimeTypes = {
  regex: '(^|/)realtime/(protocol|system-events|topic-access)\\.ts$',
  allowTypeImports: true,
  message: 'Modules import the event maps and topic access of server/realtime/ as types only (`import type`).',
};
const servicesOrRoutes = {
  regex: '(^|/)([\\w-]+-)?(service|routes)\\.ts$',
  message: 'A queries file is the lowest layer: it imports no service or routes file (routes → services → queries → db).',
};
const routes = {
  regex: '(^|/)([\\w-]+-)?routes\\.ts$',
  message: 'Only the app registers routes: a service imports no routes file (routes → services → queries → db).',
};

const layers = (name, files, patterns, ignores = []) => ({
  name: `centre-ops/layers: ${name}`,
  files,
  ignores: [...TESTS, ...ignores],
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});

const MODULES = 'server/modules/**/*.ts';
const QUERIES = ['server/**/*queries.ts'];
const MODULE_QUERIES = ['server/modules/**/*queries.ts'];
const MODULE_ROUTES = ['server/modules/**/routes.ts', 'server/modules/**/*-routes.ts'];

export default [
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'test-results/**', '.test-data/**'] },
  {
    // Comments that disable rules of other linters' configurations are left alone: this one checks only imports.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    plugins: { '@typescript-eslint': tseslint.plugin, 'centre-ops': { rules: { 'imports-stay-inside': importsStayInside } } },
  },
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, sourceType: 'module' } },
  ...svelte.configs.base,
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },

  // The apps: server/shared/ at run time, the rest of server/ as types only.
  {
    name: 'centre-ops/apps',
    files: ['client/**/*.{ts,svelte}', 'kiosk/**/*.{ts,svelte}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+server/(?!shared/)',
              allowTypeImports: true,
              message: 'The apps run only server/shared/ of the server: import the rest as types (`import type`), or move pure code to server/shared/.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          // `import()` is not seen by no-restricted-imports; \W stands for the slash, which a selector's regex cannot hold.
          selector: 'ImportExpression[source.value=/^(\\.\\.\\W)+server\\W(?!shared\\W)/]',
          message: 'The apps load only server/shared/ of the server.',
        },
      ],
    },
  },

  // server/shared/: pure, and only itself.
  {
    name: 'centre-ops/shared',
    files: ['server/shared/**/*.ts'],
    ignores: TESTS,
    rules: {
      'centre-ops/imports-stay-inside': ['error', { folder: SHARED }],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global'].map((name) => ({
          name,
          message: 'server/shared/ runs in the browser too: no Node globals.',
        })),
      ],
    },
  },

  // The server's layers (tests, migrations and server/shared/ are not layered).
  layers('everything else on the server: no Kysely', ['server/**/*.ts'], [kysely], [
    `${SHARED}/**`,
    'server/db/**',
    'server/realtime/write.ts',
    'server/realtime/outbox.ts',
  ]),
  layers('services', [MODULES], [kysely, realtimeInternals, realtimeTypes, routes]),
  layers('routes', MODULE_ROUTES, [kysely, realtimeInternals, realtimeTypes]),
  layers('queries', QUERIES, [servicesOrRoutes]),
  layers('module queries', MODULE_QUERIES, [servicesOrRoutes, realtimeInternals, realtimeTypes]),
  {
    name: 'centre-ops/layers: transactions',
    files: ['server/**/*.ts'],
    ignores: [...TESTS, 'server/realtime/write.ts', 'server/modules/reports/queries.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='transaction']",
          message:
            'Writes go through write() (server/realtime/write.ts): it opens the transaction, with its events and audit. The reports\' consistent read is the one other transaction.',
        },
      ],
    },
  },
];
