/**
 * Exports as jobs, so that no call comes near the cloud function's time limit (3 s by default, 60 s at most):
 *
 *   exports.start  → writes a job document (what to export, how many items) and returns at once;
 *   exports.step   → advances the job by one bounded slice (ASSESSMENT_SLICE branches, or the sessions of
 *                    BOOK_SLICE whose photo thumbnails fit in STEP_BUDGET_MS)
 *                    and stores the slice's result in the job; once every item is collected, the next step writes
 *                    the file (exceljs / docx), uploads it to storage and marks the job done with its fileID;
 *   the client     → calls exports.step in a loop, showing `percent`, until status is done, then opens the file.
 *
 * A slice reads a fixed number of items, so a step's time does not grow with the committee's size; only the last
 * (writing) step sees all rows, and it only formats what earlier steps computed. For the record book each
 * collecting step also turns its sessions' photos (at most PHOTOS_PER_ENTRY each) into small JPEG thumbnails stored
 * next to the job, so the writing step only fetches thumbnails of 10–20 KB, BOOK_PHOTO_CONCURRENCY at a time. A step that finds the
 * job already advanced by a concurrent call (the `done` it read no longer matches) returns the current state and
 * changes nothing, so retries and double taps are harmless.
 */
import { randomBytes } from 'node:crypto'
import type { ActionOutput } from '../../../types/actions'
import { defineAction } from '../framework/action'
import { figuresOf, asOfFor, yearBounds } from '../dashboard/aggregate'
import { activeBranches, BRANCH_FIELDS, loadFacts, type BranchHead } from '../dashboard/load'
import { buildRecordBook, entryOf, type BookEntry } from '../dashboard/record-book'
import { appraisalByBranch, withAppraisal } from '../appraisal/export'
import { makeThumbnail } from '../dashboard/thumbnail'
import { buildWorkbook, type AssessmentRow } from '../dashboard/workbook'
import { duesByBranch } from '../dues/totals'
import { AppError, isCollectionMissing } from '../framework/errors'
import type { ExportJobDoc } from '../framework/model'
import { afterCursor } from '../framework/paging'
import { claim } from '../framework/claims'
import { collection, recordOf } from '../framework/data'
import type { Port } from '../framework/port'
import { loadBranch } from '../organisation/store'
import { beijingDate } from '../framework/time'

export const ASSESSMENT_SLICE = 40
/** Sessions read per step; a step makes thumbnails for as many of them as fit in STEP_BUDGET_MS. */
export const BOOK_SLICE = 10
/**
 * Work per record-book step, well inside a cloud function's default 3 s timeout (one more session's photos may
 * follow the budget's end). The api function's timeout can be raised to 60 s in the console; steps do not need it.
 */
export const STEP_BUDGET_MS = 800
const BOOK_PHOTO_CONCURRENCY = 6
/** A writing step that has not finished after this long is presumed dead and may be taken over. */
const WRITE_LEASE_MS = 90_000


type JobOut = ActionOutput<'exports.step'>

async function present(port: Port, job: ExportJobDoc): Promise<JobOut> {
  const url = job.fileID ? ((await port.storage.getTempFileURLs([job.fileID])).get(job.fileID) ?? null) : null
  if (url && job.status === 'done') {
    // A newer export may have superseded this one meanwhile (tidyStorage marks it, then deletes its file): a job
    // still done after its URL was made has its file; otherwise answer what it is now, never a dead link.
    const now = await reload(port, job._id)
    if (now && (now.status !== 'done' || now.fileID !== job.fileID)) return present(port, now)
  }
  // Collecting is most of the work; the writing step is shown as the last few percent.
  const percent = job.status === 'done' ? 100 : job.total === 0 ? 95 : Math.min(95, Math.floor((95 * job.done) / job.total))
  return {
    id: job._id,
    kind: job.kind,
    year: job.year,
    branchId: job.branchId,
    status: job.status,
    done: job.done,
    total: job.total,
    percent,
    fileName: job.fileName,
    fileID: job.fileID,
    url,
    error: job.error,
  }
}

async function addJob(port: Port, data: Omit<ExportJobDoc, '_id'>): Promise<string> {
  const jobs = collection(port, 'export_jobs')
  try {
    return (await jobs.add({ data: { ...data } }))._id
  } catch (error) {
    // Environments set up before exports existed lack the collection: create it once, then write.
    if (!isCollectionMissing(error)) throw error
    await port.db.createCollection('export_jobs').catch(() => undefined)
    return (await jobs.add({ data: { ...data } }))._id
  }
}

const yearOf = (port: Port, year: number | undefined) => year ?? Number(beijingDate(port.now()).slice(0, 4))

/**
 * A person who taps 导出 again (or ten times: a reviewer made ten files so) while the same book is being made gets
 * that job, not a second one. A job nobody has stepped for this long was left by a closed page and no longer counts.
 */
export const SAME_EXPORT_MS = 2 * 60 * 1000
const SAME_EXPORT_TRIES = 30
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function runningTwin(port: Port, of: Pick<ExportJobDoc, 'createdByOpenid' | 'kind' | 'branchId' | 'year'>): Promise<ExportJobDoc | undefined> {
  const found = await collection(port, 'export_jobs')
    .where({ ...of, status: 'running' })
    .orderBy('createdAt', 'desc')
    .limit(1)
    .get()
    .catch((error: unknown) => {
      if (isCollectionMissing(error)) return { data: [] }
      throw error
    })
  const job = found.data[0]
  return job && port.now().getTime() - new Date(job.updatedAt).getTime() < SAME_EXPORT_MS ? job : undefined
}

/**
 * The running job for this person, book and year, or a new one from `make`. Starts at the same time are put in line
 * by a claim on the book (claims.ts), so only one of them makes the job and the others find it.
 */
async function sameOrNew(port: Port, of: Pick<ExportJobDoc, 'createdByOpenid' | 'kind' | 'branchId' | 'year'>, make: () => Promise<ExportJobDoc>): Promise<ExportJobDoc> {
  const key = `export:${of.createdByOpenid}:${of.kind}:${of.branchId ?? 'all'}:${of.year}`
  for (let tries = 0; tries < SAME_EXPORT_TRIES; tries++) {
    const twin = await runningTwin(port, of)
    if (twin) return twin
    const release = await claim(port, key, 30_000)
    if (release) {
      try {
        return (await runningTwin(port, of)) ?? (await make())
      } finally {
        await release()
      }
    }
    await sleep(100)
  }
  throw new AppError('CONFLICT', '同一份材料正在生成，请稍后再试')
}

export const startExport = defineAction({
  name: 'exports.start',
  roles: ['committee_admin', 'secretary'],
  // The record book names its branch (its secretary or the committee may export it); the workbook spans every
  // branch, which the branch scope leaves to committee admins.
  scope: { kind: 'branch', branchOf: (input) => (input.kind === 'recordBook' ? input.branchId : undefined) },
  async handler(input, { port, caller }) {
    const year = yearOf(port, input.year)
    const of = { createdByOpenid: caller.openid, kind: input.kind, branchId: input.kind === 'recordBook' ? (input.branchId as string) : null, year }
    return present(port, await sameOrNew(port, of, () => newJob(port, input, of)))
  },
})

async function newJob(port: Port, input: { kind: 'assessment' | 'recordBook'; branchId?: string }, { createdByOpenid, year }: { createdByOpenid: string; year: number }): Promise<ExportJobDoc> {
  const now = port.now()
  const base = {
    year,
    createdByOpenid,
    status: 'running' as const,
    done: 0,
    rows: [],
    entries: [],
    after: null,
    writingSince: null,
    fileID: null,
    error: null,
    createdAt: now,
    updatedAt: now,
  }
  let job: Omit<ExportJobDoc, '_id'>
  if (input.kind === 'assessment') {
    const branches = await activeBranches(port)
    job = { ...base, kind: 'assessment', branchId: null, branchName: null, total: branches.length, branchIds: branches.map((b) => b._id), fileName: `${year}年度党支部考核汇总.xlsx` }
  } else {
    // The schema's refinement guarantees a branch for the record book.
    const branch = await loadBranch(port, input.branchId as string)
    const _ = port.db.command
    const { start, end } = yearBounds(year)
    const { total } = await collection(port, 'activities')
      .where(_.and({ branchId: branch._id, status: 'recorded', deleted: false }, { startAt: _.gte(start) }, { startAt: _.lt(end) }) as Record<string, unknown>)
      .count()
    job = { ...base, kind: 'recordBook', branchId: branch._id, branchName: branch.name, total, branchIds: [], fileName: `${branch.name}${year}年组织生活记录本.docx` }
  }
  const _id = await addJob(port, job)
  return { _id, ...job }
}

/** Writes `patch` only if the job is still at `done` (no concurrent step got there first). */
async function advance(port: Port, job: ExportJobDoc, patch: Partial<ExportJobDoc>): Promise<boolean> {
  const res = await collection(port, 'export_jobs')
    .where({ _id: job._id, done: job.done, status: 'running' })
    .update({ data: { ...patch, updatedAt: port.now() } })
  return res.stats.updated > 0
}

async function reload(port: Port, id: string): Promise<ExportJobDoc> {
  const { data } = await collection(port, 'export_jobs').where({ _id: id }).limit(1).get()
  return data[0]
}

async function collectAssessment(port: Port, job: ExportJobDoc): Promise<void> {
  const ids = job.branchIds.slice(job.done, job.done + ASSESSMENT_SLICE)
  const _ = port.db.command
  const names = await collection(port, 'branches').where({ _id: _.in(ids) }).field(Object.fromEntries(BRANCH_FIELDS.map((f) => [f, true]))).limit(ids.length).get()
  const byId = new Map((names.data as BranchHead[]).map((b) => [b._id, b]))
  const branches = ids.map((id) => byId.get(id)).filter((b): b is BranchHead => !!b)
  const facts = await loadFacts(port, job.year, branches, false)
  const today = beijingDate(port.now())
  const dues = await duesByBranch(port, branches.map((b) => b._id), job.year)
  const appraisals = await appraisalByBranch(port, branches.map((b) => b._id), job.year)
  const rows: AssessmentRow[] = facts.map((f) => {
    const x = figuresOf(f, job.year, today)
    return {
      branchId: x.branchId,
      name: x.name,
      score: x.score,
      recorded: x.recorded,
      byTypeQuarter: x.byTypeQuarter,
      assignments: x.assignments,
      done: x.done,
      doneLate: x.doneLate,
      overdue: x.overdue,
      lastActivityOn: x.lastActivityOn,
      dues: dues.get(x.branchId),
      appraisal: appraisals.get(x.branchId),
    }
  })
  await advance(port, job, { rows: [...job.rows, ...rows], done: job.done + ids.length })
}

async function collectBook(port: Port, job: ExportJobDoc): Promise<void> {
  const _ = port.db.command
  const { start, end } = yearBounds(job.year)
  const conditions: unknown[] = [{ branchId: job.branchId, status: 'recorded', deleted: false }, { startAt: _.gte(start) }, { startAt: _.lt(end) }]
  if (job.after) conditions.push(afterCursor(_, 'startAt', new Date(job.after.startAt), job.after.id, 'asc'))
  const { data } = await collection(port, 'activities')
    .where(_.and(...conditions) as Record<string, unknown>)
    .orderBy('startAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(BOOK_SLICE)
    .get()
  const docs = data
  // Thumbnails cost most (decoding a phone photo in JS takes a few hundred ms): sessions are taken one by one while
  // the step is within its budget, at least one per step.
  const started = Date.now()
  const entries: BookEntry[] = []
  for (const d of docs) {
    entries.push(await withThumbnails(port, job, await withAppraisal(port, entryOf(d))))
    if (Date.now() - started > STEP_BUDGET_MS) break
  }
  const last = docs[entries.length - 1]
  // Fewer than a slice, all taken, means the end: sessions deleted since the start shrink the total, so settle it.
  const finished = docs.length < BOOK_SLICE && entries.length === docs.length
  const done = finished ? job.entries.length + entries.length : job.done + entries.length
  await advance(port, job, {
    entries: [...job.entries, ...entries],
    after: last ? { startAt: new Date(last.startAt), id: last._id } : job.after,
    done,
    ...(finished ? { total: done } : {}),
  })
}

/** Thumbnails of an entry's photos, stored under the job; a photo that cannot be read or decoded is left out. */
async function withThumbnails(port: Port, job: ExportJobDoc, entry: BookEntry): Promise<BookEntry> {
  const thumbs: BookEntry['thumbs'] = []
  for (const [k, fileID] of entry.photos.entries()) {
    try {
      const thumb = makeThumbnail(await port.storage.download(fileID))
      if (!thumb) continue
      const id = await port.storage.upload(`exports/${job.year}/${job._id}/thumbs/${entry.id}-${k}.jpg`, thumb.bytes)
      thumbs.push({ fileID: id, width: thumb.width, height: thumb.height })
    } catch {
      // The entry still says how many photos the session had.
    }
  }
  return { ...entry, thumbs }
}

async function downloadThumbnails(port: Port, entries: BookEntry[]): Promise<Map<string, Buffer>> {
  const ids = [...new Set(entries.flatMap((e) => e.thumbs.map((t) => t.fileID)))]
  const out = new Map<string, Buffer>()
  let next = 0
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]
      try {
        out.set(id, await port.storage.download(id))
      } catch {
        // A photo that cannot be read is left out; the entry still says how many photos it had.
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(BOOK_PHOTO_CONCURRENCY, ids.length) }, worker))
  return out
}

/**
 * Where a finished export is stored. The mini-program opens it by fileID from the client, which the storage rule
 * allows for this shape only (cloud/storage-rules.ts EXPORT_FILE_PATH); the 32 random hex digits keep the path
 * unguessable, since WeChat's database ids are not.
 */
const FILE_STEMS: Record<ExportJobDoc['kind'], string> = { assessment: 'assessment', recordBook: 'record-book', transferLetter: 'transfer-letter' }
export function exportFilePath(job: Pick<ExportJobDoc, 'year' | '_id' | 'kind'>, ext: string): string {
  return `exports/${job.year}/${job._id}/${randomBytes(16).toString('hex')}/${FILE_STEMS[job.kind]}.${ext}`
}

/**
 * A document made in one call (a 介绍信, transfers.letter): nothing to collect, so no steps — it is stored as a
 * finished job under the same path rule and answered like any export (fileID, a temporary link), so the app opens it
 * the same way. The job's `_id` names the document: printing it again replaces its file (the old one is deleted).
 */
export async function storeDocument(port: Port, spec: Pick<ExportJobDoc, '_id' | 'kind' | 'year' | 'branchId' | 'branchName' | 'createdByOpenid' | 'fileName'>, bytes: Buffer, ext: string): Promise<JobOut> {
  const prior = await collection(port, 'export_jobs').where({ _id: spec._id }).limit(1).get().then((r) => r.data[0]).catch(() => undefined)
  const now = port.now()
  const { _id, ...rest } = spec
  const fileID = await port.storage.upload(exportFilePath(spec, ext), bytes)
  const data: Omit<ExportJobDoc, '_id'> = { ...rest, status: 'done', total: 1, done: 1, branchIds: [], rows: [], after: null, entries: [], writingSince: null, fileID, error: null, createdAt: now, updatedAt: now }
  await port.db.createCollection('export_jobs').catch(() => undefined)
  await collection(port, 'export_jobs').doc(_id).set({ data })
  if (prior?.fileID && prior.fileID !== fileID) await port.storage.remove([prior.fileID]).catch(() => undefined)
  return present(port, { _id, ...data })
}

async function write(port: Port, job: ExportJobDoc): Promise<void> {
  const now = port.now()
  // Claim the writing: one step writes; a claim older than the lease is taken over (its writer died).
  const _ = port.db.command
  const claim = await collection(port, 'export_jobs')
    .where(_.and({ _id: job._id, status: 'running' }, _.or({ writingSince: null }, { writingSince: _.lt(new Date(now.getTime() - WRITE_LEASE_MS)) })) as Record<string, unknown>)
    .update({ data: { writingSince: now } })
  if (claim.stats.updated === 0) return
  try {
    let bytes: Buffer
    let ext: string
    if (job.kind === 'assessment') {
      const committees = await collection(port, 'committees').limit(1).get()
      const committee = committees.data[0]
      bytes = await buildWorkbook(job.rows, {
        year: job.year,
        asOf: asOfFor(job.year, beijingDate(now)),
        generatedAt: now.toISOString(),
        committeeName: committee?.name ?? null,
      })
      ext = 'xlsx'
    } else {
      const photos = await downloadThumbnails(port, job.entries)
      bytes = await buildRecordBook(job.entries, photos, { branchName: job.branchName ?? '', year: job.year, generatedAt: now.toISOString() })
      ext = 'docx'
    }
    const fileID = await port.storage.upload(exportFilePath(job, ext), bytes)
    // Done only while this step still holds its claim: a writer whose lease was taken over leaves the job (and the
    // tidying) to the one that took it.
    const { stats } = await collection(port, 'export_jobs')
      .where({ _id: job._id, status: 'running', writingSince: now })
      .update({ data: { status: 'done', fileID, writingSince: null, updatedAt: port.now() } })
    if (stats.updated > 0) await tidyStorage(port, job)
  } catch (error) {
    await collection(port, 'export_jobs')
      .doc(job._id)
      .update({ data: { status: 'failed', error: '生成文件失败，请重新导出', writingSince: null, updatedAt: port.now() } })
    throw error
  }
}

/**
 * Storage holds one file per export: once a job's file is written, its thumbnails (now inside the .docx) go, and so
 * do the files of earlier finished exports of the same kind, year and branch, which that file supersedes. Those
 * jobs say so if they are opened again. Best effort: a failed deletion leaves a file behind, never a broken export.
 */
async function tidyStorage(port: Port, job: ExportJobDoc): Promise<void> {
  const _ = port.db.command
  try {
    const thumbs = job.entries.flatMap((e) => e.thumbs.map((t) => t.fileID))
    const older = await collection(port, 'export_jobs')
      .where({ kind: job.kind, year: job.year, branchId: job.branchId, status: 'done', createdAt: _.lt(job.createdAt) })
      .field({ _id: true, fileID: true })
      .limit(100)
      .get()
    const superseded: Pick<ExportJobDoc, '_id' | 'fileID'>[] = older.data
    // Each superseded job is marked first, and only if it is still done with that file; its file is deleted only
    // then. The other order let a concurrent exports.step answer `done` with the URL of a file already deleted.
    const files = [...thumbs]
    for (const old of superseded) {
      if (!old.fileID) continue
      const { stats } = await collection(port, 'export_jobs')
        .where({ _id: old._id, status: 'done', fileID: old.fileID })
        .update({ data: { status: 'failed', fileID: null, error: '这份文件已被更新的导出替换，请重新导出', updatedAt: port.now() } })
      if (stats.updated > 0) files.push(old.fileID)
    }
    if (files.length) await port.storage.remove(files)
  } catch (error) {
    console.warn('[exports] storage cleanup failed', error)
  }
}

export const stepExport = defineAction({
  name: 'exports.step',
  roles: ['committee_admin', 'secretary'],
  scope: { kind: 'record', collection: 'export_jobs', noun: '导出任务', idOf: (input) => input.jobId, ownerField: 'createdByOpenid' },
  async handler({ jobId }, { port, record }) {
    const job = recordOf({ record }, 'export_jobs')
    if (job.status === 'done' || job.status === 'failed') return present(port, job)
    if (job.done < job.total) {
      if (job.kind === 'assessment') await collectAssessment(port, job)
      else await collectBook(port, job)
    } else {
      await write(port, job)
    }
    const now = await reload(port, jobId)
    if (!now) throw new AppError('NOT_FOUND', '导出任务不存在')
    return present(port, now)
  },
})

export const EXPORT_ACTIONS = [startExport, stepExport] as const
