/**
 * Image content security for activity photos (mediaCheckAsync v2). The platform answers a check with a trace id at
 * once and pushes the verdict later to the api function as a message event (`Event: 'wxa_media_check'`). So:
 *   1. before a record is written, each photo new to it starts a check (startPhotoChecks) and is marked pending in
 *      `photoReview` — pending and rejected photos are shown only to the branch's writers and committee staff;
 *   2. after the write, linkPhotoChecks records trace → (activity, photo) in `media_checks` and applies a verdict
 *      that already arrived (the push may overtake the write);
 *   3. receiveMediaCheck takes the push: a pass removes the photo's review entry, anything else marks it rejected.
 * The trace id never leaves the cloud, so a forged event from a client cannot name a real check.
 */
import { createHash } from 'node:crypto'
import { AppError } from '../errors'
import type { ActivityDoc, MediaCheckDoc } from '../model'
import type { Port } from '../port'
import { isDuplicateKey } from './store'

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
    review[reviewKey(fileID)] = { fileID, status: 'pending', traceId }
  }
  return review
}

async function applyVerdict(port: Port, activityId: string, fileID: string, traceId: string, verdict: string) {
  const _ = port.db.command
  const key = reviewKey(fileID)
  // Conditional on the trace: a late verdict of an earlier check never touches a newer check of the same photo.
  await port.db
    .collection('activities')
    .where({ _id: activityId, [`photoReview.${key}.traceId`]: traceId })
    .update({ data: verdict === 'pass' ? { [`photoReview.${key}`]: _.remove() } : { [`photoReview.${key}.status`]: 'rejected' } })
}

/** After the record is written: ties each pending check to it and applies verdicts that already arrived. */
export async function linkPhotoChecks(port: Port, activityId: string, review: PhotoReview): Promise<boolean> {
  let applied = false
  for (const entry of Object.values(review)) {
    if (entry.status !== 'pending') continue
    const checks = port.db.collection('media_checks')
    try {
      await checks.add({ data: { _id: entry.traceId, activityId, fileID: entry.fileID, requestedAt: port.now() } })
      continue
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
    await checks.where({ _id: entry.traceId }).update({ data: { activityId, fileID: entry.fileID } })
    const { data } = await checks.where({ _id: entry.traceId }).limit(1).get()
    const row = data[0] as unknown as MediaCheckDoc | undefined
    if (row?.verdict) {
      await applyVerdict(port, activityId, entry.fileID, entry.traceId, row.verdict)
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

export function isMediaCheckEvent(event: unknown): event is MediaCheckEvent {
  const e = event as Partial<MediaCheckEvent> | null
  return !!e && typeof e === 'object' && e.Event === 'wxa_media_check' && typeof e.trace_id === 'string' && e.trace_id.length <= 128
}

/** The platform's verdict on one image. */
export async function receiveMediaCheck(event: MediaCheckEvent, port: Port): Promise<{ ok: true }> {
  const suggest = event.result?.suggest
  const verdict: MediaCheckDoc['verdict'] = suggest === 'pass' ? 'pass' : suggest === 'risky' ? 'risky' : 'review'
  const checks = port.db.collection('media_checks')
  const decided = { verdict, label: event.result?.label ?? '', decidedAt: port.now() }
  const { stats } = await checks.where({ _id: event.trace_id }).update({ data: decided })
  if (stats.updated === 0) {
    // The verdict overtook the record's write: keep it for linkPhotoChecks.
    try {
      await checks.add({ data: { _id: event.trace_id, ...decided } })
      return { ok: true }
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      await checks.where({ _id: event.trace_id }).update({ data: decided })
    }
  }
  const { data } = await checks.where({ _id: event.trace_id }).limit(1).get()
  const row = data[0] as unknown as MediaCheckDoc | undefined
  if (row?.activityId && row.fileID) await applyVerdict(port, row.activityId, row.fileID, event.trace_id, verdict)
  return { ok: true }
}
