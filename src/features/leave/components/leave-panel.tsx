/**
 * 请假 on a planned session's page: a member expected there asks before it starts and may withdraw it while it
 * waits; the secretary sees every request and approves or declines (a decline needs a reason and is confirmed) —
 * never their own, which another 支委 or the committee decides here — and may change a decision until the session
 * starts (the member is told). Nothing shows to someone who neither asked nor may ask (nor to the session's host or
 * recorder, who do not ask leave). An error goes as soon as the field it is about changes.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { LEAVE_KIND_LABELS, LEAVE_KINDS, LEAVE_STATUS_LABELS, type LeaveKind } from '../../../../types/leave'
import { Button } from '../../../components/button'
import { Field, Segments, TextInput } from '../../../components/form'
import { Section } from '../../../components/section'
import { testId } from '../../../lib/test-id'
import { errorMessage } from '../../../services/api'
import { askLeave, decideOnLeave, useSessionLeave, withdrawOwnLeave, type LeaveRequest } from '../store'
import './leave.scss'

const kindText = (r: Pick<LeaveRequest, 'kind' | 'note'>) => `${LEAVE_KIND_LABELS[r.kind]}${r.note ? `：${r.note}` : ''}`

export function LeavePanel({ activityId }: { activityId: string }) {
  const { state, error, reload: load } = useSessionLeave(activityId)

  if (error) return <Text className='leave__error'>请假信息加载失败：{error}</Text>
  if (!state) return null
  const showMine = state.mine || state.canAsk
  if (!showMine && !state.canDecide) return null
  return (
    <>
      {showMine ? (
        <Section title='请假'>
          {state.mine ? (
            <View className='leave__mine' {...testId('leave-mine')}>
              <Text className={`leave__status leave__status--${state.mine.status}`}>{LEAVE_STATUS_LABELS[state.mine.status]}</Text>
              <Text className='leave__text'>{kindText(state.mine)}</Text>
              {state.mine.decisionNote ? <Text className='leave__meta'>审批意见：{state.mine.decisionNote}</Text> : null}
              {state.canWithdraw ? <WithdrawLeave activityId={activityId} onDone={load} /> : null}
            </View>
          ) : null}
          {state.canAsk ? <LeaveForm activityId={activityId} again={!!state.mine} onSent={load} /> : null}
        </Section>
      ) : null}
      {state.canDecide ? (
        <Section title={`请假申请（${state.all.length}）`}>
          {state.all.length === 0 ? <Text className='leave__meta'>暂无党员请假。</Text> : null}
          {state.all.map((r) => (
            <LeaveDecision key={r.id} r={r} activityId={activityId} canDecide={state.decidable.includes(r.id)} own={r.memberId === state.mine?.memberId} onDecided={load} />
          ))}
        </Section>
      ) : null}
    </>
  )
}

function LeaveForm({ activityId, again, onSent }: { activityId: string; again: boolean; onSent(): void }) {
  const [kind, setKind] = useState<LeaveKind>('personal')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const pick = (k: LeaveKind) => {
    setKind(k)
    setError(null)
  }
  const type = (v: string) => {
    setNote(v)
    setError(null)
  }
  const send = async () => {
    setBusy(true)
    setError(null)
    try {
      await askLeave({ activityId, kind, ...(note.trim() ? { note } : {}) })
      onSent()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='leave__form'>
      <Text className='leave__meta'>{again ? '可以说明新的原因，再次请假。' : '不能参加的，请在活动开始前向支部书记请假。'}</Text>
      <Field label='请假类型'>
        <Segments<LeaveKind> id='leave-kind' value={kind} onChange={pick} options={LEAVE_KINDS.map((k) => ({ value: k, label: LEAVE_KIND_LABELS[k] }))} />
      </Field>
      <Field label={kind === 'other' ? '请假原因' : '说明（可不填）'}>
        <TextInput id='leave-note' value={note} onChange={type} maxlength={100} placeholder={kind === 'other' ? '请写明原因' : '例如：在外地出差'} />
      </Field>
      {error ? <Text className='field__error' {...testId('leave-error')}>{error}</Text> : null}
      <Button type='primary' block loading={busy} onClick={send} {...testId('leave-send')}>
        提交请假
      </Button>
    </View>
  )
}

/** 撤回: the member takes back a request still waiting, before the session starts. */
function WithdrawLeave({ activityId, onDone }: { activityId: string; onDone(): void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const withdraw = async () => {
    setBusy(true)
    setError(null)
    try {
      await withdrawOwnLeave(activityId)
      onDone()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='leave__actions'>
      <Button loading={busy} onClick={withdraw} {...testId('leave-withdraw')}>
        撤回请假
      </Button>
      {error ? <Text className='field__error'>{error}</Text> : null}
    </View>
  )
}

function LeaveDecision({ r, activityId, canDecide, own, onDecided }: { r: LeaveRequest; activityId: string; canDecide: boolean; own: boolean; onDecided(): void }) {
  const [declining, setDeclining] = useState(false)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const type = (v: string) => {
    setNote(v)
    setError(null)
  }
  const decide = async (approve: boolean) => {
    setBusy(true)
    setError(null)
    try {
      await decideOnLeave({ activityId, memberId: r.memberId, approve, ...(!approve && note.trim() ? { note } : {}) })
      setDeclining(false)
      setNote('')
      onDecided()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='leave__row' {...testId(`leave-row-${r.memberId}`)}>
      <View className='leave__row-head'>
        <Text className='leave__name'>{r.name}</Text>
        <Text className={`leave__status leave__status--${r.status}`}>{LEAVE_STATUS_LABELS[r.status]}</Text>
      </View>
      <Text className='leave__text'>{kindText(r)}</Text>
      {r.decisionNote ? <Text className='leave__meta'>意见：{r.decisionNote}</Text> : null}
      {r.status === 'pending' && own ? <Text className='leave__meta' {...testId(`leave-own-${r.memberId}`)}>本人的请假由其他支委或上级党委审批</Text> : null}
      {canDecide ? (
        declining ? (
          <View className='leave__decline' {...testId(`leave-decline-box-${r.memberId}`)}>
            <Text className='leave__meta'>不准假：{r.name}会收到通知，请写明原因。</Text>
            <TextInput id={`leave-decline-note-${r.memberId}`} value={note} onChange={type} maxlength={100} placeholder='不准假的原因' />
            <View className='leave__actions'>
              <Button
                onClick={() => {
                  setDeclining(false)
                  setError(null)
                }}
                disabled={busy}
              >
                取消
              </Button>
              <Button type='primary' loading={busy} onClick={() => decide(false)} {...testId(`leave-decline-confirm-${r.memberId}`)}>
                确定不准假
              </Button>
            </View>
          </View>
        ) : r.status === 'pending' ? (
          <View className='leave__actions'>
            <Button onClick={() => setDeclining(true)} disabled={busy} {...testId(`leave-decline-${r.memberId}`)}>
              不准假
            </Button>
            <Button type='primary' loading={busy} onClick={() => decide(true)} {...testId(`leave-approve-${r.memberId}`)}>
              准假
            </Button>
          </View>
        ) : (
          // Decided, the session not begun: the decision may still change; the member is told.
          <View className='leave__change'>
            <Text className='leave__meta'>活动开始前可以更改，{r.name}会收到通知</Text>
            <View className='leave__actions'>
            {r.status === 'approved' ? (
              <Button onClick={() => setDeclining(true)} disabled={busy} {...testId(`leave-change-${r.memberId}`)}>
                改为不准假
              </Button>
            ) : (
              <Button loading={busy} onClick={() => decide(true)} {...testId(`leave-change-${r.memberId}`)}>
                改为准假
              </Button>
            )}
            </View>
          </View>
        )
      ) : null}
      {error ? <Text className='field__error'>{error}</Text> : null}
    </View>
  )
}
