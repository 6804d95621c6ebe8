import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Section } from '../../../../components/section'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { useRecruitOverview } from '../../../../features/recruitment/hooks'
import { isCommitteeAdmin, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { testId } from '../../../../lib/test-id'
import { dateText } from '../../../../../types/time-text'
import { personPage, recruitListPage } from '../../routes'
import '../recruitment.scss'

const COLUMNS = [
  ['applicant', '申请人'],
  ['activist', '积极分子'],
  ['candidate', '发展对象'],
  ['probationary', '预备党员'],
] as const

function Overview() {
  const { data, error, load } = useRecruitOverview()
  if (error) return <ErrorState message={error} onRetry={load} />
  if (!data) return <LoadingState />
  return (
    <View className='recruit'>
      <Section title='各支部人数（按阶段）'>
        <Text className='recruit__meta'>点支部查看其发展党员名单、登记和记录步骤。预备党员按花名册计，含尚未建立转正档案的。</Text>
        <View className='recruit-grid'>
          {/* Five equal columns under the branch's name: the labels fit a 390 px phone on one line (they wrapped a character a line). */}
          <View className='recruit-grid__row recruit-grid__row--head' {...testId('overview-head')}>
            {COLUMNS.map(([, label]) => (
              <Text key={label} className='recruit-grid__n'>{label}</Text>
            ))}
            <Text className='recruit-grid__n'>逾期</Text>
          </View>
          {data.branches.map((b) => (
            <View key={b.branchId} className='recruit-grid__branch' onClick={() => void Taro.navigateTo({ url: recruitListPage(b.branchId) })} {...testId(`overview-branch-${b.branchName}`)}>
              <View className='recruit-grid__name-row'>
                <Text className='recruit-grid__name'>{b.branchName}</Text>
                <Text className='recruit-grid__go'>名单 ›</Text>
              </View>
              <View className='recruit-grid__row'>
                {COLUMNS.map(([status]) => (
                  <Text key={status} className='recruit-grid__n'>{b.counts[status] ?? 0}</Text>
                ))}
                <Text className={`recruit-grid__n ${b.overdue ? 'recruit-grid__n--late' : ''}`}>{b.overdue}</Text>
              </View>
              {/* 预备党员 is the roster's number; those with no file yet are named, with where to make one. */}
              {b.unfiled ? (
                <Text className='recruit-grid__hint' {...testId(`overview-unfiled-${b.branchName}`)}>
                  预备党员中未建档 {b.unfiled} 人：进入名单点「花名册中的预备党员转正」建立转正档案
                </Text>
              ) : null}
            </View>
          ))}
        </View>
      </Section>
      <Section title={`逾期未办（${data.overdue.length}）`}>
        {data.overdue.length ? (
          data.overdue.map((o) => (
            <View key={`${o.recruitId}:${o.title}`} className='recruit-late' onClick={() => void Taro.navigateTo({ url: personPage(o.recruitId) })} {...testId(`overview-late-${o.name}`)}>
              <Text className='recruit-late__what'>
                {o.name}：{o.title}
              </Text>
              <Text className='recruit-late__meta'>
                {o.branchName} · 应于{dateText(o.dueOn)}前 · 已逾期 {o.daysLate} 天
              </Text>
            </View>
          ))
        ) : (
          <EmptyState title='没有逾期的步骤' />
        )}
      </Section>
    </View>
  )
}

/** The committee's 发展党员 overview: every branch's people per stage, and every step past its deadline. */
export default function RecruitOverviewPage() {
  const status = useSessionBootstrap()
  const committee = useSessionStore((s) => isCommitteeAdmin(s.roles))
  if (status === 'idle' || status === 'loading') return <LoadingState />
  if (!committee) return <EmptyState title='各支部发展党员概况仅党委可以查看' />
  return <Overview />
}
