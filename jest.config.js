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
    },
    {
      ...common,
      displayName: 'components',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/unit/**/*.test.tsx'],
      moduleNameMapper: {
        ...common.moduleNameMapper,
        '^@tarojs/components$': '<rootDir>/node_modules/@tarojs/components/lib/react',
        '^@tarojs/taro$': '<rootDir>/test/support/taro-shim.ts',
      },
    },
    {
      ...common,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      testTimeout: 60000,
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      testTimeout: 120000,
    },
    {
      ...common,
      displayName: 'weapp',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
      testTimeout: 300000,
    },
  ],
}
