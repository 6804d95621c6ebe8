/**
 * Image content security for activity photos (mediaCheckAsync v2). The platform answers a check with a trace id at
 * once and pushes the verdict later to the api function as a message event (`Event: 'wxa_media_check'`). So:
 *   1. before a record is written, each photo new to it starts a check (startPhotoChecks) and is marked pending in
 *      `photoReview` — pending and rejected photos are shown only to the branch's writers and committee staff;
 *   2. after the write, linkPhotoChecks records trace → (activity, photo) in `media_checks` and applies a verdict
 *      that already arrived (the push may overtake the write);
 *   3. receiveMediaCheck takes the push: a pass removes the photo's review entry, anything else marks it rejected
 *      and puts a message in the inbox of whoever saved the photo (which record, why, what to do).
 * The trace id never leaves the cloud, and the push is taken only from the platform (receiveMediaCheck).
 */
import { collection, isDuplicateKey } from '../framework/data'
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { ACTIVITY_TYPE_INFO } from '../../../types/domain'
import { AppError } from '../framework/errors'
import type { ActivityDoc, InboxDoc, MediaCheckDoc } from '../framework/model'
import { findForbiddenKey } from '../framework/payload'
import type { Port } from '../framework/port'
import { beijingDate } from '../framework/time'
import { loadActivity } from './store'

export type PhotoReview = NonNullable<ActivityDoc['photoReview']>

/** photoReview key of a photo: a fileID holds dots and slashes, so it cannot be a field path itself. */
export const reviewKey = (fileID: string) => createHash('sha1').update(fileID).digest('hex').slice(0, 20)

/** The review entries a record with `photos` keeps: those of photos it still has, plus new checks for new photos. */
export async function startPhotoChecks(port: Port, openid: string, photos: string[], previous: PhotoReview = {}, previousPhotos: string[] = []): Promise<PhotoReview> {
  const review: PhotoReview = {}
  for (const fileID of photos) {
    const key = reviewKey(fileID)
    if (previous[key]) review[key] = previous[key]
  }
  const fresh = photos.filter((f) => !previousPhotos.includes(f))
  if (!port.openapi.checkImageAsync || fresh.length === 0) return review
  const urls = await port.storage.getTempFileURLs(fresh)
  for (const fileID of fresh) {
    const url = urls.get(fileID)
    if (!url) throw new AppError('INVALID_INPUT', '有照片不存在或已失效，请删除后重新上传', { field: 'photos', fileID })
    let traceId: string
    try {
      ;({ traceId } = await port.openapi.checkImageAsync(url, openid))
    } catch {
      throw new AppError('INTERNAL', '照片审核暂时无法提交，请稍后再保存（草稿已保留）')
    }
    // Known before the platform can push its verdict: a push for a trace id we never started is dropped.
    await registerCheck(port, traceId, fileID, openid)
    review[reviewKey(fileID)] = { fileID, status: 'pending', traceId }
  }
  return review
}

async function registerCheck(port: Port, traceId: string, fileID: string, by: string) {
  try {
    await collection(port, 'media_checks').add({ data: { _id: traceId, fileID, by, requestedAt: port.now() } })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
}

/** What an image check's label means (mediaCheckAsync v2 `result.label`), for the author's message. */
const LABEL_REASONS: Record<string, string> = {
  '10001': '疑似广告',
  '20001': '疑似涉及时政敏感内容',
  '20002': '疑似色情内容',
  '20003': '疑似辱骂内容',
  '20006': '疑似违法犯罪内容',
  '20008': '疑似欺诈内容',
  '20012': '疑似低俗内容',
  '20013': '疑似侵犯版权',
}

/** The inbox item telling whoever saved a photo that it failed its check: which record, why, and what to do. */
export function rejectionMessage(
  doc: Pick<ActivityDoc, '_id' | 'type' | 'topic' | 'startAt'>,
  traceId: string,
  verdict: 'risky' | 'review',
  label: number | string | undefined,
  openid: string,
  now: Date,
): InboxDoc & { _id: string } {
  const [, month, day] = beijingDate(new Date(doc.startAt)).split('-').map(Number)
  const when = `${month}月${day}日`
  const reason = verdict === 'review' ? '平台未能确认内容合规' : (LABEL_REASONS[String(label ?? '')] ?? '内容不符合平台规范')
  const typeName = ACTIVITY_TYPE_INFO[doc.type]?.name ?? '活动'
  // One item per check (a repeated push writes nothing new); the trace id itself never leaves the cloud.
  const _id = `photo_rejected:${createHash('sha1').update(`${doc._id}\n${traceId}`).digest('hex').slice(0, 24)}`
  return {
    _id,
    openid,
    kind: 'photo_rejected',
    title: '活动照片未通过审核',
    body:
      `${when}的${typeName}“${doc.topic}”中有一张照片未通过内容安全审核（${reason}），已对党员隐藏，也不会进入组织生活记录本。` +
      '请打开这条记录，删除这张照片或换一张现场照片后保存。',
    page: `/packages/activities/pages/detail/index?id=${encodeURIComponent(doc._id)}`,
    createdAt: now,
    dedupeKey: _id,
  }
}

async function notifyRejected(port: Port, activityId: string, traceId: string, verdict: 'risky' | 'review', label: number | string | undefined, by: string | undefined) {
  const doc = await loadActivity(port, activityId)
  if (!doc || doc.deleted) return
  // Whoever saved the photo (the check was started for them); rows written before `by` existed: the last editor.
  const openid = by || doc.updatedBy?.openid || doc.createdBy?.openid
  if (!openid) return
  try {
    await collection(port, 'inbox').add({ data: { ...rejectionMessage(doc, traceId, verdict, label, openid, port.now()) } })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
}

async function applyVerdict(port: Port, row: MediaCheckDoc & { activityId: string; fileID: string }, traceId: string, verdict: NonNullable<MediaCheckDoc['verdict']>) {
  const _ = port.db.command
  const key = reviewKey(row.fileID)
  // Conditional on the trace: a late verdict of an earlier check never touches a newer check of the same photo.
  if (verdict === 'pass') {
    await collection(port, 'activities')
      .where({ _id: row.activityId, [`photoReview.${key}.traceId`]: traceId })
      .update({ data: { [`photoReview.${key}`]: _.remove() } })
    return
  }
  const { stats } = await collection(port, 'activities')
    .where({ _id: row.activityId, [`photoReview.${key}.traceId`]: traceId, [`photoReview.${key}.status`]: 'pending' })
    .update({ data: { [`photoReview.${key}.status`]: 'rejected' } })
  // Only the update that hid the photo tells its author (a repeated push finds it rejected already).
  if (stats.updated > 0) await notifyRejected(port, row.activityId, traceId, verdict, row.label, row.by)
}

/**
 * After the record is written: ties each pending check to it and to `by` (who saved the photo, told if it fails),
 * and applies verdicts that already arrived.
 */
export async function linkPhotoChecks(port: Port, activityId: string, review: PhotoReview, by: string): Promise<boolean> {
  let applied = false
  for (const entry of Object.values(review)) {
    if (entry.status !== 'pending') continue
    const checks = collection(port, 'media_checks')
    try {
      await checks.add({ data: { _id: entry.traceId, activityId, fileID: entry.fileID, by, requestedAt: port.now() } })
      continue
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
    await checks.where({ _id: entry.traceId }).update({ data: { activityId, fileID: entry.fileID, by } })
    const { data } = await checks.where({ _id: entry.traceId }).limit(1).get()
    const row = data[0]
    if (row?.verdict) {
      await applyVerdict(port, { ...row, activityId, fileID: entry.fileID, by }, entry.traceId, row.verdict)
      applied = true
    }
  }
  return applied
}

export interface MediaCheckEvent {
  Event: 'wxa_media_check'
  trace_id: string
  errcode?: number
  result?: { suggest?: string; label?: number | string }
}

/** Routes an event to receiveMediaCheck (which then checks who sent it and its shape). */
export function isMediaCheckEvent(event: unknown): event is MediaCheckEvent {
  const e = event as Partial<MediaCheckEvent> | null
  return !!e && typeof e === 'object' && e.Event === 'wxa_media_check' && typeof e.trace_id === 'string' && e.trace_id.length <= 128
}

/**
 * Sources of a call made by a mini-program user or their tools (getWXContext SOURCE enum: wx_client 微信小程序调用,
 * wx_devtools 微信 IDE 调用, wx_localdebug 本地调试, wx_crawler 爬虫). A verdict never comes from these: the platform
 * pushes it. SOURCE is a chain ("wx_client,scf"), so a client-started call anywhere upstream counts. The SOURCE of
 * a message push is not documented, so anything else — even none — is taken as the platform: a client's call always
 * carries its source, and the trace id must still be one we started.
 */
const CLIENT_SOURCES = new Set(['wx_client', 'wx_devtools', 'wx_localdebug', 'wx_crawler'])
export const isClientSource = (source: string | undefined) => !!source && source.split(',').some((s) => CLIENT_SOURCES.has(s.trim()))

/** The push is a few hundred bytes (mediaCheckAsync v2 message format); anything near this is not the platform's. */
export const MAX_PUSH_CHARS = 4096

/** The fields of the push this code reads, exactly as the v2 message format gives them. */
const pushSchema = z.object({
  Event: z.literal('wxa_media_check'),
  MsgType: z.literal('event').optional(),
  trace_id: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/),
  errcode: z.number().int().optional(),
  result: z
    .object({
      suggest: z.enum(['pass', 'risky', 'review']),
      label: z.union([z.number().int(), z.string().regex(/^[0-9]{1,8}$/)]).optional(),
    })
    .optional(),
})

export type PushRefusal = { ok: false; error: { code: 'FORBIDDEN' | 'INVALID_INPUT'; message: string } }

/**
 * The platform's verdict on one image. Taken only as the platform's push (not from a client's callFunction), only
 * in the push's shape and size, and only for a trace id startPhotoChecks registered: nothing is ever inserted for
 * an unknown one (the answer is the same, so a prober learns nothing).
 */
export async function receiveMediaCheck(event: MediaCheckEvent, port: Port, source: string | undefined): Promise<{ ok: true } | PushRefusal> {
  if (isClientSource(source)) return { ok: false, error: { code: 'FORBIDDEN', message: '审核结果只能由平台推送' } }
  if ((JSON.stringify(event) ?? '').length > MAX_PUSH_CHARS || findForbiddenKey(event)) {
    return { ok: false, error: { code: 'INVALID_INPUT', message: '审核结果推送的格式不正确' } }
  }
  const parsed = pushSchema.safeParse(event)
  if (!parsed.success) return { ok: false, error: { code: 'INVALID_INPUT', message: '审核结果推送的格式不正确' } }
  const push = parsed.data
  // A failed check (errcode) or no result is not a pass: the photo stays hidden and its author is told.
  const verdict: NonNullable<MediaCheckDoc['verdict']> = push.errcode || !push.result ? 'review' : push.result.suggest
  const checks = collection(port, 'media_checks')
  const { data: known } = await checks.where({ _id: push.trace_id }).limit(1).get()
  if (known.length === 0) return { ok: true }
  await checks.where({ _id: push.trace_id }).update({ data: { verdict, label: push.result?.label ?? '', decidedAt: port.now() } })
  const { data } = await checks.where({ _id: push.trace_id }).limit(1).get()
  const row = data[0]
  if (row?.activityId && row.fileID) await applyVerdict(port, { ...row, activityId: row.activityId, fileID: row.fileID }, push.trace_id, verdict)
  return { ok: true }
}
