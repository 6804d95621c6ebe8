/**
 * Deployment settings: everything a deployer changes to run the app in their own WeChat environment, in one place.
 * README.md's deployment steps and docs/deployment.md point here. Rebuild the app and the cloud functions after a
 * change (`npm run build:weapp && npm run build:cloud`).
 *
 * Set here:
 * - CLOUD_ENV: the cloud environment id, from TARO_APP_CLOUD_ENV at build time (e.g. in .env.production); empty
 *   means the mini-program's default environment.
 * - SUBSCRIPTION_TEMPLATE_IDS: one subscription-message template per reminder kind. In the WeChat admin console
 *   (mp.weixin.qq.com → 功能 → 订阅消息 → 公共模板库) add one-time templates with the keywords in
 *   types/subscription-templates.ts and put their ids here. The ids below are demo ids the local cloud accepts.
 *
 * Set elsewhere, because the platform reads them there:
 * - the mini-program's AppID: project.config.json `appid`;
 * - the `api` function's environment variables (cloud console): BOOTSTRAP_TOKEN (until the first administrator
 *   exists), MINIPROGRAM_STATE (unset in production); the `reminders` function's REMINDER_SEND_CONCURRENCY
 *   (optional) and its timer in cloud/functions/reminders/config.json;
 * - database indexes and function security rules: docs/deployment.md.
 */
import { TEMPLATE_SPECS, REMINDER_KINDS, type ReminderKind, type TemplateSpec } from '../types/subscription-templates'

export const CLOUD_ENV: string = process.env.TARO_APP_CLOUD_ENV || ''

export const SUBSCRIPTION_TEMPLATE_IDS: Record<ReminderKind, string> = {
  assignment_due: 'Vd3kq0R7mXbT9aLw2pYcN5fHs8uJe1GzQo4iKt6WnBE',
  compliance_gap: 'p8ZrT2vLw6nQe0HcX4sKb9dMa1YfJ7gUi3oRt5WkNcA',
  activity_upcoming: 'Kq5Wm1Ta8ZrY3uNc7Lh0Ve2dXs9Jb4Gp6Fo1Ri3QwEk',
  committee_notice: 'Hn4Xc9Qe2Tb7Mw1Ls6Yk0Rv3Pa8Jd5Uf2Gi7Zo4NtWs',
  recruitment_due: 'Rc7Tq2Lw9pXa4Nb1Ve6Hs3Kd8Jm5Gf0Yz2Uo7Wi4QeB',
  term_due: 'Tm3Hq8Xe1Wc5Lb9Rv2Kn6Ya4Pd0Js7Gu3Fo8Zi1NtQs',
}

/** Each reminder kind's template: its id here and its keywords from the contract. */
export const SUBSCRIPTION_TEMPLATES: Record<ReminderKind, TemplateSpec & { id: string }> = Object.fromEntries(
  REMINDER_KINDS.map((k) => [k, { ...TEMPLATE_SPECS[k], id: SUBSCRIPTION_TEMPLATE_IDS[k] }]),
) as Record<ReminderKind, TemplateSpec & { id: string }>

/** The reminder kind a template id belongs to (undefined for an id this deployment does not use). */
export const kindOfTemplate = (templateId: string): ReminderKind | undefined => REMINDER_KINDS.find((k) => SUBSCRIPTION_TEMPLATE_IDS[k] === templateId)
