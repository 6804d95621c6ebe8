/**
 * When a record stops being editable by the branch (#16.12): 30 days after it was recorded, whatever the session's
 * own date, so entering an old session (补录) and fixing a typo does not need the committee. Shown on the record
 * form and on the record's page.
 */
import { Text } from '@tarojs/components'
import { ACTIVITY_EDITABLE_DAYS } from '../../../../types/domain'
import { dateText } from '../../../../types/time-text'
import { testId } from '../../../lib/test-id'
import { todayInShanghai } from '../../../lib/time'
import './lock-note.scss'

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10)

/** The sentence: for a saved record its last editable day (the day before `locksOn`); for a new one, from today. */
export function lockSentence(locksOn: string | null | undefined, now: Date = new Date()): string {
  if (locksOn) return `本支部可修改至${dateText(addDays(locksOn, -1))}，此后记录归档，只有党委管理员可以修改`
  return `保存后 ${ACTIVITY_EDITABLE_DAYS} 天内（至${dateText(addDays(todayInShanghai(now), ACTIVITY_EDITABLE_DAYS))}）本支部可以修改，此后记录归档，只有党委管理员可以修改`
}

export function LockNote({ locksOn }: { locksOn?: string | null }) {
  return (
    <Text className='lock-note' {...testId('lock-note')}>
      {lockSentence(locksOn)}
    </Text>
  )
}
