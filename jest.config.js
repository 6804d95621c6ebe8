// Test projects by kind (see docs/testing.md). `npm test` runs them all through scripts/test-all.ts.
const path = require('path')

const babelTransform = ['babel-jest', { configFile: path.join(__dirname, 'test/babel.config.test.js') }]
const taroEsm = ['@tarojs', '@stencil', '@nutui', 'zustand', 'classnames', 'lodash-es', '@use-gesture', '@react-spring']
const common = {
  transform: { '^.+\\.[jt]sx?$': babelTransform },
  transformIgnorePatterns: [`/node_modules/(?!(${taroEsm.join('|')})/)`],
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json'],
}

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      // The work-plan importer's PDF.js (unpdf/pdfjs) is an ES module only; test/support/esm-to-cjs.js says why.
      transform: { ...common.transform, 'unpdf[\\/]dist[\\/]pdfjs\\.mjs$': '<rootDir>/test/support/esm-to-cjs.js' },
      transformIgnorePatterns: [`/node_modules/(?!(${[...taroEsm, 'unpdf'].join('|')})/)`],
      moduleNameMapper: { ...common.moduleNameMapper, '^unpdf/pdfjs$': '<rootDir>/node_modules/unpdf/dist/pdfjs.mjs' },
    },
    {
      ...common,
      displayName: 'components',
      testEnvironment: 'jsdom',
      // @tarojs/components' React build imports a tslib nested under its own node_modules/.pnpm; let babel compile it.
      transformIgnorePatterns: [`/node_modules/(?!(${[...taroEsm, 'tslib', 'swiper', 'ssr-window', 'dom7', '\\.pnpm'].join('|')})/)`],
      // A build-time flag of @tarojs/components (defined by Taro's bundler); false = define the custom elements.
      globals: {
        DEPRECATED_ADAPTER_COMPONENT: false,
        ENABLE_INNER_HTML: true,
        ENABLE_ADJACENT_HTML: true,
        ENABLE_SIZE_APIS: true,
        ENABLE_TEMPLATE_CONTENT: true,
        ENABLE_CLONE_NODE: true,
        ENABLE_CONTAINS: true,
        ENABLE_MUTATION_OBSERVER: true,
      },
      // swiper (pulled in by @tarojs/components) ships .mjs.
      transform: { '^.+\\.m?[jt]sx?$': babelTransform },
      testMatch: ['<rootDir>/test/unit/**/*.test.tsx'],
      moduleNameMapper: {
        ...common.moduleNameMapper,
        '^@tarojs/components$': '<rootDir>/node_modules/@tarojs/components/lib/react',
        '^@tarojs/taro$': '<rootDir>/test/support/taro-shim.ts',
        '^@nutui/nutui-react-taro$': '<rootDir>/test/support/nutui.ts',
        '\\.(css|scss|sass|less)$': '<rootDir>/test/support/style-stub.ts',
      },
    },
    {
      ...common,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      // Sized for 2 cores with one of them busy elsewhere (test/support/test-timeout.ts says why not testTimeout).
      globals: { TEST_TIMEOUT_MS: 120_000 },
      setupFilesAfterEnv: ['<rootDir>/test/support/test-timeout.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      // Sized for 2 cores with one of them busy elsewhere (test/support/test-timeout.ts says why not testTimeout).
      globals: { TEST_TIMEOUT_MS: 240_000 },
      setupFilesAfterEnv: ['<rootDir>/test/support/test-timeout.ts'],
    },
    {
      ...common,
      displayName: 'weapp',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
      // Sized for 2 cores with one of them busy elsewhere (test/support/test-timeout.ts says why not testTimeout).
      globals: { TEST_TIMEOUT_MS: 600_000 },
      setupFilesAfterEnv: ['<rootDir>/test/support/test-timeout.ts'],
    },
    {
      ...common,
      // The weapp build run in a stand-in for WeChat's framework, against the local cloud (test/weapp-run/README.md).
      displayName: 'weapp-run',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/weapp-run/**/*.test.ts'],
      globals: { TEST_TIMEOUT_MS: 240_000 },
      setupFilesAfterEnv: ['<rootDir>/test/support/test-timeout.ts'],
    },
  ],
}
