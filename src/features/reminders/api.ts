/** Typed wrappers of the reminder actions: compliance, inbox, subscriptions, committee notices. */
import type { ActionInput } from '../../../types/actions'
import { callApi } from '../../services/api'

export const getBranchCompliance = (branchId: string) => callApi('compliance.branch', { branchId })
export const getComplianceOverview = (input: ActionInput<'compliance.overview'>) => callApi('compliance.overview', input)

export const listInbox = (cursor?: string) => callApi('inbox.list', cursor ? { cursor } : {})
export const countUnread = () => callApi('inbox.unread', {})
export const markRead = (ids: string[]) => callApi('inbox.markRead', { ids })
export const markAllRead = () => callApi('inbox.markRead', { all: true })

export const recordSubscriptions = (results: ActionInput<'subscriptions.record'>['results']) => callApi('subscriptions.record', { results })
export const getSubscriptions = () => callApi('subscriptions.get', {})

export const previewNotice = (input: ActionInput<'notices.preview'>) => callApi('notices.preview', input)
export const sendNotice = (input: ActionInput<'notices.send'>) => callApi('notices.send', input)
export const searchBranches = (q: string, cursor?: string) => callApi('branches.list', { ...(q ? { q } : {}), ...(cursor ? { cursor } : {}), limit: 50 })
