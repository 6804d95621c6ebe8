/**
 * Attendance from the branch roster: each member present or absent (absent needs a reason, one tap for the usual
 * ones), members who signed in marked so; 应到 / 实到 / 缺席 counted live. For a 支部党员大会 that votes, whether more
 * than half of the members with voting rights (正式党员) are present. A long roster (VIRTUAL_ROSTER_FROM members and
 * more, e.g. a branch of 200) is a virtual list in a box of its own: only the rows in view exist as nodes, each one
 * fixed in height with the absence reason on one line.
 */
import { useMemo } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { VirtualList } from '@nutui/nutui-react-taro'
import { leaveInReason } from '../../../../types/leave'
import { formatDateTime } from '../../../lib/time'
import { testId } from '../../../lib/test-id'
import { attendanceCounts, effectiveMark, type ActivityDraft, type AttendanceView, type Mark } from '../draft-store'
import './attendance-editor.scss'

const REASONS = ['病假', '事假', '公出', '外地']
/** From this many members on, the roster is a virtual list. */
export const VIRTUAL_ROSTER_FROM = 40
/** A row of the virtual roster in px (attendance-editor.scss draws it in PX to match). */
export const ROSTER_ROW_HEIGHT = 112
const nativeTestId = (id: string) => (process.env.TARO_ENV === 'h5' ? { nativeProps: { 'data-testid': id } } : {})

export function AttendanceCounts({ draft, showQuorum }: { draft: AttendanceView; showQuorum: boolean }) {
  const c = attendanceCounts(draft)
  return (
    <View className='attend-counts' {...testId('attendance-counts')}>
      <View className='attend-counts__cell'>
        <Text className='attend-counts__num'>{c.expected}</Text>
        <Text className='attend-counts__label'>应到</Text>
      </View>
      <View className='attend-counts__cell'>
        <Text className='attend-counts__num attend-counts__num--ok' {...testId('attendance-present')}>
          {c.present}
        </Text>
        <Text className='attend-counts__label'>实到</Text>
      </View>
      <View className='attend-counts__cell'>
        <Text className='attend-counts__num attend-counts__num--bad'>{c.absent}</Text>
        <Text className='attend-counts__label'>缺席</Text>
      </View>
      {showQuorum ? (
        <Text className={`attend-counts__quorum ${c.quorum ? 'attend-counts__quorum--ok' : ''}`} {...testId('attendance-quorum')}>
          有表决权的正式党员 {c.voters} 人，到会 {c.presentVoters} 人：{c.quorum ? '已超过半数，可以表决' : '未超过半数，不能表决'}
        </Text>
      ) : null}
    </View>
  )
}

type Member = ActivityDraft['sheet'][number]

function AttendeeRow({ draft, m, onMark }: { draft: ActivityDraft; m: Member; onMark(memberId: string, mark: Mark): void }) {
  const mark = effectiveMark(draft, m)
  // An approved leave (leave.decide) comes in the sheet as the member's reason: its own chip, on while it stands.
  const leave = !m.present ? leaveInReason(m.absentReason) : null
  return (
    <View className='attend__row' {...testId('attendee')}>
      <View className='attend__who'>
        <Text className='attend__name'>{m.name}</Text>
        <Text className='attend__meta'>
          {m.partyStatus === 'probationary' ? '预备党员' : '正式党员'}
          {m.groupName ? ` · ${m.groupName}` : ''}
          {m.signedInAt ? ` · ${formatDateTime(m.signedInAt).slice(-5)} 已签到` : ''}
        </Text>
      </View>
      <View className='attend__toggle'>
        <Text
          className={`attend__opt ${mark.present ? 'attend__opt--present' : ''}`}
          onClick={() => onMark(m.memberId, { present: true, absentReason: '' })}
          {...testId(`present-${m.name}`)}
        >
          出席
        </Text>
        <Text
          className={`attend__opt ${!mark.present ? 'attend__opt--absent' : ''}`}
          onClick={() => onMark(m.memberId, { present: false, absentReason: mark.absentReason })}
          {...testId(`absent-${m.name}`)}
        >
          缺席
        </Text>
      </View>
      {!mark.present ? (
        <View className='attend__reason'>
          <View className='attend__chips'>
            {leave ? (
              <Text
                className={`attend__chip attend__chip--leave ${mark.absentReason === m.absentReason ? 'attend__chip--on' : ''}`}
                onClick={() => onMark(m.memberId, { present: false, absentReason: m.absentReason ?? '' })}
                {...testId(`leave-chip-${m.name}`)}
              >
                已准假·{leave.kind}
              </Text>
            ) : null}
            {REASONS.map((r) => (
              <Text
                key={r}
                className={`attend__chip ${mark.absentReason === r ? 'attend__chip--on' : ''}`}
                onClick={() => onMark(m.memberId, { present: false, absentReason: r })}
                {...testId(`reason-${m.name}-${r}`)}
              >
                {r}
              </Text>
            ))}
          </View>
          <Input
            className='attend__input'
            value={mark.absentReason}
            maxlength={100}
            placeholder='缺席原因（必填）'
            onInput={(e) => onMark(m.memberId, { present: false, absentReason: e.detail.value })}
            {...nativeTestId(`reason-${m.name}`)}
          />
        </View>
      ) : null}
    </View>
  )
}

/** 全部出席 while anyone is still absent; the sign-ins and the session's leads are already present. */
function AllPresent({ draft, onAllPresent }: { draft: ActivityDraft; onAllPresent?: () => void }) {
  // Those on approved leave stay absent with their reason (全部出席 keeps them: draft-store markAllPresent).
  const onLeave = draft.sheet.filter((m) => !m.present && leaveInReason(m.absentReason) && effectiveMark(draft, m).absentReason === m.absentReason).length
  const absent = draft.sheet.filter((m) => !effectiveMark(draft, m).present).length - onLeave
  if (!onAllPresent || !draft.sheet.length) return null
  return (
    <View className='attend__bulk'>
      <Text className='attend__bulk-hint'>
        {/* The words say what the marks below show: the others are 缺席 (each asking a reason) until marked 出席. */}
        {absent ? `已签到和主持、记录、授课的人已记为出席；其余 ${absent} 人记为缺席，请填写原因，或改为出席` : onLeave ? '其余全部出席' : '全部出席'}
        {onLeave ? `（准假 ${onLeave} 人，记为请假）` : ''}
      </Text>
      {absent ? (
        <Text className='attend__bulk-btn' onClick={onAllPresent} {...testId('attendance-all-present')}>
          全部出席
        </Text>
      ) : null}
    </View>
  )
}

export function AttendanceEditor({
  draft,
  onMark,
  onAllPresent,
}: {
  draft: ActivityDraft
  onMark(memberId: string, mark: Mark): void
  onAllPresent?: () => void
}) {
  const long = draft.sheet.length >= VIRTUAL_ROSTER_FROM
  // About three fifths of the window: the rest of the form stays reachable around the roster's own scroll.
  const height = useMemo(() => (long ? Math.max(300, Math.round(Taro.getWindowInfo().windowHeight * 0.6)) : 0), [long])
  if (!long) {
    return (
      <View className='attend' {...testId('attendance')}>
        <AllPresent draft={draft} onAllPresent={onAllPresent} />
        {draft.sheet.map((m) => (
          <AttendeeRow key={m.memberId} draft={draft} m={m} onMark={onMark} />
        ))}
      </View>
    )
  }
  return (
    <View className='attend attend--virtual' {...testId('attendance')}>
      <AllPresent draft={draft} onAllPresent={onAllPresent} />
      <Text className='attend__hint'>共 {draft.sheet.length} 人，名单可上下滑动</Text>
      <VirtualList
        list={draft.sheet}
        itemHeight={ROSTER_ROW_HEIGHT}
        margin={0}
        overscan={4}
        containerHeight={height}
        itemRender={(m: Member) => <AttendeeRow draft={draft} m={m} onMark={onMark} />}
      />
    </View>
  )
}
