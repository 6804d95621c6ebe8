/** One branch for the committee: score and organisation life by month, compliance period by period, its sessions and assignments. */
import { useEffect, useMemo } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ACTIVITY_TYPE_INFO } from '../../../../../types/domain'
import { dateText, timeLikeText } from '../../../../../types/time-text'
import { ASSIGNMENT_STATUS_LABELS } from '../../../../../types/assignment-status'
import { COMPLIANCE_STATUS_LABELS } from '../../../../../types/compliance-status'
import { Button } from '../../../../components/button'
import { Section } from '../../../../components/section'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { formatDateTime } from '../../../../lib/time'
import { testId } from '../../../../lib/test-id'
import { scoreTone } from '../../../../features/dashboard/components/branch-rows'
import { Chart } from '../../../../features/dashboard/charts/chart'
import { monthsOption } from '../../../../features/dashboard/charts/options'
import { beijingYear, useBranchDetailStore } from '../../../../features/dashboard/store'
import { selectIsCommitteeAdmin, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { exportPage } from '../../routes'
import '../committee.scss'

export default function BranchDetailPage() {
  const params = useRouter().params
  const branchId = params.id ?? ''
  const year = Number(params.year) || beijingYear()
  const session = useSessionBootstrap()
  const isAdmin = useSessionStore(selectIsCommitteeAdmin)
  const { detail, status, error, load } = useBranchDetailStore()
  const monthsChart = useMemo(() => monthsOption(detail?.months ?? []), [detail])

  useEffect(() => {
    if (session === 'ready' && isAdmin && branchId) void load(branchId, year)
  }, [session, isAdmin, branchId, year, load])
  usePullDownRefresh(async () => {
    if (branchId) await load(branchId, year)
    Taro.stopPullDownRefresh()
  })

  if (!branchId) return <EmptyState title='没有指定支部' />
  if (session !== 'ready') return <LoadingState />
  if (!isAdmin) return <EmptyState title='只有党委管理员可以查看支部详情' />
  if (status === 'error') return <ErrorState message={error ?? '加载失败'} onRetry={() => void load(branchId, year)} />
  if (!detail) return <LoadingState />
  const tone = scoreTone(detail.score)
  return (
    <View className='cm' {...testId('branch-detail')}>
      <Section title={`${detail.branch.name} · ${detail.year}年`}>
        <View className='rows__item'>
          <View className={`rows__score rows__score--${tone}`}>
            <Text className='rows__score-num'>{detail.score ?? '—'}</Text>
            <Text className='rows__score-unit'>得分</Text>
          </View>
          <View className='rows__main'>
            <Text className='rows__name'>支部书记：{detail.branch.secretaryName ?? '未设置'}</Text>
            <Text className='rows__last'>
              本年已记录 {detail.months.reduce((s, n) => s + n, 0)} 次组织生活 · 统计截至 {timeLikeText(detail.asOf)}
            </Text>
          </View>
        </View>
        <Text className='cm__label'>每月组织生活次数</Text>
        <Chart id='months-chart' option={monthsChart} height={150} />
      </Section>

      <View className='cm__actions'>
        <Button type='primary' size='large' block onClick={() => void Taro.navigateTo({ url: exportPage({ kind: 'recordBook', branchId, year }) })} {...testId('export-record-book')}>
          导出{year}年组织生活记录本（Word）
        </Button>
      </View>

      <Section title='组织生活合规情况'>
        {detail.compliance.map((t) => (
          <View key={t.type} className='grid__type'>
            <View className='grid__type-head'>
              <Text>{t.name}</Text>
              <Text className='grid__type-score'>{t.score === null ? '尚未评定' : `${t.score} 分`}</Text>
            </View>
            <View className='grid__periods'>
              {t.periods.map((p) => (
                <Text key={p.key} className={`grid__period grid__period--${p.status}`}>
                  {p.label} {COMPLIANCE_STATUS_LABELS[p.status]}
                </Text>
              ))}
            </View>
          </View>
        ))}
      </Section>

      <Section title={`工作要点任务（${detail.assignments.length}）`}>
        {detail.assignments.length === 0 ? <EmptyState title='本年度没有下发给该支部的任务' /> : null}
        {detail.assignments.map((a) => (
          <View key={a.id} className='list__item'>
            <Text className='list__title'>
              {a.pointSeq}. {a.title}
            </Text>
            <Text className={`list__meta ${a.status === 'overdue' ? 'list__meta--bad' : ''}`}>
              {ASSIGNMENT_STATUS_LABELS[a.status]} · 截止 {dateText(a.dueOn)}
              {a.doneOn ? ` · 完成于 ${timeLikeText(a.doneOn)}` : ''}
            </Text>
          </View>
        ))}
      </Section>

      <Section title={`组织生活记录（${detail.activities.length}）`}>
        {detail.activities.length === 0 ? <EmptyState title='本年度还没有记录' /> : null}
        {detail.activities.map((a) => (
          <View key={a.id} className='list__item' onClick={() => void Taro.navigateTo({ url: `/packages/activities/pages/detail/index?id=${encodeURIComponent(a.id)}` })}>
            <Text className='list__title'>
              {ACTIVITY_TYPE_INFO[a.type].short}：{a.topic}
            </Text>
            <Text className='list__meta'>
              {formatDateTime(a.startAt)}
              {a.expected !== null ? ` · 应到 ${a.expected} 实到 ${a.present ?? 0}` : ''}
              {a.photoCount ? ` · 照片 ${a.photoCount}` : ''}
            </Text>
          </View>
        ))}
      </Section>
    </View>
  )
}
