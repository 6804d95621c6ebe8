/**
 * The tab's compact list (main package, so every byte counts): section headings, status and countdown per point;
 * tap opens it. Items come in plan and point order (assignments.list sorts so; points are numbered across sections).
 */
import { Text, View } from '@tarojs/components'
import { Section } from '../../../components/section'
import { testId } from '../../../lib/test-id'
import { STATUS_LABEL, countdownText, type Assignment } from '../countdown'

export function CompactList({ items, onPick }: { items: Assignment[]; onPick(a: Assignment): void }) {
  const groups: Assignment[][] = []
  items.forEach((a, i) => (i && a.sectionTitle === items[i - 1].sectionTitle ? groups[groups.length - 1].push(a) : groups.push([a])))
  return (
    <>
      {groups.map((g) => (
        <Section key={g[0].id} title={g[0].sectionTitle}>
          {g.map((a) => (
            <View key={a.id} className='wpc' onClick={() => onPick(a)} {...testId('assignment-item')}>
              {a.pointSeq}. {a.title}
              <View>
                {/* 已逾期 N 天 says it already */}
                {a.daysLeft < 0 && a.status === 'overdue' ? null : <Text className={`wpc__s wpc__${a.status}`}>{STATUS_LABEL[a.status]}</Text>}
                <Text className={a.daysLeft < 0 ? 'wpc__s wpc__overdue' : 'wpc__s'}>{countdownText(a)}</Text>
              </View>
            </View>
          ))}
        </Section>
      ))}
    </>
  )
}
