/** 审核 calls (contract: types/actions/reviews.ts). */
import type { ActionInput, ActionOutput } from '../../../types/actions'
import { callApi } from '../../services/api'

export type Review = ActionOutput<'reviews.get'>
export type QueuePage = ActionOutput<'reviews.queue'>
export type ReviewCounts = ActionOutput<'reviews.counts'>

export const getReview = (activityId: string) => callApi('reviews.get', { activityId })
export const decideReview = (input: ActionInput<'reviews.decide'>) => callApi('reviews.decide', input)
export const resubmitReview = (activityId: string, note?: string) => callApi('reviews.resubmit', { activityId, ...(note ? { note } : {}) })
export const reviewQueue = (input: ActionInput<'reviews.queue'>) => callApi('reviews.queue', input)
export const reviewCounts = () => callApi('reviews.counts', {})
