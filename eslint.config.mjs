// ESLint holds the architecture's import boundaries (docs/architecture.md): dependencies point one way.
import { readdirSync, existsSync } from 'node:fs'
import tseslint from 'typescript-eslint'
import importX from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

const features = existsSync('src/features')
  ? readdirSync('src/features', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
  : []
// cloud/core: framework/ is the skeleton every action passes (dispatch, access, registry, port, model…), actions/ holds
// one file per action prefix, and every other folder is a domain (activities, organisation, compliance, …).
const coreDomains = existsSync('cloud/core')
  ? readdirSync('cloud/core', { withFileTypes: true })
      .filter((d) => d.isDirectory() && !['actions', 'framework'].includes(d.name))
      .map((d) => d.name)
  : []

const zones = [
  // The client never imports the backend.
  { target: './src', from: './cloud', message: 'The mini-program talks to the cloud only through src/services.' },
  // Core knows nothing of how it is hosted.
  { target: './cloud/core', from: './cloud/functions', message: 'cloud/core must not import a function entry.' },
  { target: './cloud/core', from: './cloud/platform', message: 'cloud/core sees the platform only through its Port.' },
  { target: './cloud/core', from: './cloud/local', message: 'cloud/core must not import the local cloud.' },
  // Inside core, dependencies point one way: actions -> domain folders -> framework. The registry (framework/registry.ts)
  // is the one framework file that lists the actions.
  ...coreDomains.map((name) => ({
    target: `./cloud/core/${name}`,
    from: './cloud/core/actions',
    message: 'Domain code sits below the actions: move what both need into the domain folder.',
  })),
  ...coreDomains.map((name) => ({
    target: './cloud/core/framework',
    from: `./cloud/core/${name}`,
    message: 'The framework knows no domain: a domain imports the framework, not the reverse.',
  })),
  // Production code never imports the local cloud.
  { target: './cloud/functions', from: './cloud/local', message: 'Function entries must not import the local cloud.' },
  { target: './cloud/platform', from: './cloud/local', message: 'The SDK adapter must not import the local cloud.' },
  // The contract depends on nothing of ours.
  { target: './types', from: './src', message: 'types/ is the contract: it imports neither side.' },
  { target: './types', from: './cloud', message: 'types/ is the contract: it imports neither side.' },
  // Features never import each other: pages compose them.
  ...features.map((name) => ({
    target: `./src/features/${name}`,
    from: './src/features',
    except: [`./${name}`],
    message: 'Features never import each other; compose them in a page.',
  })),
  // Lower client layers never reach up.
  { target: './src/services', from: './src/features', message: 'services sit below features.' },
  { target: './src/lib', from: './src/features', message: 'lib sits below features.' },
  { target: './src/features', from: './src/pages', message: 'Pages compose features, not the reverse.' },
]

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-h5/**',
      '.localcloud*/**',
      'cloud/functions/*/index.js',
      'coverage/**',
      'test/fixtures/**',
      '**/*.js',
      '**/*.cjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // The local cloud and the tests handle raw wire data (EJSON, multipart, protobuf) whose shape is checked at
    // run time: `any` is allowed there and nowhere else.
    files: ['cloud/local/**', 'test/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // File generators are the cloud's: megabytes the mini-program's packages must never carry.
    files: ['src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['exceljs', 'exceljs/*', 'docx', 'docx/*', 'jpeg-js', 'pngjs', 'mammoth'], message: 'Exports and document parsing run in the cloud (cloud/core), never in src/.' }] },
      ],
    },
  },
  {
    // Screens never call the cloud themselves (docs/architecture.md): components and pages go through a feature's
    // store or hook, which alone import its api.ts. Types from api.ts are fine.
    files: ['src/pages/**', 'src/packages/**', 'src/components/**', 'src/features/*/components/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/features/*/api', '**/features/*/*-api', '../api', '../*-api'],
              allowTypeImports: true,
              message: 'Components and pages call the cloud through a store or hook of the feature, not its api.ts (docs/architecture.md).',
            },
            {
              group: ['**/services/api'],
              importNames: ['callApi', 'uploadFile'],
              allowTypeImports: true,
              message: 'Components and pages call the cloud through a store or hook of the feature, not callApi (docs/architecture.md).',
            },
          ],
        },
      ],
    },
  },
)
