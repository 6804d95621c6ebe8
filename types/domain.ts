/**
 * The domain vocabulary shared by the mini-program and the cloud.
 * Plain data and constants only: this file is imported by the client's main package, so it must stay tiny
 * (no zod here — schemas live in types/actions/index.ts and the client imports those as types only).
 */

export const ROLES = ['committee_admin', 'secretary', 'branch_committee', 'member', 'guide'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  committee_admin: '党委管理员',
  secretary: '支部书记',
  branch_committee: '支委委员',
  member: '党员',
  guide: '党建指导员',
}

/** A person's role in one branch; committee roles carry no branch. */
export interface RoleGrant {
  role: Role
  branchId?: string
  branchName?: string
  title?: string
  memberId?: string
}

export const ACTIVITY_TYPES = [
  'party_congress',
  'committee_meeting',
  'group_meeting',
  'party_lecture',
  'theme_day',
  'org_life_meeting',
  'democratic_review',
  'heart_talk',
] as const
export type ActivityType = (typeof ACTIVITY_TYPES)[number]

export type Frequency = 'month' | 'quarter' | 'year'

export interface ActivityTypeInfo {
  code: ActivityType
  /** The type's one name, on every screen, message and document (支委会 everywhere, never 支部委员会会议 in one place). */
  name: string
  /** The same words as `name` (#16.14: two names per type read as two kinds of meeting); kept while callers move to `name`. */
  short: string
  frequency: Frequency
  /** True for the four kinds that make up 三会一课. */
  sanhuiyike: boolean
}

export const ACTIVITY_TYPE_INFO: Record<ActivityType, ActivityTypeInfo> = {
  party_congress: { code: 'party_congress', name: '支部党员大会', short: '支部党员大会', frequency: 'quarter', sanhuiyike: true },
  committee_meeting: { code: 'committee_meeting', name: '支委会', short: '支委会', frequency: 'month', sanhuiyike: true },
  group_meeting: { code: 'group_meeting', name: '党小组会', short: '党小组会', frequency: 'month', sanhuiyike: true },
  party_lecture: { code: 'party_lecture', name: '党课', short: '党课', frequency: 'quarter', sanhuiyike: true },
  theme_day: { code: 'theme_day', name: '主题党日', short: '主题党日', frequency: 'month', sanhuiyike: false },
  org_life_meeting: { code: 'org_life_meeting', name: '组织生活会', short: '组织生活会', frequency: 'year', sanhuiyike: false },
  democratic_review: { code: 'democratic_review', name: '民主评议党员', short: '民主评议党员', frequency: 'year', sanhuiyike: false },
  heart_talk: { code: 'heart_talk', name: '谈心谈话', short: '谈心谈话', frequency: 'year', sanhuiyike: false },
}

// Per-type rules (ACTIVITY_TYPE_RULES, ACTIVITY_FIELD_LABELS) live in activity-rules.ts: not re-exported here, so
// they stay out of the main package, which imports this file.

/** Sign-in opens this many minutes before the start and, without an end time, closes this many hours after it. */
export const SIGN_IN_OPENS_MINUTES_BEFORE = 30
export const SIGN_IN_HOURS_WITHOUT_END = 3
/** Records older than this (Beijing days since the start) are read-only except to committee staff. */
export const ACTIVITY_EDITABLE_DAYS = 30
export const ACTIVITY_MAX_PHOTOS = 9

export const ACTIVITY_STATUS_LABELS = { planned: '已计划', recorded: '已记录' } as const

export interface BranchSummary {
  id: string
  name: string
  kind: 'branch' | 'joint_branch'
  societies: string[]
  foundedOn?: string | null
  /** 启用日期: compliance judges no period before it (nor before foundedOn). */
  startedOn?: string | null
  status?: 'active' | 'archived'
}

export const BRANCH_KIND_LABELS = { branch: '党支部', joint_branch: '联合党支部' } as const

/** 正式党员 / 预备党员: only full members vote in a 支部党员大会. */
export const PARTY_STATUSES = ['full', 'probationary'] as const
export type PartyStatus = (typeof PARTY_STATUSES)[number]
export const PARTY_STATUS_LABELS: Record<PartyStatus, string> = { full: '正式党员', probationary: '预备党员' }

/** Posts on a branch committee (支委职务). Holding any makes the member a `branch_committee`. */
export const COMMITTEE_POSTS = ['副书记', '组织委员', '宣传委员', '纪检委员', '青年委员', '统战委员'] as const
export type CommitteePost = (typeof COMMITTEE_POSTS)[number]

/** Titles of the committee's read-only helpers of a branch. */
export const GUIDE_TITLES = ['第一书记', '党建指导员'] as const

export type MemberState = 'active' | 'transferred'

export interface MemberSummary {
  id: string
  branchId: string
  name: string
  /** Whether a WeChat user has joined as this roster entry. */
  bound: boolean
  partyStatus: PartyStatus
  joinedPartyOn: string | null
  confirmedOn: string | null
  groupId: string | null
  groupName: string | null
  phoneMasked: string | null
  posts: string[]
  groupLeader: boolean
  roles: Role[]
  state: MemberState
  transferredOn: string | null
  transferReason: string | null
  /** 转入本支部日期: sessions before it do not expect this member. */
  joinedBranchOn?: string | null
  /** A 预备党员's 预备期 end: one year from the 入党日期 (党章第七条); null for 正式 or without an 入党日期. */
  probationEndsOn?: string | null
}
