/**
 * npm run plan:parse -- <file.txt|file.docx|file.pdf|file.xlsx>
 *
 * Prints what the work-plan importer makes of a document, as pretty JSON on stdout. Exit 2, with a Chinese
 * message on stderr, when the file is missing, unreadable, empty, not the format it claims to be, a scan, or has
 * no points. The file is read here; the importer reads and refuses formats exactly as the import action does
 * (cloud/core/work-plans/file.ts).
 */
import { readFileSync } from 'node:fs'
import { parseWorkPlanFile, PlanFileError } from '../cloud/core/work-plans/file'

function fail(message: string): never {
  process.stderr.write(`plan:parse：${message}\n`)
  process.exit(2)
}

async function main(): Promise<void> {
  const file = process.argv[2]
  if (!file) fail('用法：npm run plan:parse -- <文件.txt|文件.docx|文件.pdf|文件.xlsx>')

  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    fail(code === 'ENOENT' ? `找不到文件：${file}` : code === 'EISDIR' ? `这是一个目录，不是文件：${file}` : `无法读取文件：${file}（${code ?? String(e)}）`)
  }

  let plan
  try {
    plan = await parseWorkPlanFile(bytes, file)
  } catch (e) {
    if (e instanceof PlanFileError) fail(`${e.message.replace(/。$/u, '')}：${file}`)
    throw e
  }
  if (plan.sections.every((s) => s.points.length === 0)) {
    fail(`没有找到任何编号的工作要点（应有“一、”部分和“1.”“2.”这样编号的条目）：${file}`)
  }
  process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`)
}

void main()
