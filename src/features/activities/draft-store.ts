/**
 * The store of activity drafts (计划活动, 记录活动, 修改记录), persisted as the user types through Taro storage, so a
 * killed app, a phone call or a reload loses nothing. Each draft has one clientRequestId, created with it and reused
 * by every retry: a double tap or a retry after a timeout makes one record. What a draft is and how it is checked:
 * draft-model.ts.
 *
 * Photos upload as soon as they are picked, through the shared queue (src/lib/upload-queue.ts: progress, retry,
 * restart after a killed app). A secretary at the venue often has a weak signal, so saving does not wait for them:
 * the record is saved with the photos already uploaded, the draft moves to `pending:<id>` with the photos still on
 * their way, and when the last one arrives the record is patched (activities.update). Blocking the save until every
 * upload finished would keep the minutes hostage to the slowest photo; the detail page shows "n 张照片上传中" and a
 * retry for a failed one.
 */
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { taroJSONStorage } from '../../lib/storage'
import { isRequestReused, newClientRequestId, randomId } from '../../lib/request-id'
import { PICK_AGAIN, uploads, useUploadProgress } from '../../lib/upload-queue'
import { ApiCallError } from '../../services/api'
import type { PickedPhoto } from '../../components/photo-input'
import { activityPhotoPath, getActivity, planActivity, recordActivity, updateActivity, type ActivityFull, type SheetAttendee } from './api'
import { leaveInReason } from '../../../types/leave'
import {
  draftKey,
  donePhotos,
  effectiveMark,
  fieldOf,
  MAX_PHOTOS,
  newDraft,
  pendingPhotos,
  planInput,
  recordInput,
  updateInput,
  validateDraft,
  type ActivityDraft,
  type DraftErrors,
  type DraftPhoto,
  type Mark,
} from './draft-model'

export * from './draft-model'
export { useUploadProgress }

/** The queue's owner name for a record's photos. */
const OWNER = 'activity'

/** Full-size pictures for the full-screen view, by photo key (object URLs on H5). */
export const fullPictures = new Map<string, string>()

export const DRAFTS_VERSION = 4

/** Fields earlier versions saved that no draft has now (up to 3: `touchedAt` and `groupName`, never read). */
const DROPPED_FIELDS = ['touchedAt', 'groupName']

/**
 * A draft saved by an earlier version, brought to this one: fields added since take their defaults, fields dropped
 * since go, so a version bump never drops what someone was typing (zustand drops the saved state when a bumped store
 * has no migrate).
 */
export function migrateDrafts(persisted: unknown): Pick<DraftData, 'drafts'> {
  const saved = (persisted as { drafts?: Record<string, Partial<ActivityDraft> | null> } | undefined)?.drafts ?? {}
  const drafts: Record<string, ActivityDraft> = {}
  for (const [key, d] of Object.entries(saved)) {
    if (!d || typeof d.branchId !== 'string' || !d.mode) continue
    const kept = Object.fromEntries(Object.entries(d).filter(([field]) => !DROPPED_FIELDS.includes(field))) as Partial<ActivityDraft>
    const base = newDraft(key, d.mode, d.branchId)
    drafts[key] = { ...base, ...kept, key, clientRequestId: d.clientRequestId || base.clientRequestId, photos: (d.photos ?? []).filter((p) => p && p.key) }
  }
  return { drafts }
}

interface DraftData {
  drafts: Record<string, ActivityDraft>
  errors: Record<string, DraftErrors>
  submitting: Record<string, boolean>
}

interface DraftActions {
  /** Opens a draft: keeps the one in progress under `key`, else creates it with `init`. */
  open(key: string, init: () => ActivityDraft): void
  /** Replaces a draft (e.g. when the saved session arrived and the draft was opened before it). */
  put(draft: ActivityDraft): void
  setField<K extends keyof ActivityDraft>(key: string, field: K, value: ActivityDraft[K]): void
  setMark(key: string, memberId: string, mark: Mark): void
  /** 全部出席: everyone on the sheet present (reasons dropped). */
  markAllPresent(key: string): void
  setSheet(key: string, sheet: SheetAttendee[]): void
  addPhotos(key: string, picked: PickedPhoto[]): void
  retryPhoto(key: string, photoKey: string): void
  removePhoto(key: string, photoKey: string): void
  movePhoto(key: string, photoKey: string, by: -1 | 1): void
  /** Validates and saves; resolves to the saved session, or null when the form or the server refused. */
  submit(key: string): Promise<ActivityFull | null>
  /** Restarts what a killed app left: uploads with a temp path, patches of saved records whose photos finished. */
  resume(): void
  discard(key: string): void
  reset(): void
}

type Store = DraftData & DraftActions

const initial: DraftData = { drafts: {}, errors: {}, submitting: {} }

/** What a draft says when its first save was stored but the answer was lost, and it was changed since. */
export function firstSaveStored(d: Pick<ActivityDraft, 'mode' | 'activityId'>): string {
  if (d.mode === 'record' && d.activityId) return '上次保存已成功（网络中断时），这次活动已记录。修改的内容请到活动页中修改。'
  const what = d.mode === 'plan' ? '活动计划' : '活动记录'
  return `上次保存已成功（网络中断时），这条${what}已在活动列表中。再点一次保存会把修改后的内容另存为一条新的${what}；只需修改原来的，请到活动列表中打开它修改。`
}

/** Listeners told when a pending record got its photos (the activities store refreshes the record). */
const completedListeners = new Set<(a: ActivityFull) => void>()
export const onPendingCompleted = (fn: (a: ActivityFull) => void) => {
  completedListeners.add(fn)
  return () => completedListeners.delete(fn)
}

export const useDraftStore = create<Store>()(
  persist(
    (set, get) => {
      const patchDraft = (key: string, patch: Partial<ActivityDraft> | ((d: ActivityDraft) => Partial<ActivityDraft>)) => {
        const d = get().drafts[key]
        if (!d) return
        const next = { ...d, ...(typeof patch === 'function' ? patch(d) : patch) }
        set({ drafts: { ...get().drafts, [key]: next } })
      }
      const patchPhoto = (key: string, photoKey: string, patch: Partial<DraftPhoto>) =>
        patchDraft(key, (d) => ({ photos: d.photos.map((p) => (p.key === photoKey ? { ...p, ...patch } : p)) }))
      /** The draft that holds a photo now (it moves from record:… to pending:… on save). */
      const holderOf = (photoKey: string) => Object.values(get().drafts).find((d) => d.photos.some((p) => p.key === photoKey))

      /** Starts (or restarts) a photo's upload: from the file picked in this run, else its weapp temp path. */
      const upload = (key: string, photoKey: string, picked?: PickedPhoto) => {
        const d = get().drafts[key]
        const photo = d?.photos.find((p) => p.key === photoKey)
        if (!d || !photo) return
        const queued = !picked && uploads.get(photoKey)
        const source = picked?.source ?? (photo.filePath ? { filePath: photo.filePath, name: `${photoKey}.jpg` } : undefined)
        if (!queued && !source) return patchPhoto(key, photoKey, { status: 'failed', error: PICK_AGAIN })
        patchPhoto(key, photoKey, { status: 'uploading', error: undefined })
        if (queued || !source) return uploads.retry(photoKey)
        uploads.add({ key: photoKey, owner: OWNER, cloudPath: activityPhotoPath(d.branchId, d.clientRequestId, photoKey, source.name), source })
      }
      // The queue says when a photo arrived or failed, also one a resumed app finished.
      uploads.onSettled(OWNER, (job) => {
        const holder = holderOf(job.key)
        if (!holder) return uploads.forget(job.key)
        if (job.status === 'done') {
          patchPhoto(holder.key, job.key, { status: 'done', fileID: job.fileID })
          uploads.forget(job.key)
          void finishPending(holder.key)
        } else if (job.status === 'failed') patchPhoto(holder.key, job.key, { status: 'failed', error: job.error || '上传失败' })
      })

      /** A saved record whose photos all arrived gets them (once; a stale version is re-read and merged). */
      const finishPending = async (key: string) => {
        const d = get().drafts[key]
        if (!d?.saved || pendingPhotos(d) || get().submitting[key]) return
        set({ submitting: { ...get().submitting, [key]: true } })
        const mine = donePhotos(d)
        try {
          let saved: ActivityFull
          try {
            saved = await updateActivity({ id: d.saved.id, expectedVersion: d.saved.version, photos: mine })
          } catch (error) {
            if (!(error instanceof ApiCallError) || error.code !== 'CONFLICT') throw error
            // Someone saved the record meanwhile: keep their photos and add ours after them.
            const current = await getActivity(d.saved.id)
            const theirs = current.photos.map((p) => p.fileID)
            const merged = [...theirs, ...mine.filter((f) => !theirs.includes(f))].slice(0, MAX_PHOTOS)
            saved = await updateActivity({ id: d.saved.id, expectedVersion: current.version, photos: merged })
          }
          const drafts = { ...get().drafts }
          delete drafts[key]
          set({ drafts, submitting: { ...get().submitting, [key]: false } })
          completedListeners.forEach((fn) => fn(saved))
        } catch (error) {
          set({
            submitting: { ...get().submitting, [key]: false },
            errors: { ...get().errors, [key]: { form: error instanceof ApiCallError ? `照片补充到记录失败：${error.message}` : '照片补充到记录失败，请稍后重试' } },
          })
        }
      }

      return {
        ...initial,
        open(key, init) {
          if (!get().drafts[key]) set({ drafts: { ...get().drafts, [key]: init() } })
          set({ errors: { ...get().errors, [key]: {} }, submitting: { ...get().submitting, [key]: false } })
        },
        put(draft) {
          set({ drafts: { ...get().drafts, [draft.key]: draft } })
        },
        setField(key, field, value) {
          patchDraft(key, { [field]: value } as Partial<ActivityDraft>)
          const errors = { ...(get().errors[key] ?? {}) }
          delete errors[field as keyof DraftErrors]
          delete errors.form
          set({ errors: { ...get().errors, [key]: errors } })
        },
        setMark(key, memberId, mark) {
          patchDraft(key, (d) => ({ marks: { ...d.marks, [memberId]: mark } }))
          const errors = { ...(get().errors[key] ?? {}) }
          delete errors.attendance
          set({ errors: { ...get().errors, [key]: errors } })
        },
        markAllPresent(key) {
          // An approved leave stays: absent with its reason (types/leave.ts leaveInReason; docs/leave.md).
          patchDraft(key, (d) => ({
            marks: Object.fromEntries(
              d.sheet.map((m) => {
                const onLeave = !m.present && !!leaveInReason(m.absentReason) && effectiveMark(d, m).absentReason === m.absentReason
                return [m.memberId, onLeave ? { present: false, absentReason: m.absentReason ?? '' } : { present: true, absentReason: '' }]
              }),
            ),
          }))
          const errors = { ...(get().errors[key] ?? {}) }
          delete errors.attendance
          set({ errors: { ...get().errors, [key]: errors } })
        },
        setSheet(key, sheet) {
          patchDraft(key, { sheet })
        },
        addPhotos(key, picked) {
          const d = get().drafts[key]
          if (!d) return
          const room = MAX_PHOTOS - d.photos.length
          const chosen = picked.slice(0, Math.max(0, room))
          const fresh = chosen.map((p) => {
            const photoKey = randomId(10)
            if (p.full) fullPictures.set(photoKey, p.full)
            return {
              key: photoKey,
              preview: p.preview,
              status: 'uploading' as const,
              ...(p.bytes !== undefined ? { bytes: p.bytes } : {}),
              ...(p.originalBytes !== undefined ? { originalBytes: p.originalBytes } : {}),
              ...(p.source.filePath ? { filePath: p.source.filePath } : {}),
            }
          })
          patchDraft(key, (x) => ({ photos: [...x.photos, ...fresh] }))
          fresh.forEach((p, i) => upload(key, p.key, chosen[i]))
        },
        retryPhoto(key, photoKey) {
          upload(key, photoKey)
        },
        removePhoto(key, photoKey) {
          uploads.forget(photoKey)
          patchDraft(key, (d) => ({ photos: d.photos.filter((p) => p.key !== photoKey) }))
          void finishPending(key)
        },
        movePhoto(key, photoKey, by) {
          patchDraft(key, (d) => {
            const i = d.photos.findIndex((p) => p.key === photoKey)
            const j = i + by
            if (i < 0 || j < 0 || j >= d.photos.length) return {}
            const photos = [...d.photos]
            ;[photos[i], photos[j]] = [photos[j], photos[i]]
            return { photos }
          })
        },
        async submit(key) {
          const d = get().drafts[key]
          if (!d || get().submitting[key]) return null
          const errors = validateDraft(d)
          if (Object.keys(errors).length) {
            set({ errors: { ...get().errors, [key]: errors } })
            return null
          }
          set({ submitting: { ...get().submitting, [key]: true }, errors: { ...get().errors, [key]: {} } })
          try {
            const saved =
              d.mode === 'plan' ? await planActivity(planInput(d)) : d.mode === 'record' ? await recordActivity(recordInput(d)) : await updateActivity(updateInput(d))
            const latest = get().drafts[key] ?? d
            const drafts = { ...get().drafts }
            delete drafts[key]
            if (d.mode !== 'plan' && pendingPhotos(latest)) {
              // Saved without the photos still on their way: they finish into the record (see the header).
              const pendingKey = draftKey.pending(saved.id)
              drafts[pendingKey] = { ...latest, key: pendingKey, saved: { id: saved.id, version: saved.version } }
              set({ drafts, submitting: { ...get().submitting, [key]: false } })
              void finishPending(pendingKey)
            } else {
              set({ drafts, submitting: { ...get().submitting, [key]: false } })
            }
            return saved
          } catch (error) {
            if (d.mode !== 'edit' && isRequestReused(error)) {
              // The first save with this id was stored, its answer lost, and the draft changed since (see
              // src/lib/request-id.ts): the draft stays as typed, with a new id for the next save, and the person is told.
              patchDraft(key, { clientRequestId: newClientRequestId() })
              set({ submitting: { ...get().submitting, [key]: false }, errors: { ...get().errors, [key]: { form: firstSaveStored(d) } } })
              return null
            }
            const e = error instanceof ApiCallError ? error : null
            const field = e ? fieldOf(e) : null
            const message = e?.message ?? '保存失败，请稍后重试'
            const next: DraftErrors =
              e?.code === 'CONTENT_REJECTED'
                ? { ...(field ? { [field]: message } : {}), form: `${message}。草稿已保留。` }
                : field && e?.code === 'INVALID_INPUT'
                  ? { [field]: message, form: message }
                  : { form: e?.code === 'CONFLICT' && d.mode === 'edit' ? `${message}（记录已被他人修改，请返回刷新后再改）` : message }
            set({ submitting: { ...get().submitting, [key]: false }, errors: { ...get().errors, [key]: next } })
            return null
          }
        },
        resume() {
          uploads.resume(OWNER)
          for (const d of Object.values(get().drafts)) {
            // A photo still uploading with no job in the queue (a draft saved by version 2, before the queue) starts here.
            for (const p of d.photos) if (p.status === 'uploading' && !uploads.get(p.key)) upload(d.key, p.key)
            if (d.saved) void finishPending(d.key)
          }
        },
        discard(key) {
          const d = get().drafts[key]
          d?.photos.forEach((p) => uploads.forget(p.key))
          const drafts = { ...get().drafts }
          delete drafts[key]
          set({ drafts })
        },
        reset() {
          for (const d of Object.values(get().drafts)) d.photos.forEach((p) => uploads.forget(p.key))
          set({ ...initial })
        },
      }
    },
    {
      name: 'branch-desk:activity-drafts',
      // 3: photo uploads moved to the shared queue (a version-2 photo still uploading restarts from its temp path on resume).
      // 4: the unused touchedAt and groupName left the draft (migrateDrafts drops them).
      version: DRAFTS_VERSION,
      storage: taroJSONStorage(),
      partialize: (s) => ({ drafts: s.drafts }),
      migrate: (persisted) => migrateDrafts(persisted),
    },
  ),
)
