/**
 * The 记录活动 draft: persisted as the user types (through Taro storage) so a crash, a call or a reload loses
 * nothing; one clientRequestId per draft so a retried submit never creates a second record; cleared on success.
 */
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { ActivitySummary, ActivityType } from '../../../types/domain'
import { taroJSONStorage } from '../../lib/storage'
import { newClientRequestId } from '../../lib/request-id'
import { shanghaiToIso, todayInShanghai } from '../../lib/time'
import { ApiCallError } from '../../services/api'
import { createActivity } from './api'

export const MAX_PHOTOS = 9
export const TOPIC_MAX = 100
export const PLACE_MAX = 100

export interface DraftPhoto {
  fileID: string
  /** What to show before the server hands back a URL: a temp path (weapp) or a small data URL (H5). */
  preview?: string
}

export interface ActivityDraft {
  branchId: string
  clientRequestId: string
  type: ActivityType
  topic: string
  place: string
  /** YYYY-MM-DD in Beijing time */
  date: string
  /** HH:mm in Beijing time */
  time: string
  photos: DraftPhoto[]
}

export type DraftField = 'type' | 'topic' | 'place' | 'date' | 'time'
export type DraftErrors = Partial<Record<DraftField | 'photos' | 'form', string>>

interface DraftData {
  draft: ActivityDraft | null
  errors: DraftErrors
  submitting: boolean
}

interface DraftActions {
  /** Opens the draft for a branch: keeps one in progress for that branch, else starts a new one. */
  start(branchId: string, now?: Date): void
  setField<K extends DraftField>(field: K, value: ActivityDraft[K]): void
  addPhoto(photo: DraftPhoto): void
  removePhoto(fileID: string): void
  /** Validates and saves; resolves to the saved activity, or null when validation or the server refused. */
  submit(): Promise<ActivitySummary | null>
  discard(): void
  reset(): void
}

export function newDraft(branchId: string, now: Date = new Date()): ActivityDraft {
  return {
    branchId,
    clientRequestId: newClientRequestId(),
    type: 'theme_day',
    topic: '',
    place: '',
    date: todayInShanghai(now),
    time: '14:30',
    photos: [],
  }
}

/** The form's checks, in Chinese, before anything is sent. */
export function validateDraft(d: ActivityDraft): DraftErrors {
  const errors: DraftErrors = {}
  if (!d.type) errors.type = '请选择活动类型'
  const topic = d.topic.trim()
  if (!topic) errors.topic = '请填写主题'
  else if (topic.length > TOPIC_MAX) errors.topic = `主题不能超过 ${TOPIC_MAX} 个字`
  const place = d.place.trim()
  if (!place) errors.place = '请填写地点'
  else if (place.length > PLACE_MAX) errors.place = `地点不能超过 ${PLACE_MAX} 个字`
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date)) errors.date = '请选择日期'
  if (!/^\d{2}:\d{2}$/.test(d.time)) errors.time = '请选择开始时间'
  if (d.photos.length > MAX_PHOTOS) errors.photos = `现场照片最多 ${MAX_PHOTOS} 张`
  return errors
}

const initial: DraftData = { draft: null, errors: {}, submitting: false }

export const useDraftStore = create<DraftData & DraftActions>()(
  persist(
    (set, get) => ({
      ...initial,
      start(branchId, now) {
        const d = get().draft
        if (d && d.branchId === branchId) {
          set({ errors: {}, submitting: false })
          return
        }
        set({ draft: newDraft(branchId, now), errors: {}, submitting: false })
      },
      setField(field, value) {
        const d = get().draft
        if (!d) return
        const errors = { ...get().errors }
        delete errors[field]
        delete errors.form
        set({ draft: { ...d, [field]: value }, errors })
      },
      addPhoto(photo) {
        const d = get().draft
        if (!d || d.photos.length >= MAX_PHOTOS || d.photos.some((p) => p.fileID === photo.fileID)) return
        set({ draft: { ...d, photos: [...d.photos, photo] } })
      },
      removePhoto(fileID) {
        const d = get().draft
        if (!d) return
        set({ draft: { ...d, photos: d.photos.filter((p) => p.fileID !== fileID) } })
      },
      async submit() {
        const d = get().draft
        if (!d || get().submitting) return null
        const errors = validateDraft(d)
        if (Object.keys(errors).length) {
          set({ errors })
          return null
        }
        set({ submitting: true, errors: {} })
        try {
          const activity = await createActivity({
            branchId: d.branchId,
            type: d.type,
            topic: d.topic.trim(),
            place: d.place.trim(),
            startAt: shanghaiToIso(d.date, d.time),
            photos: d.photos.map((p) => p.fileID),
            clientRequestId: d.clientRequestId,
          })
          set({ ...initial })
          return activity
        } catch (error) {
          const message = error instanceof ApiCallError ? error.message : '保存失败，请稍后重试'
          set({ submitting: false, errors: { form: message } })
          return null
        }
      },
      discard() {
        set({ ...initial })
      },
      reset() {
        set({ ...initial })
      },
    }),
    {
      name: 'branch-desk:activity-draft',
      version: 1,
      storage: taroJSONStorage(),
      partialize: (s) => ({ draft: s.draft }),
    },
  ),
)
