/** In the browser a finished export is a plain download link (same origin as the app, so `download` names it). */
import type { ExportJob } from '../store'

export function OpenFile({ job }: { job: ExportJob }) {
  if (!job.url) return null
  return (
    <a className='export__download' href={job.url} download={job.fileName} data-testid='export-download'>
      下载 {job.fileName}
    </a>
  )
}
