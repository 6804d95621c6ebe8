import type { UserConfigExport } from '@tarojs/cli'

/**
 * `npm run dev` (scripts/dev.ts) runs `taro build --type h5 --watch` with this config. The local cloud stays the
 * one origin a developer opens (http://127.0.0.1:10086, with its Host/Origin checks): webpack writes each rebuild to
 * dist-h5-dev/, which the local cloud serves (LOCALCLOUD_STATIC), so a reload shows the edit. Webpack's own dev
 * server only carries the live-reload socket, on 127.0.0.1:TARO_DEV_PORT; it serves nothing a developer opens.
 * The filesystem cache (node_modules/.cache/webpack) makes a second start serve the first page in seconds.
 */
const socketPort = Number(process.env.TARO_DEV_PORT || 10088)

export default {
  logger: { quiet: true, stats: false },
  cache: { enable: true },
  mini: {},
  h5: {
    // Keep the last build on disk at start (Taro empties the output folder by default): a second `npm run dev` serves
    // it at once, and webpack overwrites it when its own build is done (chunk names carry no hash in development).
    output: { clean: false },
    devServer: {
      host: '127.0.0.1',
      port: socketPort,
      open: false,
      allowedHosts: ['127.0.0.1', 'localhost'],
      hot: false,
      liveReload: true,
      devMiddleware: { writeToDisk: true },
      client: { overlay: false, logging: 'warn', webSocketURL: `ws://127.0.0.1:${socketPort}/ws` },
    },
  },
} satisfies UserConfigExport<'webpack5'>
