/**
 * The 发展党员 screens' calls (issue #17: components go through a feature's store or hooks, never its api.ts): a
 * person's file with its writes, the step form's roster and meetings, and the list page's entries.
 */
import { useEffect, useState } from 'react'
import type { ActionInput } from '../../../types/actions'
import { errorMessage } from '../../services/api'
import { correctStep, createRecruit, fromRoster, getRecruit, listCongresses, listRoster, recordStep, recruitmentOverview, setMaterial, type RecruitDetail, type RecruitOverview } from './api'

/** One person's file: loaded when `ready`; writes keep the answer (or the error) for the screen. */
export function useRecruitFile(id: string, ready: boolean) {
  const [detail, setDetail] = useState<RecruitDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [writeError, setWriteError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const load = () => {
    setError(null)
    getRecruit(id).then(setDetail, (e) => setError(errorMessage(e)))
  }
  useEffect(() => {
    if (ready && id) load()
  }, [ready, id])
  const write = async (run: () => Promise<RecruitDetail>): Promise<boolean> => {
    setBusy(true)
    setWriteError(null)
    try {
      setDetail(await run())
      return true
    } catch (e) {
      setWriteError(errorMessage(e))
      return false
    } finally {
      setBusy(false)
    }
  }
  return {
    detail,
    setDetail,
    error,
    writeError,
    busy,
    load,
    setMaterial: (input: ActionInput<'recruitment.material'>) => write(() => setMaterial(input)),
    correct: (input: ActionInput<'recruitment.correct'>) => write(() => correctStep(input)),
  }
}

/** The branch's 正式党员 (培养联系人, 入党介绍人) and recorded 支部党员大会, for the step form. */
export const loadFullMembers = async (branchId: string) => (await listRoster(branchId)).items.filter((m) => m.partyStatus === 'full').map((m) => ({ id: m.id, name: m.name }))
export const loadCongresses = (branchId: string) => listCongresses(branchId)
export const saveStep = recordStep

/** The list page: a new applicant, a roster 预备党员's 转正 file, and the roster's 预备党员. */
export const addRecruit = createRecruit
export const startFromRoster = fromRoster
export const loadProbationers = async (branchId: string) =>
  (await listRoster(branchId)).items.filter((m) => m.partyStatus === 'probationary').map((m) => ({ id: m.id, name: m.name, joinedPartyOn: m.joinedPartyOn }))

/** A history line's dates as the app writes them: 2026-12-03 → 2026年12月3日. */
export const readableDates = (text: string) => text.replace(/(\d{4})-(\d{2})-(\d{2})/g, (_m, y: string, mo: string, d: string) => `${y}年${Number(mo)}月${Number(d)}日`)

/** The committee's overview: people per status per branch and every overdue step. */
export function useRecruitOverview() {
  const [data, setData] = useState<RecruitOverview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = () => {
    setError(null)
    recruitmentOverview().then(setData, (e) => setError(errorMessage(e)))
  }
  useEffect(load, [])
  return { data, error, load }
}
