/**
 * The typed door to the cloud: `callApi('activities.list', { branchId })` resolves to that action's output or
 * throws an ApiCallError whose Chinese message can be shown as is.
 */
import type { ActionInput, ActionName, ActionOutput } from '../../types/actions'
import type { ApiResult, ErrorCode } from '../../types/envelope'
import { randomId } from '../lib/request-id'
import transport, { NetworkError, type UploadSource } from './transport'

export type ClientErrorCode = ErrorCode | 'NETWORK' | 'BAD_RESPONSE'

export const NETWORK_MESSAGE = '网络不可用，请检查网络后重试'

export class ApiCallError extends Error {
  readonly code: ClientErrorCode
  readonly details?: unknown
  constructor(code: ClientErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'ApiCallError'
    this.code = code
    this.details = details
  }
}

function isEnvelope(value: unknown): value is ApiResult<unknown> {
  if (!value || typeof value !== 'object') return false
  const v = value as { ok?: unknown; error?: unknown }
  if (v.ok === true) return 'data' in v
  return v.ok === false && !!v.error && typeof v.error === 'object'
}

export async function callApi<A extends ActionName>(action: A, payload: ActionInput<A>): Promise<ActionOutput<A>> {
  let result: unknown
  try {
    result = await transport.callFunction({ action, payload, requestId: randomId(16) })
  } catch (error) {
    if (error instanceof NetworkError) throw new ApiCallError('NETWORK', NETWORK_MESSAGE)
    throw new ApiCallError('INTERNAL', '服务暂时不可用，请稍后重试', String((error as Error)?.message ?? error))
  }
  if (!isEnvelope(result)) throw new ApiCallError('BAD_RESPONSE', '服务返回了无法识别的结果，请稍后重试')
  if (result.ok) return result.data as ActionOutput<A>
  const { code, message, details } = result.error
  throw new ApiCallError(code, message || '操作失败，请稍后重试', details)
}

/** Uploads one file to cloud storage; network failures become the same ApiCallError as calls. */
export async function uploadFile(
  source: UploadSource,
  cloudPath: string,
  onProgress?: (percent: number) => void,
): Promise<string> {
  try {
    return await transport.uploadFile(source, cloudPath, onProgress)
  } catch (error) {
    if (error instanceof NetworkError) throw new ApiCallError('NETWORK', NETWORK_MESSAGE)
    throw new ApiCallError('INTERNAL', (error as Error)?.message || '上传失败，请重试')
  }
}

/** The message to show for anything caught. */
export const errorMessage = (error: unknown): string =>
  error instanceof ApiCallError ? error.message : '出了点问题，请稍后重试'

export type { UploadSource }
