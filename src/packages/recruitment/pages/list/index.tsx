import { useEffect, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../../components/button'
import { Field, TextInput } from '../../../../components/form'
import { DateField } from '../../../../components/pickers'
import { Section } from '../../../../components/section'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import { loadProbationers, startFromRoster } from '../../../../features/recruitment/hooks'
import { dueText } from '../../../../features/recruitment/components/due-text'
import { addApplicant, useRecruitList, type RecruitScope } from '../../../../features/recruitment/store'
import { isCommitteeAdmin, rolesInBranch, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { testId } from '../../../../lib/test-id'
import { todayInShanghai } from '../../../../lib/time'
import { errorMessage } from '../../../../services/api'
import { STATUS_LABELS } from '../../../../../types/recruitment'
import { dateText } from '../../../../../types/time-text'
import { overviewPage, personPage } from '../../routes'
import '../recruitment.scss'

const FILTERS: RecruitScope['status'][] = ['all', 'applicant', 'activist', 'candidate', 'probationary', 'full']
const filterLabel = (s: RecruitScope['status']) => (s === 'all' ? '全部' : s === 'activist' ? '积极分子' : STATUS_LABELS[s])

/** 发展党员: the branch's people in the pipeline by status, what each needs next and by when; an application is entered here. */
export default function RecruitListPage() {
  const param = useRouter().params.branchId
  const status = useSessionBootstrap()
  const current = useSessionStore((s) => s.currentBranchId)
  const branchId = param ? decodeURIComponent(param) : current
  const roles = useSessionStore((s) => s.roles)
  const mayRead = isCommitteeAdmin(roles) || rolesInBranch(roles, branchId ?? '').some((r) => r === 'secretary' || r === 'branch_committee')
  const list = useRecruitList()
  const [filter, setFilter] = useState<RecruitScope['status']>('all')
  const [adding, setAdding] = useState(false)
  const [name, setName] = useState('')
  const [appliedOn, setAppliedOn] = useState(todayInShanghai())
  const [saving, setSaving] = useState(false)
  const [formError, setFormError] = useState<string | null>(null)
  // 预备党员 already on the roster: their 转正 follows the pipeline from the 支部大会 (入党日期) on.
  const [probationers, setProbationers] = useState<{ id: string; name: string; joinedPartyOn: string | null }[] | null>(null)
  const openProbationers = async () => {
    setFormError(null)
    try {
      setProbationers(await loadProbationers(branchId!))
    } catch (e) {
      setFormError(errorMessage(e))
    }
  }
  const startProbation = async (memberId: string) => {
    try {
      const d = await startFromRoster(memberId)
      setProbationers(null)
      void Taro.navigateTo({ url: personPage(d.id) })
    } catch (e) {
      setFormError(errorMessage(e))
    }
  }

  const committee = isCommitteeAdmin(roles)
  useEffect(() => {
    if (status === 'ready' && branchId && mayRead) void list.load({ branchId, status: filter })
  }, [status, branchId, mayRead, filter])
  // The committee without a branch lands on the overview (counts per stage per branch, overdue steps), where a
  // branch's row opens its list: the users' walk found an empty 「请选择支部」 page here.
  useEffect(() => {
    if (status === 'ready' && !branchId && committee) void Taro.redirectTo({ url: overviewPage() })
  }, [status, branchId, committee])
  useDidShow(() => {
    if (list.status === 'ready') void list.refresh()
  })
  useReachBottom(() => void list.loadMore())
  usePullDownRefresh(async () => {
    await list.refresh()
    Taro.stopPullDownRefresh()
  })

  if (status === 'idle' || status === 'loading') return <LoadingState />
  if (!branchId) return committee ? <LoadingState /> : <EmptyState title='请先在「我的」中选择支部' />
  if (!mayRead) return <EmptyState title='发展党员工作仅支部书记、支委和党委可以查看' />
  const counts = new Map((list.meta ?? []).map((c) => [c.status, c.count]))
  const total = [...counts.values()].reduce((a, b) => a + b, 0)

  const save = async () => {
    if (!name.trim()) return setFormError('请填写姓名')
    setSaving(true)
    setFormError(null)
    try {
      const d = await addApplicant({ branchId, name: name.trim(), appliedOn })
      setAdding(false)
      setName('')
      void Taro.navigateTo({ url: personPage(d.id) })
    } catch (e) {
      setFormError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='recruit'>
      {committee ? (
        <Text className='recruit-step__record recruit-step__correct recruit__overview-link' onClick={() => void Taro.navigateTo({ url: overviewPage() })} {...testId('recruit-overview')}>
          各支部发展党员概况 ›
        </Text>
      ) : null}
      <View className='recruit__filters'>
        {FILTERS.map((f) => (
          <Text key={f} className={`recruit__filter ${f === filter ? 'recruit__filter--on' : ''}`} onClick={() => setFilter(f)} {...testId(`recruit-filter-${f}`)}>
            {filterLabel(f)} {f === 'all' ? total : (counts.get(f) ?? 0)}
          </Text>
        ))}
      </View>
      {adding ? (
        <Section title='登记入党申请'>
          <Field label='姓名'>
            <TextInput value={name} onChange={setName} maxlength={20} placeholder='申请人姓名' id='recruit-name' />
          </Field>
          <Field label='递交入党申请书日期' hint='党组织应在收到申请书后一个月内派人谈话（细则第八条）'>
            <DateField value={appliedOn} onChange={setAppliedOn} id='recruit-applied' />
          </Field>
          {formError ? <Text className='recruit__error' {...testId('recruit-create-error')}>{formError}</Text> : null}
          <View className='recruit__row'>
            <Button type='primary' loading={saving} onClick={() => void save()} {...testId('recruit-create-save')}>
              保存
            </Button>
            <Button type='plain' onClick={() => setAdding(false)}>
              取消
            </Button>
          </View>
        </Section>
      ) : (
        <View className='recruit__actions'>
          <Button type='primary' block onClick={() => setAdding(true)} {...testId('recruit-add')}>
            ＋ 登记入党申请
          </Button>
          <Button type='plain' block className='recruit__next' onClick={() => void openProbationers()} {...testId('recruit-probationers')}>
            花名册中的预备党员转正
          </Button>
        </View>
      )}
      {probationers ? (
        <Section title='花名册中的预备党员'>
          {probationers.length === 0 ? <Text className='recruit__meta'>花名册中没有预备党员。</Text> : null}
          {probationers.map((m) => (
            <View key={m.id} className='recruit-material' onClick={() => void startProbation(m.id)} {...testId(`probationer-${m.name}`)}>
              <Text className='recruit-material__title'>{m.name}</Text>
              <Text className='recruit-material__meta'>{m.joinedPartyOn ? `入党 ${dateText(m.joinedPartyOn)}` : '未填入党日期'}</Text>
              <Text className='recruit-step__record'>转正档案 ›</Text>
            </View>
          ))}
        </Section>
      ) : null}
      {formError && !adding ? <Text className='recruit__error'>{formError}</Text> : null}
      {list.status === 'error' && !list.items.length ? <ErrorState message={list.error ?? '加载失败'} onRetry={() => void list.refresh()} /> : null}
      {list.status === 'loading' && !list.items.length ? <LoadingState /> : null}
      {list.status === 'ready' && !list.items.length ? <EmptyState title={filter === 'all' ? '还没有人在发展程序中' : `没有${filterLabel(filter)}`} hint='有人递交入党申请书后，在这里登记。' /> : null}
      {list.items.map((r) => {
        const due = r.due ? dueText(r.due.daysLeft) : null
        return (
          <View key={r.id} className='recruit__item' onClick={() => void Taro.navigateTo({ url: personPage(r.id) })} {...testId(`recruit-row-${r.name}`)}>
            <View className='recruit__item-head'>
              <Text className='recruit__name'>{r.name}</Text>
              <Text className={`recruit__badge recruit__badge--${r.status}`}>{r.statusLabel}</Text>
            </View>
            <Text className='recruit__meta'>申请日期 {dateText(r.appliedOn)}{r.probationEndsOn ? ` · 预备期至 ${dateText(r.probationEndsOn)}` : ''}</Text>
            {r.nextStep ? <Text className='recruit__meta'>下一步：第{r.nextStep.n}步 {r.nextStep.title}</Text> : null}
            {r.due && due ? (
              <Text className={`recruit__due recruit__due--${due.tone}`}>
                {r.due.title} {dateText(r.due.dueOn)} · {due.text}
              </Text>
            ) : null}
          </View>
        )
      })}
      {list.nextCursor ? (
        <View className='recruit__actions'>
          <Button type='plain' block loading={list.loadingMore} onClick={() => void list.loadMore()}>
            加载更多
          </Button>
        </View>
      ) : null}
      {list.moreError ? <Text className='recruit__error'>{list.moreError}</Text> : null}
    </View>
  )
}
