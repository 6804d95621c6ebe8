import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '../../../../components/button'
import { Section } from '../../../../components/section'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { testId } from '../../../../lib/test-id'
import { selectIsCommitteeAdmin, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { BranchForm } from '../../../../features/branches/components/branch-form'
import { BranchList } from '../../../../features/branches/components/branch-list'
import { useBranchesStore } from '../../../../features/branches/store'
import { branchPage } from '../../routes'
import '../org.scss'
import './index.scss'

export default function BranchesPage() {
  const status = useSessionBootstrap()
  // Opened from 首页's 查看支部活动: a tap picks the branch whose activities the committee wants to see.
  const picking = useRouter().params.pick === 'activities'
  const switchBranch = useSessionStore((s) => s.switchBranch)
  const error = useSessionStore((s) => s.error)
  const loadSession = useSessionStore((s) => s.load)
  const isAdmin = useSessionStore(selectIsCommitteeAdmin)
  const load = useBranchesStore((s) => s.load)
  const loadMore = useBranchesStore((s) => s.loadMore)
  const create = useBranchesStore((s) => s.create)
  const [creating, setCreating] = useState(false)

  useEffect(() => {
    if (status === 'ready' && isAdmin) void load()
  }, [status, isAdmin, load])
  useReachBottom(() => void loadMore())
  usePullDownRefresh(async () => {
    await load()
    Taro.stopPullDownRefresh()
  })

  if (status === 'idle' || status === 'loading') return <LoadingState />
  if (status === 'error') return <ErrorState message={error ?? '加载失败'} onRetry={loadSession} />
  if (!isAdmin) return <EmptyState title='只有党委管理员可以管理各支部' />

  return (
    // desk (docs/layout.md): on a wide window the branches stand in columns (./index.scss).
    <View className='org-page desk'>
      <Section title='新建支部'>
        {creating ? (
          <BranchForm
            submitLabel='创建支部'
            onCancel={() => setCreating(false)}
            onSubmit={async (input) => {
              const branch = await create(input)
              setCreating(false)
              void Taro.showToast({ title: '已创建', icon: 'success' })
              void Taro.navigateTo({ url: branchPage(branch.id) })
            }}
          />
        ) : (
          <Button type='primary' block onClick={() => setCreating(true)} {...testId('branch-new')}>
            ＋ 新建支部
          </Button>
        )}
      </Section>
      <Section title='各支部'>
        <BranchList
          searchable
          onPick={(b) => {
            if (!picking) return void Taro.navigateTo({ url: branchPage(b.id) })
            switchBranch(b.id, b.name)
            void Taro.switchTab({ url: '/pages/activities/index' })
          }}
        />
      </Section>
      <View className='org-page__bottom' />
    </View>
  )
}
