import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { ErrorState, LoadingState } from '../../../../components/states'
import { DuesMonths, DuesProfileForm, DuesRecordForm, DuesSummary } from '../../../../features/dues/components/member-dues'
import { useMemberDues } from '../../../../features/dues/store'
import { useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import '../dues.scss'

/** A member's dues: their own (no id: the caller's entry in the current branch), or one the keeper opened. */
export default function MemberDuesPage() {
  const params = useRouter().params
  const status = useSessionBootstrap()
  const own = useSessionStore((s) => s.roles.find((r) => r.memberId && r.branchId === (params.branchId ?? s.currentBranchId))?.memberId ?? null)
  const memberId = params.memberId ? decodeURIComponent(params.memberId) : own
  const year = params.year ? Number(params.year) : undefined
  const { data: dues, setData: setDues, error, reload: load } = useMemberDues(memberId, year, status === 'ready')

  if (status === 'ready' && !memberId) return <ErrorState message='你不在当前支部的花名册上，没有党费记录' />
  if (error) return <ErrorState message={error} onRetry={load} />
  if (!dues) return <LoadingState />
  return (
    <View className='dues-page'>
      <View className='dues-page__title'>{dues.member.name} 的党费</View>
      <DuesSummary dues={dues} />
      {dues.canManage ? <DuesRecordForm key={`r-${dues.months.map((m) => m.state).join()}`} dues={dues} onSaved={setDues} /> : null}
      <DuesMonths dues={dues} onSaved={setDues} />
      {dues.canManage ? <DuesProfileForm key={`p-${dues.profile?.checkedOn ?? ''}-${dues.profile?.monthlyDue ?? ''}`} dues={dues} onSaved={setDues} /> : null}
      <View className='dues-page__bottom' />
    </View>
  )
}
