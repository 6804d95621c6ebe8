// Babel for jest only: node-targeted, React automatic runtime, TypeScript. The app build uses babel.config.js (Taro's preset).
module.exports = {
  presets: [
    ['@babel/preset-env', { targets: { node: 'current' } }],
    ['@babel/preset-react', { runtime: 'automatic' }],
    '@babel/preset-typescript',
  ],
}
