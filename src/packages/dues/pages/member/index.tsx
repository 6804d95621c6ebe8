import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { ErrorState, LoadingState } from '../../../../components/states'
import { DuesMonths, DuesProfileForm, DuesRecordForm, DuesSummary } from '../../../../features/dues/components/member-dues'
import { getMemberDues, type MemberDues } from '../../../../features/dues/api'
import { useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { errorMessage } from '../../../../services/api'
import '../dues.scss'

/** A member's dues: their own (no id: the caller's entry in the current branch), or one the keeper opened. */
export default function MemberDuesPage() {
  const params = useRouter().params
  const status = useSessionBootstrap()
  const own = useSessionStore((s) => s.roles.find((r) => r.memberId && r.branchId === (params.branchId ?? s.currentBranchId))?.memberId ?? null)
  const memberId = params.memberId ? decodeURIComponent(params.memberId) : own
  const year = params.year ? Number(params.year) : undefined
  const [dues, setDues] = useState<MemberDues | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = () => {
    if (!memberId) return
    setError(null)
    getMemberDues(memberId, year).then(setDues, (e) => setError(errorMessage(e)))
  }
  useEffect(() => {
    if (status === 'ready') load()
  }, [status, memberId])

  if (status === 'ready' && !memberId) return <ErrorState message='你不在当前支部的花名册上，没有党费记录' />
  if (error) return <ErrorState message={error} onRetry={load} />
  if (!dues) return <LoadingState />
  return (
    <View className='dues-page'>
      <View className='dues-page__title'>{dues.member.name} 的党费</View>
      <DuesSummary dues={dues} />
      {dues.canManage ? <DuesRecordForm key={`r-${dues.months.map((m) => m.state).join()}`} dues={dues} onSaved={setDues} /> : null}
      <DuesMonths dues={dues} />
      {dues.canManage ? <DuesProfileForm key={`p-${dues.profile?.checkedOn ?? ''}-${dues.profile?.monthlyDue ?? ''}`} dues={dues} onSaved={setDues} /> : null}
      <View className='dues-page__bottom' />
    </View>
  )
}
