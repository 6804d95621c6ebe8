/**
 * What the activity screens read from the cloud besides the stores: the branch's 党小组 and open work points for
 * the form, a draft's attendance sheet, and who has signed in while the code is shown. Components use these hooks
 * and never call api.ts themselves (eslint.config.mjs holds it).
 */
import { useEffect, useState } from 'react'
import { errorMessage } from '../../services/api'
import { attendanceSheet, listAssignments, listGroups, type ActivityFull } from './api'
import { useDraftStore } from './draft-store'

export type Loaded<T> = { status: 'loading' | 'ready' | 'error'; items: T[]; error?: string }

/** The branch's 党小组, while `on` (a type that names a group). */
export function useBranchGroups(branchId: string | undefined, on: boolean): Loaded<{ id: string; name: string }> {
  const [groups, setGroups] = useState<Loaded<{ id: string; name: string }>>({ status: 'loading', items: [] })
  useEffect(() => {
    if (!branchId || !on) return
    listGroups(branchId).then(
      (r) => setGroups({ status: 'ready', items: r.items.map((g) => ({ id: g.id, name: g.name })) }),
      (e) => setGroups({ status: 'error', items: [], error: errorMessage(e) }),
    )
  }, [branchId, on])
  return groups
}

/** The branch's open work points a record may be linked to, while `on`. */
export function useOpenPoints(branchId: string | undefined, on: boolean): Loaded<{ id: string; title: string }> {
  const [points, setPoints] = useState<Loaded<{ id: string; title: string }>>({ status: 'loading', items: [] })
  useEffect(() => {
    if (!branchId || !on) return
    listAssignments(branchId).then(
      (r) => setPoints({ status: 'ready', items: r.items.map((a) => ({ id: a.id, title: `${a.pointSeq}. ${a.title}` })) }),
      (e) => setPoints({ status: 'error', items: [], error: errorMessage(e) }),
    )
  }, [branchId, on])
  return points
}

export type SheetState = { status: 'loading' | 'ready' | 'error'; error?: string }

/**
 * The attendance sheet of a draft, put into the draft: again whenever `deps` change (the type, the group, the day:
 * a 支委会 expects only the committee, and who is expected is the roster of the session's day). `reload` retries.
 */
export function useDraftSheet(draftKey: string, needsGroup: boolean, deps: unknown[]): { state: SheetState; reload(): void } {
  const [state, setState] = useState<SheetState>({ status: 'loading' })
  const reload = () => {
    const d = useDraftStore.getState().drafts[draftKey]
    if (!d || d.mode === 'plan') return
    if (needsGroup && !d.groupId) {
      useDraftStore.getState().setSheet(draftKey, [])
      setState({ status: 'ready' })
      return
    }
    setState({ status: 'loading' })
    attendanceSheet({
      branchId: d.branchId,
      ...(d.activityId ? { id: d.activityId } : {}),
      type: d.type,
      ...(needsGroup && d.groupId ? { groupId: d.groupId } : {}),
      ...(d.date ? { on: d.date } : {}),
    }).then(
      (r) => {
        useDraftStore.getState().setSheet(draftKey, r.attendees)
        setState({ status: 'ready' })
      },
      (e) => setState({ status: 'error', error: errorMessage(e) }),
    )
  }
  useEffect(reload, [draftKey, needsGroup, ...deps])
  return { state, reload }
}

/** How often the shown sign-in code re-reads who has signed in. */
const LIVE_SIGN_INS_MS = 5000

/** Who has signed in, newest first, re-read every few seconds while the code is on screen. */
export function useLiveSignIns(a: ActivityFull, on: boolean) {
  const [list, setList] = useState<{ memberId: string; name: string; at: string }[] | null>(null)
  useEffect(() => {
    if (!on) return
    let alive = true
    const read = () =>
      attendanceSheet({ branchId: a.branchId, id: a.id }).then(
        (r) => {
          if (!alive) return
          const signed = r.attendees.filter((x) => x.signedInAt).map((x) => ({ memberId: x.memberId, name: x.name, at: x.signedInAt! }))
          setList(signed.sort((x, y) => y.at.localeCompare(x.at)))
        },
        () => undefined,
      )
    void read()
    const timer = setInterval(() => void read(), LIVE_SIGN_INS_MS)
    return () => {
      alive = false
      clearInterval(timer)
    }
  }, [a.id, a.branchId, on])
  return list
}
