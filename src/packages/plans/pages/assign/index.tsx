import { useEffect } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../../components/button'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { testId } from '../../../../lib/test-id'
import { selectIsCommitteeAdmin, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { AssignForm } from '../../../../features/work-plans/components/assign-form'
import { useAssignStore } from '../../../../features/work-plans/assign-store'
import { progressPage } from '../../routes'
import '../plans.scss'
import '../../../../features/work-plans/components/work-plans.scss'

export default function AssignPage() {
  const planId = useRouter().params.id ?? ''
  const session = useSessionBootstrap()
  const isAdmin = useSessionStore(selectIsCommitteeAdmin)
  const status = useAssignStore((s) => s.status)
  const error = useAssignStore((s) => s.error)
  const summary = useAssignStore((s) => s.summary)
  const result = useAssignStore((s) => s.result)
  const load = useAssignStore((s) => s.load)

  useEffect(() => {
    if (planId) void load(planId)
  }, [planId, load])

  if (!planId) return <EmptyState title='没有指定工作要点' />
  if (session !== 'ready') return <LoadingState />
  if (!isAdmin) return <EmptyState title='只有党委管理员可以下发工作要点' />
  if (status === 'error') return <ErrorState message={error ?? '加载失败'} onRetry={() => void load(planId)} />
  if (status !== 'ready' || !summary) return <LoadingState />
  if (summary.status !== 'published') return <EmptyState title='请先发布这份工作要点' hint='草稿不能下发到支部' />
  return (
    <View className='plans-page'>
      <View className='wp-card'>
        <Text className='wp-card__head'>{summary.title}</Text>
        <Text className='wp-card__hint'>
          {summary.docNumber ? `${summary.docNumber} · ` : ''}
          {summary.year} 年度 · {summary.pointCount} 条要点。截止日期已按文中的时间要求预填，可逐条修改。
        </Text>
      </View>
      <AssignForm />
      {result ? (
        <View className='plans-page__bar'>
          <Button block size='large' onClick={() => void Taro.redirectTo({ url: progressPage(planId) })} {...testId('assign-to-progress')}>
            查看各支部进展
          </Button>
        </View>
      ) : null}
    </View>
  )
}
