/**
 * Demo data for reminders, added after the base seed (seed.ts) on a fresh local cloud, through the same actions
 * people use plus the platform's own grant (what WeChat's consent sheet records):
 * - the secretaries and most members accepted every reminder template twice (platform grant + subscriptions.record);
 *   孙丽 (dev-member-2b) has a recorded acceptance the platform never saw, so her message meets 43101;
 * - a published work plan whose points are assigned to every branch: due in 1, 3 and 7 days, and one 2 days overdue;
 * - sessions planned for tomorrow in branches 1 and 2.
 * So `POST /cloud/triggers/reminders` (from 08:00 Beijing time; or with ?now=) fills the outbox and the inbox.
 * Off with LOCALCLOUD_SEED_REMINDERS=0 (the test harness does that, so tests that expect the base seed keep it).
 */
import type { ApiResult } from '../../types/envelope'
import { REMINDER_KINDS } from '../../types/subscription-templates'
import { SUBSCRIPTION_TEMPLATES } from '../../config/deployment'
import { beijingDate } from '../core/framework/time'
import { SEED_BRANCHES, SEED_COMMITTEE } from './seed'

export interface ReminderSeedContext {
  invoke(fn: string, event: unknown, openid?: string): Promise<unknown>
  /** The platform's grant: the user accepted `templateId` once. */
  grant(openid: string, templateId: string): void
}

const DAY = 24 * 3600 * 1000
const beijingDay = (t: number) => beijingDate(new Date(t))

export const DEMO_PLAN_TEXT = (year: number) => `中共湖南省科协社会组织行业委员会 ${year} 年党建工作要点

一、加强政治建设

1. 组织专题学习。各党支部围绕党的二十届四中全会精神开展一次专题学习，并报送学习情况（责任人：各学会党支部书记）。

2. 规范组织生活。各党支部按期召开支部党员大会、支委会和党小组会，上传会议记录和现场照片（责任人：各学会党支部书记）。

二、加强组织建设

3. 完成党员信息核对。各党支部核对党员花名册，更新转入转出信息（责任人：各学会党支部书记）。

4. 报送年度党建工作总结。各党支部总结全年党建工作，形成书面材料报党委（责任人：各学会党支部书记）。
`

export async function seedReminders(ctx: ReminderSeedContext): Promise<void> {
  let seq = 0
  async function call<T>(openid: string, action: string, payload: unknown): Promise<T> {
    const result = (await ctx.invoke('api', { action, payload, requestId: `seed-reminders-${++seq}` }, openid)) as ApiResult<T>
    if (!result || !result.ok) throw new Error(`seed-reminders: ${action} failed: ${JSON.stringify(result)}`)
    return result.data
  }

  // Subscriptions: each acceptance is one message (platform grant + our bookkeeping, as the app records it).
  const people = SEED_BRANCHES.flatMap((b) => [b.secretary.openid, ...b.members.map((m) => m.openid)])
  const ids = REMINDER_KINDS.map((k) => SUBSCRIPTION_TEMPLATES[k].id)
  for (const openid of people) {
    const platformToo = openid !== 'dev-member-2b'
    for (let round = 0; round < 2; round++) {
      for (const id of ids) if (platformToo) ctx.grant(openid, id)
      await call(openid, 'subscriptions.record', { results: Object.fromEntries(ids.map((id) => [id, 'accept'])) })
      if (!platformToo) break
    }
  }

  // A work plan with points due soon and one overdue, assigned to every branch.
  const now = Date.now()
  const today = beijingDay(now)
  const year = Number(today.slice(0, 4))
  const admin = SEED_COMMITTEE.openid
  const draft = await call<{ sections: unknown[] }>(admin, 'workPlans.parse', { text: DEMO_PLAN_TEXT(year), year })
  const saved = await call<{ id: string }>(admin, 'workPlans.save', { plan: draft })
  await call(admin, 'workPlans.publish', { planId: saved.id })
  const due = (days: number) => beijingDay(now + days * DAY)
  await call(admin, 'workPlans.assign', {
    planId: saved.id,
    branchIds: 'all',
    points: [
      { seq: 1, dueOn: due(3) },
      { seq: 2, dueOn: due(7) },
      { seq: 3, dueOn: due(-2) },
      { seq: 4, dueOn: due(1) },
    ],
  })

  // Sessions planned for tomorrow (the activities work owns activities.plan; a demo without them still works).
  const sessions = [
    { branch: 0, type: 'theme_day', topic: '重温入党誓词主题党日', place: '学会会议室', hour: 14 },
    { branch: 1, type: 'party_congress', topic: '讨论年度党建工作总结', place: '学会秘书处', hour: 9 },
  ]
  for (const s of sessions) {
    const b = SEED_BRANCHES[s.branch]
    try {
      const session = await call<{ roles: { role: string; branchId?: string }[] }>(b.secretary.openid, 'session.get', {})
      const branchId = session.roles.find((r) => r.role === 'secretary')?.branchId
      if (!branchId) continue
      const startAt = new Date(`${due(1)}T${String(s.hour).padStart(2, '0')}:00:00+08:00`)
      await call(b.secretary.openid, 'activities.plan', {
        branchId,
        type: s.type,
        topic: s.topic,
        place: s.place,
        startAt: startAt.toISOString(),
        endAt: new Date(startAt.getTime() + 2 * 3600 * 1000).toISOString(),
        host: b.secretary.name,
        clientRequestId: `seed-reminders-plan-${s.branch}`,
      })
    } catch (error) {
      console.warn(`[localcloud] seed-reminders: planned session skipped: ${(error as Error).message}`)
    }
  }
}
