import type { ActionInput } from '../../types/actions'

/** A saved activity as the activities actions answer it, for component tests that mock the api. */
export const savedActivity = (over: Record<string, unknown> = {}) => ({
  id: 'act-1',
  branchId: 'b-a',
  type: 'theme_day',
  status: 'recorded',
  topic: '主题',
  place: '会议室',
  startAt: '2026-11-20T07:00:00.000Z',
  audience: { kind: 'branch' },
  photos: [],
  photoCount: 0,
  attendance: null,
  version: 1,
  createdBy: { openid: 'o', name: '李' },
  createdAt: '2026-11-20T08:00:00.000Z',
  voting: false,
  assignments: [],
  canEdit: true,
  readOnlyReason: null,
  signIn: { opensAt: '', closesAt: '', open: false, count: 0, eligible: false, signedInAt: null },
  ...over,
})

/** What every meeting type needs on its record beyond the plan's fields (types/activity-rules.ts recordRequires). */
export const RECORD_NEEDS = { host: '李建国', recorder: '王芳', minutes: '学习了支部工作条例。' } as const

/**
 * A finished session's record for activities.record, as the record editor submits it: the fields given, plus the
 * host, recorder and minutes every type requires (and a lecturer for a 党课). For tests that need a record to exist.
 */
export function sessionRecord<T extends Partial<ActionInput<'activities.record'>>>(fields: T): typeof RECORD_NEEDS & { lecturer?: string } & T {
  return { ...RECORD_NEEDS, ...(fields.type === 'party_lecture' ? { lecturer: '李建国' } : {}), ...fields }
}
