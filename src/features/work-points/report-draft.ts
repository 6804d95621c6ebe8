/**
 * 汇报进展's draft per assignment: the note, the activities chosen as evidence, photos and documents (书面材料: PDF,
 * Word, Excel) and 标记完成, persisted as it is filled in, with one clientRequestId reused by every retry. Photos and
 * documents upload as soon as they are picked, through the shared queue (src/lib/upload-queue.ts: progress, retry,
 * restart after a killed app); the draft keeps each one's outcome.
 */
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { taroJSONStorage } from '../../lib/storage'
import { newClientRequestId, randomId } from '../../lib/request-id'
import { PICK_AGAIN, uploads } from '../../lib/upload-queue'
import type { UploadSource } from '../../services/api'
import { reportFilePath } from './point-api'

export const MAX_EVIDENCE = 9

export interface Evidence {
  key: string
  kind: 'photo' | 'file'
  /** The file's name as picked (documents show it). */
  name: string
  /** Thumbnail of a photo (a temp path on weapp, a small data URL on H5). */
  preview?: string
  status: 'uploading' | 'done' | 'failed'
  fileID?: string
  error?: string
}

export interface PointReportDraft {
  assignmentId: string
  clientRequestId: string
  note: string
  activityIds: string[]
  markDone: boolean
  evidence: Evidence[]
}

interface ReportDraftState {
  drafts: Record<string, PointReportDraft>
  /** The assignment's draft, created when missing. */
  open(assignmentId: string): void
  patch(assignmentId: string, change: Partial<Pick<PointReportDraft, 'note' | 'activityIds' | 'markDone'>>): void
  /** Photos or documents picked: they start uploading at once (no more than MAX_EVIDENCE of each kind). */
  add(assignmentId: string, kind: Evidence['kind'], picked: { source: UploadSource; name: string; preview?: string }[]): void
  retry(_assignmentId: string, key: string): void
  remove(assignmentId: string, key: string): void
  /**
   * The first send with this draft's id was stored but its answer lost, and the draft changed since (the cloud refused
   * the id: src/lib/request-id.ts isRequestReused): the content stays, the next send takes a new id. Evidence already
   * uploaded under the old id's folder is still taken (assignments.report checks work-points/<assignmentId>/ only).
   */
  renew(assignmentId: string): void
  /** Sent: the draft and its uploads are forgotten, the next report starts with a new clientRequestId. */
  sent(assignmentId: string): void
  /** Restarts uploads a killed app left. */
  resume(): void
}

const OWNER = 'report'
const newReportDraft = (assignmentId: string): PointReportDraft => ({ assignmentId, clientRequestId: newClientRequestId(), note: '', activityIds: [], markDone: false, evidence: [] })

/** What was uploaded, by kind: the report's photos and files. */
export const uploadedOf = (d: PointReportDraft | undefined) => ({
  photos: (d?.evidence ?? []).flatMap((e) => (e.kind === 'photo' && e.status === 'done' && e.fileID ? [e.fileID] : [])),
  files: (d?.evidence ?? []).flatMap((e) => (e.kind === 'file' && e.status === 'done' && e.fileID ? [{ fileID: e.fileID, name: e.name }] : [])),
})

/** A draft saved by an earlier version: the fields it has, the rest at their defaults; unreadable ones dropped. */
export function migrateReportDrafts(persisted: unknown): Pick<ReportDraftState, 'drafts'> {
  const saved = ((persisted as { drafts?: Record<string, Partial<PointReportDraft>> } | undefined)?.drafts ?? {}) as Record<string, Partial<PointReportDraft>>
  const drafts: Record<string, PointReportDraft> = {}
  for (const [id, d] of Object.entries(saved)) if (d && typeof d.assignmentId === 'string') drafts[id] = { ...newReportDraft(id), ...d, evidence: (d.evidence ?? []).filter((e) => e && e.key) }
  return { drafts }
}

export const useReportDraftStore = create<ReportDraftState>()(
  persist(
    (set, get) => {
      const change = (assignmentId: string, fn: (d: PointReportDraft) => Partial<PointReportDraft>) => {
        const d = get().drafts[assignmentId]
        if (d) set({ drafts: { ...get().drafts, [assignmentId]: { ...d, ...fn(d) } } })
      }
      const setEvidence = (key: string, patch: Partial<Evidence>) => {
        const d = Object.values(get().drafts).find((x) => x.evidence.some((e) => e.key === key))
        if (!d) return false
        change(d.assignmentId, (x) => ({ evidence: x.evidence.map((e) => (e.key === key ? { ...e, ...patch } : e)) }))
        return true
      }
      uploads.onSettled(OWNER, (job) => {
        const found = setEvidence(job.key, job.status === 'done' ? { status: 'done', fileID: job.fileID, error: undefined } : { status: 'failed', error: job.error || '上传失败' })
        if (!found || job.status === 'done') uploads.forget(job.key)
      })
      return {
        drafts: {},
        open(assignmentId) {
          if (!get().drafts[assignmentId]) set({ drafts: { ...get().drafts, [assignmentId]: newReportDraft(assignmentId) } })
        },
        patch(assignmentId, patch) {
          change(assignmentId, () => patch)
        },
        add(assignmentId, kind, picked) {
          const d = get().drafts[assignmentId]
          if (!d) return
          const room = MAX_EVIDENCE - d.evidence.filter((e) => e.kind === kind).length
          const chosen = picked.slice(0, Math.max(0, room)).map((p) => ({ p, key: randomId(10) }))
          const fresh: Evidence[] = chosen.map(({ p, key }) => ({ key, kind, name: p.name, status: 'uploading', ...(p.preview ? { preview: p.preview } : {}) }))
          change(assignmentId, (x) => ({ evidence: [...x.evidence, ...fresh] }))
          for (const { p, key } of chosen) uploads.add({ key, owner: OWNER, cloudPath: reportFilePath(assignmentId, d.clientRequestId, key, p.name), source: p.source })
        },
        retry(_assignmentId, key) {
          if (uploads.get(key)) {
            setEvidence(key, { status: 'uploading', error: undefined })
            uploads.retry(key)
          } else setEvidence(key, { status: 'failed', error: PICK_AGAIN })
        },
        remove(assignmentId, key) {
          uploads.forget(key)
          change(assignmentId, (x) => ({ evidence: x.evidence.filter((e) => e.key !== key) }))
        },
        renew(assignmentId) {
          change(assignmentId, () => ({ clientRequestId: newClientRequestId() }))
        },
        sent(assignmentId) {
          get().drafts[assignmentId]?.evidence.forEach((e) => uploads.forget(e.key))
          set({ drafts: { ...get().drafts, [assignmentId]: newReportDraft(assignmentId) } })
        },
        resume() {
          uploads.resume(OWNER)
          for (const d of Object.values(get().drafts))
            for (const e of d.evidence) if (e.status === 'uploading' && !uploads.get(e.key)) setEvidence(e.key, { status: 'failed', error: PICK_AGAIN })
        },
      }
    },
    {
      name: 'branch-desk:report-drafts',
      version: 1,
      storage: taroJSONStorage(),
      partialize: (s) => ({ drafts: s.drafts }),
      migrate: (persisted) => migrateReportDrafts(persisted),
    },
  ),
)
