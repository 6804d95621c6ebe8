/**
 * Makes an audit entry's before/after readable: only the fields that changed, with Chinese names and values, times
 * in Beijing time (2026年12月3日 14:30). A field without a Chinese name is not shown: a key is never shown.
 */
import { PARTY_STATUS_LABELS, ROLE_LABELS, type PartyStatus, type Role } from '../../../types/domain'
import { timeLikeText } from '../../../types/time-text'

const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  partyStatus: '党员状态',
  joinedBranchOn: '转入本支部日期',
  joinedPartyOn: '入党日期',
  confirmedOn: '转正日期',
  groupId: '党小组',
  groupName: '党小组',
  phone: '手机号',
  phoneMasked: '手机号',
  posts: '支委职务',
  groupLeader: '党小组长',
  state: '状态',
  transferredOn: '转出日期',
  transferReason: '转出原因',
  roles: '角色',
  role: '角色',
  kind: '支部类型',
  societies: '学会',
  foundedOn: '成立日期',
  startedOn: '启用日期',
  status: '状态',
  reason: '原因',
  maxUses: '可用次数',
  title: '称谓',
  secretary: '支部书记',
  expiresAt: '有效期至',
  requiresApproval: '需要审核',
  revoked: '已作废',
  uses: '已使用次数',
  committeeName: '党委名称',
  adminName: '管理员姓名',
}

const VALUE_LABELS: Record<string, string> = {
  ...PARTY_STATUS_LABELS,
  ...ROLE_LABELS,
  active: '在册',
  transferred: '已转出',
  archived: '已撤销',
  branch: '党支部',
  joint_branch: '联合党支部',
  approved: '已同意',
  rejected: '已拒绝',
  pending: '待审核',
}

export function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '空'
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (Array.isArray(v)) return v.length ? v.map(formatValue).join('、') : '无'
  if (typeof v === 'string') return VALUE_LABELS[v as PartyStatus | Role] ?? timeLikeText(v)
  if (typeof v === 'number') return String(v)
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    if (typeof o.name === 'string') return o.name
    return '（已修改）'
  }
  return String(v)
}

/**
 * A summary as people read it. Entries written before summaries were all Chinese name fields and roles by their
 * keys (修改 王芳 的信息（partyStatus、joinedPartyOn）, 加入支部（member）): known keys become their labels.
 */
export function readableSummary(summary: string): string {
  return summary.replace(/[A-Za-z_]+/g, (w) => FIELD_LABELS[w] ?? ROLE_LABELS[w as Role] ?? w)
}

export interface Change {
  field: string
  label: string
  before: string
  after: string
}

const HIDDEN = new Set(['id', '_id', 'branchId', 'openid', 'updatedAt', 'createdAt', 'bound', 'groupId', 'secretaries'])

/** The fields that differ between before and after (either may be null: created or removed). */
export function describeChanges(before: unknown, after: unknown): Change[] {
  const b = before && typeof before === 'object' && !Array.isArray(before) ? (before as Record<string, unknown>) : {}
  const a = after && typeof after === 'object' && !Array.isArray(after) ? (after as Record<string, unknown>) : {}
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN.has(k) && k in FIELD_LABELS)
  const changes: Change[] = []
  for (const k of keys) {
    if (JSON.stringify(b[k]) === JSON.stringify(a[k])) continue
    // groupName carries the readable group; skip the raw id (hidden above) when both are there.
    changes.push({ field: k, label: FIELD_LABELS[k], before: k in b ? formatValue(b[k]) : '—', after: k in a ? formatValue(a[k]) : '—' })
  }
  return changes
}
