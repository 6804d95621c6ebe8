/**
 * The dues screens' data and writes: components and pages call these, never api.ts (docs/architecture.md). A load
 * hook keeps its answer, its error and a reload; writes answer the member's year as the cloud has it after the write.
 */
import { useEffect, useState } from 'react'
import type { ActionInput } from '../../../types/actions'
import { newClientRequestId } from '../../lib/request-id'
import { ApiCallError, errorMessage } from '../../services/api'
import { correctDues, getDuesLedger, getMemberDues, previewDues, publishDuesOnce, recordDues, setDuesProfile, type DuesLedger, type MemberDues } from './api'

export type { DuesLedger, MemberDues } from './api'

/** The field a refusal names (the cloud's details.field: reason, amount, paidOn …), for the form to show it there. */
export function errorField(e: unknown): string | null {
  const details = e instanceof ApiCallError ? (e.details as { field?: unknown } | undefined) : undefined
  return typeof details?.field === 'string' ? details.field : null
}

export { errorMessage }

function useLoad<T>(load: (() => Promise<T>) | null, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const reload = () => {
    if (!load) return
    setError(null)
    load().then(setData, (e) => setError(errorMessage(e)))
  }
  useEffect(reload, deps)
  return { data, setData, error, reload }
}

/** One member's dues for a year (null id: nothing to load yet). */
export const useMemberDues = (memberId: string | null, year: number | undefined, ready: boolean) =>
  useLoad<MemberDues>(ready && memberId ? () => getMemberDues(memberId, year) : null, [ready, memberId, year])

/** The branch's ledger for a year. */
export const useDuesLedger = (branchId: string | null | undefined, year: number, ready: boolean) =>
  useLoad<DuesLedger>(ready && branchId ? () => getDuesLedger(branchId, year) : null, [ready, branchId, year])

export const duesPreview = (input: ActionInput<'dues.preview'>) => previewDues(input)
export const saveDuesProfile = (input: ActionInput<'dues.setProfile'>) => setDuesProfile(input)
export const recordDuesMonths = (input: ActionInput<'dues.record'>) => recordDues(input)

/** Amends or voids a recorded month; one id per intent (the form keeps it until the correction is saved). */
export const correctDuesMonth = (input: ActionInput<'dues.correct'>) => correctDues(input)

/**
 * The yearly publication, once per intent: the id is made when the secretary opens the confirmation and reused by
 * every send of it (a double tap, a retry after a timeout), so the branch gets one message (framework/writes.ts).
 */
export function publishIntent() {
  // One id per branch and year: another year chosen on the same page is another request, never a reused id.
  const ids = new Map<string, string>()
  return (branchId: string, year: number) => {
    const key = `${branchId}:${year}`
    if (!ids.has(key)) ids.set(key, newClientRequestId())
    return publishDuesOnce(branchId, year, ids.get(key)!)
  }
}
