/**
 * Subscription-message (订阅消息) templates the mini-program asks people to accept. One-time templates: each tap on
 * 订阅提醒 lets WeChat send one message per accepted template.
 *
 * The ids are PLACEHOLDERS. In the WeChat admin console (mp.weixin.qq.com → 功能 → 订阅消息) pick the templates
 * from the public library, then paste their template ids here — and the same ids where the cloud sends them
 * (the reminders function). At most three ids per request (a WeChat rule). An id starting with `TEMPLATE_` is
 * treated as unset and is not requested.
 */
export const SUBSCRIPTION_TEMPLATES = {
  /** 活动提醒: an upcoming 三会一课 / 主题党日 of the member's branch. */
  activityReminder: 'TEMPLATE_ACTIVITY_REMINDER',
  /** 待办提醒: a work-plan assignment due soon or overdue (secretaries). */
  assignmentDue: 'TEMPLATE_ASSIGNMENT_DUE',
  /** 审核结果: a join request approved or rejected. */
  joinDecision: 'TEMPLATE_JOIN_DECISION',
} as const

export const configuredTemplateIds = (): string[] =>
  Object.values(SUBSCRIPTION_TEMPLATES)
    .filter((id) => !id.startsWith('TEMPLATE_'))
    .slice(0, 3)
