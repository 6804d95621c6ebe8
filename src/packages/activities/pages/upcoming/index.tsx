/** 即将开展: the sessions a member should attend, as a list (soonest first) or a month calendar (Beijing days). */
import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ACTIVITY_TYPE_INFO } from '../../../../../types/domain'
import { Segments } from '../../../../components/form'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { formatDateTime, todayInShanghai } from '../../../../lib/time'
import { testId } from '../../../../lib/test-id'
import { useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { MonthCalendar } from '../../../../features/activities/components/month-calendar'
import { useDetailStore } from '../../../../features/activities/detail-store'
import '../activities.scss'

const DETAIL_PAGE = '/packages/activities/pages/detail/index'
const open = (id: string) => Taro.navigateTo({ url: `${DETAIL_PAGE}?id=${encodeURIComponent(id)}` })

interface Row {
  id: string
  type: keyof typeof ACTIVITY_TYPE_INFO
  topic: string
  place: string
  startAt: string
  status: 'planned' | 'recorded'
  branchName?: string
  signedIn?: boolean
  signOpen?: boolean
}

function SessionRow({ a }: { a: Row }) {
  return (
    <View className='act-row' onClick={() => open(a.id)} {...testId('upcoming-row')}>
      <View className='act-row__head'>
        <Text className='act-row__tag'>{ACTIVITY_TYPE_INFO[a.type].short}</Text>
        <Text className='act-row__time'>{formatDateTime(a.startAt)}</Text>
      </View>
      <Text className='act-row__topic'>{a.topic}</Text>
      <Text className='act-row__meta'>
        {a.place}
        {a.branchName ? ` · ${a.branchName}` : ''}
      </Text>
      {a.signedIn ? <Text className='act-row__ok'>✓ 已签到</Text> : a.signOpen ? <Text className='act-row__now'>正在签到，点此签到</Text> : null}
      {a.status === 'recorded' ? <Text className='act-row__meta'>已记录</Text> : null}
    </View>
  )
}

export default function UpcomingPage() {
  const status = useSessionBootstrap()
  const branchId = useSessionStore((s) => s.currentBranchId)
  const upcoming = useDetailStore((s) => s.upcoming)
  const loadUpcoming = useDetailStore((s) => s.loadUpcoming)
  const loadMonth = useDetailStore((s) => s.loadMonth)
  const [view, setView] = useState<'list' | 'calendar'>('list')
  const [month, setMonth] = useState(() => todayInShanghai().slice(0, 7))
  const [day, setDay] = useState<string | null>(() => todayInShanghai())
  const monthState = useDetailStore((s) => (branchId ? s.months[`${branchId}:${month}`] : undefined))

  useEffect(() => {
    if (status === 'ready') void loadUpcoming(branchId ?? undefined)
  }, [status, branchId, loadUpcoming])
  useEffect(() => {
    if (status === 'ready' && branchId && view === 'calendar') void loadMonth(branchId, month)
  }, [status, branchId, month, view, loadMonth])
  usePullDownRefresh(async () => {
    await Promise.all([loadUpcoming(branchId ?? undefined), branchId && view === 'calendar' ? loadMonth(branchId, month) : null])
    Taro.stopPullDownRefresh()
  })

  if (status === 'idle' || status === 'loading') return <LoadingState />
  if (status === 'error') return <ErrorState message='加载失败' onRetry={() => useSessionStore.getState().load()} />

  const marks: Record<string, number> = {}
  for (const a of monthState?.items ?? []) marks[a.date] = (marks[a.date] ?? 0) + 1
  const ofDay = (monthState?.items ?? []).filter((a) => a.date === day)

  return (
    <View className='act-page' {...testId('upcoming-page')}>
      <View className='act-page__tabs'>
        <Segments
          options={[
            { value: 'list', label: '列表' },
            { value: 'calendar', label: '月历' },
          ]}
          value={view}
          onChange={(v) => setView(v as 'list' | 'calendar')}
          id='upcoming-view'
        />
      </View>
      {view === 'list' ? (
        upcoming.status === 'error' && !upcoming.items.length ? (
          <ErrorState message={upcoming.error ?? '加载失败'} onRetry={() => loadUpcoming(branchId ?? undefined)} />
        ) : upcoming.status !== 'ready' && !upcoming.items.length ? (
          <LoadingState />
        ) : !upcoming.items.length ? (
          <EmptyState title='近期没有要参加的活动' hint='支部发布活动计划后会显示在这里' />
        ) : (
          <View {...testId('upcoming-list')}>
            {upcoming.items.map((a) => (
              <SessionRow key={a.id} a={{ ...a, signedIn: !!a.signIn.signedInAt, signOpen: a.signIn.open && a.signIn.eligible }} />
            ))}
          </View>
        )
      ) : !branchId ? (
        <EmptyState title='请选择支部' hint='在首页选择一个支部后查看它的活动月历' />
      ) : (
        <View>
          <MonthCalendar month={month} marks={marks} selected={day} onSelect={setDay} onMonth={setMonth} />
          {monthState?.status === 'loading' && !monthState.items.length ? <LoadingState /> : null}
          {monthState?.status === 'error' ? <ErrorState message={monthState.error ?? '加载失败'} onRetry={() => loadMonth(branchId, month)} /> : null}
          {day ? <Text className='act-page__label'>{Number(day.slice(5, 7))}月{Number(day.slice(8))}日的活动</Text> : null}
          {monthState?.status === 'ready' && day && !ofDay.length ? <Text className='act-page__none'>这一天没有活动</Text> : null}
          {ofDay.map((a) => (
            <SessionRow key={a.id} a={a} />
          ))}
        </View>
      )}
    </View>
  )
}
