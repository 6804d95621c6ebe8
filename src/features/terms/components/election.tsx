/**
 * The 换届选举's candidates and votes as registered in the term (typed once, in 支委会换届: docs/terms.md), shown on
 * the term's card and on the 支部党员大会's page that held it.
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { Section } from '../../../components/section'
import { testId } from '../../../lib/test-id'
import { dateText } from '../../../../types/time-text'
import type { Term } from '../api'
import { useMeetingElection } from '../hooks'
import { termPage } from '../routes'
import './election.scss'

export function ElectionLines({ election }: { election: NonNullable<Term['election']> }) {
  const diff = election.candidates.length > election.seats
  return (
    <View className='term-election'>
      <Text className='term-election__line'>
        {election.topic} · 应到会有选举权党员 {election.voters} 人，实到 {election.presentVoters} 人
      </Text>
      <Text className='term-election__line'>
        应选 {election.seats} 人，候选人 {election.candidates.length} 人（{diff ? '差额选举' : '等额选举'}）
      </Text>
      {[...election.candidates]
        .sort((a, b) => b.votes - a.votes)
        .map((c) => (
          <Text key={c.memberId} className={`term-election__line ${c.elected ? 'term-election__line--elected' : ''}`}>
            {c.name}：{c.votes} 票{c.elected ? '，当选' : ''}
          </Text>
        ))}
    </View>
  )
}

/** On a recorded 支部党员大会's page: the 换届选举 it held, from the term (or where to register it). */
export function MeetingElection({ branchId, activityId }: { branchId: string; activityId: string }) {
  const e = useMeetingElection(branchId, activityId)
  if (e.error || !e.found) return null
  const { term, current } = e.found
  return (
    <Section title='换届选举'>
      <View {...testId('meeting-election')}>
        <Text className='term-election__line'>
          选举产生{current ? '本届' : ''}支委会（任期 {dateText(term.startOn)} 至 {dateText(term.endOn)}）：{term.members.map((m) => `${m.post} ${m.name}`).join('、')}
        </Text>
        {term.election ? <ElectionLines election={term.election} /> : null}
        <Text className='term-election__hint'>选举结果在「支委会换届」中登记，此处与任期记录一致</Text>
        <Button type='plain' size='large' block onClick={() => void Taro.navigateTo({ url: termPage(branchId) })}>
          查看支委会换届
        </Button>
      </View>
    </Section>
  )
}
