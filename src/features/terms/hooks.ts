/** The 换届 screen's data: a branch's term (with the meetings and roster its forms need), or every branch's state. */
import { useEffect, useState } from 'react'
import { errorMessage } from '../../services/api'
import { newClientRequestId } from '../../lib/request-id'
import {
  correctTerm,
  getTerm,
  listCongresses,
  listRoster,
  postponeTerm,
  recordTerm,
  setGreetings,
  syncRoles,
  termsOverview,
  type CorrectTermInput,
  type PostponeTermInput,
  type RecordTermInput,
  type TermsOverview,
  type TermView,
} from './api'

export interface Meeting {
  id: string
  topic: string
  on: string
}
export interface Voter {
  id: string
  name: string
}

export function useBranchTerm(branchId: string | null) {
  const [view, setView] = useState<TermView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)
  const load = async () => {
    if (!branchId) return
    setError(null)
    try {
      setView(await getTerm(branchId))
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  useEffect(() => {
    void load()
  }, [branchId])

  /** The recorded 支部党员大会 and the branch's 正式党员, for the forms (read when a form opens). */
  const [meetings, setMeetings] = useState<Meeting[] | null>(null)
  const [voters, setVoters] = useState<Voter[] | null>(null)
  const loadFormData = async () => {
    if (!branchId) return
    setSaveError(null)
    try {
      const [acts, roster] = await Promise.all([listCongresses(branchId), listRoster(branchId)])
      setMeetings(acts.items.map((a) => ({ id: a.id, topic: a.topic, on: a.startAt })))
      setVoters(roster.items.filter((m) => m.partyStatus === 'full').map((m) => ({ id: m.id, name: m.name })))
    } catch (e) {
      setSaveError(errorMessage(e))
    }
  }

  /** Records the term (one request id per attempt of one form, so a retry is the same request). */
  const save = async (input: Omit<RecordTermInput, 'clientRequestId'>, requestId = newClientRequestId()): Promise<boolean> => {
    setBusy(true)
    setSaveError(null)
    try {
      await recordTerm({ ...input, clientRequestId: requestId })
      await load()
      return true
    } catch (e) {
      setSaveError(errorMessage(e))
      return false
    } finally {
      setBusy(false)
    }
  }
  /** One write of the term (record, correct, postpone, sync), then the term read again; false with the message kept. */
  const write = async (call: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true)
    setSaveError(null)
    try {
      await call()
      await load()
      return true
    } catch (e) {
      setSaveError(errorMessage(e))
      return false
    } finally {
      setBusy(false)
    }
  }
  const correct = (input: Omit<CorrectTermInput, 'clientRequestId'>, requestId = newClientRequestId()) => write(() => correctTerm({ ...input, clientRequestId: requestId }))
  const postpone = (input: Omit<PostponeTermInput, 'clientRequestId'>, requestId = newClientRequestId()) => write(() => postponeTerm({ ...input, clientRequestId: requestId }))
  /** 同步支委职务到账号 (confirmed by the secretary). */
  const confirmRoles = (requestId = newClientRequestId()) => (branchId ? write(() => syncRoles(branchId, requestId)) : Promise.resolve(false))
  const clearError = () => setSaveError(null)
  return { view, error, busy, saveError, reload: load, meetings, voters, loadFormData, save, correct, postpone, confirmRoles, clearError }
}

/**
 * The 换届选举 held at a 支部党员大会, as registered in the term (typed once, in 支委会换届): for the meeting's page.
 * null while reading or when none names this meeting.
 */
export function useMeetingElection(branchId: string | null, activityId: string) {
  const [found, setFound] = useState<{ term: NonNullable<TermView['term']>; current: boolean } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = async () => {
    if (!branchId) return
    setError(null)
    try {
      const v = await getTerm(branchId)
      const all = [...(v.term ? [{ term: v.term, current: true }] : []), ...v.past.map((t) => ({ term: t, current: false }))]
      setFound(all.find((x) => x.term.election?.activityId === activityId) ?? null)
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  useEffect(() => {
    void load()
  }, [branchId, activityId])
  return { found, error, reload: load }
}

/**
 * The branch's 政治生日 greetings setting (a branch setting: on the branch's management page). `on` null while
 * reading; `mayChange` from terms.get's canRecord (the secretary, the committee), the same action call as before.
 */
export function useGreetings(branchId: string | null) {
  const [on, setOn] = useState<boolean | null>(null)
  const [mayChange, setMayChange] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const load = async () => {
    if (!branchId) return
    setError(null)
    try {
      const v = await getTerm(branchId)
      setOn(v.greetings)
      setMayChange(v.canRecord)
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  useEffect(() => {
    void load()
  }, [branchId])
  const toggle = async (next: boolean) => {
    if (!branchId) return
    setBusy(true)
    setError(null)
    try {
      setOn((await setGreetings(branchId, next)).greetings)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return { on, mayChange, busy, error, reload: load, toggle }
}

export function useTermsOverview(enabled: boolean) {
  const [data, setData] = useState<TermsOverview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = async () => {
    setError(null)
    try {
      setData(await termsOverview())
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  useEffect(() => {
    if (enabled) void load()
  }, [enabled])
  return { data, error, reload: load }
}
