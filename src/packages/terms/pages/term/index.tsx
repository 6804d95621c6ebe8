import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Switch, Text, View } from '@tarojs/components'
import { Button } from '../../../../components/button'
import { Field, TextInput } from '../../../../components/form'
import { DateField, SelectField } from '../../../../components/pickers'
import { Section } from '../../../../components/section'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import type { Term, TermView } from '../../../../features/terms/api'
import { useBranchTerm, useTermsOverview } from '../../../../features/terms/hooks'
import { isCommitteeAdmin, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { testId } from '../../../../lib/test-id'
import { inShanghai } from '../../../../lib/dayjs'
import { todayInShanghai } from '../../../../lib/time'
import { TERM_POSTS, TERM_STATE_WORDS, type TermPost, type TermState } from '../../../../../types/terms'
import { dateText } from '../../../../../types/time-text'
import { termPage } from '../../routes'
import './term.scss'

const stateLine = (s: TermView['status']) =>
  s.state === 'none'
    ? '尚未登记任期'
    : s.state === 'overdue'
      ? `已于${dateText(s.endOn!)}届满 ${-(s.daysLeft ?? 0)} 天，请尽快换届`
      : `${dateText(s.endOn!)}届满 · 还剩 ${s.daysLeft} 天`

function Badge({ state }: { state: TermState }) {
  return <Text className={`term__badge term__badge--${state}`}>{TERM_STATE_WORDS[state]}</Text>
}

function TermCard({ term, title }: { term: Term; title: string }) {
  return (
    <View className='term__card' {...testId(`term-card-${term.startOn}`)}>
      <Text className='term__card-title'>{title}</Text>
      <Text className='term__meta'>
        任期 {dateText(term.startOn)} 至 {dateText(term.endOn)}（{term.years} 年）{term.kind === 'existing' ? ' · 补录' : ''}
      </Text>
      <View className='term__people'>
        {term.members.map((m) => (
          <Text key={m.memberId} className='term__person'>
            {m.post} {m.name}
          </Text>
        ))}
      </View>
      {term.election ? (
        <View className='term__election'>
          <Text className='term__meta'>
            {term.election.topic} · 应到会有选举权党员 {term.election.voters} 人，实到 {term.election.presentVoters} 人
          </Text>
          {term.election.candidates.map((c) => (
            <Text key={c.memberId} className='term__meta'>
              {c.name}：{c.votes} 票{c.elected ? '，当选' : ''}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  )
}

type Row = { votes: string; post: TermPost | '' }
const POST_OPTIONS = [{ value: '' as const, label: '不任职' }, ...TERM_POSTS.map((p) => ({ value: p, label: p }))]

/** The 换届选举 (or, once, the committee in office): per 正式党员 their votes and the post they take. */
function RecordForm({ branchId, kind, t, onDone }: { branchId: string; kind: 'election' | 'existing'; t: ReturnType<typeof useBranchTerm>; onDone(): void }) {
  const [activityId, setActivityId] = useState('')
  const [startOn, setStartOn] = useState(todayInShanghai())
  const [rows, setRows] = useState<Record<string, Row>>({})
  const [years, setYears] = useState('3')
  const meeting = t.meetings?.find((m) => m.id === activityId)
  const meetingOn = meeting ? inShanghai(meeting.on).format('YYYY-MM-DD') : null
  if (!t.meetings || !t.voters) return t.saveError ? <ErrorState message={t.saveError} onRetry={() => void t.loadFormData()} /> : <LoadingState />
  const row = (id: string): Row => rows[id] ?? { votes: '', post: '' }
  const set = (id: string, patch: Partial<Row>) => setRows({ ...rows, [id]: { ...row(id), ...patch } })
  const submit = async () => {
    const members = t.voters!.filter((v) => row(v.id).post).map((v) => ({ memberId: v.id, post: row(v.id).post as TermPost }))
    const candidates = t.voters!.filter((v) => row(v.id).votes.trim() !== '').map((v) => ({ memberId: v.id, votes: Number(row(v.id).votes) }))
    const ok =
      kind === 'election'
        ? await t.save({ branchId, kind, startOn: meetingOn ?? '', activityId: activityId || undefined, candidates, members, years: Number(years) })
        : await t.save({ branchId, kind, startOn, members, years: Number(years) })
    if (ok) onDone()
  }
  return (
    <Section title={kind === 'election' ? '登记换届选举' : '补录现任支委会'}>
      {kind === 'election' ? (
        <Field label='选举大会' hint='换届选举在支部党员大会上进行；请先记录大会的出席情况。新一届任期从选举之日起算'>
          {t.meetings.length ? (
            <SelectField value={activityId} options={[{ value: '', label: '请选择支部党员大会' }, ...t.meetings.map((m) => ({ value: m.id, label: `${dateText(inShanghai(m.on).format('YYYY-MM-DD'))} ${m.topic}` }))]} onChange={setActivityId} id='term-meeting' />
          ) : (
            <Text className='term__hint'>还没有记录过支部党员大会，请先在「活动」中记录选举大会</Text>
          )}
        </Field>
      ) : (
        <Field label='本届任期开始日期'>
          <DateField value={startOn} onChange={setStartOn} id='term-start' />
        </Field>
      )}
      <Field label='任期（年）' hint='党支部委员会每届任期一般为 3 年，村、社区党支部为 5 年（《中国共产党支部工作条例（试行）》）'>
        <SelectField value={years} options={['3', '5', '2', '4'].map((y) => ({ value: y, label: `${y} 年` }))} onChange={setYears} id='term-years' />
      </Field>
      <Text className='term__hint'>{kind === 'election' ? '填写每位候选人的得票数，并为当选者选择职务（得票须超过应到会有选举权党员的一半）' : '为现任支委选择职务'}</Text>
      {t.voters.map((v) => (
        <View key={v.id} className='term__row' {...testId(`term-row-${v.name}`)}>
          <Text className='term__row-name'>{v.name}</Text>
          {kind === 'election' ? (
            <View className='term__votes'>
              <TextInput value={row(v.id).votes} onChange={(x) => set(v.id, { votes: x.replace(/\D/g, '') })} type='number' maxlength={3} placeholder='票数' id={`term-votes-${v.name}`} />
            </View>
          ) : null}
          <View className='term__post'>
            <SelectField value={row(v.id).post} options={POST_OPTIONS} onChange={(p) => set(v.id, { post: p })} id={`term-post-${v.name}`} />
          </View>
        </View>
      ))}
      {t.saveError ? <Text className='term__error' {...testId('term-error')}>{t.saveError}</Text> : null}
      <View className='term__buttons'>
        <Button type='primary' loading={t.busy} onClick={() => void submit()} {...testId('term-save')}>
          保存
        </Button>
        <Button type='plain' onClick={onDone}>
          取消
        </Button>
      </View>
    </Section>
  )
}

function BranchTerm({ branchId }: { branchId: string }) {
  const t = useBranchTerm(branchId)
  const [form, setForm] = useState<'election' | 'existing' | null>(null)
  if (t.error) return <ErrorState message={t.error} onRetry={() => void t.reload()} />
  if (!t.view) return <LoadingState />
  const v = t.view
  const open = (kind: 'election' | 'existing') => {
    setForm(kind)
    void t.loadFormData()
  }
  return (
    <View className='term'>
      <View className='term__head' {...testId('term-status')}>
        <Text className='term__branch'>{v.branchName}</Text>
        <Badge state={v.status.state} />
        <Text className='term__meta'>{stateLine(v.status)}</Text>
      </View>
      {v.term ? <TermCard term={v.term} title='本届支委会' /> : <EmptyState title='尚未登记支委会任期' hint='请补录现任支委会，或登记最近一次换届选举，以便按期提醒换届' />}
      {v.canRecord && !form ? (
        <View className='term__actions'>
          <Button type='primary' block onClick={() => open('election')} {...testId('term-record-election')}>
            登记换届选举
          </Button>
          {!v.term && !v.past.length ? (
            <Button type='default' block onClick={() => open('existing')} {...testId('term-record-existing')}>
              补录现任支委会
            </Button>
          ) : null}
        </View>
      ) : null}
      {form ? <RecordForm branchId={branchId} kind={form} t={t} onDone={() => setForm(null)} /> : null}
      {v.canRecord ? (
        <Section title='政治生日'>
          <View className='term__switch'>
            <Text className='term__meta'>党员入党纪念日当天，在消息中向本人送上祝福，并提醒书记</Text>
            <Switch checked={v.greetings} color='#c8161d' onChange={(e) => void t.toggleGreetings(e.detail.value)} {...testId('term-greetings')} />
          </View>
        </Section>
      ) : null}
      {v.past.length ? (
        <Section title='历届支委会'>
          {v.past.map((p) => (
            <TermCard key={p.id} term={p} title={`${dateText(p.startOn)} 起`} />
          ))}
        </Section>
      ) : null}
    </View>
  )
}

function Overview() {
  const o = useTermsOverview(true)
  if (o.error) return <ErrorState message={o.error} onRetry={() => void o.reload()} />
  if (!o.data) return <LoadingState />
  const { items, counts } = o.data
  if (!items.length) return <EmptyState title='还没有支部' />
  return (
    <View className='term'>
      <View className='term__counts' {...testId('terms-counts')}>
        {(['overdue', 'none', 'due_soon', 'ok'] as const).map((s) => (
          <View key={s} className={`term__count term__count--${s}`}>
            <Text className='term__count-n'>{counts[s]}</Text>
            <Text className='term__count-label'>{TERM_STATE_WORDS[s]}</Text>
          </View>
        ))}
      </View>
      {items.map((i) => (
        <View key={i.branchId} className='term__item' onClick={() => void Taro.navigateTo({ url: termPage(i.branchId) })} {...testId(`terms-branch-${i.branchName}`)}>
          <View className='term__item-head'>
            <Text className='term__item-name'>{i.branchName}</Text>
            <Badge state={i.state} />
          </View>
          <Text className='term__meta'>
            {i.state === 'none' ? '尚未登记任期' : `${dateText(i.startOn!)} 起 · ${stateLine(i)}`}
            {i.secretary ? ` · 书记 ${i.secretary}` : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}

/** 支委会换届: a branch's term and its 换届选举; for the committee without a branch, every branch's term state. */
export default function TermPage() {
  const param = useRouter().params.branchId
  const status = useSessionBootstrap()
  const current = useSessionStore((s) => s.currentBranchId)
  const roles = useSessionStore((s) => s.roles)
  const committee = isCommitteeAdmin(roles)
  if (status === 'idle' || status === 'loading') return <LoadingState />
  const branchId = param ? decodeURIComponent(param) : committee ? null : current
  if (branchId) return <BranchTerm branchId={branchId} />
  if (committee) return <Overview />
  return <EmptyState title='请先在「我的」中选择支部' />
}
