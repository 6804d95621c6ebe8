/** The roster: search by name, party group and state filters, rows with status, group, posts, masked phone and the year's 出勤率. */
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { PARTY_STATUS_LABELS, type MemberSummary } from '../../../../types/domain'
import { Button } from '../../../components/button'
import { SearchBox } from '../../../components/search-box'
import { Segments } from '../../../components/form'
import { SelectField } from '../../../components/pickers'
import { EmptyState, ErrorState, LoadingState } from '../../../components/states'
import { testId } from '../../../lib/test-id'
import { selectRosterBranch, selectRosterFilter, useRosterStore, type MemberAttendance, type RosterState } from '../roster-store'
import { attendanceWords } from '../attendance-words'
import './roster.scss'

/** 预备期至 2026年10月15日 · 还剩 12 天 / 已满 48 天，待转正 (Beijing days). */
export function probationWords(end: string, now: Date = new Date()): string {
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
  const left = Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000)
  const [y, m, d] = end.split('-').map(Number)
  return `预备期至 ${y}年${m}月${d}日 · ${left > 0 ? `还剩 ${left} 天` : left === 0 ? '今天期满' : `已满 ${-left} 天，待转正`}`
}

const STATES: { value: RosterState; label: string }[] = [
  { value: 'active', label: '在册' },
  { value: 'transferred', label: '已转出' },
  { value: 'all', label: '全部' },
]

export function RosterFilters() {
  const branchId = useRosterStore(selectRosterBranch)
  const filter = useRosterStore(selectRosterFilter)
  const groups = useRosterStore((s) => s.groups)
  const load = useRosterStore((s) => s.load)
  const [q, setQ] = useState(filter.q)
  if (!branchId) return null
  return (
    <View className='roster-filters'>
      <SearchBox value={q} placeholder='按姓名搜索' onChange={setQ} onSearch={(t) => load(branchId, { q: t })} testId='roster-search' />
      <View className='roster-filters__row'>
        <View className='roster-filters__states'>
          <Segments id='roster-state' options={STATES} value={filter.state} onChange={(state) => load(branchId, { state })} />
        </View>
        {groups.length ? (
          <View className='roster-filters__group'>
            <SelectField
              id='roster-group'
              value={filter.groupId}
              options={[{ value: '', label: '全部党小组' }, ...groups.map((g) => ({ value: g.id, label: g.name }))]}
              onChange={(groupId) => load(branchId, { groupId })}
            />
          </View>
        ) : null}
      </View>
    </View>
  )
}

export function RosterList({ onOpen }: { onOpen(m: MemberSummary): void }) {
  const items = useRosterStore((s) => s.items)
  const status = useRosterStore((s) => s.status)
  const error = useRosterStore((s) => s.error)
  const filter = useRosterStore(selectRosterFilter)
  const branchId = useRosterStore(selectRosterBranch)
  const nextCursor = useRosterStore((s) => s.nextCursor)
  const loadingMore = useRosterStore((s) => s.loadingMore)
  const moreError = useRosterStore((s) => s.moreError)
  const load = useRosterStore((s) => s.load)
  const loadMore = useRosterStore((s) => s.loadMore)
  const attendance = useRosterStore((s) => (s.attendance && s.attendance.branchId === branchId ? s.attendance : null))
  const loadAttendance = useRosterStore((s) => s.loadAttendance)
  useEffect(() => {
    if (branchId) void loadAttendance(branchId)
  }, [branchId])

  if ((status === 'loading' || status === 'idle') && !items.length) return <LoadingState />
  if (status === 'error' && !items.length) return <ErrorState message={error ?? '加载失败'} onRetry={() => branchId && load(branchId)} />
  if (!items.length)
    return (
      <EmptyState
        title={filter.q ? `没有找到“${filter.q}”` : filter.state === 'transferred' ? '没有转出的党员' : '名册里还没有党员'}
        hint={filter.q || filter.state !== 'active' ? undefined : '党员凭邀请码加入后会出现在这里'}
      />
    )
  return (
    <View className='roster' {...testId('roster-list')}>
      {items.map((m) => (
        <MemberRow key={m.id} m={m} onOpen={() => onOpen(m)} attendance={attendance ? (attendance.byMember[m.id] ?? null) : undefined} year={attendance?.year} />
      ))}
      <View className='roster__foot'>
        {moreError ? <Text className='roster__error'>{moreError}</Text> : null}
        {nextCursor ? (
          <Button type='plain' loading={loadingMore} onClick={() => loadMore()} {...testId('roster-load-more')}>
            {moreError ? '重试加载更多' : '加载更多'}
          </Button>
        ) : (
          <Text className='roster__end'>共 {items.length} 人</Text>
        )}
      </View>
    </View>
  )
}

/** `attendance` undefined: not read (nothing shown); null: read, nothing expected of this member this year. */
function MemberRow({ m, onOpen, attendance, year }: { m: MemberSummary; onOpen(): void; attendance?: MemberAttendance | null; year?: number }) {
  const out = m.state === 'transferred'
  const meta = [m.groupName ? `${m.groupName}${m.groupLeader ? '组长' : ''}` : null, m.posts.length ? m.posts.join('、') : null, m.phoneMasked].filter(Boolean).join(' · ')
  return (
    <View className={`roster__row ${out ? 'roster__row--out' : ''}`} onClick={onOpen} {...testId('roster-item')}>
      <View className='roster__avatar'>{m.name.slice(-2)}</View>
      <View className='roster__main'>
        <View className='roster__line'>
          <Text className='roster__name' {...testId('roster-name')}>
            {m.name}
          </Text>
          <Text className={`roster__tag ${m.partyStatus === 'probationary' ? 'roster__tag--pre' : ''}`}>{PARTY_STATUS_LABELS[m.partyStatus].slice(0, 2)}</Text>
          {m.roles.includes('secretary') ? <Text className='roster__tag roster__tag--post'>书记</Text> : null}
          {!m.bound ? <Text className='roster__tag roster__tag--muted'>未绑定微信</Text> : null}
        </View>
        {/* Group, posts, phone; a member with none of them has no line (no bare 「—」: the tag says 正式/预备). */}
        {meta ? (
          <Text className='roster__meta' {...testId('roster-meta')}>
            {meta}
          </Text>
        ) : null}
        {m.probationEndsOn && !out ? <Text className='roster__meta' {...testId('roster-probation')}>{probationWords(m.probationEndsOn)}</Text> : null}
        {attendance !== undefined && year && !out ? (
          <Text className='roster__meta' {...testId('roster-attendance')}>
            {attendanceWords(attendance, year)}
          </Text>
        ) : null}
        {out ? <Text className='roster__out'>{m.transferredOn ? `${m.transferredOn} 转出` : '已转出'}</Text> : null}
      </View>
      <Text className='roster__arrow'>›</Text>
    </View>
  )
}
