/**
 * H5's transport: the local cloud on the same origin. `POST /cloud/functions/api` with the event as JSON, speaking
 * as the chosen dev identity (X-Dev-OpenId); uploads go to `POST /cloud/storage` as multipart.
 */
import type { ApiEvent } from '../../types/envelope'
import { getDevOpenId } from './dev-identity'
import { NetworkError, type Transport, type UploadSource } from './transport-base'

export { NetworkError }
export type { Transport, UploadSource }

function headers(): Record<string, string> {
  const openid = getDevOpenId()
  return openid ? { 'X-Dev-OpenId': openid } : {}
}

const transport: Transport = {
  async callFunction(event: ApiEvent) {
    let res: Response
    try {
      res = await fetch('/cloud/functions/api', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers() },
        body: JSON.stringify(event),
      })
    } catch (error) {
      throw new NetworkError(String(error))
    }
    const text = await res.text()
    try {
      return JSON.parse(text)
    } catch {
      throw new Error(`api answered ${res.status} with non-JSON`)
    }
  },
  uploadFile(source: UploadSource, cloudPath: string, onProgress?: (percent: number) => void) {
    return new Promise<string>((resolve, reject) => {
      if (!source.blob) {
        reject(new Error('missing blob'))
        return
      }
      const form = new FormData()
      form.append('cloudPath', cloudPath)
      form.append('file', source.blob, source.name)
      // XMLHttpRequest rather than fetch: it reports upload progress.
      const xhr = new XMLHttpRequest()
      xhr.open('POST', '/cloud/storage')
      for (const [k, v] of Object.entries(headers())) xhr.setRequestHeader(k, v)
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100))
      }
      xhr.onerror = () => reject(new NetworkError('upload failed'))
      xhr.onload = () => {
        try {
          const body = JSON.parse(xhr.responseText) as { fileID?: string; error?: { message?: string } }
          if (xhr.status >= 200 && xhr.status < 300 && body.fileID) resolve(body.fileID)
          else reject(new Error(body.error?.message || `上传失败（${xhr.status}）`))
        } catch {
          reject(new Error(`上传失败（${xhr.status}）`))
        }
      }
      xhr.send(form)
    })
  },
}

export default transport
