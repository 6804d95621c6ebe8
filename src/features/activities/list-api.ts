/**
 * The one activities call the main package makes (the 活动 tab and 首页), and how a saved session enters a loaded
 * list; every other wrapper is in api.ts.
 */
import type { ActionOutput } from '../../../types/actions'
import { callApi } from '../../services/api'

export type ActivityItem = ActionOutput<'activities.list'>['items'][number]

/** A page of the branch's sessions, cancelled ones among them (greyed in the lists, with the reason). */
export const listActivities = (branchId: string, cursor?: string | null, limit = 10) =>
  callApi('activities.list', { branchId, limit, withCancelled: true, ...(cursor ? { cursor } : {}) })

const byStartDesc = (a: ActivityItem, b: ActivityItem) => (a.startAt < b.startAt ? 1 : a.startAt > b.startAt ? -1 : 0)

/**
 * A list of sessions (newest start first, loaded page by page) after `activity` was saved: its row replaced in
 * place, or a new one put where its start belongs — unless that is beyond the pages loaded so far (`hasMore`),
 * where a later page brings it. A row shows one thumbnail; the full record carries every photo.
 */
export function withSaved(items: ActivityItem[], activity: ActivityItem, hasMore: boolean): ActivityItem[] {
  const row = { ...activity, photos: activity.photos.slice(0, 1) }
  const at = items.findIndex((a) => a.id === activity.id)
  if (at >= 0) return items.map((a, i) => (i === at ? row : a))
  const last = items[items.length - 1]
  if (hasMore && last && row.startAt < last.startAt) return items
  return [...items, row].sort(byStartDesc)
}
