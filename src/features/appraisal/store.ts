/**
 * 民主评议党员's stores: the current branch's records (我的 → 民主评议党员), one record's sheet with its save and 确定
 * steps, and a member's grades over the years (their page). A failed save keeps its request id, so the retry of a
 * save that did arrive is not written twice (framework/writes.ts); a successful one starts a new id.
 */
import { useEffect, useState } from 'react'
import { create } from 'zustand'
import type { ActionInput } from '../../../types/actions'
import { isRequestReused, newClientRequestId } from '../../lib/request-id'
import { errorMessage } from '../../services/api'
import { finalizeAppraisal, getAppraisal, listAppraisals, memberAppraisals, reopenAppraisal, saveAppraisal, type AppraisalList, type AppraisalSheet, type MemberAppraisals } from './api'

type Rows = ActionInput<'appraisal.save'>['rows']
export type GradeCounts = NonNullable<AppraisalSheet['counts']>

interface ListStore {
  branchId: string | null
  list: AppraisalList | null
  error: string | null
  load(branchId: string): Promise<void>
}

export const useAppraisalList = create<ListStore>()((set) => ({
  branchId: null,
  list: null,
  error: null,
  async load(branchId) {
    set((s) => ({ branchId, error: null, list: s.branchId === branchId ? s.list : null }))
    try {
      set({ list: await listAppraisals(branchId) })
    } catch (e) {
      set({ error: errorMessage(e) })
    }
  },
}))

interface SheetStore {
  activityId: string | null
  sheet: AppraisalSheet | null
  error: string | null
  busy: 'save' | 'finalize' | 'reopen' | null
  /** Why the last save or 确定 was refused (the cloud's sentence). */
  saveError: string | null
  saved: boolean
  /** The grades as chosen on screen, counted (优秀 N · 合格 N …), before any save; null: the saved counts stand. */
  liveCounts: GradeCounts | null
  requestId: string
  load(activityId: string): Promise<void>
  save(rows: Rows): Promise<boolean>
  /** Saves what is on screen, then 确定 it. */
  finalize(rows: Rows): Promise<boolean>
  /** 重新评定: reopens 确定 results while the committee has returned the record (appraisal.reopen). */
  reopen(): Promise<boolean>
  /** Something on the form changed: the last save's 已保存 and its refusal no longer describe it. */
  touched(): void
  /** The editor's grades as they stand, counted live for the summary. */
  setLiveCounts(counts: GradeCounts | null): void
}

/** Said when a save was stored but its answer lost, and the grades changed since. */
export const APPRAISAL_STORED = '上次保存已成功（网络中断时）。屏幕上是修改后的等次，再点一次保存即可。'

export const useAppraisalSheet = create<SheetStore>()((set, get) => ({
  activityId: null,
  sheet: null,
  error: null,
  busy: null,
  saveError: null,
  saved: false,
  liveCounts: null,
  requestId: newClientRequestId(),
  async load(activityId) {
    set((s) => ({ activityId, error: null, saveError: null, saved: false, liveCounts: null, sheet: s.activityId === activityId ? s.sheet : null }))
    try {
      set({ sheet: await getAppraisal(activityId) })
    } catch (e) {
      set({ error: errorMessage(e) })
    }
  },
  async save(rows) {
    const { sheet, requestId } = get()
    if (!sheet) return false
    set({ busy: 'save', saveError: null, saved: false })
    try {
      const next = await saveAppraisal({ activityId: sheet.activity.id, version: sheet.version, rows, clientRequestId: requestId })
      set({ sheet: next, saved: true, requestId: newClientRequestId() })
      return true
    } catch (e) {
      if (isRequestReused(e)) {
        // The first save with this id was stored (its answer lost) and the grades changed since: the sheet is read
        // again at its new version (the grades on screen stay), the next save takes a new id.
        set({ requestId: newClientRequestId(), saveError: APPRAISAL_STORED })
        await getAppraisal(sheet.activity.id).then((fresh) => get().activityId === sheet.activity.id && set({ sheet: fresh })).catch(() => undefined)
        return false
      }
      set({ saveError: errorMessage(e) })
      return false
    } finally {
      set({ busy: null })
    }
  },
  async finalize(rows) {
    if (!(await get().save(rows))) return false
    const { sheet } = get()
    set({ busy: 'finalize', saveError: null, saved: false })
    try {
      const done = await finalizeAppraisal({ activityId: sheet!.activity.id, version: sheet!.version, clientRequestId: newClientRequestId() })
      set({ sheet: done })
      return true
    } catch (e) {
      set({ saveError: errorMessage(e) })
      return false
    } finally {
      set({ busy: null })
    }
  },
  async reopen() {
    const { sheet } = get()
    if (!sheet) return false
    set({ busy: 'reopen', saveError: null, saved: false })
    try {
      set({ sheet: await reopenAppraisal({ activityId: sheet.activity.id, version: sheet.version, clientRequestId: newClientRequestId() }) })
      return true
    } catch (e) {
      set({ saveError: errorMessage(e) })
      return false
    } finally {
      set({ busy: null })
    }
  },
  touched() {
    if (get().saved || get().saveError) set({ saved: false, saveError: null })
  },
  setLiveCounts(liveCounts) {
    set({ liveCounts })
  },
}))

/** A member's 确定 grades over the years; null while loading or when the caller may not read them. */
export function useMemberAppraisals(memberId: string): MemberAppraisals | null {
  const [data, setData] = useState<MemberAppraisals | null>(null)
  useEffect(() => {
    let live = true
    memberAppraisals(memberId).then(
      (d) => live && setData(d),
      () => live && setData(null),
    )
    return () => {
      live = false
    }
  }, [memberId])
  return data
}
