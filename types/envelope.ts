/** The one envelope every action answers with (see docs/architecture.md). */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'CONTENT_REJECTED',
  /** The record is locked (e.g. an activity more than 30 days old); only committee staff may change it. */
  'READ_ONLY',
  'RATE_LIMITED',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiError {
  code: ErrorCode
  message: string
  details?: unknown
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError }

/** The event the `api` cloud function receives from callFunction. */
export interface ApiEvent {
  action: string
  payload?: unknown
  requestId?: string
}
