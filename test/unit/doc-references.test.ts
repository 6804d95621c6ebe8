/**
 * Every reference in the repository's docs and code comments points at a file in the repository, and nothing
 * points outside it (a fresh clone has no ../shared and no /work/…). Import specifiers are left to tsc and ESLint;
 * this walks what they cannot see: Markdown (links and mentioned paths) and comments.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '../..')
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean)
const texts = tracked.filter((f) => /\.(md|ts|tsx|js|mjs|scss)$/.test(f) && fs.existsSync(path.join(root, f)))

/** What a reader sees as prose: the whole of a Markdown file, the comments of a code file. */
function prose(file: string): string {
  const source = fs.readFileSync(path.join(root, file), 'utf8')
  if (file.endsWith('.md')) return source
  return (source.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? []).join('\n')
}

// A path that starts at one of the repository's top folders, e.g. cloud/core/framework/access.ts or docs/testing.md.
const MENTION = /(?<![\w@/.-])((?:\.\.\/)*(?:\.\/)?(?:docs|cloud|src|types|test|scripts|config|samples)\/[\w./-]*[\w/])(?![\w$<{*-])/g
const LINK = /\]\(([^)\s]+)\)/g
// Build output and per-run files: named in docs, absent from a clone until a build or a run makes them.
const MADE_BY_A_RUN = [/^dist(-h5)?(-dev)?\//, /^cloud\/functions\/[^/]+\/index\.js(\.map)?$/, /^\.localcloud/]

function resolves(from: string, ref: string): boolean {
  const clean = ref.replace(/[#?].*$/, '')
  const candidates = [path.join(path.dirname(from), clean), clean].map((p) => path.normalize(p))
  return candidates.some((p) => {
    if (MADE_BY_A_RUN.some((re) => re.test(p))) return true
    // `cloud/core/framework/catalog.describeActions` names a symbol in a file: the file must exist.
    const withoutSymbol = p.replace(/\.[A-Za-z]\w*$/, '')
    return ['', '.ts', '.tsx', '.js'].some((ext) => fs.existsSync(path.join(root, p + ext)) || fs.existsSync(path.join(root, withoutSymbol + ext)))
  })
}

test('no file in the repository points outside it', () => {
  const outside = texts.filter((f) => f !== 'test/unit/doc-references.test.ts' && /\.\.\/shared\/|\/work\//.test(fs.readFileSync(path.join(root, f), 'utf8')))
  expect(outside).toEqual([])
})

test('every path a doc or a comment mentions exists', () => {
  const missing: string[] = []
  for (const file of texts) {
    const text = prose(file)
    for (const m of text.matchAll(MENTION)) if (!resolves(file, m[1])) missing.push(`${file}: ${m[1]}`)
    if (file.endsWith('.md')) {
      for (const m of text.matchAll(LINK)) {
        const target = m[1]
        if (/^(https?:|mailto:|#)/.test(target)) continue
        if (!resolves(file, target)) missing.push(`${file}: (${target})`)
      }
    }
  }
  expect(missing).toEqual([])
})

test('the walk reads the docs and comments it claims to (it finds a known reference)', () => {
  const found = [...prose('eslint.config.mjs').matchAll(MENTION)].map((m) => m[1])
  expect(found).toContain('docs/architecture.md')
  expect(resolves('README.md', 'docs/no-such-page.md')).toBe(false)
})
