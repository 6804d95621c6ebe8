import type { ApiError, ErrorCode } from '../../../types/envelope'

/** A failure an action reports to its caller: a stable code and a Chinese message a person can act on. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'AppError'
  }

  toApiError(): ApiError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }
}

export const forbidden = (message = '你没有权限进行此操作') => new AppError('FORBIDDEN', message)
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或已删除`)
export const invalid = (message: string, details?: unknown) => new AppError('INVALID_INPUT', message, details)

/** The cloud's answer when a collection was never created (DATABASE_COLLECTION_NOT_EXIST, -502005). */
export function isCollectionMissing(error: unknown): boolean {
  const e = error as { code?: unknown; errCode?: unknown; message?: unknown } | undefined
  const text = `${e?.code ?? ''} ${e?.errCode ?? ''} ${e?.message ?? error}`
  return text.includes('DATABASE_COLLECTION_NOT_EXIST') || text.includes('-502005')
}

/**
 * For `.catch` on a read of a collection an older environment may not have created yet (one added to COLLECTIONS
 * after its org.bootstrap): a missing collection reads as `fallback`; any other failure (a timeout, a refused query)
 * is thrown, never read as "nothing there" — a swallowed timeout showed paid months as 未缴 and overviews as empty.
 */
export function unlessMissing<T>(fallback: T): (error: unknown) => T {
  return (error) => {
    if (isCollectionMissing(error)) return fallback
    throw error
  }
}
