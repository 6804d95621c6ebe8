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
import { callApi } from '../../services/api'

export function useHomeReminders(branchId: string | null, manages: boolean): { unread: number; gaps: string[] | null } {
  const [unread, setUnread] = useState(0)
  const [gaps, setGaps] = useState<string[] | null>(null)
  const shown = useRef(false)
  const load = () => {
    callApi('inbox.unread', {}).then((r) => setUnread(r.count), () => undefined)
    setGaps(null)
    if (branchId)
      callApi('compliance.branch', { branchId }).then((c) => {
        const hide = manages ? [] : c.items.filter((i) => i.type === 'committee_meeting').flatMap((i) => [i.sentence, i.previous?.sentence])
        setGaps(c.gaps.filter((g) => !hide.includes(g)))
      }, () => undefined)
  }
  useEffect(load, [branchId, manages])
  useDidShow(() => (shown.current ? load() : (shown.current = true)))
  return { unread, gaps }
}
