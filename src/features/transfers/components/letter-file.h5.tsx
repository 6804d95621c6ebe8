/**
 * The printed 介绍信 (.docx) in the browser: a download in the app's primary button style (src/components/button.scss),
 * 下载 Word 文件 — the file's name is shown once, above it, by the page. Same origin as the app, so `download` names it.
 */
import type { LetterFile as Letter } from '../api'
import './letter-file.scss'

export function LetterFile({ letter }: { letter: Letter }) {
  if (!letter.url) return null
  return (
    <a className='btn btn--primary btn--large btn--block letter-file' href={letter.url} download={letter.fileName} data-testid='letter-download'>
      下载 Word 文件
    </a>
  )
}
