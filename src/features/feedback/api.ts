/** 意见反馈 calls (contract: types/actions/feedback.ts; docs/feedback.md). Only the stores import this file. */
import type { ActionInput, ActionOutput } from '../../../types/actions'
import { callApi } from '../../services/api'

export type FeedbackItem = ActionOutput<'feedback.mine'>['items'][number]
export type FeedbackKind = FeedbackItem['kind']
export type FeedbackStatus = FeedbackItem['status']

export const sendFeedback = (input: ActionInput<'feedback.send'>) => callApi('feedback.send', input)
export const myFeedback = () => callApi('feedback.mine', {})
export const listFeedback = (input: ActionInput<'feedback.list'>) => callApi('feedback.list', input)
export const answerFeedback = (feedbackId: string, answer: string) => callApi('feedback.answer', { feedbackId, answer })
export const closeFeedback = (feedbackId: string) => callApi('feedback.close', { feedbackId })
