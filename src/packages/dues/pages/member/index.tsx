import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ErrorState, LoadingState } from '../../../../components/states'
import { DuesMonths, DuesProfileForm, DuesRecordForm, DuesSummary } from '../../../../features/dues/components/member-dues'
import { useMemberDues } from '../../../../features/dues/store'
import { useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { testId } from '../../../../lib/test-id'
import '../dues.scss'

/** The caller's own roster entry in the branch they are looking at (or the one named), with the branch's name. */
function ownEntry(s: ReturnType<typeof useSessionStore.getState>, branchId?: string) {
  // A link naming a branch the caller has left (a publication in the inbox): their entry where they are now.
  const r = (branchId ? s.roles.find((x) => x.memberId && x.branchId === branchId) : undefined) ?? s.roles.find((x) => x.memberId && x.branchId === s.currentBranchId)
  return r ? { memberId: r.memberId!, branchName: r.branchName ?? '新支部' } : null
}

/**
 * A member's dues: their own (no id: the caller's entry in the current branch), or one the keeper opened.
 *
 * Their own, with the app open while they were transferred: the session still names the old branch's entry, which
 * the cloud no longer lets them read. A failed load of their own dues reads the session again; when their entry has
 * moved the page says so (「你的组织关系已转至「X」」) and loads the new one; transferred out and not yet received,
 * it says that instead of 加载失败.
 */
export default function MemberDuesPage() {
  const params = useRouter().params
  const status = useSessionBootstrap()
  const own = useSessionStore((s) => ownEntry(s, params.branchId)?.memberId ?? null)
  const memberId = params.memberId ? decodeURIComponent(params.memberId) : own
  const year = params.year ? Number(params.year) : undefined
  const { data: dues, setData: setDues, error, reload: load } = useMemberDues(memberId, year, status === 'ready')
  const [moved, setMoved] = useState<string | null>(null)
  const [gone, setGone] = useState<string | null>(null)
  // The entry whose failure already made the page read the session again (once per entry, never a loop).
  const [rechecked, setRechecked] = useState<string | null>(null)
  const ownView = !params.memberId

  useEffect(() => {
    if (!error || !ownView || !own || rechecked === own) return
    setRechecked(own)
    const failed = own
    void useSessionStore
      .getState()
      .load()
      .then(() => {
        const s = useSessionStore.getState()
        const now = ownEntry(s, params.branchId)
        if (now && now.memberId !== failed) setMoved(`你的组织关系已转至「${now.branchName}」，以下是你在新支部的党费。`)
        else if (!now && s.transfers.length) setGone(`你的组织关系已从「${s.transfers[0].branchName}」转出，新支部接收后可在这里查看党费；原支部的交纳记录仍然保留。`)
      })
  }, [error, own])

  if (gone) return <ErrorState message={gone} />
  if (status === 'ready' && !memberId) return <ErrorState message='你不在当前支部的花名册上，没有党费记录' />
  // Their own failed: the session is read again first (above); the error shows only if that changed nothing.
  if (error && !(ownView && own && rechecked !== own)) return <ErrorState message={error} onRetry={load} />
  if (!dues || (ownView && own && dues.member.id !== own)) return <LoadingState />
  return (
    <View className='dues-page'>
      {moved ? (
        <Text className='dues-page__moved' {...testId('dues-moved')}>
          {moved}
        </Text>
      ) : null}
      <View className='dues-page__title'>{dues.member.name} 的党费</View>
      <DuesSummary dues={dues} />
      {dues.canManage ? <DuesRecordForm key={`r-${dues.months.map((m) => m.state).join()}`} dues={dues} onSaved={setDues} /> : null}
      <DuesMonths dues={dues} onSaved={setDues} />
      {dues.canManage ? <DuesProfileForm key={`p-${dues.profile?.checkedOn ?? ''}-${dues.profile?.monthlyDue ?? ''}`} dues={dues} onSaved={setDues} /> : null}
      <View className='dues-page__bottom' />
    </View>
  )
}
