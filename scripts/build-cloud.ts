/**
 * Bundles each cloud function's entry.ts (with cloud/core and zod) into cloud/functions/<name>/index.js — the
 * file that is uploaded, and the very file the local cloud runs. wx-server-sdk stays external: it is the
 * function's own dependency (its package.json), installed by the cloud on upload.
 */
import { build } from 'esbuild'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '..')
const functionsDir = path.join(root, 'cloud/functions')

export async function buildCloudFunctions(): Promise<{ name: string; bytes: number }[]> {
  const names = readdirSync(functionsDir).filter((n) => existsSync(path.join(functionsDir, n, 'entry.ts')))
  const results = []
  for (const name of names) {
    const outfile = path.join(functionsDir, name, 'index.js')
    await build({
      entryPoints: [path.join(functionsDir, name, 'entry.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node16', // WeChat cloud functions' runtime may be as old as Node 16
      format: 'cjs',
      external: ['wx-server-sdk'],
      sourcemap: 'linked',
      legalComments: 'none',
      logLevel: 'warning',
    })
    results.push({ name, bytes: statSync(outfile).size })
  }
  return results
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
