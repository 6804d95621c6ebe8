/**
 * What both subscription adapters share (subscribe.ts for WeChat, subscribe.h5.ts for the browser). A file with no
 * platform twin: Taro resolves `./subscribe` to subscribe.h5.ts in the H5 build, so the twins cannot import each other.
 */
export type GrantResult = 'accept' | 'reject' | 'ban' | 'filter'

export interface TemplateAsk {
  id: string
  /** What the person is agreeing to, e.g. 待办到期提醒 (the H5 sheet lists it; WeChat shows its own title). */
  title: string
}

/** WeChat's limit for one-time templates in one request. */
export const MAX_TEMPLATES_PER_ASK = 3

export class SubscribeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SubscribeError'
  }
}

const GRANTS: readonly string[] = ['accept', 'reject', 'ban', 'filter']

/** The per-template answers from the platform's result object (which also carries errMsg). */
export function pickGrants(ids: string[], res: Record<string, unknown>): Record<string, GrantResult> {
  const out: Record<string, GrantResult> = {}
  for (const id of ids) {
    const v = res[id]
    if (typeof v === 'string' && GRANTS.includes(v)) out[id] = v as GrantResult
  }
  return out
}

/** A person-readable reason for a failed request (errCode from WeChat's documentation). */
export function subscribeFailure(errCode?: number): string {
  if (errCode === 20004) return '你关闭了小程序的订阅消息，请在右上角“…→ 设置 → 通知管理”中打开后再试'
  if (errCode === 10002 || errCode === 10003) return '网络不可用，订阅没有成功，请稍后重试'
  if (errCode === 10005) return '微信暂时无法显示订阅界面，请稍后重试'
  return '订阅没有成功，请稍后重试'
}

