// Lint: layer boundaries (../shared/architecture.md "What may import what"), the engine's determinism bans and
// React's hooks rules. Types are checked by `tsc -b`; this catches what the compiler cannot.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const why = {
  engine: 'The engine is pure: it imports only from src/engine (no Node, DOM, npm packages, worker, ui or cli).',
  adapter: 'Adapters reach the engine through src/engine/index.ts only (its public surface).',
  ui: 'The UI talks to the engine through src/worker/client.ts; it may import engine/config/* and `import type` from engine/index.ts.',
  determinism: 'Breaks determinism (same config and seed, same bytes on any day, in Node and Chromium).',
}

/** An adapter layer: the engine through its public entry only, and none of the `banned` layers. */
function adapter(files, banned, message, ignores = []) {
  return {
    files,
    ignores: ['src/**/*.test.ts', ...ignores],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/engine/*', '**/engine/**/*', '!**/engine/index.ts'], message: why.adapter },
            { group: banned, message },
          ],
        },
      ],
    },
  }
}

const engineFiles = ['src/engine/**/*.ts']
const engineTests = ['src/engine/**/*.test.ts']

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-cli/**',
      'node_modules/**',
      'reports/**',
      'test-results/**',
      'src/engine/reference/locales.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: engineFiles,
    ignores: engineTests,
    languageOptions: { globals: {} },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^[^.]', message: why.engine },
            { group: ['**/worker/**', '**/ui/**', '**/cli/**'], message: why.engine },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: `${why.determinism} Draw from the Rng you were given.` },
        { object: 'Date', property: 'now', message: `${why.determinism} Time comes from the config's window.` },
        { object: 'performance', property: 'now', message: why.determinism },
        { object: 'crypto', property: 'randomUUID', message: why.determinism },
        { object: 'crypto', property: 'getRandomValues', message: why.determinism },
        { property: 'localeCompare', message: `${why.determinism} ICU versions sort differently; compare code units.` },
        { property: 'toLocaleString', message: `${why.determinism} Format numbers and dates by hand.` },
        { property: 'toLocaleDateString', message: why.determinism },
        { property: 'toLocaleTimeString', message: why.determinism },
        { property: 'toLocaleLowerCase', message: why.determinism },
        { property: 'toLocaleUpperCase', message: why.determinism },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Intl', message: `${why.determinism} Intl output depends on the ICU build.` },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: `${why.determinism} new Date() reads the clock.`,
        },
        { selector: "CallExpression[callee.name='Date']", message: `${why.determinism} Date() reads the clock.` },
      ],
    },
  },
  {
    // The one npm package the engine may import: a pure-JS Parquet encoder (no Node, DOM or I/O; it writes into
    // our byte sink), so Parquet works the same in the worker and in Node.
    files: ['src/engine/export/parquet/**/*.ts'],
    ignores: engineTests,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!\\.|hyparquet-writer$)', message: why.engine },
            { group: ['**/worker/**', '**/ui/**', '**/cli/**'], message: why.engine },
          ],
        },
      ],
    },
  },
  adapter(['src/worker/**/*.ts'], ['**/ui/**', '**/cli/**'], 'The worker imports only the engine’s public surface.', [
    'src/worker/client.ts',
  ]),
  adapter(['src/cli/**/*.ts'], ['**/ui/**', '**/worker/**'], "The CLI imports only the engine's public surface."),
  // Examples show what someone who installs the package can do: the public entry only.
  adapter(['examples/**/*.ts'], ['**/ui/**', '**/worker/**', '**/cli/**'], 'Examples use the engine only.'),
  adapter(
    ['src/server/**/*.ts'],
    ['**/ui/**', '**/worker/**', '**/cli/**'],
    "The HTTP API imports only the engine's public surface.",
  ),
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    ignores: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/**', '!**/engine/config', '!**/engine/config/**', '!**/engine/index.ts'],
              message: why.ui,
            },
            { group: ['**/engine/index.ts'], message: why.ui, allowTypeImports: true },
            { group: ['**/worker/**', '!**/worker/client.ts'], message: why.ui },
            { group: ['**/cli/**'], message: why.ui },
          ],
        },
      ],
    },
  },
)
