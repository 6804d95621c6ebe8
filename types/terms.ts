/**
 * 换届 vocabulary shared by the cloud and the app (plain data, no zod): the posts of a branch committee's term and
 * the states of a term. docs/terms.md.
 */
import { COMMITTEE_POSTS } from './domain'

/** Posts of a term: the 书记 (an account role in the app, a post in the term) and the 支委 posts of the roster. */
export const TERM_POSTS = ['书记', ...COMMITTEE_POSTS] as const
export type TermPost = (typeof TERM_POSTS)[number]

/** none: no term recorded; ok: more than six months left; due_soon: six months or less; overdue: ended. */
export const TERM_STATES = ['none', 'ok', 'due_soon', 'overdue'] as const
export type TermState = (typeof TERM_STATES)[number]

export const TERM_STATE_WORDS: Record<TermState, string> = {
  none: '未登记任期',
  ok: '任期内',
  due_soon: '即将届满',
  overdue: '已到期未换届',
}
