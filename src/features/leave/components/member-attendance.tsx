/** A member's attendance at organisation life this year: present ÷ expected, leave shown apart. */
import { Text, View } from '@tarojs/components'
import { Section } from '../../../components/section'
import { testId } from '../../../lib/test-id'
import { useAttendance } from '../store'
import './leave.scss'

export function MemberAttendance({ memberId }: { memberId: string }) {
  const { data: a, error } = useAttendance(memberId)
  if (error) return <Text className='leave__error'>出勤统计加载失败：{error}</Text>
  if (!a) return null
  return (
    <Section title={`${a.year}年参加组织生活`}>
      <View className='leave__stats' {...testId('member-attendance')}>
        <Stat label='出勤率' value={a.rate === null ? '—' : `${Math.round(a.rate * 100)}%`} />
        <Stat label='应到' value={String(a.expected)} />
        <Stat label='出席' value={String(a.present)} />
        <Stat label='请假' value={String(a.leave)} />
        <Stat label='缺席' value={String(a.absent)} />
      </View>
      {a.missedMonthsInARow >= 2 ? (
        <Text className='leave__warn' {...testId('member-missed-months')}>
          已连续 {a.missedMonthsInARow} 个月未请假缺席组织生活。按党章第九条，连续六个月不参加党的组织生活又无正当理由的，视为自行脱党，请及时谈话。
        </Text>
      ) : null}
    </Section>
  )
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <View className='leave__stat'>
      <Text className='leave__stat-value'>{value}</Text>
      <Text className='leave__stat-label'>{label}</Text>
    </View>
  )
}
