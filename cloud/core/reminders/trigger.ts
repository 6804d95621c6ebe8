/**
 * Who may run the reminders: only the platform's timer trigger. WeChat's default function rule lets any signed-in
 * user call any cloud function with any event, so the event alone proves nothing; the WX context does. A timer
 * run has SOURCE `wx_trigger` and no user (getWXContext: OPENID exists only when a mini-program calls; SOURCE enum
 * "wx_trigger — 云函数定时触发器调用", Cloud.getWXContext reference). The trigger's event
 * (`{ Type: 'Timer', TriggerName, Time }`) names its fire time; it is taken as the run's clock only when it is
 * within minutes of the real clock, so even a trusted caller cannot plan days ahead or in the past.
 */
export const TIMER_SOURCE = 'wx_trigger'
/** How far a trigger's `Time` may be from the real clock (a cold start or a slow queue, not a different day). */
export const MAX_TRIGGER_SKEW_MS = 10 * 60 * 1000

export interface WxContextLike {
  OPENID?: unknown
  FROM_OPENID?: unknown
  SOURCE?: unknown
}

export type TriggerVerdict = { ok: true; now: Date } | { ok: false; reason: string }

export function acceptTimerTrigger(event: unknown, wx: WxContextLike, clock: Date): TriggerVerdict {
  if (wx.OPENID || wx.FROM_OPENID) return { ok: false, reason: '提醒只能由定时触发器运行，不能由用户调用' }
  // SOURCE is a chain ("wx_client,scf" when a client-called function calls this one): only a bare trigger passes.
  if (wx.SOURCE !== TIMER_SOURCE) return { ok: false, reason: `提醒只能由定时触发器运行（调用来源：${String(wx.SOURCE ?? '未知').slice(0, 40)}）` }
  const e = (event ?? {}) as { Type?: unknown; Time?: unknown }
  if (e.Type !== undefined && e.Type !== 'Timer') return { ok: false, reason: '不是定时触发器的事件' }
  const fired = typeof e.Time === 'string' ? new Date(e.Time) : undefined
  const close = !!fired && !Number.isNaN(fired.getTime()) && Math.abs(fired.getTime() - clock.getTime()) <= MAX_TRIGGER_SKEW_MS
  return { ok: true, now: close ? fired : clock }
}
