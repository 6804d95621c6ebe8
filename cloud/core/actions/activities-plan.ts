/**
 * Changing a planned session before it is held (#16.11): 改期, another place, host or topic, or cancelling it — each
 * in the session's history, and its audience told (an inbox item, and a subscription message to whoever granted
 * one for activity reminders). Recorded sessions are corrected with activities.update instead.
 */
import { collection, recordOf } from '../framework/data'
import { RECORD_EDITORS } from '../../../types/roles'
import { checkTexts } from '../framework/writes'
import { ACTIVITY_TYPE_INFO } from '../../../types/domain'
import type { ParsedInput } from '../../../types/actions'
import { beijingDateTimeText } from '../../../types/time-text'
import { defineAction, type ActionContext } from '../framework/action'
import { assertEditable, currentVersion, expectedFor, userName, writeVersion } from '../activities/store'
import { AppError, notFound } from '../framework/errors'
import type { ActivityDoc } from '../framework/model'
import { writeInbox, sendQueued, type Counts } from '../reminders/deliver'
import { messageData } from '../reminders/fit'
import { REMINDER_PAGES, dedupeKey, type PlannedReminder } from '../reminders/planner'
import { claim, loadQuota } from '../reminders/run'
import { closeLeaveOfSession } from '../leave/store'
import { SUBSCRIPTION_TEMPLATES } from '../../../config/deployment'
import { updateActivity } from './activities-write'

/** How long one change may spend sending messages itself; what is left waits for the hourly reminder run. */
const SEND_BUDGET_MS = 5_000

function assertPlanned(doc: ActivityDoc) {
  if (doc.deleted) throw notFound('活动')
  if (doc.status !== 'planned') throw new AppError('CONFLICT', '活动已记录，不能再改期或取消；如需更正请编辑记录内容')
}

/**
 * Tells the session's audience (those who joined the app; not the one making the change): an inbox item each and,
 * where they granted the activity template, a message. Same claim and delivery as the reminder run, so a retry
 * neither doubles the inbox nor the message.
 */
async function tellAudience(ctx: ActionContext, doc: ActivityDoc, milestone: string, title: string, body: string, note: string) {
  const { port, caller } = ctx
  const people = (await expectedFor(port, doc.branchId, doc.audience ?? { kind: 'branch' })).filter((m) => m.openid && m.openid !== caller.openid)
  if (people.length === 0) return { told: 0, sent: 0 }
  const now = port.now()
  const page = REMINDER_PAGES.activity(doc._id)
  const templateId = SUBSCRIPTION_TEMPLATES.activity_upcoming.id
  const data = messageData('activity_upcoming', { topic: doc.topic, startAt: new Date(doc.startAt), place: doc.place, note })
  const planned: PlannedReminder[] = people.map((m) => ({
    key: dedupeKey('activity_upcoming', doc._id, m.openid!, milestone),
    kind: 'activity_upcoming',
    openid: m.openid!,
    subject: doc._id,
    milestone,
    dueAt: now,
    inbox: { title, body, page },
    templateId,
    page,
    data,
  }))
  const counts: Counts = {}
  const claimed = await claim(port, planned, `activity:${doc._id}:${milestone}`, now, await loadQuota(port))
  const queued = await writeInbox(port, claimed, now, counts)
  const sent = await sendQueued(port, queued, now, counts, { deadline: Date.now() + SEND_BUDGET_MS })
  return { told: people.length, sent: sent.sent }
}

type ChangeInput = ParsedInput<'activities.changePlan'>

/** What changed, in the words of the notice: 时间改为… · 地点改为… */
function changeSentence(before: ActivityDoc, after: { topic: string; place: string; startAt: string; host?: string }): string[] {
  const out: string[] = []
  if (new Date(before.startAt).getTime() !== new Date(after.startAt).getTime()) out.push(`时间改为 ${beijingDateTimeText(after.startAt)}`)
  if (before.place !== after.place) out.push(`地点改为 ${after.place}`)
  if (before.topic !== after.topic) out.push(`主题改为「${after.topic}」`)
  if ((before.host ?? '') !== (after.host ?? '')) out.push(after.host ? `主持人改为 ${after.host}` : '不再指定主持人')
  return out
}

export const changePlan = defineAction({
  name: 'activities.changePlan',
  roles: RECORD_EDITORS,
  scope: { kind: 'record', collection: 'activities', noun: '活动', idOf: (input) => input.id },
  async handler(input: ChangeInput, ctx) {
    const before = recordOf(ctx, 'activities')
    assertPlanned(before)
    if (input.startAt && new Date(input.startAt).getTime() <= ctx.port.now().getTime()) {
      throw new AppError('INVALID_INPUT', '改期后的时间已经过去；活动已举行的请直接记录', { field: 'startAt' })
    }
    const { notify, ...changes } = input
    // The change itself is activities.update's: version check, texts checked, history written with the reason.
    const after = await updateActivity.handler(changes, ctx)
    const what = changeSentence(before, after)
    if (notify && what.length) {
      const typeName = ACTIVITY_TYPE_INFO[before.type].name
      const rescheduled = new Date(before.startAt).getTime() !== new Date(after.startAt).getTime()
      const doc = { ...before, topic: after.topic, place: after.place, startAt: new Date(after.startAt) }
      await tellAudience(
        ctx,
        doc,
        `changed-v${after.version}`,
        `${typeName}${rescheduled ? '改期' : '有变更'}：${after.topic}`,
        `${what.join('，')}。${input.reason ? `说明：${input.reason}` : ''}`,
        rescheduled ? '活动已改期，请留意新时间' : '活动安排有变更，请查看',
      )
    }
    return after
  },
})

export const cancelPlan = defineAction({
  name: 'activities.cancel',
  roles: RECORD_EDITORS,
  scope: { kind: 'record', collection: 'activities', noun: '活动', idOf: (input) => input.id },
  async handler(input, ctx) {
    const { port, caller } = ctx
    const doc = recordOf(ctx, 'activities')
    assertPlanned(doc)
    assertEditable(doc, caller, port.now())
    const current = currentVersion(doc, input.expectedVersion, '取消')
    await checkTexts(port, caller.openid, [['reason', '取消原因', input.reason]])
    const by = { openid: caller.openid, name: await userName(port, caller.openid) }
    const now = port.now()
    // Cancelled sessions leave the lists like deleted ones (never counted, never reminded); `cancelled` says why.
    const { stats } = await collection(port, 'activities')
      .where({ _id: doc._id, version: current, deleted: false, status: 'planned' })
      .update({ data: { deleted: true, cancelled: true, deletedReason: input.reason, deletedAt: now, deletedBy: by, version: current + 1 } })
    if (stats.updated === 0) throw new AppError('CONFLICT', '该活动刚被他人修改，请刷新后再试')
    await writeVersion(port, {
      activityId: doc._id,
      branchId: doc.branchId,
      version: current + 1,
      kind: 'removed',
      at: now,
      by,
      changes: [{ field: 'status', label: '状态', before: '已计划', after: '已取消' }],
      reason: input.reason,
    })
    // Its 请假 notices would open a session that is gone: they go, and requests still waiting are closed (docs/leave.md).
    await closeLeaveOfSession(port, doc, 'cancelled', caller.memberships.some((m) => m.role === 'secretary' && m.branchId === doc.branchId))
    const typeName = ACTIVITY_TYPE_INFO[doc.type].name
    const told = await tellAudience(
      ctx,
      doc,
      'cancelled',
      `${typeName}取消：${doc.topic}`,
      `原定 ${beijingDateTimeText(doc.startAt)} 在 ${doc.place} 举行的${typeName}取消。原因：${input.reason}`,
      `活动取消：${input.reason}`,
    )
    return { id: doc._id, cancelled: true as const, told: told.told, sent: told.sent }
  },
})

export const PLAN_CHANGE_ACTIONS = [changePlan, cancelPlan] as const
