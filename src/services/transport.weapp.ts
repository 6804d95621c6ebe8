/** The mini-program's transport: the `api` cloud function and cloud storage through Taro.cloud. */
import Taro from '@tarojs/taro'
import type { ApiEvent } from '../../types/envelope'
import { NetworkError, type Transport, type UploadSource } from './transport-base'

export { NetworkError }
export type { Transport, UploadSource }

/** errCodes of wx.cloud that mean the request never reached the function. */
const isNetworkFailure = (error: unknown) => {
  const msg = String((error as { errMsg?: string })?.errMsg ?? (error as Error)?.message ?? '')
  return /timeout|network|fail to connect|request:fail|ERR_/i.test(msg)
}

const transport: Transport = {
  async callFunction(event: ApiEvent) {
    try {
      const res = await Taro.cloud.callFunction({ name: 'api', data: { ...event } })
      return (res as { result?: unknown }).result
    } catch (error) {
      if (isNetworkFailure(error)) throw new NetworkError(String((error as { errMsg?: string }).errMsg ?? error))
      throw error
    }
  },
  uploadFile(source: UploadSource, cloudPath: string, onProgress?: (percent: number) => void) {
    return new Promise<string>((resolve, reject) => {
      if (!source.filePath) {
        reject(new Error('missing filePath'))
        return
      }
      const task = Taro.cloud.uploadFile({
        cloudPath,
        filePath: source.filePath,
        success: (res: { fileID: string }) => resolve(res.fileID),
        fail: (err: { errMsg: string }) => reject(isNetworkFailure(err) ? new NetworkError(String(err.errMsg)) : err),
      })
      if (task && typeof task.onProgressUpdate === 'function' && onProgress) {
        task.onProgressUpdate((r) => onProgress(r.progress))
      }
    })
  },
}

export default transport
