import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { APPRAISAL_GRADE_LABELS, APPRAISAL_STATE_LABELS } from '../../../../../types/appraisal'
import { Section } from '../../../../components/section'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { useAppraisalList } from '../../../../features/appraisal/store'
import { appraisalSheetPage } from '../../../../features/appraisal/routes'
import { useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { testId } from '../../../../lib/test-id'
import { formatShortDate } from '../../../../lib/time'
import '../../../../features/appraisal/components/appraisal.scss'

/** 我的 → 民主评议党员: the current branch's 民主评议 records, each with its state (and the member's own grade). */
export default function AppraisalListPage() {
  const status = useSessionBootstrap()
  const branchId = useSessionStore((s) => s.currentBranchId)
  const list = useAppraisalList((s) => (s.branchId === branchId ? s.list : null))
  const error = useAppraisalList((s) => (s.branchId === branchId ? s.error : null))
  const loadList = useAppraisalList((s) => s.load)
  const load = () => {
    if (branchId) void loadList(branchId)
  }
  useEffect(() => {
    if (status === 'ready') load()
  }, [status, branchId])

  if (status === 'ready' && !branchId) return <ErrorState message='你还没有加入支部' />
  if (error) return <ErrorState message={error} onRetry={load} />
  if (!list) return <LoadingState />
  if (list.items.length === 0) {
    return (
      <EmptyState
        title='还没有民主评议党员的记录'
        hint={list.canWrite ? '在「活动」中记录本年度的民主评议党员会议后，可在这里评定每名党员的等次。' : '支部开展民主评议党员后，你的评议结果会显示在这里。'}
      />
    )
  }
  return (
    <View className='appraisal-page'>
      <Section title='民主评议记录'>
        {list.items.map((i) => (
          <View key={i.activityId} className='appraisal__item' hoverClass='btn--hover' onClick={() => void Taro.navigateTo({ url: appraisalSheetPage(i.activityId) })} {...testId(`appraisal-item-${i.year}`)}>
            <View className='appraisal__item-main'>
              <Text className='appraisal__item-title'>{i.topic}</Text>
              <Text className='appraisal__meta'>
                {formatShortDate(i.startAt)} · {APPRAISAL_STATE_LABELS[i.state]}
                {i.mine ? ` · 我的等次：${APPRAISAL_GRADE_LABELS[i.mine]}` : ''}
              </Text>
            </View>
            <Text className='appraisal__arrow'>›</Text>
          </View>
        ))}
      </Section>
    </View>
  )
}
