/**
 * The transport's shape. Taro picks transport.weapp.ts (Taro.cloud) or transport.h5.ts (the local cloud over HTTP)
 * by platform suffix; this file is what TypeScript and jest resolve, and it refuses to run anywhere else.
 */
import { NetworkError, type Transport } from './transport-base'

export { NetworkError }
export type { Transport, UploadSource } from './transport-base'

const transport: Transport = {
  callFunction: () => Promise.reject(new NetworkError('no transport for this platform')),
  uploadFile: () => Promise.reject(new NetworkError('no transport for this platform')),
}

export default transport
