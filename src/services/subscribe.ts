/**
 * Asking the platform for one-time subscription-message grants (订阅消息). This file is the mini-program's
 * (WeChat's own consent sheet); subscribe.h5.ts emulates it in the browser against the local cloud.
 *
 * Call `askSubscriptions` synchronously from a tap handler, before any await: WeChat refuses
 * (`can only be invoked by user TAP gesture`) a request that is not the direct result of a tap. One call asks
 * for at most three one-time templates; the caller picks the three that matter to the person.
 */
import Taro from '@tarojs/taro'
import { MAX_TEMPLATES_PER_ASK, SubscribeError, pickGrants, subscribeFailure, type GrantResult, type TemplateAsk } from './subscribe-kit'

export { MAX_TEMPLATES_PER_ASK, SubscribeError }
export type { GrantResult, TemplateAsk }

export function askSubscriptions(templates: TemplateAsk[]): Promise<Record<string, GrantResult>> {
  const tmplIds = templates.slice(0, MAX_TEMPLATES_PER_ASK).map((t) => t.id)
  if (!tmplIds.length) return Promise.reject(new SubscribeError('提醒模板尚未配置，请联系管理员'))
  return new Promise((resolve, reject) => {
    // No await before this line: it must run inside the tap's own call stack.
    const taroPromise = Taro.requestSubscribeMessage({
      tmplIds,
      success: (res) => resolve(pickGrants(tmplIds, res)),
      fail: (err) => reject(new SubscribeError(subscribeFailure(err?.errCode))),
    } as Taro.requestSubscribeMessage.Option) as Promise<unknown> | undefined
    // Taro also answers with a promise, which rejects when WeChat refuses (e.g. 20004, subscriptions switched off).
    // `fail` above already handles that; left unobserved, it was an unhandled rejection on every refusal.
    taroPromise?.catch(() => undefined)
  })
}
