/**
 * A planned session's 改期 / 修改安排 and 取消活动 (#16.11), on its page: time, place, host and topic can change
 * before it is held, with a note for the history; its audience is told (inbox, and a message where granted)
 * unless the secretary unticks 通知参加人员. Cancelling needs a reason, which the audience reads.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ActionInput } from '../../../../types/actions'
import { Button } from '../../../components/button'
import { Field, Segments, TextInput } from '../../../components/form'
import { inShanghai } from '../../../lib/dayjs'
import { shanghaiToIso } from '../../../lib/time'
import { testId } from '../../../lib/test-id'
import { errorMessage } from '../../../services/api'
import type { ActivityFull } from '../api'
import { useDetailStore } from '../detail-store'
import { followCancelled } from '../records-store'
import { DateField, TimeField } from './form-controls'
import './plan-changes.scss'

type Mode = 'idle' | 'change' | 'cancel'
const NOTIFY = [
  { value: 'yes' as const, label: '通知参加人员' },
  { value: 'no' as const, label: '不通知' },
]

export function PlanChanges({ a, onChanged, onCancelled }: { a: ActivityFull; onChanged(a: ActivityFull): void; onCancelled(told: number): void }) {
  const [mode, setMode] = useState<Mode>('idle')
  const start = inShanghai(a.startAt)
  const [v, setV] = useState({ date: start.format('YYYY-MM-DD'), time: start.format('HH:mm'), place: a.place, host: a.host ?? '', topic: a.topic, reason: '', notify: 'yes' as 'yes' | 'no' })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // The form opens below the page's fold (under the record's details): bring it into view when it opens.
  useEffect(() => {
    if (mode !== 'idle') void Taro.nextTick(() => void Taro.pageScrollTo({ selector: '#plan-changes-form', duration: 200 }).catch(() => undefined))
  }, [mode])
  const set = <K extends keyof typeof v>(k: K, x: (typeof v)[K]) => {
    setV((s) => ({ ...s, [k]: x }))
    setError(null)
  }
  if (a.status !== 'planned' || !a.canEdit) return null

  const save = async () => {
    // Compared as instants: the form's Beijing time and the saved UTC string name the same moment differently.
    const startAt = new Date(shanghaiToIso(v.date, v.time)).toISOString()
    const input: ActionInput<'activities.changePlan'> = { id: a.id, expectedVersion: a.version ?? 1, notify: v.notify === 'yes' }
    if (Date.parse(startAt) !== Date.parse(a.startAt)) {
      input.startAt = startAt
      // A set end time moves with the start, keeping the length.
      if (a.endAt) input.endAt = new Date(Date.parse(a.endAt) + Date.parse(startAt) - Date.parse(a.startAt)).toISOString()
    }
    if (v.place.trim() !== a.place) input.place = v.place.trim()
    if (v.topic.trim() !== a.topic) input.topic = v.topic.trim()
    if (v.host.trim() !== (a.host ?? '') && v.host.trim()) input.host = v.host.trim()
    if (v.reason.trim()) input.reason = v.reason.trim()
    if (!input.startAt && !input.place && !input.topic && !input.host) return setError('没有要修改的内容')
    setBusy(true)
    try {
      onChanged(await useDetailStore.getState().changePlan(input))
      setMode('idle')
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  const cancel = async () => {
    if (!v.reason.trim()) return setError('请填写取消原因，参加人员会收到它')
    setBusy(true)
    try {
      const r = await useDetailStore.getState().cancelPlan({ id: a.id, reason: v.reason.trim(), expectedVersion: a.version ?? 1 })
      followCancelled(a.id, v.reason.trim())
      onCancelled(r.told)
    } catch (e) {
      setError(errorMessage(e))
      setBusy(false)
    }
  }

  if (mode === 'idle')
    return (
      <>
        <View className='plan-changes__row'>
          <Button type='default' className='plan-changes__cell' onClick={() => setMode('change')} {...testId('plan-change')}>
            改期 / 修改安排
          </Button>
          <Button type='default' className='plan-changes__cell' onClick={() => setMode('cancel')} {...testId('plan-cancel')}>
            取消活动
          </Button>
        </View>
        <Text className='plan-changes__note' {...testId('plan-cancel-note')}>
          活动不开了用“取消活动”：参加人员会收到通知和原因。只有录错了才用上方的“删除”。
        </Text>
      </>
    )

  return (
    <View className='plan-changes' id='plan-changes-form' {...testId(mode === 'change' ? 'plan-change-form' : 'plan-cancel-form')}>
      <Text className='plan-changes__title'>{mode === 'change' ? '改期 / 修改安排' : '取消这次活动'}</Text>
      {mode === 'change' ? (
        <View>
          <Field label='日期'>
            <DateField value={v.date} onChange={(x) => set('date', x)} />
          </Field>
          <Field label='开始时间'>
            <TimeField value={v.time} onChange={(x) => set('time', x)} id='plan-change-time' />
          </Field>
          <Field label='地点'>
            <TextInput id='plan-change-place' value={v.place} onChange={(x) => set('place', x)} maxlength={100} />
          </Field>
          <Field label='主持人'>
            <TextInput id='plan-change-host' value={v.host} onChange={(x) => set('host', x)} maxlength={20} />
          </Field>
          <Field label='主题'>
            <TextInput id='plan-change-topic' value={v.topic} onChange={(x) => set('topic', x)} maxlength={100} />
          </Field>
          <Field label='变更说明（选填，记入修改历史并告知参加人员）'>
            <TextInput id='plan-change-reason' value={v.reason} onChange={(x) => set('reason', x)} maxlength={200} placeholder='例如：场馆闭馆，改到周五' />
          </Field>
          <Segments id='plan-change-notify' options={NOTIFY} value={v.notify} onChange={(x) => set('notify', x)} />
        </View>
      ) : (
        <Field label='取消原因（必填，参加人员会收到）'>
          <TextInput id='plan-cancel-reason' value={v.reason} onChange={(x) => set('reason', x)} maxlength={200} placeholder='例如：上级党委通知延期' />
        </Field>
      )}
      {error ? (
        <Text className='plan-changes__error' {...testId('plan-change-error')}>
          {error}
        </Text>
      ) : null}
      <View className='plan-changes__row'>
        <Button className='plan-changes__cell' onClick={() => setMode('idle')}>返回</Button>
        <Button type='primary' className='plan-changes__cell' loading={busy} onClick={mode === 'change' ? save : cancel} {...testId(mode === 'change' ? 'plan-change-save' : 'plan-cancel-confirm')}>
          {mode === 'change' ? '保存变更' : '确认取消'}
        </Button>
      </View>
    </View>
  )
}
