// Entry point: `tsx cloud/local/main.ts` (npm run cloud). Prints `LOCALCLOUD_READY <url>` when ready.
import path from 'node:path'
import { startLocalCloud } from './server'
import { DataDirLocked } from './lock'

process.on('unhandledRejection', (e) => console.error('[localcloud] unhandled rejection:', e))
process.on('uncaughtException', (e) => console.error('[localcloud] uncaught exception:', e))

/** `--export <dir>` / `--import <dir>` (npm run cloud -- --export snap), or LOCALCLOUD_EXPORT / LOCALCLOUD_IMPORT. */
function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  if (i < 0) return undefined
  const value = process.argv[i + 1]
  if (!value || value.startsWith('--')) throw new Error(`--${name} 需要一个目录`)
  return path.resolve(value)
}

async function main() {
  const env = process.env
  const exportDir = flag('export') ?? (env.LOCALCLOUD_EXPORT ? path.resolve(env.LOCALCLOUD_EXPORT) : undefined)
  const importDir = flag('import') ?? (env.LOCALCLOUD_IMPORT ? path.resolve(env.LOCALCLOUD_IMPORT) : undefined)
  const root = path.resolve(__dirname, '../..')
  const cloud = await startLocalCloud({
    port: env.PORT === undefined || env.PORT === '' ? 10086 : Number(env.PORT),
    dataDir: env.LOCALCLOUD_DATA ? path.resolve(env.LOCALCLOUD_DATA) : path.join(root, '.localcloud'),
    // `npm run dev` serves its watch build (dist-h5-dev/); otherwise the production build in dist-h5/.
    staticDir: env.LOCALCLOUD_STATIC ? path.resolve(env.LOCALCLOUD_STATIC) : undefined,
    functionsDir: env.LOCALCLOUD_FUNCTIONS ? path.resolve(env.LOCALCLOUD_FUNCTIONS) : path.join(root, 'cloud/functions'),
    envId: env.LOCALCLOUD_ENV || 'local-dev',
    seed: env.LOCALCLOUD_SEED !== '0',
    timers: env.LOCALCLOUD_TIMERS !== '0',
    fsync: env.LOCALCLOUD_FSYNC === '1',
    debug: env.LOCALCLOUD_LOG === 'debug',
    // Tests and tools that call /admin themselves choose the secret; otherwise it is random per run.
    adminSecret: env.LOCALCLOUD_ADMIN_SECRET || undefined,
    uploadLimitBytes: env.LOCALCLOUD_UPLOAD_LIMIT_MB ? Number(env.LOCALCLOUD_UPLOAD_LIMIT_MB) * (1 << 20) : undefined,
    importDir,
    seedSnapshot: env.LOCALCLOUD_SEED_SNAPSHOT ? path.resolve(env.LOCALCLOUD_SEED_SNAPSHOT) : undefined,
  })
  process.stdout.write(`LOCALCLOUD_READY ${cloud.url}\n`)
  const stop = () => {
    // Export on exit: the state as it is when the local cloud stops (Ctrl-C, SIGTERM).
    if (exportDir) {
      try { cloud.exportTo(exportDir) } catch (e) { console.error(`[localcloud] snapshot to ${exportDir} failed:`, e) }
    }
    cloud.close().finally(() => process.exit(0))
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((e) => {
  // A data directory in use is the user's situation, not a crash: its message says what to do.
  if (e instanceof DataDirLocked) console.error(`[localcloud] 未启动：${e.message}`)
  else console.error('[localcloud] failed to start:', e)
  process.exit(1)
})
