/**
 * Every session of a branch, page after page (newest start first, cursor pagination, src/lib/paged-list.ts), for the 全部活动 page's
 * virtual list, made as the 活动 tab's store is (store.ts branchActivities). Sub-package only.
 */
import { branchActivities, useActivitiesStore } from './store'
import type { ActivityItem } from './list-api'

/** Rows per request: more than a phone screen of rows, so the first page always scrolls. */
export const RECORDS_PAGE_SIZE = 20

export const useRecordsStore = branchActivities(RECORDS_PAGE_SIZE, true)

/** A session saved on a sub-package page: both lists that may show it (the 活动 tab's page, 全部活动) follow. */
export function followSaved(activity: ActivityItem): void {
  useActivitiesStore.getState().saved(activity)
  useRecordsStore.getState().saved(activity)
}

/** A session deleted: gone from both lists. */
export function followRemoved(id: string): void {
  useActivitiesStore.getState().removed(id)
  useRecordsStore.getState().removed(id)
}

/** A planned session cancelled: both lists keep it, greyed, with the reason (the page then calls followRemoved, which keeps it). */
export function followCancelled(id: string, reason: string): void {
  useActivitiesStore.getState().cancelled(id, reason)
  useRecordsStore.getState().cancelled(id, reason)
}
