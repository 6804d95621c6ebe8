/**
 * The home tab's reminders data: the unread count and the branch's organisation-life gaps as the cloud words them,
 * read when shown and again on every later show (back from the inbox or an editor the counts may have changed).
 * A hook rather than a store: the main package is at its size limit. Components never call the cloud themselves
 * (eslint.config.mjs).
 *
 * `manages`: the secretary or the committee. Anyone else gets no 支委会 gap: a member cannot hold a 支委会, so
 * 「本月支委会尚未召开」 is no sentence for them.
 */
import { useEffect, useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { ACTIVITY_TYPE_INFO } from '../../../types/domain'
import { callApi } from '../../services/api'

export function useHomeReminders(branchId: string | null, manages: boolean): { unread: number; gaps: string[] | null } {
  const [unread, setUnread] = useState(0)
  const [gaps, setGaps] = useState<string[] | null>(null)
  const shown = useRef(false)
  const load = () => {
    callApi('inbox.unread', {}).then((r) => setUnread(r.count), () => undefined)
    setGaps(null)
    if (branchId)
      // The cloud words every gap with the type's one name (compliance/rules.ts), so the name finds the 支委会 ones;
      // by text rather than through c.items because the main package is at its size limit.
      callApi('compliance.branch', { branchId }).then(
        (c) => setGaps(manages ? c.gaps : c.gaps.filter((g) => !g.includes(ACTIVITY_TYPE_INFO.committee_meeting.name))),
        () => undefined,
      )
  }
  useEffect(load, [branchId, manages])
  useDidShow(() => (shown.current ? load() : (shown.current = true)))
  return { unread, gaps }
}
