/**
 * Records one step of a person's file. The fields come from the step's row in the table (its `fields`), so nothing
 * here is written per step. A refusal shows the rule the cloud named; where the rule allows it, committee staff may
 * record the step anyway with a reason (kept in the history).
 */
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { Chips, Field, Segments, TextInput } from '../../../components/form'
import { DateField } from '../../../components/pickers'
import { testId } from '../../../lib/test-id'
import { todayInShanghai } from '../../../lib/time'
import { ApiCallError, errorMessage } from '../../../services/api'
import { dateText } from '../../../../types/time-text'
import type { RecruitDetail, RecruitStep } from '../api'
import { loadCongresses, loadFullMembers, saveStep } from '../hooks'

type Outcome = 'confirm' | 'extend' | 'cancel'

export function StepForm({ detail, step, committee, onSaved, onCancel }: { detail: RecruitDetail; step: RecruitStep; committee: boolean; onSaved(d: RecruitDetail): void; onCancel(): void }) {
  const has = (f: string) => step.fields.includes(f)
  const [on, setOn] = useState(todayInShanghai())
  const [note, setNote] = useState('')
  const [people, setPeople] = useState<string[]>([])
  const [result, setResult] = useState('')
  const [talker, setTalker] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [hours, setHours] = useState('')
  const [activityId, setActivityId] = useState('')
  const [votes, setVotes] = useState({ for: '', against: '0', abstain: '0' })
  const [approved, setApproved] = useState<'yes' | 'no'>('yes')
  const [outcome, setOutcome] = useState<Outcome>('confirm')
  const [months, setMonths] = useState('6')
  const [reason, setReason] = useState('')
  const [exceptionReason, setExceptionReason] = useState('')
  const [exceptionAllowed, setExceptionAllowed] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [roster, setRoster] = useState<{ id: string; name: string }[]>([])
  const [congresses, setCongresses] = useState<{ id: string; label: string; on: string }[]>([])

  useEffect(() => {
    if (has('contacts') || has('introducers')) {
      loadFullMembers(detail.branchId).then(setRoster, (e) => setError(errorMessage(e)))
    }
    if (has('congress')) {
      loadCongresses(detail.branchId).then(
        (r) => setCongresses(r.items.map((a) => ({ id: a.id, on: beijingDay(a.startAt), label: `${dateText(beijingDay(a.startAt))} ${a.topic}` }))),
        (e) => setError(errorMessage(e)),
      )
    }
  }, [step.code])

  const save = async () => {
    setSaving(true)
    setError(null)
    const num = (v: string) => (v.trim() === '' ? undefined : Number(v))
    try {
      const d = await saveStep({
        recruitId: detail.id,
        step: step.code,
        on,
        version: detail.version,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(has('contacts') || has('introducers') ? { people } : {}),
        ...(has('result') && result.trim() ? { result: result.trim() } : {}),
        ...(has('talker') && talker.trim() ? { talker: talker.trim() } : {}),
        ...(has('period') ? { ...(from ? { from } : {}), ...(to ? { to } : {}) } : {}),
        ...(has('hours') && num(hours) !== undefined ? { hours: num(hours) } : {}),
        ...(has('congress') ? { ...(activityId ? { activityId } : {}), votes: { for: num(votes.for) ?? 0, against: num(votes.against) ?? 0, abstain: num(votes.abstain) ?? 0 } } : {}),
        ...(has('approval') ? { approved: approved === 'yes' } : {}),
        ...(has('outcome') ? { outcome, ...(outcome === 'extend' ? { extensionMonths: num(months) } : {}) } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(exceptionReason.trim() ? { exceptionReason: exceptionReason.trim() } : {}),
      })
      onSaved(d)
    } catch (e) {
      setError(errorMessage(e))
      const details = e instanceof ApiCallError ? (e.details as { exceptionAllowed?: boolean } | undefined) : undefined
      setExceptionAllowed(!!details?.exceptionAllowed)
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='recruit-form' {...testId(`step-form-${step.code}`)}>
      <Text className='recruit-form__title'>
        第{step.n}步 {step.title}
      </Text>
      <Text className='recruit-form__hint'>
        {step.actor} · 记录：{step.records}
        {step.ruleText ? `\n时限：${step.ruleText}` : ''}（{step.source}）
      </Text>
      <Field label='日期'>
        <DateField value={on} onChange={setOn} id='step-on' />
      </Field>
      {has('contacts') || has('introducers') ? (
        <Field label={has('contacts') ? '培养联系人（一至二名正式党员）' : '入党介绍人（两名正式党员）'}>
          <Chips options={roster.map((m) => m.name)} value={roster.filter((m) => people.includes(m.id)).map((m) => m.name)} onChange={(names) => setPeople(roster.filter((m) => names.includes(m.name)).map((m) => m.id))} id='step-people' />
        </Field>
      ) : null}
      {has('talker') ? (
        <Field label='谈话人' hint={step.code === 'talk' ? '党组织派去谈话的党员（细则第八条）' : '上级党委派去谈话的同志（细则第二十四条）'}>
          <TextInput value={talker} onChange={setTalker} maxlength={40} placeholder='姓名' id='step-talker' />
        </Field>
      ) : null}
      {has('result') ? (
        <Field label='政审结论' hint='个人材料：仅支部书记、组织委员和党委可见'>
          <TextInput value={result} onChange={setResult} multiline maxlength={500} id='step-result' />
        </Field>
      ) : null}
      {has('period') ? (
        <Field label={step.code === 'training' ? '培训起止日期' : '公示起止日期'}>
          <View className='recruit__row'>
            <DateField value={from} onChange={setFrom} id='step-from' placeholder='开始' />
            <DateField value={to} onChange={setTo} id='step-to' placeholder='结束' />
          </View>
        </Field>
      ) : null}
      {has('hours') ? (
        <Field label='学时'>
          <TextInput value={hours} onChange={setHours} type='digit' id='step-hours' />
        </Field>
      ) : null}
      {has('congress') ? (
        <>
          <Field label='支部党员大会（已记录、进行表决）' hint={congresses.length ? undefined : '请先在「活动」中记录这次支部党员大会，并选择“表决”'}>
            <Segments options={congresses.map((c) => ({ value: c.id, label: c.label }))} value={activityId} onChange={(v) => { setActivityId(v); const c = congresses.find((x) => x.id === v); if (c) setOn(c.on) }} id='step-congress' />
          </Field>
          <Field label='表决：赞成 / 反对 / 弃权'>
            <View className='recruit__row'>
              <TextInput value={votes.for} onChange={(v) => setVotes({ ...votes, for: v })} type='number' id='step-votes-for' placeholder='赞成' />
              <TextInput value={votes.against} onChange={(v) => setVotes({ ...votes, against: v })} type='number' id='step-votes-against' placeholder='反对' />
              <TextInput value={votes.abstain} onChange={(v) => setVotes({ ...votes, abstain: v })} type='number' id='step-votes-abstain' placeholder='弃权' />
            </View>
          </Field>
        </>
      ) : null}
      {has('approval') ? (
        <Field label='上级党委意见'>
          <Segments<'yes' | 'no'> options={[{ value: 'yes', label: '批准' }, { value: 'no', label: '不批准' }]} value={approved} onChange={setApproved} id='step-approved' />
        </Field>
      ) : null}
      {has('outcome') ? (
        <>
          <Field label='讨论结果'>
            <Segments<Outcome> options={[{ value: 'confirm', label: '按期转正' }, { value: 'extend', label: '延长预备期' }, { value: 'cancel', label: '取消资格' }]} value={outcome} onChange={setOutcome} id='step-outcome' />
          </Field>
          {outcome === 'extend' ? (
            <Field label='延长（月，六至十二）'>
              <TextInput value={months} onChange={setMonths} type='number' id='step-months' />
            </Field>
          ) : null}
        </>
      ) : null}
      {has('approval') || has('outcome') ? (
        <Field label='原因（不批准、延长、取消或超期审批时必填）'>
          <TextInput value={reason} onChange={setReason} multiline maxlength={500} id='step-reason' />
        </Field>
      ) : null}
      <Field label='情况说明（可选）'>
        <TextInput value={note} onChange={setNote} multiline maxlength={1000} id='step-note' />
      </Field>
      {error ? (
        <Text className='recruit__error' {...testId('step-error')}>
          {error}
        </Text>
      ) : null}
      {exceptionAllowed && committee ? (
        <Field label='例外原因（党委记录，保留在档案历史中）'>
          <TextInput value={exceptionReason} onChange={setExceptionReason} multiline maxlength={500} id='step-exception' />
        </Field>
      ) : null}
      <View className='recruit__row'>
        <Button type='primary' loading={saving} onClick={() => void save()} {...testId('step-save')}>
          {exceptionAllowed && committee && exceptionReason.trim() ? '作为例外记录' : '记录'}
        </Button>
        <Button type='plain' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}

function beijingDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10)
}
