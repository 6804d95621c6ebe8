/**
 * The tab's compact list (main package, at its size budget, so every byte counts): points under their section, each
 * plan's sections under the plan's title (two plans' 「1.」 must not interleave), this year's plan first; status and
 * countdown per point; tap opens it. Sorting by deadline and searching live in packages/plans (搜索 / 排序).
 */
import { Text, View } from '@tarojs/components'
import { Section } from '../../../components/section'
import { testId } from '../../../lib/test-id'
import { STATUS_LABEL, countdownText, type Assignment } from '../countdown'

/** The plan's year (from its title, else the point's due date): this year's first, then later, then earlier ones. */
const rank = (a: Assignment, year: number) => {
  const y = +(/\d{4}/.exec(a.planTitle) ?? [a.dueOn.slice(0, 4)])[0]
  return (y === year ? 0 : y > year ? 1 : 2) * 1e4 + Math.abs(y - year)
}

export function CompactList({ items, onPick, year }: { items: Assignment[]; onPick(a: Assignment): void; year: number }) {
  const sorted = [...items].sort((a, b) => rank(a, year) - rank(b, year))
  const groups: Assignment[][] = []
  sorted.forEach((a, i) =>
    i && a.planId === sorted[i - 1].planId && a.sectionTitle === sorted[i - 1].sectionTitle ? groups[groups.length - 1].push(a) : groups.push([a]),
  )
  return (
    <>
      {groups.map((g, i) => (
        <View key={g[0].id}>
          {!i || g[0].planId !== groups[i - 1][0].planId ? (
            <Text className='wpc__plan' {...testId('plan-header')}>
              {g[0].planTitle}
            </Text>
          ) : null}
          <Section title={g[0].sectionTitle}>
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
        </View>
      ))}
    </>
  )
}
