import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

const isH5 = process.env.TARO_ENV === 'h5'
const root = path.resolve(__dirname, '..')

/**
 * Taro build config. weapp builds to dist/ (project.config.json's miniprogramRoot), H5 to dist-h5/ (served by the
 * local cloud). NutUI React Taro is designed at 375 px, our own styles at 750.
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'branch-desk',
    date: '2026-11-1',
    designWidth(input?: string | number | { file?: string }) {
      const file = (typeof input === 'object' && input?.file) || ''
      return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // `npm run dev` writes its watch builds to dist-h5-dev/ so they never mix with the production build the tests serve.
    outputRoot: isH5 ? (process.env.NODE_ENV === 'development' ? 'dist-h5-dev' : 'dist-h5') : 'dist',
    plugins: [path.resolve(__dirname, 'plugin-weapp-project.ts')],
    alias: {
      '@': path.resolve(root, 'src'),
    },
    // The cloud environment id (config/deployment.ts CLOUD_ENV); empty means the mini-program's default environment.
    defineConstants: { 'process.env.TARO_APP_CLOUD_ENV': JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? '') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // types/ (the contract, outside src/) and config/deployment.ts are TypeScript too: let babel compile them.
      compile: { include: [path.resolve(root, 'types'), path.resolve(root, 'config/deployment.ts')] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      esnextModules: ['@nutui'],
      // Taro splits only initial chunks, so every page's lazily loaded chunk carried its own copy of what pages
      // share (ECharts in both committee pages, NutUI in several). Split async chunks too: shared code loads once.
      webpackChain(chain) {
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' })
      },
      compile: { include: [path.resolve(root, 'types'), path.resolve(root, 'config/deployment.ts')] },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // Sizes that stop growing (docs/layout.md): H5 turns our px into rem, and index.html's script sets the root
        // size to 40 × min(window width, height) / 750, between minRootSize and maxRootSize (Taro's default ceiling,
        // 40 px, drew a 1366×800 desk at twice a phone's size). The ceiling is a 390 px phone's root (20.8 px), so a
        // desk or tablet window shows text and controls at that phone's size; phones up to 390 px are unchanged.
        pxtransform: { enable: true, config: { maxRootSize: 20.8 } },
        cssModules: { enable: false },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
