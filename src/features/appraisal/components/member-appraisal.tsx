/** A member's 民主评议 grades over the years, on their page (the member, the branch's 支委 and the committee). */
import { Text, View } from '@tarojs/components'
import { APPRAISAL_DISPOSAL_LABELS, APPRAISAL_GRADE_LABELS } from '../../../../types/appraisal'
import { Section } from '../../../components/section'
import { testId } from '../../../lib/test-id'
import { useMemberAppraisals } from '../store'
import './appraisal.scss'

export function MemberAppraisal({ memberId }: { memberId: string }) {
  const data = useMemberAppraisals(memberId)
  // While loading, or for someone who may not read it (another member), no section at all.
  if (!data) return null
  return (
    <Section title='民主评议'>
      {data.items.length === 0 ? <Text className='appraisal__note'>还没有确定的民主评议结果。</Text> : null}
      {data.items.map((i) => (
        <View key={i.activityId} className='appraisal__history' {...testId(`member-appraisal-${i.year}`)}>
          <View className='appraisal__history-head'>
            <Text className='appraisal__history-year'>{i.year}年</Text>
            <Text className={`appraisal__grade appraisal__grade--${i.grade}`}>{APPRAISAL_GRADE_LABELS[i.grade]}</Text>
          </View>
          {i.disposal ? (
            <Text className='appraisal__meta'>
              处置：{APPRAISAL_DISPOSAL_LABELS[i.disposal.kind]}，{i.disposal.note}
            </Text>
          ) : null}
        </View>
      ))}
    </Section>
  )
}
