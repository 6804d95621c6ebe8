/** The tab's compact list (main package): section headings, status and countdown per point; tap opens it. */
import { Text, View } from '@tarojs/components'
import { Section } from '../../../components/section'
import { testId } from '../../../lib/test-id'
import { STATUS_LABEL, countdownText, type Assignment } from '../countdown'

export function CompactList({ items, onPick }: { items: Assignment[]; onPick(a: Assignment): void }) {
  const groups: Assignment[][] = []
  let key = ''
  for (const a of [...items].sort((x, y) => x.sectionSeq - y.sectionSeq || x.pointSeq - y.pointSeq)) {
    if (`${a.planId}${a.sectionSeq}` !== key) groups.push([])
    key = `${a.planId}${a.sectionSeq}`
    groups[groups.length - 1].push(a)
  }
  return (
    <View {...testId('assignment-list')}>
      {groups.map((g) => (
        <Section key={g[0].id} title={g[0].sectionTitle}>
          {g.map((a) => (
            <View key={a.id} className='wpc' onClick={() => onPick(a)} {...testId('assignment-item')}>
              <View>
                {a.pointSeq}. {a.title}
              </View>
              <View>
                <Text className={`wpc__s wpc__s--${a.status}`}>{STATUS_LABEL[a.status]}</Text>
                <Text className={a.daysLeft < 0 ? 'wpc__d wpc__d--late' : 'wpc__d'}>{countdownText(a)}</Text>
              </View>
            </View>
          ))}
        </Section>
      ))}
    </View>
  )
}
