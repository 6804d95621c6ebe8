/**
 * Every database index the actions and the timer need, declared once. docs/deployment.md's "Database indexes" table
 * is this list (test/unit/indexes.test.ts fails when they differ); the local cloud reports queries on a collection
 * of more than a few hundred documents that no index here serves (cloud/local/index-check.ts, GET /dev/unindexed).
 * In WeChat's cloud they are created by hand (云开发控制台 → 数据库 → 索引管理) from the table.
 */
export interface IndexField {
  field: string
  desc?: boolean
}

export interface IndexDecl {
  collection: string
  fields: IndexField[]
  /** What it is for, when the fields do not say it. */
  note?: string
}

const asc = (...fields: string[]): IndexField[] => fields.map((field) => ({ field }))
const f = (field: string, desc = false): IndexField => (desc ? { field, desc } : { field })

export const INDEXES: IndexDecl[] = [
  { collection: 'memberships', fields: asc('openid', 'status') },
  { collection: 'memberships', fields: asc('branchId', 'status', 'role') },
  { collection: 'members', fields: asc('branchId', 'state', 'name', '_id') },
  { collection: 'members', fields: asc('openid', 'state') },
  { collection: 'branches', fields: asc('status', 'name', '_id') },
  { collection: 'branches', fields: asc('name', '_id'), note: 'the committee\'s list with the archived ones' },
  { collection: 'activities', fields: [f('branchId'), f('deleted'), f('startAt', true), f('_id', true)] },
  { collection: 'activities', fields: [f('branchId'), f('deleted'), f('status'), f('startAt', true), f('_id', true)] },
  { collection: 'activities', fields: [f('branchId'), f('deleted'), f('type'), f('startAt', true), f('_id', true)] },
  { collection: 'activities', fields: asc('branchId', 'status', 'deleted', 'signInClosesAt'), note: 'upcoming sessions' },
  { collection: 'activity_versions', fields: [f('activityId'), f('version', true), f('_id', true)] },
  { collection: 'activity_signins', fields: asc('activityId'), note: 'ids are `activityId:memberId`, one per member' },
  { collection: 'invites', fields: asc('branchId', 'createdAt') },
  { collection: 'join_requests', fields: asc('branchId', 'status', 'createdAt') },
  { collection: 'audit_log', fields: [f('branchId'), f('at', true), f('_id', true)] },
  { collection: 'audit_log', fields: [f('at', true), f('_id', true)], note: 'the committee\'s log of every branch' },
  { collection: 'groups', fields: asc('branchId', 'name') },
  { collection: 'activities', fields: asc('status', 'deleted', 'startAt'), note: "reminders: the timer's upcoming sessions and a year of records" },
  { collection: 'assignments', fields: asc('state', 'dueOn'), note: 'reminders' },
  { collection: 'inbox', fields: [f('openid'), f('createdAt', true), f('_id', true)] },
  { collection: 'inbox', fields: [f('branchId'), f('roles'), f('createdAt', true)] },
  { collection: 'inbox', fields: [f('branchIds'), f('roles'), f('createdAt', true)] },
  { collection: 'inbox', fields: [f('allBranches'), f('roles'), f('createdAt', true)] },
  { collection: 'inbox_reads', fields: asc('openid', 'itemCreatedAt') },
  { collection: 'subscriptions', fields: asc('openid') },
  { collection: 'subscriptions', fields: asc('remaining') },
  { collection: 'reminder_log', fields: asc('state', 'createdAt'), note: 'ids are the dedupe keys' },
  { collection: 'reminder_runs', fields: asc('day', 'daily', 'status') },
  { collection: 'notices', fields: asc('status', 'createdAt') },
  { collection: 'dues_profiles', fields: asc('branchId', '_id') },
  { collection: 'dues_payments', fields: asc('memberId', 'month'), note: 'ids are `memberId:YYYY-MM`, one per member and month' },
  { collection: 'dues_payments', fields: asc('branchId', 'month') },
  { collection: 'dues_payments', fields: asc('month'), note: "the dues reminders: every member's payments of the last months" },
  { collection: 'dues_corrections', fields: asc('memberId', 'month', 'at'), note: 'a month\'s corrections on the member\'s dues page' },
  { collection: 'appraisals', fields: asc('branchId', 'state', 'memberIds'), note: "a member's 民主评议 history; ids are the record's" },
  { collection: 'appraisals', fields: asc('year', 'branchId'), note: 'the workbook' },
  { collection: 'feedback', fields: asc('status', 'createdAt', '_id') },
  { collection: 'feedback', fields: asc('openid', 'createdAt') },
  { collection: 'leave_requests', fields: asc('activityId', 'askedAt') },
  { collection: 'leave_requests', fields: asc('activityId', 'status') },
  { collection: 'leave_requests', fields: asc('branchId', 'status'), note: 'home 待办: requests waiting for a decision' },
  { collection: 'activities', fields: asc('status', 'deleted', 'reviewState', 'startAt', '_id'), note: 'the review queue' },
  { collection: 'activities', fields: asc('branchId', 'reviewState', 'deleted'), note: 'review counts per branch' },
  { collection: 'recruits', fields: asc('branchId', 'name', '_id') },
  { collection: 'recruits', fields: asc('branchId', 'status', 'name', '_id') },
  { collection: 'recruits', fields: asc('nextDueOn'), note: 'the reminders run' },
  { collection: 'recruits', fields: asc('branchId', 'nextDueOn'), note: 'home 待办' },
  { collection: 'recruits', fields: asc('memberId') },
  { collection: 'transfers', fields: [f('fromBranchId'), f('issuedOn', true), f('_id', true)], note: 'a branch\'s letters out' },
  { collection: 'transfers', fields: [f('toBranchId'), f('issuedOn', true), f('_id', true)], note: 'letters in' },
  { collection: 'transfers', fields: [f('state'), f('issuedOn', true), f('_id', true)], note: 'the committee\'s transfers in flight' },
  { collection: 'transfers', fields: asc('fromBranchId', 'letterNo'), note: 'a letter number used once' },
  { collection: 'transfers', fields: asc('toBranchId', 'letterNo') },
  { collection: 'transfers', fields: asc('toBranchId', 'state', 'kind'), note: 'home 待办' },
  { collection: 'transfers', fields: asc('kind', 'state', 'receiptDueOn'), note: '回执 reminders' },
  { collection: 'transfers', fields: asc('kind', 'state', 'validUntil'), note: 'validity reminders' },
  { collection: 'transfers', fields: asc('fromBranchId', 'kind', 'state', 'receiptDueOn'), note: 'home 待办: late 回执' },
  { collection: 'transfers', fields: asc('openid'), note: 'a member\'s own letters' },
  { collection: 'branch_terms', fields: asc('current', '_id'), note: 'every branch\'s current term: the reminders run and the committee\'s overview' },
  { collection: 'branch_terms', fields: asc('branchId', 'current'), note: 'a branch\'s term; ids are `branchId:startOn`' },
  { collection: 'members', fields: asc('joinedPartyOn', 'state'), note: '政治生日, the reminders run' },
  { collection: 'members', fields: asc('state', 'branchId'), note: 'the reminders run: every active member' },
  { collection: 'memberships', fields: asc('role', 'status'), note: 'everyone holding a role, e.g. the committee admins' },
  { collection: 'work_plans', fields: asc('status', 'year'), note: 'the published plans (of a year)' },
  { collection: 'work_plans', fields: asc('year'), note: 'the committee\'s plans of a year, drafts too' },
  { collection: 'assignments', fields: asc('planId', 'branchId'), note: "a plan's assignments: progress, dashboard" },
  { collection: 'assignments', fields: asc('branchId', 'sortKey', '_id'), note: "a branch's tasks" },
  { collection: 'progress_reports', fields: asc('assignmentId', 'at'), note: "an assignment's reports" },
  { collection: 'progress_reports', fields: asc('branchId', 'kind'), note: 'home 待办: reopened points' },
  { collection: 'export_jobs', fields: [f('createdByOpenid'), f('status'), f('createdAt', true)], note: "exports.start: the person's running job for the same book and year" },
  { collection: 'export_jobs', fields: asc('kind', 'year', 'branchId', 'status', 'createdAt'), note: 'the earlier files of the same book a new one supersedes' },
]

/** One index as the deployment table writes it: `branchId` + `startAt` (desc). */
export function describeIndex(i: IndexDecl): string {
  return i.fields.map((x) => `\`${x.field}\`${x.desc ? ' (desc)' : ''}`).join(' + ')
}

/** The rows of docs/deployment.md's table: one per collection, its indexes joined by "; ", notes in parentheses. */
export function deploymentRows(indexes: IndexDecl[] = INDEXES): Array<{ collection: string; indexes: string }> {
  const rows = new Map<string, string[]>()
  for (const i of indexes) rows.set(i.collection, [...(rows.get(i.collection) ?? []), `${describeIndex(i)}${i.note ? ` (${i.note})` : ''}`])
  return [...rows].map(([collection, list]) => ({ collection, indexes: list.join('; ') }))
}
