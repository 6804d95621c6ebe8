/**
 * The transport's shape. Taro picks transport.weapp.ts (Taro.cloud) or transport.h5.ts (the local cloud over HTTP)
 * by platform suffix; this file is what TypeScript and jest resolve, and it refuses to run anywhere else.
 */
import type { ApiEvent } from '../../types/envelope'

/** Something to upload: a temp file path (weapp) or a Blob (H5). */
export interface UploadSource {
  filePath?: string
  blob?: Blob
  /** File name with extension, used for the cloud path. */
  name: string
}

export interface Transport {
  /** Calls the `api` cloud function; resolves to its return value (the envelope). Rejects only on network failure. */
  callFunction(event: ApiEvent): Promise<unknown>
  /** Uploads a file to cloud storage and resolves to its fileID. */
  uploadFile(source: UploadSource, cloudPath: string, onProgress?: (percent: number) => void): Promise<string>
}

export class NetworkError extends Error {
  constructor(message = 'network failure') {
    super(message)
    this.name = 'NetworkError'
  }
}

const transport: Transport = {
  callFunction: () => Promise.reject(new NetworkError('no transport for this platform')),
  uploadFile: () => Promise.reject(new NetworkError('no transport for this platform')),
}

export default transport
