/**
 * The one upload queue (issue #17): every file a form attaches — a record's photos, a work-point report's photos and
 * documents — goes through it. A file starts uploading as soon as it is picked; the queue keeps its progress (apart,
 * so a tick does not rewrite storage), its outcome, a retry, and survives a killed app: jobs are persisted, and
 * `resume()` restarts those still uploading from their weapp temp path (WeChat keeps the file for a while). A Blob
 * (H5) cannot be stored: after a reload such a file fails with a sentence asking to pick it again.
 *
 * Each job belongs to an owner (a form); the owner hears when a job settles (`onSettled`), also for jobs that a
 * resumed app finished, and forgets jobs it no longer needs.
 */
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { taroJSONStorage } from './storage'
import { uploadFile, type UploadSource } from '../services/api'

export interface UploadJob {
  key: string
  /** Who asked for it: 'activity' (a record's photos), 'report' (a work-point report's evidence). */
  owner: string
  cloudPath: string
  /** The file's own name (shown for documents; its extension names the kind). */
  name: string
  status: 'uploading' | 'done' | 'failed'
  fileID?: string
  error?: string
  /** weapp temp file, so the upload can restart after the app restarted. */
  filePath?: string
}

/** Percent uploaded by job key, kept out of the persisted store. */
export const useUploadProgress = create<Record<string, number>>()(() => ({}))

interface QueueState {
  jobs: Record<string, UploadJob>
}

/** What can still be uploaded in this run of the app: the picked Blob (H5) or temp path (weapp), by job key. */
const sources = new Map<string, UploadSource>()
/** Jobs being uploaded right now, so `resume` never starts a second upload of the same file. */
const inFlight = new Set<string>()
const listeners = new Map<string, Set<(job: UploadJob) => void>>()

export const PICK_AGAIN = '页面重新打开后这个文件需要重新选择'

export const useUploadQueue = create<QueueState>()(
  persist(() => ({ jobs: {} as Record<string, UploadJob> }), {
    name: 'branch-desk:uploads',
    version: 1,
    storage: taroJSONStorage(),
    // Version 1 is the first; a later shape change maps older jobs here (a job that cannot be read is dropped:
    // its owner then shows the file as failed and offers to pick it again).
    migrate: (persisted) => {
      const jobs = ((persisted as Partial<QueueState> | undefined)?.jobs ?? {}) as Record<string, UploadJob>
      return { jobs: Object.fromEntries(Object.entries(jobs).filter(([, j]) => j && typeof j.key === 'string' && typeof j.cloudPath === 'string')) }
    },
  }),
)

const patch = (key: string, change: Partial<UploadJob>) => {
  const job = useUploadQueue.getState().jobs[key]
  if (job) useUploadQueue.setState({ jobs: { ...useUploadQueue.getState().jobs, [key]: { ...job, ...change } } })
}

const settle = (key: string) => {
  const job = useUploadQueue.getState().jobs[key]
  if (job) listeners.get(job.owner)?.forEach((fn) => fn(job))
}

function start(key: string): void {
  const job = useUploadQueue.getState().jobs[key]
  if (!job || inFlight.has(key)) return
  const source = sources.get(key) ?? (job.filePath ? { filePath: job.filePath, name: job.name } : undefined)
  if (!source) {
    patch(key, { status: 'failed', error: PICK_AGAIN })
    settle(key)
    return
  }
  inFlight.add(key)
  patch(key, { status: 'uploading', error: undefined })
  useUploadProgress.setState({ [key]: 0 })
  uploadFile(source, job.cloudPath, (percent) => useUploadProgress.setState({ [key]: percent })).then(
    (fileID) => {
      inFlight.delete(key)
      patch(key, { status: 'done', fileID })
      settle(key)
    },
    (error: unknown) => {
      inFlight.delete(key)
      patch(key, { status: 'failed', error: (error as Error)?.message || '上传失败' })
      settle(key)
    },
  )
}

export const uploads = {
  /** Queues a file and starts it at once. */
  add(job: { key: string; owner: string; cloudPath: string; source: UploadSource }): void {
    sources.set(job.key, job.source)
    const entry: UploadJob = {
      key: job.key,
      owner: job.owner,
      cloudPath: job.cloudPath,
      name: job.source.name,
      status: 'uploading',
      ...(job.source.filePath ? { filePath: job.source.filePath } : {}),
    }
    useUploadQueue.setState({ jobs: { ...useUploadQueue.getState().jobs, [job.key]: entry } })
    start(job.key)
  },
  /** Tries a failed (or stalled) file again. */
  retry: start,
  get: (key: string): UploadJob | undefined => useUploadQueue.getState().jobs[key],
  /** The owner no longer needs the job (removed from the form, or the form was sent). */
  forget(key: string): void {
    sources.delete(key)
    const jobs = { ...useUploadQueue.getState().jobs }
    delete jobs[key]
    useUploadQueue.setState({ jobs })
  },
  /** Restarts what a killed app left uploading. */
  resume(owner?: string): void {
    for (const job of Object.values(useUploadQueue.getState().jobs)) {
      if (job.status === 'uploading' && (!owner || job.owner === owner)) start(job.key)
    }
  },
  /** Tells `owner` each time one of its jobs is done or failed; returns the way to stop listening. */
  onSettled(owner: string, fn: (job: UploadJob) => void): () => void {
    const set = listeners.get(owner) ?? new Set()
    set.add(fn)
    listeners.set(owner, set)
    return () => set.delete(fn)
  },
  /** Forgets everything (a test, or another person on this device). */
  reset(): void {
    sources.clear()
    inFlight.clear()
    useUploadQueue.setState({ jobs: {} })
    useUploadProgress.setState({}, true)
  },
}
