/**
 * npm run plan:parse -- <file.txt|file.docx>
 *
 * Prints what the work-plan importer makes of a document, as pretty JSON on stdout. Exit 2, with a Chinese
 * message on stderr, when the file is missing, unreadable, empty, not a .docx it claims to be, or has no points.
 * The file is read here: the importer itself does no I/O.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { docxText, parseWorkPlan } from '../cloud/core/work-plan'

function fail(message: string): never {
  process.stderr.write(`plan:parse：${message}\n`)
  process.exit(2)
}

/** UTF-8 first (with or without BOM); text saved by older Windows tools is often GB18030, so try that next. */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes)
    } catch {
      fail('文件既不是 UTF-8 也不是 GB18030 编码的文本，无法读取。')
    }
  }
}

async function main(): Promise<void> {
  const file = process.argv[2]
  if (!file) fail('用法：npm run plan:parse -- <文件.txt|文件.docx>')

  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    fail(code === 'ENOENT' ? `找不到文件：${file}` : code === 'EISDIR' ? `这是一个目录，不是文件：${file}` : `无法读取文件：${file}（${code ?? String(e)}）`)
  }
  if (bytes.length === 0) fail(`文件是空的：${file}`)

  // A .docx is a zip ("PK"); trust the content over the name, so a renamed file still reads.
  const isDocx = bytes[0] === 0x50 && bytes[1] === 0x4b
  let text: string
  if (isDocx) {
    try {
      text = await docxText(bytes)
    } catch {
      fail(`无法读取 .docx 文件（文件损坏或不是 Word 文档）：${file}`)
    }
  } else {
    if (path.extname(file).toLowerCase() === '.docx') fail(`文件扩展名是 .docx，但内容不是 Word 文档：${file}`)
    if (path.extname(file).toLowerCase() === '.doc') fail(`不支持旧版 .doc 文件，请在 Word 中另存为 .docx：${file}`)
    text = decodeText(bytes)
  }
  if (text.trim() === '') fail(`文件没有文字内容：${file}`)

  const plan = parseWorkPlan(text)
  if (plan.sections.every((s) => s.points.length === 0)) {
    fail(`没有找到任何编号的工作要点（应有“一、”部分和“1.”“2.”这样编号的条目）：${file}`)
  }
  process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`)
}

void main()
