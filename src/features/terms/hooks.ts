/** The 换届 screen's data: a branch's term (with the meetings and roster its forms need), or every branch's state. */
import { useEffect, useState } from 'react'
import { errorMessage } from '../../services/api'
import { newClientRequestId } from '../../lib/request-id'
import { getTerm, listCongresses, listRoster, recordTerm, setGreetings, termsOverview, type RecordTermInput, type TermsOverview, type TermView } from './api'

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
  const toggleGreetings = async (on: boolean) => {
    if (!branchId) return
    setSaveError(null)
    try {
      await setGreetings(branchId, on)
      await load()
    } catch (e) {
      setSaveError(errorMessage(e))
    }
  }
  return { view, error, busy, saveError, reload: load, meetings, voters, loadFormData, save, toggleGreetings }
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
