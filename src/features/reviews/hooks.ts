/** The review screens' data: one record's review with its actions, the committee's queue (paged), the counts. */
import { useEffect, useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { createPagedList } from '../../lib/paged-list'
import { errorMessage } from '../../services/api'
import { decideReview, getReview, resubmitReview, reviewCounts, reviewQueue, type QueuePage, type Review, type ReviewCounts } from './api'

export type QueueItem = QueuePage['items'][number]
export type QueueState = 'waiting' | 'returned'

export const useReviewQueue = createPagedList<QueueItem, QueueState, string, never>({
  fetch: async (state, cursor) => {
    const page = await reviewQueue({ state, limit: 20, ...(cursor ? { cursor } : {}) })
    return { items: page.items, next: page.nextCursor }
  },
  id: (i) => i.activityId,
})

export function useReviewCounts(): { counts: ReviewCounts | null; error: string | null } {
  const [counts, setCounts] = useState<ReviewCounts | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = () => void reviewCounts().then(setCounts, (e) => setError(errorMessage(e)))
  useEffect(load, [])
  // Read again when the page shows again (after a decision on a record's page).
  const shownBefore = useRef(false)
  useDidShow(() => {
    if (shownBefore.current) load()
    shownBefore.current = true
  })
  return { counts, error }
}

/** One record's review; `run` performs a step and keeps its answer (or its error). */
export function useReview(activityId: string) {
  const [review, setReview] = useState<Review | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const load = () => getReview(activityId).then(setReview, (e) => setError(errorMessage(e)))
  useEffect(() => {
    void load()
  }, [activityId])
  const step = async (run: () => Promise<Review>): Promise<boolean> => {
    setBusy(true)
    setError(null)
    try {
      setReview(await run())
      return true
    } catch (e) {
      setError(errorMessage(e))
      return false
    } finally {
      setBusy(false)
    }
  }
  return {
    review,
    busy,
    error,
    reload: load,
    approve: (version: number) => step(() => decideReview({ activityId, decision: 'approve', expectedVersion: version })),
    giveBack: (version: number, comment: string) => step(() => decideReview({ activityId, decision: 'return', comment, expectedVersion: version })),
    resubmit: (note?: string) => step(() => resubmitReview(activityId, note)),
  }
}
