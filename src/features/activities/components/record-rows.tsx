/**
 * Every session of a branch as a virtual list (NutUI React Taro's VirtualList, weapp and H5): only the rows in view
 * (plus a few) exist as nodes, however many pages were loaded; nearing the end asks for the next page. Rows have one
 * fixed height — topic on one line, a thumbnail (the list's only photo) or the type's short name — so the list can
 * place any row without measuring it.
 */
import { useMemo } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { VirtualList } from '@nutui/nutui-react-taro'
import { ACTIVITY_TYPE_INFO } from '../../../../types/domain'
import { formatDateTime } from '../../../lib/time'
import { testId } from '../../../lib/test-id'
import type { ActivityItem } from '../list-api'
import { DETAIL_PAGE, photoSrc } from './activity-card'
import './record-rows.scss'

/** One row's height in px, the gap below it included (record-rows.scss draws the card 10 px shorter). */
export const RECORD_ROW_HEIGHT = 104

type Row = { kind: 'activity'; activity: ActivityItem } | { kind: 'foot' }

export function RecordRow({ activity: a, now }: { activity: ActivityItem; now: number }) {
  const info = ACTIVITY_TYPE_INFO[a.type]
  const thumb = a.photos[0]
  // A cancelled session: greyed, 已取消 and why, opening nothing (its record is gone; the history keeps it).
  const state = a.cancelled ? '已取消' : a.status === 'planned' ? (Date.parse(a.startAt) > now ? '即将开展' : '待记录') : null
  const meta = a.cancelled
    ? a.cancelled.reason
      ? `取消原因：${a.cancelled.reason}`
      : '此活动已取消'
    : [a.attendance ? `应到 ${a.attendance.expected} 人，实到 ${a.attendance.present} 人` : `地点：${a.place}`, a.photoCount > 1 ? `${a.photoCount} 张照片` : '']
        .filter(Boolean)
        .join(' · ')
  return (
    <View
      className={`record-row ${a.cancelled ? 'record-row--cancelled' : ''}`}
      onClick={a.cancelled ? undefined : () => Taro.navigateTo({ url: `${DETAIL_PAGE}?id=${encodeURIComponent(a.id)}` })}
      {...testId(a.cancelled ? 'record-cancelled' : 'record-item')}
    >
      <View className='record-row__card'>
        {thumb ? (
          <Image className='record-row__thumb' src={photoSrc(thumb)} mode='aspectFill' lazyLoad />
        ) : (
          <View className={`record-row__thumb record-row__thumb--none ${info?.sanhuiyike ? 'record-row__thumb--core' : ''}`}>
            <Text>{info?.short ?? a.type}</Text>
          </View>
        )}
        <View className='record-row__body'>
          <View className='record-row__head'>
            <Text className={`record-row__tag ${info?.sanhuiyike ? 'record-row__tag--core' : ''}`}>{info?.short ?? a.type}</Text>
            {state ? <Text className='record-row__state'>{state}</Text> : null}
            <Text className='record-row__date'>{formatDateTime(a.startAt)}</Text>
          </View>
          <Text className='record-row__topic'>{a.topic}</Text>
          <Text className='record-row__meta'>{meta}</Text>
        </View>
      </View>
    </View>
  )
}

export interface RecordRowsProps {
  items: ActivityItem[]
  hasMore: boolean
  loadingMore: boolean
  moreError: string | null
  onMore(): void
  /** The list's visible height in px. */
  height: number
  now?: number
}

export function RecordRows({ items, hasMore, loadingMore, moreError, onMore, height, now = Date.now() }: RecordRowsProps) {
  // A stable list: VirtualList recomputes its positions whenever the array changes.
  const rows = useMemo<Row[]>(() => [...items.map((activity) => ({ kind: 'activity' as const, activity })), { kind: 'foot' as const }], [items])
  const foot = () => (
    <View className='record-rows__foot'>
      {moreError ? (
        <Text className='record-rows__error' onClick={onMore} {...testId('records-retry')}>
          {moreError}，点此重试
        </Text>
      ) : hasMore ? (
        <Text className='record-rows__end' onClick={onMore} {...testId('records-more')}>
          {loadingMore ? '正在加载…' : '加载更多'}
        </Text>
      ) : (
        <Text className='record-rows__end' {...testId('records-end')}>
          共 {items.filter((a) => !a.cancelled).length} 次活动，没有更多了
        </Text>
      )}
    </View>
  )
  return (
    <View className='record-rows' {...testId('records-list')}>
      <VirtualList
        list={rows}
        itemHeight={RECORD_ROW_HEIGHT}
        margin={0}
        overscan={4}
        containerHeight={height}
        // Fires when the rendered window reaches the end of what is loaded.
        onScroll={() => {
          if (hasMore && !loadingMore && !moreError) onMore()
        }}
        itemRender={(row: Row) => (row.kind === 'foot' ? foot() : <RecordRow activity={row.activity} now={now} />)}
      />
    </View>
  )
}
