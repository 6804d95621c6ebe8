/** What both document sources (file-input.tsx for weapp, file-input.h5.tsx) share: the kinds taken and the checks. */
import type { UploadSource } from '../services/api'

export interface PickedFile {
  source: UploadSource
  /** The name it was picked with (shown, and sent with the report). */
  name: string
  bytes: number
}

export const FILE_EXTENSIONS = ['pdf', 'docx', 'xlsx']
/** The cloud storage's limit per file (cloud/local/README.md: LOCALCLOUD_UPLOAD_LIMIT_MB). */
export const FILE_MAX_BYTES = 20 * 1024 * 1024

/** Why a picked file is not taken (said, never dropped silently), or null. */
export const fileProblem = (name: string, bytes: number): string | null =>
  !/\.(pdf|docx|xlsx)$/i.test(name) ? `${name} 不是 PDF、Word（.docx）或 Excel（.xlsx）文件，未添加` : bytes > FILE_MAX_BYTES ? `${name} 超过 20 MB，未添加` : null
