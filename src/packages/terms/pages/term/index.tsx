import { useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../../components/button'
import { Field, TextInput } from '../../../../components/form'
import { DateField, SelectField } from '../../../../components/pickers'
import { Section } from '../../../../components/section'
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states'
import type { Term, TermView } from '../../../../features/terms/api'
import { useBranchTerm, useTermsOverview } from '../../../../features/terms/hooks'
import { ElectionLines } from '../../../../features/terms/components/election'
import { isCommitteeAdmin, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { testId } from '../../../../lib/test-id'
import { inShanghai } from '../../../../lib/dayjs'
import { todayInShanghai } from '../../../../lib/time'
import { addMonthsText } from '../../../../features/terms/dates'
import { TERM_POSTS, TERM_STATE_WORDS, type TermPost, type TermState } from '../../../../../types/terms'
import { dateText } from '../../../../../types/time-text'
import { termPage } from '../../routes'
import './term.scss'

/** The state in words; `postponed`: the date is the approved 延期换届's, not the term's end. */
const stateLine = (s: TermView['status'], postponed = false) =>
  s.state === 'none'
    ? '尚未登记任期'
    : postponed
      ? s.state === 'overdue'
        ? `延期换届日期（${dateText(s.endOn!)}）已过 ${-(s.daysLeft ?? 0)} 天，请尽快换届`
        : `经批准延期换届至${dateText(s.endOn!)} · 还剩 ${s.daysLeft} 天`
      : s.state === 'overdue'
        ? `已于${dateText(s.endOn!)}届满 ${-(s.daysLeft ?? 0)} 天，请尽快换届`
        : `${dateText(s.endOn!)}届满 · 还剩 ${s.daysLeft} 天`

/** Term lengths offered: 3 years (the rule) and 5 (村、社区党支部), 《中国共产党支部工作条例（试行）》; a recorded other length stays offered. */
const yearOptions = (current?: number) =>
  [...new Set([3, 5, ...(current ? [current] : [])])].sort((a, b) => a - b).map((y) => ({ value: String(y), label: `${y} 年${y === 3 ? '（一般）' : y === 5 ? '（村、社区党支部）' : ''}` }))

/** The state's badge; a 换届 put off with approval (and not yet overdue) reads 已批准延期. */
function Badge({ state, postponed = false }: { state: TermState; postponed?: boolean }) {
  if (postponed && state !== 'overdue' && state !== 'none') return <Text className='term__badge term__badge--due_soon'>已批准延期</Text>
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
      {term.election ? <ElectionLines election={term.election} /> : null}
      {term.postponements.map((p) => (
        <Text key={`${p.approvedOn}-${p.dueOn}`} className='term__meta term__postponed' {...testId('term-postponed')}>
          延期换届：上级党组织{dateText(p.approvedOn)}批准，延至{dateText(p.dueOn)}（{p.reason}）
        </Text>
      ))}
      {term.corrections.length ? (
        <View className='term__election' {...testId('term-corrections')}>
          {term.corrections.map((c) => (
            <Text key={c.at} className='term__meta'>
              {inShanghai(c.at).format('M月D日')} {c.by}更正：{c.summary}（{c.reason}）
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  )
}

type Row = { votes: string; post: TermPost | '' }
const POST_OPTIONS = [{ value: '' as const, label: '不任职' }, ...TERM_POSTS.map((p) => ({ value: p, label: p }))]

const ACTIVITY_RECORD_PAGE = '/packages/activities/pages/edit/index'
const ACTIVITY_PLAN_PAGE = '/packages/activities/pages/plan/index'

/**
 * 登记换届选举 without a recorded 支部党员大会: the election is held at one (《中国共产党基层组织选举工作条例》), so the
 * form is not offered; the secretary is sent to 活动 to record (or arrange) the meeting, and comes back.
 */
function NoMeeting({ branchId, onDone }: { branchId: string; onDone(): void }) {
  const current = useSessionStore((s) => s.currentBranchId)
  return (
    <Section title='登记换届选举'>
      <View {...testId('term-no-meeting')}>
        <Text className='term__notice'>换届选举须在支部党员大会上进行。请先在「活动」中记录这次支部党员大会，再回来登记选举结果。</Text>
        <View className='term__buttons'>
          {current === branchId ? (
            <>
              <Button type='primary' onClick={() => void Taro.navigateTo({ url: ACTIVITY_RECORD_PAGE })} {...testId('term-go-record')}>
                去记录
              </Button>
              <Button type='default' onClick={() => void Taro.navigateTo({ url: ACTIVITY_PLAN_PAGE })} {...testId('term-go-plan')}>
                去安排
              </Button>
            </>
          ) : null}
          <Button type='plain' onClick={onDone}>
            取消
          </Button>
        </View>
      </View>
    </Section>
  )
}

/** What the form can say before asking the cloud: the meeting and the posts (in plain words, next to 保存). */
function electionFormError(kind: 'election' | 'existing' | 'correct', activityId: string, posts: number): string | null {
  if (kind === 'election' && !activityId) return '请选择召开换届选举的支部党员大会'
  if (!posts) return kind === 'election' ? '请为当选的支委选择职务（须有一位书记）' : '请为支委选择职务（须有一位书记）'
  return null
}

type FormKind = 'election' | 'existing' | 'correct'
const FORM_TITLES: Record<FormKind, string> = { election: '登记换届选举', existing: '补录现任支委会', correct: '更正本届任期' }

/**
 * The 换届选举 (or, once, the committee in office; or a correction of the current term): per 正式党员 their votes and
 * the post they take. A correction starts from the term as recorded and asks why.
 */
function RecordForm({ branchId, kind, t, onDone }: { branchId: string; kind: FormKind; t: ReturnType<typeof useBranchTerm>; onDone(): void }) {
  const term = kind === 'correct' ? t.view?.term ?? null : null
  const isElection = kind === 'election' || (kind === 'correct' && term?.kind === 'election')
  const [activityId, setActivityId] = useState('')
  const [startOn, setStartOn] = useState(term?.startOn ?? todayInShanghai())
  const [rows, setRows] = useState<Record<string, Row>>(() => {
    if (!term) return {}
    const out: Record<string, Row> = {}
    for (const c of term.election?.candidates ?? []) out[c.memberId] = { votes: String(c.votes), post: '' }
    for (const m of term.members) out[m.memberId] = { votes: out[m.memberId]?.votes ?? '', post: m.post as TermPost }
    return out
  })
  const [years, setYears] = useState(String(term?.years ?? 3))
  const [seats, setSeats] = useState(term?.election ? String(term.election.seats) : '')
  const [reason, setReason] = useState('')
  const [formError, setFormError] = useState<string | null>(null)
  const meeting = t.meetings?.find((m) => m.id === activityId)
  const meetingOn = meeting ? inShanghai(meeting.on).format('YYYY-MM-DD') : null
  if (!t.meetings || !t.voters) return t.saveError ? <ErrorState message={t.saveError} onRetry={() => void t.loadFormData()} /> : <LoadingState />
  if (kind === 'election' && !t.meetings.length) return <NoMeeting branchId={branchId} onDone={onDone} />
  // A correction shows everyone the term names, also anyone no longer among the 正式党员 (so nothing is dropped unseen).
  const named = term ? [...term.members.map((m) => ({ id: m.memberId, name: m.name })), ...(term.election?.candidates ?? []).map((c) => ({ id: c.memberId, name: c.name }))] : []
  const people = [...t.voters, ...named.filter((p, i) => !t.voters!.some((v) => v.id === p.id) && named.findIndex((q) => q.id === p.id) === i)]
  const row = (id: string): Row => rows[id] ?? { votes: '', post: '' }
  const set = (id: string, patch: Partial<Row>) => setRows({ ...rows, [id]: { ...row(id), ...patch } })
  const submit = async () => {
    const members = people.filter((v) => row(v.id).post).map((v) => ({ memberId: v.id, post: row(v.id).post as TermPost }))
    const candidates = people.filter((v) => row(v.id).votes.trim() !== '').map((v) => ({ memberId: v.id, votes: Number(row(v.id).votes) }))
    const seatCount = seats.trim() ? Number(seats) : undefined
    const missing = electionFormError(kind, activityId, members.length)
    setFormError(missing)
    if (missing) return
    const ok =
      kind === 'election'
        ? await t.save({ branchId, kind, startOn: meetingOn ?? '', activityId: activityId || undefined, candidates, members, years: Number(years), seats: seatCount })
        : kind === 'existing'
          ? await t.save({ branchId, kind, startOn, members, years: Number(years) })
          : await t.correct({ branchId, termId: term!.id, startOn, years: Number(years), members, reason, ...(isElection ? { candidates, seats: seatCount } : {}) })
    if (ok) onDone()
  }
  return (
    <Section title={FORM_TITLES[kind]}>
      {kind === 'election' ? (
        <Field label='选举大会' hint='换届选举在支部党员大会上进行；新一届任期从选举之日起算'>
          <SelectField
            value={activityId}
            options={[{ value: '', label: '请选择支部党员大会' }, ...t.meetings.map((m) => ({ value: m.id, label: `${dateText(inShanghai(m.on).format('YYYY-MM-DD'))} ${m.topic}` }))]}
            onChange={(x) => (setActivityId(x), setFormError(null))}
            id='term-meeting'
          />
        </Field>
      ) : isElection ? (
        <Field label='任期开始日期' hint='选举产生的任期从选举大会之日起算'>
          <Text className='term__meta'>{dateText(startOn)}（{term?.election?.topic}）</Text>
        </Field>
      ) : (
        <Field label='本届任期开始日期'>
          <DateField value={startOn} onChange={setStartOn} id='term-start' />
        </Field>
      )}
      <Field label='任期' hint='党支部委员会每届任期一般为 3 年，村、社区党支部为 5 年（《中国共产党支部工作条例（试行）》）'>
        <SelectField value={years} options={yearOptions(term?.years)} onChange={setYears} id='term-years' />
      </Field>
      {isElection ? (
        <Field label='应选人数' hint='差额选举时候选人多于应选人数；不填则按当选人数'>
          <TextInput value={seats} onChange={(x) => setSeats(x.replace(/\D/g, ''))} type='number' maxlength={1} placeholder='按当选人数' id='term-seats' />
        </Field>
      ) : null}
      <Text className='term__hint'>
        {isElection
          ? '填写每位候选人的得票数，并为当选者选择职务。得票超过应到会有选举权党员半数的，按得票多少依次当选，至取足应选人数（《中国共产党基层组织选举工作条例》）'
          : '为现任支委选择职务'}
      </Text>
      {people.map((v) => (
        <View key={v.id} className='term__row' {...testId(`term-row-${v.name}`)}>
          <Text className='term__row-name'>{v.name}</Text>
          {isElection ? (
            <View className='term__votes'>
              <TextInput value={row(v.id).votes} onChange={(x) => set(v.id, { votes: x.replace(/\D/g, '') })} type='number' maxlength={3} placeholder='票数' id={`term-votes-${v.name}`} />
            </View>
          ) : null}
          <View className='term__post'>
            <SelectField value={row(v.id).post} options={POST_OPTIONS} onChange={(p) => set(v.id, { post: p })} id={`term-post-${v.name}`} />
          </View>
        </View>
      ))}
      {kind === 'correct' ? (
        <Field label='更正原因' hint='更正记入任期的更正记录和操作日志'>
          <TextInput value={reason} onChange={setReason} maxlength={200} placeholder='如：职务登记颠倒、开始日期录错' id='term-reason' />
        </Field>
      ) : null}
      {formError || t.saveError ? (
        <Text className='term__error' {...testId('term-error')}>
          {formError ?? t.saveError}
        </Text>
      ) : null}
      <View className='term__buttons'>
        <Button type='primary' loading={t.busy} onClick={() => void submit()} {...testId('term-save')}>
          {kind === 'correct' ? '保存更正' : '保存'}
        </Button>
        <Button type='plain' onClick={onDone}>
          取消
        </Button>
      </View>
    </Section>
  )
}

/** 延期换届: the 上级党组织's approval (date, reason) and the new due date; the reminders follow it. */
function PostponeForm({ branchId, t, onDone }: { branchId: string; t: ReturnType<typeof useBranchTerm>; onDone(): void }) {
  const term = t.view?.term
  const [approvedOn, setApprovedOn] = useState(todayInShanghai())
  const [dueOn, setDueOn] = useState(term ? addMonthsText(term.dueOn, 6) : todayInShanghai())
  const [reason, setReason] = useState('')
  const submit = async () => {
    if (await t.postpone({ branchId, approvedOn, dueOn, reason })) onDone()
  }
  return (
    <Section title='登记延期换届'>
      <Text className='term__hint'>任期届满应按期换届；如需延期，应报上级党组织批准，延长期限一般不超过 1 年（《中国共产党基层组织选举工作条例》）。</Text>
      <Field label='上级党组织批准日期'>
        <DateField value={approvedOn} onChange={setApprovedOn} id='term-approved' />
      </Field>
      <Field label='延期后的换届日期' hint={term ? `本届任期${dateText(term.endOn)}届满，最迟可延至${dateText(addMonthsText(term.endOn, 12))}` : undefined}>
        <DateField value={dueOn} onChange={setDueOn} id='term-due' />
      </Field>
      <Field label='延期原因'>
        <TextInput value={reason} onChange={setReason} maxlength={200} placeholder='如：与社区党组织统一换届' id='term-postpone-reason' />
      </Field>
      {t.saveError ? <Text className='term__error' {...testId('term-error')}>{t.saveError}</Text> : null}
      <View className='term__buttons'>
        <Button type='primary' loading={t.busy} onClick={() => void submit()} {...testId('term-postpone-save')}>
          保存
        </Button>
        <Button type='plain' onClick={onDone}>
          取消
        </Button>
      </View>
    </Section>
  )
}

/** 同步支委职务到账号: what changes in the branch's account roles, confirmed by the secretary (terms.syncRoles). */
function RoleSync({ t }: { t: ReturnType<typeof useBranchTerm> }) {
  const sync = t.view?.roleSync
  if (!sync) return null
  return (
    <Section title='同步支委职务到账号'>
      <View {...testId('term-role-sync')}>
        <Text className='term__hint'>账号的书记、支委权限尚未按本届支委会调整。确认后将作如下变更：</Text>
        <View className='term__sync-lines'>
          {sync.lines.map((l) => (
            <Text key={l} className='term__meta term__sync-line'>
              · {l}
            </Text>
          ))}
        </View>
        {sync.waiting.length ? <Text className='term__hint'>{sync.waiting.join('、')} 尚未加入小程序，加入后再同步其支委权限</Text> : null}
        {sync.blocked ? <Text className='term__error'>{sync.blocked}</Text> : null}
        {t.saveError ? <Text className='term__error' {...testId('term-error')}>{t.saveError}</Text> : null}
        {!sync.blocked ? (
          <Button type='primary' block loading={t.busy} onClick={() => void t.confirmRoles()} {...testId('term-sync-roles')}>
            确认同步
          </Button>
        ) : null}
      </View>
    </Section>
  )
}

function BranchTerm({ branchId }: { branchId: string }) {
  const t = useBranchTerm(branchId)
  const [form, setForm] = useState<FormKind | 'postpone' | null>(null)
  // Back from 活动 (去记录 the 支部党员大会): the meetings are read again, so the form is offered at once.
  useDidShow(() => {
    if (form === 'election' || form === 'existing' || form === 'correct') void t.loadFormData()
  })
  if (t.error) return <ErrorState message={t.error} onRetry={() => void t.reload()} />
  if (!t.view) return <LoadingState />
  const v = t.view
  const open = (kind: FormKind | 'postpone') => {
    t.clearError()
    setForm(kind)
    if (kind !== 'postpone') void t.loadFormData()
  }
  const postponed = !!v.term?.postponements.length
  return (
    <View className='term'>
      <View className='term__head' {...testId('term-status')}>
        <Text className='term__branch'>{v.branchName}</Text>
        <Badge state={v.status.state} postponed={postponed} />
        <Text className='term__meta'>{stateLine(v.status, postponed)}</Text>
      </View>
      {v.term ? <TermCard term={v.term} title='本届支委会' /> : <EmptyState title='尚未登记支委会任期' hint='请补录现任支委会，或登记最近一次换届选举，以便按期提醒换届' />}
      {!form ? <RoleSync t={t} /> : null}
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
          {v.term ? (
            <View className='term__actions-row'>
              <Button type='plain' onClick={() => open('correct')} {...testId('term-correct')}>
                更正本届任期
              </Button>
              {v.status.state !== 'ok' ? (
                <Button type='plain' onClick={() => open('postpone')} {...testId('term-postpone')}>
                  登记延期换届
                </Button>
              ) : null}
            </View>
          ) : null}
        </View>
      ) : null}
      {form === 'postpone' ? <PostponeForm branchId={branchId} t={t} onDone={() => setForm(null)} /> : form ? <RecordForm key={form} branchId={branchId} kind={form} t={t} onDone={() => setForm(null)} /> : null}
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
            <Badge state={i.state} postponed={i.postponed} />
          </View>
          <Text className='term__meta'>
            {i.state === 'none' ? '尚未登记任期' : `${dateText(i.startOn!)} 起 · ${stateLine(i, i.postponed)}`}
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
