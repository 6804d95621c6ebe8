/**
 * 党委设置 (the committee only): the cap on 优秀 in 民主评议党员 (appraisal.setSettings; national practice one third)
 * and the months behind at which the secretary is warned about 党费 (dues.setSettings; 3 and 5 by default, before
 * 党章 第九条's fixed six). Current values shown with the defaults; each part checked as typed on save, with Chinese
 * messages under the field that clear when it changes; each saved on its own.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../../components/button'
import { Field, TextInput } from '../../../../components/form'
import { Section } from '../../../../components/section'
import { ErrorState, LoadingState } from '../../../../components/states'
import { selectIsCommitteeAdmin, useSessionStore } from '../../../../features/session/store'
import { useSessionBootstrap } from '../../../../features/session/use-session'
import { errorMessage, saveShare, saveWarnMonths, shareErrors, useCommitteeSettings, warnErrors, type CommitteeSettings, type ShareField, type WarnField } from '../../../../features/settings/store'
import { testId } from '../../../../lib/test-id'
import '../committee.scss'

export default function CommitteeSettingsPage() {
  const status = useSessionBootstrap()
  const isAdmin = useSessionStore(selectIsCommitteeAdmin)
  const { data, setData, error, reload } = useCommitteeSettings(status === 'ready' && isAdmin)

  if (status !== 'ready') return <LoadingState />
  // Members and secretaries have no entry to it; opened anyway, it says whose it is.
  if (!isAdmin) return <ErrorState message='党委设置只有党委管理员可以查看和修改' />
  if (error) return <ErrorState message={error} onRetry={reload} />
  if (!data) return <LoadingState />
  return (
    <View className='cm cm-settings'>
      {/* Not keyed by the values: a save keeps the form as typed (now the saved values) and its 已保存 line. */}
      <ShareSection data={data} onSaved={(appraisal) => setData((d) => (d ? { ...d, appraisal } : d))} />
      <WarnSection data={data} onSaved={(dues) => setData((d) => (d ? { ...d, dues } : d))} />
    </View>
  )
}

/** A save's state: busy, a refusal from the cloud, or done. */
function useSave() {
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  return {
    busy,
    failed,
    done,
    clear() {
      setFailed(null)
      setDone(null)
    },
    async run(fn: () => Promise<string>) {
      setBusy(true)
      setFailed(null)
      setDone(null)
      try {
        setDone(await fn())
      } catch (e) {
        setFailed(errorMessage(e))
      } finally {
        setBusy(false)
      }
    },
  }
}

function ShareSection({ data, onSaved }: { data: CommitteeSettings; onSaved(a: CommitteeSettings['appraisal']): void }) {
  const { share, defaults } = data.appraisal
  const [numerator, setNumerator] = useState(String(share.numerator))
  const [denominator, setDenominator] = useState(String(share.denominator))
  const [errors, setErrors] = useState<Partial<Record<ShareField, string>>>({})
  const save = useSave()
  const edit = (field: ShareField, set: (v: string) => void) => (v: string) => {
    set(v)
    // A message about the value as it was goes as soon as it changes; the next save checks again.
    setErrors((e) => ({ ...e, [field]: undefined, ...(field === 'denominator' ? { numerator: undefined } : {}) }))
    save.clear()
  }
  const submit = () => {
    const found = shareErrors(numerator, denominator)
    setErrors(found)
    if (Object.keys(found).length) return
    void save.run(async () => {
      const saved = await saveShare(Number(numerator), Number(denominator))
      onSaved(saved)
      return `已保存：优秀比例上限 ${saved.share.numerator}/${saved.share.denominator}`
    })
  }
  return (
    <Section title='民主评议：优秀比例上限'>
      <Text className='cm-settings__now' {...testId('settings-share-now')}>
        当前：每个支部评为“优秀”的党员不超过参评人数的 {share.numerator}/{share.denominator}（默认 {defaults.numerator}/{defaults.denominator}）
      </Text>
      <View className='cm-settings__pair'>
        <Field label='分子' error={errors.numerator} errorId='settings-share-numerator-error'>
          <TextInput id='settings-share-numerator' type='number' value={numerator} onChange={edit('numerator', setNumerator)} maxlength={3} placeholder='例如 1' />
        </Field>
        <Text className='cm-settings__slash'>/</Text>
        <Field label='分母' error={errors.denominator} errorId='settings-share-denominator-error'>
          <TextInput id='settings-share-denominator' type='number' value={denominator} onChange={edit('denominator', setDenominator)} maxlength={3} placeholder='例如 3' />
        </Field>
      </View>
      <Text className='cm-settings__hint'>超过比例时，支部提交评议结果会被要求调整。</Text>
      {save.failed ? <Text className='field__error' {...testId('settings-share-error')}>{save.failed}</Text> : null}
      {save.done ? <Text className='cm-settings__done' {...testId('settings-share-done')}>{save.done}</Text> : null}
      <Button type='primary' block loading={save.busy} onClick={submit} {...testId('settings-share-save')}>
        保存优秀比例
      </Button>
    </Section>
  )
}

function WarnSection({ data, onSaved }: { data: CommitteeSettings; onSaved(d: CommitteeSettings['dues']): void }) {
  const { warnMonths, defaults, lapseMonths } = data.dues
  const [first, setFirst] = useState(String(warnMonths[0]))
  const [second, setSecond] = useState(String(warnMonths[1]))
  const [errors, setErrors] = useState<Partial<Record<WarnField, string>>>({})
  const save = useSave()
  const edit = (field: WarnField, set: (v: string) => void) => (v: string) => {
    set(v)
    // The two are checked against each other: changing either clears both messages until the next save.
    setErrors((e) => ({ ...e, [field]: undefined, ...(field === 'first' ? { second: undefined } : { first: undefined }) }))
    save.clear()
  }
  const submit = () => {
    const found = warnErrors(first, second)
    setErrors(found)
    if (Object.keys(found).length) return
    void save.run(async () => {
      const saved = await saveWarnMonths(Number(first), Number(second))
      onSaved(saved)
      return `已保存：欠缴 ${saved.warnMonths[0]} 个月和 ${saved.warnMonths[1]} 个月时提醒书记`
    })
  }
  return (
    <Section title='党费：欠缴提醒'>
      <Text className='cm-settings__now' {...testId('settings-warn-now')}>
        当前：连续欠缴 {warnMonths[0]} 个月、{warnMonths[1]} 个月时提醒支部书记（默认 {defaults.warnMonths[0]} 和 {defaults.warnMonths[1]}）
      </Text>
      <View className='cm-settings__pair'>
        <Field label='第一次提醒（月）' error={errors.first} errorId='settings-warn-first-error'>
          <TextInput id='settings-warn-first' type='number' value={first} onChange={edit('first', setFirst)} maxlength={2} placeholder='例如 3' />
        </Field>
        <Field label='第二次提醒（月）' error={errors.second} errorId='settings-warn-second-error'>
          <TextInput id='settings-warn-second' type='number' value={second} onChange={edit('second', setSecond)} maxlength={2} placeholder='例如 5' />
        </Field>
      </View>
      <Text className='cm-settings__hint'>
        党章第九条：连续 {lapseMonths} 个月不交纳党费又无正当理由的，视为自行脱党。这 {lapseMonths} 个月不能修改，两次提醒须在此之前。
      </Text>
      {save.failed ? <Text className='field__error' {...testId('settings-warn-error')}>{save.failed}</Text> : null}
      {save.done ? <Text className='cm-settings__done' {...testId('settings-warn-done')}>{save.done}</Text> : null}
      <Button type='primary' block loading={save.busy} onClick={submit} {...testId('settings-warn-save')}>
        保存提醒月数
      </Button>
    </Section>
  )
}
