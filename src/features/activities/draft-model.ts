/**
 * The activity draft as data (计划活动, 记录活动, 修改记录): its shape, a new one or one from a saved session, the form's
 * checks, attendance as the form shows it, and the action inputs it becomes. Pure functions, no store and no cloud:
 * the store that keeps drafts is draft-store.ts, the uploads of their photos src/lib/upload-queue.ts.
 */
import type { ActionInput } from '../../../types/actions'
import type { ActivityType } from '../../../types/domain'
import { ACTIVITY_FIELD_LABELS, ACTIVITY_TYPE_RULES, LONG_TEXT_MAX, MINUTES_MAX, type ActivityField } from '../../../types/activity-rules'
import { newClientRequestId, randomId } from '../../lib/request-id'
import { inShanghai } from '../../lib/dayjs'
import { shanghaiToIso, todayInShanghai } from '../../lib/time'
import type { ApiCallError } from '../../services/api'
import type { ActivityFull, SheetAttendee } from './api'

export const MAX_PHOTOS = 9
export const TOPIC_MAX = 100
export const PLACE_MAX = 100
export const NAME_MAX = 30
/** Agenda and resolutions; minutes may be longer (MINUTES_MAX). The bounds are the cloud's (types/activity-rules.ts). */
export const LONG_MAX = LONG_TEXT_MAX
export { MINUTES_MAX }
/** The most a long field takes: its own bound (the form counts against it and never cuts what is pasted). */
export const longMax = (f: 'agenda' | 'minutes' | 'resolutions') => (f === 'minutes' ? MINUTES_MAX : LONG_TEXT_MAX)

export type DraftMode = 'plan' | 'record' | 'edit'

export interface DraftPhoto {
  key: string
  fileID?: string
  /** Thumbnail: a temp path (weapp), a small data URL (H5) or, for saved photos, the server's URL. */
  preview: string
  status: 'uploading' | 'done' | 'failed'
  error?: string
  bytes?: number
  originalBytes?: number
  /** weapp temp file, so an upload can restart after the app restarted. */
  filePath?: string
}

export interface Mark {
  present: boolean
  absentReason: string
}

export interface ActivityDraft {
  key: string
  mode: DraftMode
  branchId: string
  /** The planned session being recorded, or the record being edited. */
  activityId?: string
  /** The version an edit started from (activities.update's expectedVersion). */
  expectedVersion?: number
  clientRequestId: string
  type: ActivityType
  topic: string
  place: string
  /** YYYY-MM-DD and HH:mm in Beijing time; endTime '' = no end time. */
  date: string
  time: string
  endTime: string
  groupId: string
  host: string
  recorder: string
  lecturer: string
  agenda: string
  minutes: string
  resolutions: string
  voting: boolean
  /** Attendance marks by memberId, and the roster they were made against (kept for a weak signal). */
  marks: Record<string, Mark>
  sheet: SheetAttendee[]
  assignmentIds: string[]
  photos: DraftPhoto[]
  /** Saved on the server while photos were pending: the record to patch when they finish. */
  saved?: { id: string; version: number }
}

export type TextField = 'topic' | 'place' | 'date' | 'time' | 'endTime' | 'host' | 'recorder' | 'lecturer' | 'agenda' | 'minutes' | 'resolutions'
export type DraftErrors = Partial<Record<TextField | 'type' | 'groupId' | 'attendance' | 'photos' | 'form', string>>

export const draftKey = {
  plan: (branchId: string) => `plan:${branchId}`,
  /** A new record of a session that was never planned, or the record of planned session `activityId`. */
  record: (branchId: string, activityId?: string) => (activityId ? `record:${activityId}` : `record:${branchId}`),
  edit: (activityId: string) => `edit:${activityId}`,
  pending: (activityId: string) => `pending:${activityId}`,
}

export function newDraft(key: string, mode: DraftMode, branchId: string, now: Date = new Date()): ActivityDraft {
  return {
    key,
    mode,
    branchId,
    clientRequestId: newClientRequestId(),
    type: 'theme_day',
    topic: '',
    place: '',
    date: todayInShanghai(now),
    time: '14:30',
    endTime: '',
    groupId: '',
    host: '',
    recorder: '',
    lecturer: '',
    agenda: '',
    minutes: '',
    resolutions: '',
    voting: false,
    marks: {},
    sheet: [],
    assignmentIds: [],
    photos: [],
  }
}

/** A draft holding what a saved session says (to record a planned session, or to edit a record). */
export function draftFrom(a: ActivityFull, key: string, mode: DraftMode, now: Date = new Date()): ActivityDraft {
  const start = inShanghai(a.startAt)
  const marks: Record<string, Mark> = {}
  for (const x of a.attendance?.attendees ?? []) marks[x.memberId] = { present: x.present, absentReason: x.absentReason ?? '' }
  return {
    ...newDraft(key, mode, a.branchId, now),
    activityId: a.id,
    ...(mode === 'edit' ? { expectedVersion: a.version } : {}),
    type: a.type,
    topic: a.topic,
    place: a.place,
    date: start.format('YYYY-MM-DD'),
    time: start.format('HH:mm'),
    endTime: a.endAt ? inShanghai(a.endAt).format('HH:mm') : '',
    groupId: a.audience.groupId ?? '',
    host: a.host ?? '',
    recorder: a.recorder ?? '',
    lecturer: a.lecturer ?? '',
    agenda: a.agenda ?? '',
    minutes: a.minutes ?? '',
    resolutions: a.resolutions ?? '',
    voting: a.voting,
    marks,
    sheet: (a.attendance?.attendees ?? []).map((x) => ({ ...x, groupName: null })),
    assignmentIds: a.assignments.map((x) => x.id),
    photos: a.photos.map((p) => ({ key: randomId(10), fileID: p.fileID, preview: p.url ?? p.fileID, status: 'done' as const })),
  }
}

const required = (label: string) => `请填写${label}`

/** The draft fields a default mark reads: the sheet, the secretary's marks and who led and recorded the session. */
export type AttendanceView = Pick<ActivityDraft, 'sheet' | 'marks'> & Partial<Pick<ActivityDraft, 'host' | 'recorder' | 'lecturer'>>

/** Whether the record names the member as its host, recorder or lecturer (by name; 授课人 may read 支部书记 李明). */
const leads = (d: AttendanceView, m: SheetAttendee) =>
  [d.host, d.recorder, d.lecturer].some((who) => !!who && !!m.name && who.trim().includes(m.name))

/**
 * A member's attendance as the form stands: the secretary's mark, else the saved record's, else the evidence — who
 * signed in, and whoever hosted, recorded or lectured (they were there by definition) start present; everyone else
 * starts absent, so nobody is recorded present without a sign-in or a tap (全部出席 marks the rest in one), and a
 * reason is asked only of those still absent when saving.
 */
export function effectiveMark(d: AttendanceView, m: SheetAttendee): Mark {
  const mark = d.marks[m.memberId]
  if (mark) return mark
  if (m.present || m.absentReason) return { present: m.present, absentReason: m.absentReason ?? '' }
  return { present: !!m.signedInAt || leads(d, m), absentReason: '' }
}

/** The form's checks, in Chinese, before anything is sent (the cloud checks the same rules again). */
export function validateDraft(d: ActivityDraft): DraftErrors {
  const errors: DraftErrors = {}
  const rules = ACTIVITY_TYPE_RULES[d.type]
  if (!rules) errors.type = '请选择活动类型'
  const topic = d.topic.trim()
  if (!topic) errors.topic = required('主题')
  else if (topic.length > TOPIC_MAX) errors.topic = `主题不能超过 ${TOPIC_MAX} 个字`
  const place = d.place.trim()
  if (!place) errors.place = required('地点')
  else if (place.length > PLACE_MAX) errors.place = `地点不能超过 ${PLACE_MAX} 个字`
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date)) errors.date = '请选择日期'
  if (!/^\d{2}:\d{2}$/.test(d.time)) errors.time = '请选择开始时间'
  if (d.endTime && (!/^\d{2}:\d{2}$/.test(d.endTime) || d.endTime <= d.time)) errors.endTime = '结束时间必须晚于开始时间'
  for (const f of ['host', 'recorder', 'lecturer'] as const) {
    if (d[f].trim().length > NAME_MAX) errors[f] = `${ACTIVITY_FIELD_LABELS[f]}不能超过 ${NAME_MAX} 个字`
  }
  for (const f of ['agenda', 'minutes', 'resolutions'] as const) {
    const length = d[f].trim().length
    if (length > longMax(f)) errors[f] = `${ACTIVITY_FIELD_LABELS[f]}有 ${length} 字，超过上限 ${longMax(f)} 字，请删减 ${length - longMax(f)} 字`
  }
  if (rules) {
    const need: ActivityField[] = d.mode === 'plan' ? rules.planRequires : rules.recordRequires
    for (const f of need) {
      if (f === 'groupId') {
        if (!d.groupId) errors.groupId = '请选择党小组'
      } else if (!d[f].trim()) errors[f] = required(ACTIVITY_FIELD_LABELS[f])
    }
  }
  if (d.mode !== 'plan') {
    const noReason = d.sheet.filter((m) => {
      const mark = effectiveMark(d, m)
      return !mark.present && !mark.absentReason.trim()
    })
    if (noReason.length) errors.attendance = `请填写缺席原因：${noReason.map((m) => m.name).join('、')}`
  }
  if (d.photos.length > MAX_PHOTOS) errors.photos = `现场照片最多 ${MAX_PHOTOS} 张`
  return errors
}

/** Expected and present counts as the form shows them while marking (the cloud computes the saved ones). */
export function attendanceCounts(d: AttendanceView) {
  const expected = d.sheet.length
  const isPresent = (m: SheetAttendee) => effectiveMark(d, m).present
  const present = d.sheet.filter(isPresent).length
  const voters = d.sheet.filter((m) => m.partyStatus === 'full')
  const presentVoters = voters.filter(isPresent).length
  return { expected, present, absent: expected - present, voters: voters.length, presentVoters, quorum: presentVoters * 2 > voters.length }
}

const opt = (v: string) => {
  const t = v.trim()
  return t ? t : undefined
}

export const donePhotos = (d: ActivityDraft) => d.photos.flatMap((p) => (p.status === 'done' && p.fileID ? [p.fileID] : []))
export const pendingPhotos = (d: ActivityDraft) => d.photos.filter((p) => p.status !== 'done').length

function shared(d: ActivityDraft) {
  const fields = ACTIVITY_TYPE_RULES[d.type]?.fields ?? []
  return {
    type: d.type,
    topic: d.topic.trim(),
    place: d.place.trim(),
    startAt: shanghaiToIso(d.date, d.time),
    endAt: d.endTime ? shanghaiToIso(d.date, d.endTime) : undefined,
    groupId: fields.includes('groupId') && d.groupId ? d.groupId : undefined,
    host: opt(d.host),
    lecturer: fields.includes('lecturer') ? opt(d.lecturer) : undefined,
    agenda: opt(d.agenda),
  }
}

function recordExtras(d: ActivityDraft) {
  return {
    recorder: opt(d.recorder),
    minutes: opt(d.minutes),
    resolutions: opt(d.resolutions),
    attendance: d.sheet.map((m) => {
      const mark = effectiveMark(d, m)
      return mark.present
        ? { memberId: m.memberId, present: true }
        : { memberId: m.memberId, present: false, ...(opt(mark.absentReason) ? { absentReason: mark.absentReason.trim() } : {}) }
    }),
    photos: donePhotos(d),
    assignmentIds: d.assignmentIds,
    voting: ACTIVITY_TYPE_RULES[d.type]?.canVote ? d.voting : false,
  }
}

/** Drops undefined values: the contract's objects are strict and optional text must not be empty. */
const clean = <T extends Record<string, unknown>>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T

export function planInput(d: ActivityDraft): ActionInput<'activities.plan'> {
  return clean({ branchId: d.branchId, clientRequestId: d.clientRequestId, ...shared(d) })
}
export function recordInput(d: ActivityDraft): ActionInput<'activities.record'> {
  return clean({ branchId: d.branchId, clientRequestId: d.clientRequestId, ...(d.activityId ? { id: d.activityId } : {}), ...shared(d), ...recordExtras(d) })
}
export function updateInput(d: ActivityDraft): ActionInput<'activities.update'> {
  const s = shared(d)
  const typeHasGroup = ACTIVITY_TYPE_RULES[d.type]?.fields.includes('groupId')
  return clean({
    id: d.activityId!,
    expectedVersion: d.expectedVersion ?? 1,
    ...s,
    endAt: s.endAt ?? null,
    groupId: typeHasGroup && d.groupId ? d.groupId : null,
    ...recordExtras(d),
  }) as ActionInput<'activities.update'>
}

/** Which form field a server refusal points at (CONTENT_REJECTED details.field, INVALID_INPUT issues[].path). */
export function fieldOf(error: ApiCallError): keyof DraftErrors | null {
  const details = error.details as { field?: string; issues?: { path?: string }[] } | undefined
  const raw = details?.field ?? details?.issues?.[0]?.path?.split('.')[0]
  const map: Record<string, keyof DraftErrors> = {
    topic: 'topic',
    place: 'place',
    startAt: 'time',
    endAt: 'endTime',
    host: 'host',
    recorder: 'recorder',
    lecturer: 'lecturer',
    agenda: 'agenda',
    minutes: 'minutes',
    resolutions: 'resolutions',
    groupId: 'groupId',
    attendance: 'attendance',
    photos: 'photos',
    type: 'type',
  }
  return raw && map[raw] ? map[raw] : null
}
