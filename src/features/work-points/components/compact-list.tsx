/**
 * The tab's compact list (main package, so every byte counts): grouped by plan (its title as a header, the current
 * year's plan first) and section, or one list by due date; status and countdown per point; tap opens it.
 */
import { Text, View } from '@tarojs/components'
import { Section } from '../../../components/section'
import { testId } from '../../../lib/test-id'
import { STATUS_LABEL, byDeadline, byPlan, countdownText, type Assignment } from '../countdown'

function Row({ a, onPick, plan }: { a: Assignment; onPick(a: Assignment): void; plan?: boolean }) {
  return (
    <View className='wpc' onClick={() => onPick(a)} {...testId('assignment-item')}>
      {plan ? `${a.title}` : `${a.pointSeq}. ${a.title}`}
      <View>
        {/* 已逾期 N 天 says it already */}
        {a.daysLeft < 0 && a.status === 'overdue' ? null : <Text className={`wpc__s wpc__${a.status}`}>{STATUS_LABEL[a.status]}</Text>}
        <Text className={a.daysLeft < 0 ? 'wpc__s wpc__overdue' : 'wpc__s'}>{countdownText(a)}</Text>
        {plan ? <Text className='wpc__s'>{`截止 ${a.dueOn} · ${a.planTitle}`}</Text> : null}
      </View>
    </View>
  )
}

export function CompactList({ items, onPick, order, year }: { items: Assignment[]; onPick(a: Assignment): void; order: 'plan' | 'due'; year: number }) {
  if (order === 'due')
    return (
      <Section>
        {byDeadline(items).map((a) => (
          <Row key={a.id} a={a} onPick={onPick} plan />
        ))}
      </Section>
    )
  return (
    <>
      {byPlan(items, year).map((p) => (
        <View key={p.planId} {...testId('plan-group')}>
          <Text className='wpc__plan' {...testId('plan-header')}>
            {p.title}
          </Text>
          {p.sections.map((g) => (
            <Section key={g[0].id} title={g[0].sectionTitle}>
              {g.map((a) => (
                <Row key={a.id} a={a} onPick={onPick} />
              ))}
            </Section>
          ))}
        </View>
      ))}
    </>
  )
}
