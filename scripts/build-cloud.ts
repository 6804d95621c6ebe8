/**
 * Bundles each cloud function's entry.ts (with cloud/core and zod) into cloud/functions/<name>/index.js — the
 * file that is uploaded, and the very file the local cloud runs. wx-server-sdk stays external: it is the
 * function's own dependency (its package.json), installed by the cloud on upload.
 */
import { build, context, type BuildContext, type BuildOptions } from 'esbuild'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '..')
const functionsDir = path.join(root, 'cloud/functions')

function functionNames(): string[] {
  return readdirSync(functionsDir).filter((n) => existsSync(path.join(functionsDir, n, 'entry.ts')))
}

/**
 * What stays out of a function's bundle: the dependencies of its own package.json, which the cloud installs on
 * upload (云端安装依赖) and the local cloud finds in the repository's node_modules. wx-server-sdk for every function;
 * for api also unpdf (PDF.js, 1.4 MB that only a .pdf import loads: inside the bundle it added about 70 ms of CPU
 * to every cold start, only to be parsed).
 */
function externals(name: string): string[] {
  const manifest = path.join(functionsDir, name, 'package.json')
  const deps = existsSync(manifest) ? Object.keys((JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: object }).dependencies ?? {}) : []
  return [...new Set(['wx-server-sdk', ...deps])]
}

/** One function's esbuild options: the same for a one-off build and for `npm run dev`'s watcher. */
function options(name: string): BuildOptions {
  return {
    entryPoints: [path.join(functionsDir, name, 'entry.ts')],
    outfile: path.join(functionsDir, name, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16', // WeChat cloud functions' runtime may be as old as Node 16
    format: 'cjs',
    external: externals(name),
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  }
}

export async function buildCloudFunctions(): Promise<{ name: string; bytes: number }[]> {
  const results = []
  for (const name of functionNames()) {
    const opts = options(name)
    await build(opts)
    results.push({ name, bytes: statSync(opts.outfile!).size })
  }
  return results
}

/**
 * Rebuilds each bundle whenever a file it imports changes (cloud/, types/); the local cloud loads the new index.js
 * on the next invocation. `onRebuilt` hears each finished rebuild with its time. Returns a function that stops watching.
 */
export async function watchCloudFunctions(onRebuilt: (name: string, ms: number, ok: boolean) => void): Promise<() => Promise<void>> {
  const contexts: BuildContext[] = await Promise.all(functionNames().map(async (name) => {
    let started = 0
    const ctx = await context({
      ...options(name),
      plugins: [{
        name: 'report',
        setup(b) {
          b.onStart(() => { started = Date.now() })
          b.onEnd((r) => onRebuilt(name, Date.now() - started, r.errors.length === 0))
        },
      }],
    })
    await ctx.watch() // builds once now, then on every change
    return ctx
  }))
  return async () => { await Promise.all(contexts.map((c) => c.dispose())) }
}

if (require.main === module) {
  buildCloudFunctions().then(
    (results) => {
      for (const r of results) console.log(`cloud/functions/${r.name}/index.js  ${(r.bytes / 1024).toFixed(1)} KB`)
    },
    (error) => {
      console.error(error)
      process.exit(1)
    },
  )
}
