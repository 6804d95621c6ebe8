/** 党委看板: every branch at a glance for a year — scores, overdue work, organisation life by month, work points. */
import { useEffect, useMemo, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../../components/button'
import { SearchBox } from '../../../../components/search-box'
import { Section } from '../../../../components/section'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { testId } from '../../../../lib/test-id'
import { useWideWindow } from '../../../../lib/wide-window'
import { BranchRows, scoreTone } from '../../../../features/dashboard/components/branch-rows'
import { Chart, type ChartTap } from '../../../../features/dashboard/charts/chart'
import { HEAT_COLORS, heatLabels, heatmapHeight, sharedNameParts, heatmapOption, pointsHeight, pointsOption, type HeatRow } from '../../../../features/dashboard/charts/options'
import { Chips } from '../../../../features/dashboard/components/chips'
import { beijingYear, useDashboardStore, useOverviewListStore, type OverviewFilter, type OverviewSort } from '../../../../features/dashboard/store'
import { selectIsCommitteeAdmin, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { branchDetailPage, exportPage } from '../../routes'
import '../committee.scss'
import './index.scss'

const FILTERS: { value: OverviewFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'overdue', label: '有逾期' },
  { value: 'silent', label: '久未活动' },
  { value: 'low_score', label: '低于60分' },
]
const SORTS: { value: OverviewSort; label: string }[] = [
  { value: 'score_asc', label: '得分低在前' },
  { value: 'score_desc', label: '得分高在前' },
  { value: 'overdue_desc', label: '逾期多在前' },
  { value: 'last_activity_asc', label: '久未活动在前' },
  { value: 'name', label: '按名称' },
]
/** Rows of the heatmap shown before 显示全部: the least active first, so gaps are what one sees. */
const HEAT_ROWS = 15

export default function DashboardPage() {
  const session = useSessionBootstrap()
  const isAdmin = useSessionStore(selectIsCommitteeAdmin)
  const { year, filter, sort, q, heatmap, points, status, error } = useDashboardStore()
  const { meta: overview, items, nextCursor, status: listStatus, error: listError, loadingMore: more, moreError } = useOverviewListStore()
  const load = useDashboardStore((s) => s.load)
  const [allHeat, setAllHeat] = useState(false)
  const wide = useWideWindow()
  const [text, setText] = useState(q)
  // Memoised so a re-render (a filter tap, a loaded page) does not redraw the charts.
  const heatRows = useMemo(() => (heatmap ? [...heatmap.rows].sort((a, b) => a.total - b.total || a.name.localeCompare(b.name)) : []), [heatmap])
  const shownHeatRows = useMemo(() => (allHeat ? heatRows : heatRows.slice(0, HEAT_ROWS)), [allHeat, heatRows])
  const pointsChart = useMemo(() => (points ? pointsOption(points.points) : null), [points])

  useEffect(() => {
    if (session === 'ready' && isAdmin) void load()
  }, [session, isAdmin, load])
  usePullDownRefresh(async () => {
    await load()
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => void useDashboardStore.getState().loadMore())

  if (session !== 'ready') return <LoadingState />
  if (!isAdmin) return <EmptyState title='只有党委管理员可以查看党委看板' />
  const open = (id: string) => void Taro.navigateTo({ url: branchDetailPage(id, year) })

  return (
    // desk (docs/layout.md): on a wide window the figures, the heatmap and the branch list stand side by side
    // (./index.scss lays out the four parts below by width).
    <View className='cm desk' {...testId('dashboard')}>
      <View className='cm__figures'>
        <View className='cm__year'>
          <Text className='cm__year-btn' onClick={() => useDashboardStore.getState().setYear(year - 1)} {...testId('year-prev')}>
            ‹
          </Text>
          <Text className='cm__year-text'>{year}年</Text>
          <Text
            className='cm__year-btn'
            style={{ opacity: year >= beijingYear() ? 0.3 : 1 }}
            onClick={() => year < beijingYear() && useDashboardStore.getState().setYear(year + 1)}
          >
            ›
          </Text>
        </View>

        {(status === 'error' || listStatus === 'error') && !overview ? <ErrorState message={listError ?? error ?? '加载失败'} onRetry={() => void load()} /> : null}
        {overview ? (
          <View className='cm__tiles'>
            <View className='cm__tile'>
              <Text className='cm__tile-num' {...testId('tile-branches')}>{overview.summary.branches}</Text>
              <Text className='cm__tile-label'>支部</Text>
            </View>
            <View className='cm__tile'>
              <Text className={`cm__tile-num ${scoreTone(overview.summary.averageScore) === 'bad' ? 'cm__tile-num--bad' : ''}`}>{overview.summary.averageScore ?? '—'}</Text>
              <Text className='cm__tile-label'>平均合规得分</Text>
            </View>
            <View className='cm__tile' onClick={() => useDashboardStore.getState().setFilter('overdue')}>
              <Text className={`cm__tile-num ${overview.summary.overdueBranches ? 'cm__tile-num--bad' : ''}`}>{overview.summary.overdueBranches}</Text>
              <Text className='cm__tile-label'>有逾期任务的支部</Text>
            </View>
            <View className='cm__tile' onClick={() => useDashboardStore.getState().setFilter('silent')}>
              <Text className={`cm__tile-num ${overview.summary.silentBranches ? 'cm__tile-num--bad' : ''}`}>{overview.summary.silentBranches}</Text>
              <Text className='cm__tile-label'>久未活动的支部</Text>
            </View>
          </View>
        ) : null}

        <View className='cm__actions'>
          <Button type='primary' size='large' block onClick={() => void Taro.navigateTo({ url: exportPage({ kind: 'assessment', year }) })} {...testId('export-assessment')}>
            导出{year}年度考核表（Excel）
          </Button>
          <Text className='cm__hint'>按支部汇总各类组织生活的季度次数、合规得分、任务完成与逾期</Text>
        </View>
      </View>

      <View className='cm__list' {...testId('dashboard-list')}>
        <Section title='各支部'>
          <SearchBox value={text} placeholder='按支部名称搜索' onChange={setText} onSearch={(t) => useDashboardStore.getState().setQuery(t)} testId='dashboard-search' />
          <Chips id='filter' options={FILTERS} value={filter} onChange={(v) => useDashboardStore.getState().setFilter(v)} />
          <Chips id='sort' options={SORTS} value={sort} onChange={(v) => useDashboardStore.getState().setSort(v)} />
          {!overview && status !== 'error' && listStatus !== 'error' ? <LoadingState /> : null}
          {overview && items.length === 0 ? <EmptyState title={q ? `没有名称含“${q}”的支部` : filter === 'all' ? '还没有支部' : '没有符合条件的支部'} /> : null}
          {overview ? <BranchRows items={items} onPick={open} /> : null}
          {moreError ? <Text className='cm__hint'>{moreError}</Text> : null}
          {overview && nextCursor !== null ? (
            <Text className='cm__more' onClick={() => void useDashboardStore.getState().loadMore()}>
              {more ? '正在加载…' : `加载更多（共 ${overview.total} 个）`}
            </Text>
          ) : null}
        </Section>
      </View>

      <View className='cm__heat'>
        <Section title='组织生活热力图'>
          {heatmap ? (
            heatmap.rows.length ? (
              <>
                <HeatmapChart key={wide ? 'wide' : 'phone'} rows={shownHeatRows} max={heatmap.max} whole={wide} onPick={open} />
                {!allHeat && heatRows.length > HEAT_ROWS ? (
                  <Text className='cm__more' onClick={() => setAllHeat(true)}>
                    显示全部 {heatRows.length} 个支部（当前按活动最少在前）
                  </Text>
                ) : null}
              </>
            ) : (
              <EmptyState title='还没有支部' />
            )
          ) : (
            <LoadingState />
          )}
        </Section>
      </View>

      <View className='cm__points'>
        <Section title='工作要点完成情况'>
          {points && pointsChart ? (
            points.points.length ? (
              <View {...testId('points')}>
                {points.plans.length > 1 ? (
                  <Chips id='plan' options={points.plans.map((p) => ({ value: p.id, label: p.title }))} value={points.planId ?? ''} onChange={(id) => void useDashboardStore.getState().setPlan(id)} />
                ) : (
                  <Text className='cm__hint'>{points.plans[0]?.title}</Text>
                )}
                {error ? <Text className='cm__error'>{error}</Text> : null}
                <Chart id='points-chart' option={pointsChart} height={pointsHeight(points.points.length)} />
                <View className='chart-legend'>
                  <View className='chart-legend__swatch chart-legend__swatch--ok' />
                  <Text className='chart-legend__text'>已完成</Text>
                  <View className='chart-legend__swatch chart-legend__swatch--bad' />
                  <Text className='chart-legend__text'>逾期</Text>
                  <View className='chart-legend__swatch chart-legend__swatch--open' />
                  <Text className='chart-legend__text'>未完成 · 右侧为完成率</Text>
                </View>
              </View>
            ) : (
              <EmptyState title={`${year}年还没有下发的工作要点`} />
            )
          ) : (
            <LoadingState />
          )}
        </Section>
      </View>
    </View>
  )
}

/**
 * Branch × month, the least active first; a tap on a cell or a branch name opens that branch. `whole`: a desk-wide
 * window shows whole names (the page remounts the chart by its key when the window crosses the width, since the
 * chart takes its size when it starts).
 */
function HeatmapChart({ rows, max, whole, onPick }: { rows: HeatRow[]; max: number; whole: boolean; onPick: (branchId: string) => void }) {
  const option = useMemo(() => heatmapOption(rows, max, whole), [rows, max, whole])
  const tap = (t: ChartTap) => {
    // The axis shows names without their shared prefix (distinctNames): a label is found by its place in the list.
    const labels = heatLabels(rows, whole)
    const row = t.componentType === 'yAxis' ? rows[labels.indexOf(String(t.value))] : rows[Math.floor((t.dataIndex ?? -1) / 12)]
    if (row) onPick(row.branchId)
  }
  const shared = whole ? { prefix: '', suffix: '' } : sharedNameParts(rows.map((r) => r.name))
  const left = [shared.prefix, shared.suffix].filter(Boolean).map((w) => `「${w}」`).join('和')
  return (
    <View {...testId('heatmap')}>
      {left ? <Text className='cm__hint' {...testId('heatmap-prefix')}>{`支部名称略去共同的${left}，点一行看全称`}</Text> : null}
      <Chart id='heatmap-chart' option={option} height={heatmapHeight(rows.length)} onTap={tap} />
      <View className='chart-legend'>
        <Text className='chart-legend__text'>少</Text>
        {HEAT_COLORS.map((color) => (
          <View key={color} className='chart-legend__swatch' style={{ background: color }} />
        ))}
        <Text className='chart-legend__text'>多（每格为当月已记录的组织生活次数）</Text>
      </View>
    </View>
  )
}
