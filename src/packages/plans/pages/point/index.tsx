import { useEffect } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { selectIsCommitteeAdmin, useSessionStore } from '../../../../features/session/store'
import { isWriterRole } from '../../../../../types/roles'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { PointView } from '../../../../features/work-points/components/point-view'
import { ReopenForm, ReportForm } from '../../../../features/work-points/components/report-form'
import { usePointStore } from '../../../../features/work-points/point-store'
import '../plans.scss'

export default function PointPage() {
  const id = useRouter().params.id ?? ''
  const session = useSessionBootstrap()
  const roles = useSessionStore((s) => s.roles)
  const isAdmin = useSessionStore(selectIsCommitteeAdmin)
  const detail = usePointStore((s) => s.detail)
  const status = usePointStore((s) => s.status)
  const error = usePointStore((s) => s.error)
  const load = usePointStore((s) => s.load)

  useEffect(() => {
    if (id) void load(id)
  }, [id, load])
  usePullDownRefresh(async () => {
    if (id) await load(id)
    Taro.stopPullDownRefresh()
  })

  if (!id) return <EmptyState title='没有指定工作要点' />
  if (status === 'error') return <ErrorState message={error ?? '加载失败'} onRetry={() => void load(id)} />
  if (!detail || session !== 'ready') return <LoadingState />

  const a = detail.assignment
  const canReport = roles.some((r) => r.branchId === a.branchId && isWriterRole(r.role))
  return (
    <View className='plans-page'>
      <PointView detail={detail} />
      {canReport ? <ReportForm branchId={a.branchId} done={a.status === 'done'} /> : null}
      {isAdmin && a.status === 'done' ? <ReopenForm /> : null}
    </View>
  )
}
