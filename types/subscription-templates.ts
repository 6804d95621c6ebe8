/**
 * Subscription-message (订阅消息) templates, one per reminder kind: the template id and how each of our fields maps
 * to the template's keywords (thing1, time2 …) with the keyword's type, whose limits the cloud fits values to
 * (thing ≤ 20 characters, phrase ≤ 5, name ≤ 10 Chinese / 20 letters, character_string ≤ 32 ASCII, time, date,
 * number ≤ 32 digits; a value that breaks them makes WeChat answer 47003).
 *
 * Shared by the mini-program (which ids to request) and the cloud (which id and keywords to send): plain data, no
 * zod, tiny — the client's main package may import it.
 *
 * THE IDS ARE DEPLOYMENT CONFIG. These are demo ids that the local cloud accepts. For a real mini-program: in the
 * WeChat admin console (mp.weixin.qq.com → 功能 → 订阅消息 → 公共模板库) add one-time templates with these
 * keywords (or adjust the keyword keys below to the ones WeChat assigns), then replace each `id` here and rebuild
 * both the app and the cloud functions.
 */

export type KeywordType = 'thing' | 'phrase' | 'name' | 'time' | 'date' | 'character_string' | 'number'

export const REMINDER_KINDS = ['assignment_due', 'compliance_gap', 'activity_upcoming', 'committee_notice'] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]

export interface TemplateSpec {
  id: string
  /** The template's title in WeChat's library (for people configuring it). */
  title: string
  /** What the person is asked to accept, in the app's words. */
  purpose: string
  /** Our field name → the template keyword and its type. */
  keywords: Record<string, { key: string; type: KeywordType }>
}

export const SUBSCRIPTION_TEMPLATES: Record<ReminderKind, TemplateSpec> = {
  assignment_due: {
    id: 'Vd3kq0R7mXbT9aLw2pYcN5fHs8uJe1GzQo4iKt6WnBE',
    title: '待办事项提醒',
    purpose: '工作要点到期提醒',
    keywords: {
      title: { key: 'thing1', type: 'thing' },
      dueOn: { key: 'date2', type: 'date' },
      note: { key: 'thing3', type: 'thing' },
    },
  },
  compliance_gap: {
    id: 'p8ZrT2vLw6nQe0HcX4sKb9dMa1YfJ7gUi3oRt5WkNcA',
    title: '工作提醒',
    purpose: '组织生活到期提醒',
    keywords: {
      item: { key: 'thing1', type: 'thing' },
      period: { key: 'thing2', type: 'thing' },
      dueOn: { key: 'date3', type: 'date' },
      note: { key: 'thing4', type: 'thing' },
    },
  },
  activity_upcoming: {
    id: 'Kq5Wm1Ta8ZrY3uNc7Lh0Ve2dXs9Jb4Gp6Fo1Ri3QwEk',
    title: '活动开始提醒',
    purpose: '活动开始前提醒',
    keywords: {
      topic: { key: 'thing1', type: 'thing' },
      startAt: { key: 'time2', type: 'time' },
      place: { key: 'thing3', type: 'thing' },
      note: { key: 'thing4', type: 'thing' },
    },
  },
  committee_notice: {
    id: 'Hn4Xc9Qe2Tb7Mw1Ls6Yk0Rv3Pa8Jd5Uf2Gi7Zo4NtWs',
    title: '通知公告提醒',
    purpose: '党委通知',
    keywords: {
      title: { key: 'thing1', type: 'thing' },
      from: { key: 'name2', type: 'name' },
      at: { key: 'time3', type: 'time' },
      summary: { key: 'thing4', type: 'thing' },
    },
  },
}

/** The reminder kind a template id belongs to (undefined for an id this deployment does not use). */
export const kindOfTemplate = (templateId: string): ReminderKind | undefined =>
  REMINDER_KINDS.find((k) => SUBSCRIPTION_TEMPLATES[k].id === templateId)
