/**
 * The committee's notice draft and its checks, with the same limits and words as the action's schema
 * (types/actions/reminders.ts, which the client may only import as types: zod stays out of the app).
 */
import type { ActionInput } from '../../../types/actions'

export const NOTICE_TITLE_MAX = 40
export const NOTICE_BODY_MAX = 2000
export type NoticeRole = 'secretary' | 'branch_committee' | 'member' | 'guide'
export const NOTICE_ROLE_OPTIONS: { value: NoticeRole; label: string }[] = [
  { value: 'secretary', label: '支部书记' },
  { value: 'branch_committee', label: '支委' },
  { value: 'member', label: '党员' },
  { value: 'guide', label: '指导员' },
]

export interface PickedBranch {
  id: string
  name: string
}

export interface NoticeDraft {
  title: string
  body: string
  scope: 'all' | 'chosen'
  branches: PickedBranch[]
  roles: NoticeRole[]
}

export const emptyNotice = (): NoticeDraft => ({ title: '', body: '', scope: 'all', branches: [], roles: ['secretary', 'branch_committee', 'member'] })

export type NoticeErrors = Partial<Record<'title' | 'body' | 'branches' | 'roles', string>>

export function validateNotice(d: NoticeDraft): NoticeErrors {
  const e: NoticeErrors = {}
  const title = d.title.trim()
  const body = d.body.trim()
  if (!title) e.title = '请填写通知标题'
  else if (title.length > NOTICE_TITLE_MAX) e.title = `通知标题不能超过 ${NOTICE_TITLE_MAX} 个字（现在 ${title.length} 个字）`
  if (!body) e.body = '请填写通知内容'
  else if (body.length > NOTICE_BODY_MAX) e.body = `通知内容不能超过 ${NOTICE_BODY_MAX} 个字（现在 ${body.length} 个字）`
  if (d.scope === 'chosen' && !d.branches.length) e.branches = '请至少选择一个支部'
  if (!d.roles.length) e.roles = '请至少选择一种接收角色'
  return e
}

export const noticeInput = (d: NoticeDraft): ActionInput<'notices.preview'> => ({
  title: d.title.trim(),
  body: d.body.trim(),
  branches: d.scope === 'all' ? 'all' : d.branches.map((b) => b.id),
  roles: d.roles,
})

/**
 * Who it goes to, in words: 全部支部的支部书记、支委 / 2 个支部（一支部、二支部）的党员. Until a branch and a role are
 * chosen it says what is missing (请选择发送对象…), never 「0 个支部（）」.
 */
export function audienceText(d: NoticeDraft): string {
  const roles = NOTICE_ROLE_OPTIONS.filter((o) => d.roles.includes(o.value)).map((o) => o.label).join('、')
  if (d.scope === 'chosen' && !d.branches.length) return roles ? '请选择发送对象：还没有选支部' : '请选择发送对象：还没有选支部和接收角色'
  if (!roles) return '请选择发送对象：还没有选接收角色'
  if (d.scope === 'all') return `发送对象：全部支部的${roles}`
  const names = d.branches.slice(0, 3).map((b) => b.name).join('、') + (d.branches.length > 3 ? '等' : '')
  return `发送对象：${d.branches.length} 个支部（${names}）的${roles}`
}
