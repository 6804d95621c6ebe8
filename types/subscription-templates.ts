/**
 * Subscription-message (订阅消息) templates, one per reminder kind: the template id and how each of our fields maps
 * to the template's keywords (thing1, time2 …) with the keyword's type, whose limits the cloud fits values to
 * (thing ≤ 20 characters, phrase ≤ 5, name ≤ 10 Chinese / 20 letters, character_string ≤ 32 ASCII, time, date,
 * number ≤ 32 digits; a value that breaks them makes WeChat answer 47003).
 *
 * Shared by the mini-program and the cloud: plain data, no zod, tiny — the client's main package may import it.
 *
 * The template ids are deployment settings, not part of the contract: config/deployment.ts has them and joins them
 * to these specs (SUBSCRIPTION_TEMPLATES). If WeChat assigns other keyword keys to a template, adjust them here.
 */

export type KeywordType = 'thing' | 'phrase' | 'name' | 'time' | 'date' | 'character_string' | 'number'

export const REMINDER_KINDS = ['assignment_due', 'compliance_gap', 'activity_upcoming', 'committee_notice', 'recruitment_due', 'term_due'] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]

export interface TemplateSpec {
  /** The template's title in WeChat's library (for people configuring it). */
  title: string
  /** What the person is asked to accept, in the app's words. */
  purpose: string
  /** Our field name → the template keyword and its type. */
  keywords: Record<string, { key: string; type: KeywordType }>
}

export const TEMPLATE_SPECS: Record<ReminderKind, TemplateSpec> = {
  assignment_due: {
    title: '待办事项提醒',
    purpose: '工作要点到期提醒',
    keywords: {
      title: { key: 'thing1', type: 'thing' },
      dueOn: { key: 'date2', type: 'date' },
      note: { key: 'thing3', type: 'thing' },
    },
  },
  compliance_gap: {
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
    title: '通知公告提醒',
    purpose: '党委通知',
    keywords: {
      title: { key: 'thing1', type: 'thing' },
      from: { key: 'name2', type: 'name' },
      at: { key: 'time3', type: 'time' },
      summary: { key: 'thing4', type: 'thing' },
    },
  },
  recruitment_due: {
    title: '待办事项提醒',
    purpose: '发展党员时限提醒',
    keywords: {
      name: { key: 'name1', type: 'name' },
      item: { key: 'thing2', type: 'thing' },
      dueOn: { key: 'date3', type: 'date' },
      note: { key: 'thing4', type: 'thing' },
    },
  },
  term_due: {
    title: '待办事项提醒',
    purpose: '支委会换届提醒',
    keywords: {
      item: { key: 'thing1', type: 'thing' },
      dueOn: { key: 'date2', type: 'date' },
      note: { key: 'thing3', type: 'thing' },
    },
  },
}
