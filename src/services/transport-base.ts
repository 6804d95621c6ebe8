/**
 * What every transport shares. It lives apart from transport.ts because Taro resolves `./transport` by platform
 * suffix: inside transport.h5.ts (or .weapp.ts) an import of './transport' is the file itself, so NetworkError came
 * back as its own re-export and any network failure overflowed the stack.
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
