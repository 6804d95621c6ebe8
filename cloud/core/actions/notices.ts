/**
 * notices.preview / notices.send: the committee's notice to all branches or chosen ones, to chosen roles — into the inbox
 * and out as subscription messages. The contract is types/actions/reminders.ts; the area's page is docs/reminders.md.
 */
import { collection } from '../framework/data'
import { checkTexts } from '../framework/writes'
import type { Role } from '../../../types/domain'
import { SUBSCRIPTION_TEMPLATES } from '../../../config/deployment'
import { defineAction } from '../framework/action'
import { actorName, recordAudit } from '../organisation/audit'
import { invalid } from '../framework/errors'
import type { InboxDoc } from '../framework/model'
import type { Port } from '../framework/port'
import { sendQueued, writeInbox, type Counts } from '../reminders/deliver'
import { noticeMessage, planReminders, REMINDER_PAGES, type PlannerPerson } from '../reminders/planner'
import { claim, loadPeopleOf, loadQuota } from '../reminders/run'
import { chunks, insertNew, isDuplicateKey, readAll } from '../framework/data'
import type { NoticeDoc } from '../framework/model'

const INBOX_PAGE = REMINDER_PAGES.inbox
/** How long notices.send may spend sending messages itself; the rest go out with the next hourly run. */
const NOTICE_SEND_BUDGET_MS = 8_000

interface NoticeTarget {
  title: string
  body: string
  branches: 'all' | string[]
  roles: Role[]
}

async function reach(port: Port, target: NoticeTarget) {
  const _ = port.db.command
  let branchIds: string[]
  if (target.branches === 'all') {
    branchIds = (await readAll(port, 'branches', { status: 'active' }, { fields: ['name'] })).map((b) => b._id)
  } else {
    const wanted = [...new Set(target.branches)]
    const found = new Set<string>()
    for (const ids of chunks(wanted, 500)) {
      for (const b of await readAll(port, 'branches', { _id: _.in(ids), status: 'active' }, { fields: ['name'] })) found.add(b._id)
    }
    const missing = wanted.filter((id) => !found.has(id))
    if (missing.length) throw invalid(`有 ${missing.length} 个支部不存在或已撤销，请重新选择`, { branchIds: missing })
    branchIds = wanted
  }
  const people: PlannerPerson[] = (await loadPeopleOf(port, target.branches === 'all' ? undefined : branchIds)).filter((p) =>
    p.roles.some((r) => target.roles.includes(r)),
  )
  const recipients = [...new Set(people.map((p) => p.openid))]
  const quota = await loadQuota(port)
  const tpl = SUBSCRIPTION_TEMPLATES.committee_notice.id
  const withQuota = recipients.filter((o) => quota.has(`${o} ${tpl}`)).length
  return { branchIds, people, recipients, quota, withQuota }
}

export const noticesPreview = defineAction({
  name: 'notices.preview',
  roles: ['committee_admin'],
  scope: { kind: 'committee' },
  async handler(input, ctx) {
    const r = await reach(ctx.port, input)
    const fromName = await actorName(ctx)
    return {
      branchCount: r.branchIds.length,
      recipientCount: r.recipients.length,
      withQuota: r.withQuota,
      message: noticeMessage({ title: input.title, body: input.body, fromName: `党委 ${fromName}`, createdAt: ctx.port.now() }),
    }
  },
})

export const noticesSend = defineAction({
  name: 'notices.send',
  roles: ['committee_admin'],
  scope: { kind: 'committee' },
  async handler(input, ctx) {
    const { port, caller } = ctx
    await checkTexts(port, caller.openid, [['title', '通知标题', input.title], ['body', '通知内容', input.body]])
    const r = await reach(port, input)
    const now = port.now()
    const name = await actorName(ctx)
    // Named by the request (framework/writes.ts): a retry answers the first send and never reaches here.
    const id = `n${ctx.requestKey!.slice(0, 24)}`
    const notice: NoticeDoc = {
      _id: id,
      title: input.title,
      body: input.body,
      allBranches: input.branches === 'all',
      branchIds: input.branches === 'all' ? [] : r.branchIds,
      roles: input.roles,
      by: { openid: caller.openid, name },
      fromName: `党委 ${name}`,
      clientRequestId: input.clientRequestId,
      status: 'sending',
      createdAt: now,
    }
    try {
      await collection(port, 'notices').add({ data: notice })
    } catch (error) {
      // Saved by a call of this request that died half-way: finish its sending (inbox and claims are idempotent).
      if (!isDuplicateKey(error)) throw error
    }
    // One inbox item for everyone it reaches (addressed by branch and role), written before any message.
    const item: InboxDoc & { _id: string } = {
      _id: `notice_${id}`,
      ...(notice.allBranches ? { allBranches: true } : { branchIds: notice.branchIds }),
      roles: input.roles,
      kind: 'committee_notice',
      title: input.title,
      body: input.body,
      page: INBOX_PAGE,
      createdAt: now,
      dedupeKey: `committee_notice:${id}`,
    }
    await insertNew(port, 'inbox', [{ ...item }])
    // Messages: the same planner, claim and delivery as the timer (so the next run finishes what this one leaves).
    const planned = planReminders({
      now,
      people: r.people,
      branches: [],
      assignments: [],
      activities: [],
      notices: [{ id, title: notice.title, body: notice.body, fromName: notice.fromName, createdAt: now, allBranches: notice.allBranches, branchIds: notice.branchIds, roles: notice.roles }],
      hasQuota: (openid, templateId) => (r.quota.get(`${openid} ${templateId}`) ?? 0) > 0,
    })
    const counts: Counts = {}
    const claimed = await claim(port, planned, `notice:${id}`, now, r.quota)
    const queued = await writeInbox(port, claimed, now, counts)
    const sent = await sendQueued(port, queued, now, counts, { deadline: Date.now() + NOTICE_SEND_BUDGET_MS })
    if (!sent.left) await collection(port, 'notices').doc(id).update({ data: { status: 'sent' } })
    await recordAudit(ctx, {
      branchId: null,
      action: 'notice.sent',
      summary: `发送通知「${input.title}」到 ${r.branchIds.length} 个支部（${r.recipients.length} 人）`,
      target: { kind: 'notice', id },
      before: null,
      after: { roles: input.roles, branches: input.branches === 'all' ? 'all' : r.branchIds.length, sent: sent.sent },
    })
    return {
      noticeId: id,
      branchCount: r.branchIds.length,
      recipientCount: r.recipients.length,
      withQuota: r.withQuota,
      message: noticeMessage(notice),
      sent: sent.sent,
      noQuota: sent.noQuota,
      failed: sent.failed,
    }
  },
})

export const NOTICE_ACTIONS = [noticesPreview, noticesSend] as const
