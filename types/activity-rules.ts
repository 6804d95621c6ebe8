/**
 * Per-type rules of organisation life (what a plan and a record require, who attends, who may vote). Kept out of
 * domain.ts, which the mini-program's main package imports: only the activities sub-package and the cloud need
 * these, and in domain.ts they weighed about 1 KB on the main package (its budget is 1.3× a bare page).
 * (A re-export from domain.ts would pull them back into it.)
 */
import type { ActivityType } from './domain'

/** A field of a session that a type may require; the labels are what forms and error messages show. */
export type ActivityField = 'host' | 'recorder' | 'lecturer' | 'groupId' | 'minutes' | 'resolutions' | 'agenda'

/**
 * The longest 会议内容 a record keeps. Minutes are usually pasted from the Word 会议记录 of a meeting of one to three hours
 * (typically 3,000–12,000 characters); 5,000 cut real ones, so the bound is well above a long meeting's record and still
 * far below what a cloud-function call carries. The form counts against it and never cuts pasted text.
 */
export const MINUTES_MAX = 20000
/** Agenda and resolutions: shorter by nature. */
export const LONG_TEXT_MAX = 5000

export const ACTIVITY_FIELD_LABELS: Record<ActivityField, string> = {
  host: '主持人',
  recorder: '记录人',
  lecturer: '授课人',
  groupId: '党小组',
  minutes: '会议内容',
  resolutions: '决议',
  agenda: '议程',
}

/**
 * What each type asks of a plan and of a record, so the form shows the right fields and the cloud refuses what is
 * missing with the same words. `audience` says who is expected: the whole branch, one party group (党小组会: the
 * plan must name the group), or the branch committee (支委会: the secretary and members holding a 支委 post).
 * `canVote`: only a 支部党员大会 may be a voting meeting; quorum is more than half of the 正式党员.
 */
export interface ActivityTypeRules {
  audience: 'branch' | 'group' | 'committee'
  /** Required when planning (beyond topic, time and place). */
  planRequires: ActivityField[]
  /** Required when recording (beyond topic, time, place and attendance). */
  recordRequires: ActivityField[]
  /** Fields the form shows for this type (besides the common ones); lecturer only for a 党课. */
  fields: ActivityField[]
  canVote: boolean
}

/**
 * Who a session is for, in the words every screen and document uses (detail page, history, record book's 参加范围):
 * 全体党员, 党小组：<name>, or 支部委员 (a 支委会 is for the secretary and the members holding a 支委 post).
 */
export function audienceLabel(a: { kind: 'branch' | 'group' | 'committee'; groupName?: string | null } | null | undefined): string {
  if (a?.kind === 'group') return `党小组：${a.groupName ?? ''}`
  return AUDIENCE_WORDS[a?.kind ?? 'branch']
}

/** The audience of a kind of session before a group is chosen (the form's hint: 参加人为…). */
export const AUDIENCE_WORDS: Record<'branch' | 'group' | 'committee', string> = { branch: '全体党员', group: '党小组成员', committee: '支部委员' }

const MEETING: ActivityField[] = ['host', 'recorder', 'agenda', 'minutes', 'resolutions']
export const ACTIVITY_TYPE_RULES: Record<ActivityType, ActivityTypeRules> = {
  party_congress: { audience: 'branch', planRequires: [], recordRequires: ['host', 'recorder', 'minutes'], fields: MEETING, canVote: true },
  committee_meeting: { audience: 'committee', planRequires: [], recordRequires: ['host', 'recorder', 'minutes'], fields: MEETING, canVote: false },
  group_meeting: { audience: 'group', planRequires: ['groupId'], recordRequires: ['groupId', 'host', 'recorder', 'minutes'], fields: ['groupId', ...MEETING], canVote: false },
  party_lecture: { audience: 'branch', planRequires: ['lecturer'], recordRequires: ['lecturer', 'host', 'recorder', 'minutes'], fields: ['lecturer', ...MEETING], canVote: false },
  theme_day: { audience: 'branch', planRequires: [], recordRequires: ['host', 'recorder', 'minutes'], fields: MEETING, canVote: false },
  org_life_meeting: { audience: 'branch', planRequires: [], recordRequires: ['host', 'recorder', 'minutes'], fields: MEETING, canVote: false },
  democratic_review: { audience: 'branch', planRequires: [], recordRequires: ['host', 'recorder', 'minutes'], fields: MEETING, canVote: false },
  heart_talk: { audience: 'branch', planRequires: [], recordRequires: ['host', 'minutes'], fields: ['host', 'recorder', 'minutes'], canVote: false },
}
